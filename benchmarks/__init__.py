"""Benchmark-only code, outside the product package: synthetic examples for ``scripts/benchmark.py``,
``scripts/serve_timing.py`` and the tests that need a large bank."""

"""Boligsosial eksempelbank: load, validate, group and render municipal examples.

Pure functions over plain files; the MkDocs hook in ``hooks/`` is a thin layer on top.
"""

from pathlib import Path

#: The repository root, where ``data/`` and ``examples/`` live.
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
EXAMPLES_DIR = ROOT / "examples"

"""Boligsosial eksempelbank: load, validate, group and render municipal examples.

Pure functions over plain files, in layers: ``reading`` (read and check one example), ``website``
(make the site), ``editors`` (the editors' tools), then the command line (``cli.py``); the MkDocs hook
in ``hooks/`` is a thin layer on top. ``tests/test_layers.py`` keeps the order.
"""

from pathlib import Path

#: The checkout this package lies in (``data/`` and ``examples/`` next to it), for the build hook and
#: the tests. An installed package has none: the commands find the project from the working directory
#: (see ``project.find_project``), and nothing the tools read at run time lives inside the package.
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
EXAMPLES_DIR = ROOT / "examples"

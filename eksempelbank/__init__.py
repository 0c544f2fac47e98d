"""Boligsosial eksempelbank: load, validate, group and render municipal examples.

Pure functions over plain files; the MkDocs hook in ``hooks/`` is a thin layer on top.
"""

from pathlib import Path

#: The checkout this package lies in (``data/`` and ``examples/`` next to it), for the build hook and
#: the tests. An installed package has none: the commands find the project from the working directory
#: (see ``project.find_project``), and nothing the tools read at run time lives inside the package.
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
EXAMPLES_DIR = ROOT / "examples"

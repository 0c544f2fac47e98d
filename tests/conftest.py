from datetime import date
from pathlib import Path

import pytest

from eksempelbank import ROOT
from eksempelbank.reading.schema import load_schema
from eksempelbank.reading.validate import load_examples

from .sitebuild import mkdocs_build

CORPUS = Path(__file__).parent / "corpus"
TODAY = date(2026, 11, 21)  # fixed, so "in the future" and "stale" checks are reproducible


@pytest.fixture(scope="session")
def schema():
    return load_schema()


@pytest.fixture(scope="module")
def examples(schema):
    """The bank's real examples (a fresh list per test module); they must all be valid."""
    catalog = load_examples(ROOT / "examples", schema)
    assert catalog.errors == []
    return catalog.examples


@pytest.fixture
def valid_text():
    return (CORPUS / "valid" / "gyldig-eksempel.md").read_text(encoding="utf-8")


@pytest.fixture
def repo_root():
    return ROOT


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real site, built once per test run exactly as production builds it."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site, result

"""Expectations for the search and finder tests, computed from the real examples in examples/."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from eksempelbank import ROOT
from eksempelbank.model import Example
from eksempelbank.schema import load_schema
from eksempelbank.validate import load_examples

#: An inflected query (definite or plural form) and the base form the examples' text uses.
INFLECTED = [
    ("boligkontoret", "boligkontor"),
    ("startlånet", "startlån"),
    ("bostedsløse", "bostedsløshet"),
    ("utkastelsene", "utkastelser"),
    ("småhusene", "småhus"),
]


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    catalog = load_examples(ROOT / "examples", load_schema())
    assert catalog.errors == []
    return tuple(catalog.examples)


def by_title(title: str) -> Example:
    return next(e for e in examples() if e.title == title)


def page_text(example: Example) -> str:
    """The words on the example's page that search indexes: title, summary, body, facet labels."""
    schema = load_schema()
    labels = [schema.vocabulary_for(f).label(v) for f in schema.facets for v in example.facet_values(f.field)]
    return "\n".join([example.title, example.summary, example.body, example.municipality_label, *labels])


def examples_saying(word: str) -> set[str]:
    """Slugs of the examples whose page has ``word`` as a whole word (any case)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return {e.slug for e in examples() if pattern.search(page_text(e))}


def examples_with_family(query: str, base: str) -> set[str]:
    """Slugs of the examples with any word of the family of ``query`` and ``base``: a word that
    starts with what the two share («bostedsløse», «bostedsløshet» -> «bostedsløs…»). This is what
    a stemming search may rightly return for either of them."""
    stem = os.path.commonprefix([query.lower(), base.lower()])
    pattern = re.compile(rf"(?<!\w){re.escape(stem)}\w*", re.IGNORECASE)
    return {e.slug for e in examples() if pattern.search(page_text(e))}


def slug_of(href: str) -> str | None:
    match = re.search(r"eksempler/([a-z0-9-]+)/?$", href)
    return match.group(1) if match else None


def matching(**chosen: list[str]) -> list[Example]:
    """Examples the finder should list: OR within a facet (field name), AND across facets."""
    return [e for e in examples()
            if all(set(values) & set(e.facet_values(field)) for field, values in chosen.items())]


def count_text(count: int) -> str:
    return f"{count} {'eksempel' if count == 1 else 'eksempler'} passer"

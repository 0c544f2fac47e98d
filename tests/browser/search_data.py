"""Expectations for the search and finder tests, computed from the real examples in examples/."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from eksempelbank import ROOT
from eksempelbank.reading.model import Example
from eksempelbank.reading.schema import load_schema
from eksempelbank.reading.validate import load_examples

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
    return [e for e in examples() if all(set(values) & set(e.facet_values(field)) for field, values in chosen.items())]


def count_text(count: int) -> str:
    return f"{count} {'eksempel' if count == 1 else 'eksempler'} passer"


# -- recall: word families, misspellings (tests/browser/test_search_recall.py) -----------------


@lru_cache(maxsize=1)
def search_words():
    from eksempelbank.website.search_index import load_search_words

    return load_search_words(load_schema().data_dir)


def indexed_text(example: Example) -> str:
    """Everything of an example the index reads (page text or metadata), from the example file:
    title, summary, the sections with their headings, sources and links, municipality, responsible
    actor, period and the labels of its facet values."""
    values = example.values
    parts = [
        page_text(example),
        str(values.get("ansvarlig_aktor", "")),
        str(values.get("ansvarlig_enhet", "")),
        example.period_label,
        *(s.title for s in example.sections),
        "Kilder Kjelder",
    ]
    for source in values.get("kilder", []):
        parts += [str(source.get(key, "")) for key in ("tittel", "utgiver", "aar", "dokument", "del")]
    parts += [str(link.get("tittel", "")) for link in values.get("lenker", [])]
    return "\n".join(parts)


def family_of(word: str) -> tuple[str, ...]:
    """The family of ``word`` in data/ordfamilier.yml (its words), or () if it has none."""
    words = search_words()
    index = words.family_of(word)
    return words.families[index] if index is not None else ()


def examples_with_any_word(words) -> set[str]:
    """Slugs of the examples whose indexed text has one of ``words`` as a whole word (any case)."""
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    return {slug for slug, text in _indexed_texts().items() if pattern.search(text)}


@lru_cache(maxsize=1)
def _indexed_texts() -> dict[str, str]:
    return {e.slug: indexed_text(e) for e in examples()}


def examples_with_word_starting(prefixes) -> set[str]:
    """Slugs of the examples whose indexed text has a word starting with one of ``prefixes``."""
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in prefixes) + r")", re.IGNORECASE)
    return {slug for slug, text in _indexed_texts().items() if pattern.search(text)}


def without_ending(word: str) -> str:
    """``word`` less its longest ending from data/ordfamilier.yml (at least three letters left): about
    what the stemmer keeps, and so what a search may match every longer word by."""
    for ending in search_words().endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word

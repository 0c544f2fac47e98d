"""Recall of the search: inflected, derived, Nynorsk, unaccented and misspelled queries, in real
Chromium against the built site, through the search the header and the finder share
(docs/assets/search-common.js).

What each query must and must not return is computed from the example files and from
data/ordfamilier.yml, not written down:

- must: every example whose text (or facts and labels, which the index reads as metadata) has the
  word the query stands for, or a word of its family, as a whole word;
- must not: any example without a word that starts like one of those words less its ending (which
  is all a stemming, prefix-matching search may rightly add).

A misspelled query must return nothing and offer the word it was made from; that word must then
return what it stands for.
"""

from __future__ import annotations

import re

import pytest

from .conftest import DESKTOP, MOBILE
from .search_data import (
    examples,
    examples_with_any_word,
    examples_with_word_starting,
    family_of,
    search_words,
    slug_of,
    without_ending,
)

pytestmark = pytest.mark.browser


def swap(word: str, at: int) -> str:
    """Two neighbouring letters swapped, as fast typing does: swap("Holmestrand", 7) = "Holmestarnd"."""
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def unaccented(word: str) -> str:
    """Typed without Norwegian letters: "bostedsløs" -> "bostedslos"."""
    return word.translate(str.maketrans({"ø": "o", "å": "a", "æ": "ae"}))


def dropped(word: str, at: int) -> str:
    return word[:at] + word[at + 1 :]


def doubled(word: str, at: int) -> str:
    return word[:at] + word[at] + word[at:]


# (query, the word the examples use, kind). The word's family in data/ordfamilier.yml counts too.
FOUND = [
    ("boligkontoret", "boligkontor", "bøyd"),
    ("startlånet", "startlån", "bøyd"),
    ("bostedsløse", "bostedsløs", "bøyd"),
    ("utkastelsene", "utkastelse", "bøyd"),
    ("småhusene", "småhus", "bøyd"),
    ("leietakerne", "leietaker", "bøyd"),
    ("tildelingene", "tildeling", "bøyd"),
    ("husleien", "husleie", "bøyd"),
    ("tildele", "tildeling", "avledet"),
    ("tildelte", "tildeling", "avledet"),
    ("tildeling", "tildeling", "avledet"),
    ("bostedsløshet", "bostedsløs", "avledet"),
    ("kartlegge", "kartlegging", "avledet"),
    ("evaluert", "evaluering", "avledet"),
    ("forankret", "forankring", "avledet"),
    ("samordnet", "samordning", "avledet"),
    ("bustadlaus", "bostedsløs", "nynorsk"),
    ("bustadløyse", "bostedsløs", "nynorsk"),
    ("tildelast", "tildeling", "nynorsk"),
    ("husleige", "husleie", "nynorsk"),
    ("leigetakar", "leietaker", "nynorsk"),
    ("utleigebustad", "utleiebolig", "nynorsk"),
    ("bustadkontor", "boligkontor", "nynorsk"),
    ("mellombels", "midlertidig", "nynorsk"),
    ("heimel", "hjemmel", "nynorsk"),
    (unaccented("startlån"), "startlån", "uten æøå"),
    (unaccented("småhus"), "småhus", "uten æøå"),
]

# (misspelled query, the word it was made from)
MISSPELLED = [
    (swap("Holmestrand", 7), "Holmestrand"),
    (unaccented("bostedsløs"), "bostedsløs"),
    (swap("tildeling", 7), "tildeling"),
    (dropped("utkastelse", 7), "utkastelse"),
    (doubled("kompetanse", 5), "kompetanse"),
    (swap("Kristiansund", 9), "Kristiansund"),
]


def expected(query: str, word: str) -> tuple[set[str], set[str]]:
    """(must, may) for a query standing for ``word``: may is every example the search may return."""
    words = {word.lower(), query.lower(), *family_of(word)}
    must = examples_with_any_word(words)
    may = examples_with_word_starting({without_ending(w) for w in words})
    return must, may


SEARCH = """async ([module, query]) => {
  const search = await import(module);
  const pagefind = await search.loadPagefind();
  const found = await search.search(pagefind, query);
  const pages = await Promise.all(found.results.map((r) => r.data()));
  const offers = found.unknown.length ? await search.suggest(found.query, found.unknown) : [];
  return { urls: pages.map((p) => p.url), excerpts: pages.map((p) => p.excerpt), unknown: found.unknown, offers };
}"""


def run(page, site_url, query):
    return page.evaluate(SEARCH, [site_url + "assets/search-common.js", query])


def found_examples(result) -> list[str]:
    return [slug for slug in map(slug_of, result["urls"]) if slug]


def marked_words(excerpts) -> list[str]:
    return [m for e in excerpts for m in re.findall(r"<mark>(.*?)</mark>", e or "")]


def test_the_recall_list_is_long_enough_and_meaningful():
    assert len(FOUND) + len(MISSPELLED) >= 25
    assert {kind for _, _, kind in FOUND} >= {"bøyd", "avledet", "nynorsk"}
    for query, word, _ in FOUND:
        must, may = expected(query, word)
        assert must, f"no example says «{word}» or a word of its family: pick another word"
        assert may != {e.slug for e in examples()}, f"«{query}» may return anything: the test would prove nothing"


VIEWPORTS = [pytest.param(DESKTOP, id="desktop"), pytest.param(MOBILE, id="phone")]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query, word, kind", FOUND, ids=[q for q, _, _ in FOUND])
def test_query_finds_every_example_with_the_word_or_its_family(visit, site_url, query, word, kind, viewport):
    page = visit(viewport)
    page.goto(site_url + "om/")
    result = run(page, site_url, query)
    found = set(found_examples(result))
    must, may = expected(query, word)
    assert result["unknown"] == []
    assert must <= found, f"«{query}» ({kind}) missed {sorted(must - found)}"
    assert found <= may, f"«{query}» ({kind}) returned examples without the word: {sorted(found - may)}"
    stop = search_words().stopwords
    marks = [re.sub(r"\W", "", m).lower() for m in marked_words(result["excerpts"])]
    assert marks, "the excerpts show where the word is"
    assert not [m for m in marks if m in stop], "a stop word is marked"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query, word", MISSPELLED, ids=[q for q, _ in MISSPELLED])
def test_misspelling_finds_nothing_and_offers_the_word(visit, site_url, query, word, viewport):
    page = visit(viewport)
    page.goto(site_url + "om/")
    result = run(page, site_url, query)
    assert result["urls"] == [], f"«{query}» should find nothing, found {result['urls']}"
    assert result["unknown"] == [query.lower()]
    assert word.lower() in [o.lower() for o in result["offers"]], f"«{query}»: offered {result['offers']}"
    # The word offered finds what it stands for.
    corrected = run(page, site_url, word)
    found = set(found_examples(corrected))
    must, may = expected(word, word)
    assert must and must <= found and found <= may

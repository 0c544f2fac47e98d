"""Ranking: recall in the top 5 over queries municipal staff type (tests/browser/real_queries.py), in
both searches (the header's and «Finn eksempel»'s), computed from the example files."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP
from .real_queries import REAL_QUERIES, recall_at, relevant
from .search_data import examples, slug_of

pytestmark = pytest.mark.browser

#: Both searches as the pages run them: the header's lists the examples among all its results in
#: Pagefind's order; the finder searches the examples only. A query the index does not know takes
#: the first «Mente du …?» offer, as one tap does.
SEARCH = """async ([module, query, finder]) => {
  const search = await import(module);
  const pagefind = await search.loadPagefind();
  const words = await search.searchWords();
  const options = finder ? { filters: { [words.types.filter]: { none: [words.types.side] } } } : {};
  let found = await search.search(pagefind, query, options);
  let offers = [];
  if (found.unknown.length) {
    offers = await search.suggest(found.query, found.unknown);
    if (offers.length) found = await search.search(pagefind, offers[0], options);
  }
  const pages = await Promise.all(found.results.slice(0, 12).map((r) => r.data()));
  return { urls: pages.map((p) => p.url), offers };
}"""


def top(page, site_url, query, finder):
    result = page.evaluate(SEARCH, [site_url + "assets/search-common.js", query, finder])
    return [s for s in map(slug_of, result["urls"]) if s][:5], result["offers"]


def test_the_list_is_long_varied_and_every_query_has_examples():
    assert len(REAL_QUERIES) >= 60
    assert len({q for q, _, _ in REAL_QUERIES}) == len(REAL_QUERIES)
    kinds = {kind for _, kind, _ in REAL_QUERIES}
    assert kinds >= {"nynorsk", "sammensatt", "skrivefeil", "flere ord", "sted", "målgruppe"}
    everything = {e.slug for e in examples()}
    for query, _, _ in REAL_QUERIES:
        assert relevant(query), f"«{query}»: no example is about it; pick another query"
        assert relevant(query) != everything, f"«{query}»: every example counts; the test would prove nothing"


@pytest.mark.parametrize("finder", [False, True], ids=["header", "finder"])
def test_recall_at_5_is_at_least_0_95(visit, site_url, finder):
    page = visit(DESKTOP)
    page.goto(site_url + "om/")
    scores = {}
    misses = []
    for query, kind, _ in REAL_QUERIES:
        found, offers = top(page, site_url, query, finder)
        scores[query] = recall_at(found, query)
        if scores[query] < 1:
            misses.append(
                f"{query} ({kind}, {scores[query]:.2f}): top 5 {found}, offers {offers}, "
                f"missing {sorted(relevant(query) - set(found))[:5]}"
            )
    recall = sum(scores.values()) / len(scores)
    print(f"\nrecall@5 ({'finder' if finder else 'header'}): {recall:.3f} over {len(scores)} queries")
    print("\n".join(misses))
    assert recall >= 0.95, f"recall@5 {recall:.3f}:\n" + "\n".join(misses)


def test_a_place_in_the_query_puts_its_own_examples_first(visit, site_url):
    """A county's name lists that county's examples before any other, whatever their sources say
    («NRK Nordland» as a publisher does not place an example in Nordland); so does a municipality's."""
    counties = {}
    for example in examples():
        for county in example.facet_values("fylke"):
            counties.setdefault(county, set()).add(example.slug)
    from eksempelbank.reading.schema import load_schema

    vocabulary = load_schema().vocabulary_for(load_schema().facet("fylke"))
    page = visit(DESKTOP)
    page.goto(site_url + "om/")
    for county, own in sorted(counties.items()):
        name = vocabulary.label(county)
        for finder in (False, True):
            found, _ = top(page, site_url, name, finder)
            k = min(len(own), 5)
            assert set(found[:k]) <= own, f"«{name}»: {found[:k]} (its own: {sorted(own)[:8]})"
    towns = {}
    for example in examples():
        for m in example.municipalities:
            towns.setdefault(m.name, set()).add(example.slug)
    for name, own in sorted(towns.items())[:12]:
        if " " in name or "(" in name:
            continue
        found, _ = top(page, site_url, name, True)
        k = min(len(own), 5)
        assert set(found[:k]) <= own, f"«{name}»: {found[:k]}"

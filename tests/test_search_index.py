"""The search index in the built site, and what each page hands it (no browser)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from eksempelbank.reading.schema import Term, Vocabulary
from eksempelbank.reading.text import sort_key
from eksempelbank.website.finder import (
    BITMASK_VALUES,
    CARD_META,
    FINDER_URI,
    RESULTS_PER_BATCH,
    SELECTION_PREFIX,
    SELECTION_TABLE,
    finder_facets,
    render_finder,
    selection_files,
)
from eksempelbank.website.search_index import (
    PAGE_TYPE,
    PERIOD_FILTER,
    SORT_REVIEWED,
    SORT_TITLE,
    TYPE_FILTER,
    SearchIndexError,
    build_index,
    example_search_data,
    filter_values,
    mark_searchable,
    newest_first,
    period_values,
    reviewed_sort_keys,
    should_index,
)

from .sitebuild import copy_project, mkdocs_build


def filters_on(page_html: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, value in re.findall(r'<span data-pagefind-filter="([^"]+)">([^<]*)</span>', page_html):
        found.setdefault(name, set()).add(value)
    return found


def test_built_site_has_the_pagefind_bundle(real_site, examples):
    site, _ = real_site
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    # One index for the whole site (forced to the site language), Nynorsk pages included.
    assert list(entry["languages"]) == ["nb"]
    assert entry["languages"]["nb"]["page_count"] >= len(examples)
    assert any((bundle / "filter").glob("*.pf_filter")), "filters for the finder"
    assert not (site / "search" / "search_index.json").exists(), "Material's whole-site index is gone"


def test_example_pages_carry_filters_sorts_and_facts(real_site, examples, schema):
    site, _ = real_site
    for example in examples:
        page = (site / "eksempler" / example.slug / "index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" in page
        filters = filters_on(page)
        for facet in schema.facets:
            assert filters.get(facet.id, set()) == set(example.facet_values(facet.field)), (example.slug, facet.id)
        assert filters[PERIOD_FILTER] == set(period_values(example))
        assert TYPE_FILTER not in filters, "only the pages that are not examples carry the type"
        assert f'data-pagefind-sort="{SORT_REVIEWED}">{example.reviewed.isoformat()} ' in page
        assert f'data-pagefind-sort="{SORT_TITLE}">' in page
        assert '<span data-pagefind-meta="kommune">' in page


def test_only_main_content_of_chosen_pages_is_indexed(real_site):
    site, _ = real_site
    body_pages = {
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    }
    assert "om/index.html" in body_pages and "index.html" in body_pages
    # Indexed pages that are not examples are marked, so the finder can leave them out.
    for path in body_pages:
        marked = f'data-pagefind-filter="{TYPE_FILTER}:{PAGE_TYPE}"' in (site / path).read_text(encoding="utf-8")
        assert marked != path.startswith("eksempler/"), path
    assert "fylker/index.html" not in body_pages, "listings repeat the examples"
    assert "finn/index.html" not in body_pages
    page = (site / "om" / "index.html").read_text(encoding="utf-8")
    body = page.split("data-pagefind-body", 1)[1]
    assert 'class="md-nav' not in body.split("</article>", 1)[0], "the menu is not indexed"


def test_every_indexed_element_holds_its_page_title(real_site):
    """Pagefind reads only the element marked for search (--root-selector): a result's title must come
    from inside it, from the page's H1 or the title metadata (the page's <title> and a heading the
    theme adds around the content are outside)."""
    site, _ = real_site
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "data-pagefind-body" not in text:
            continue
        marked = text.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
        assert "<h1" in marked or 'data-pagefind-meta="title"' in marked, path.relative_to(site).as_posix()


def test_finder_page_is_generated_from_the_schema(real_site, examples, schema):
    site, _ = real_site
    page = (site / "finn" / "index.html").read_text(encoding="utf-8")
    for facet in schema.facets:
        assert f'data-facet="{facet.id}"' in page
        for term in schema.vocabulary_for(facet):
            assert f'name="{facet.id}" value="{term.id}"' in page
    assert f'data-facet="{PERIOD_FILTER}"' in page
    # Without JavaScript: the form stays hidden and the links to the index pages show.
    assert re.search(r'<form class="eb-finder"[^>]* hidden', page)
    assert 'href="../fylker/"' in page
    # Built in the state without choices: every value's count, and the newest examples.
    for facet in finder_facets(examples, schema):
        for choice in facet.choices:
            assert f'name="{facet.id}" value="{choice.id}" data-count="{choice.count}"' in page
    form = page.split('id="eb-finder-list"', 1)[1].split("</ol>", 1)[0]
    shown = re.findall(r'<a href="\.\./eksempler/([a-z0-9-]+)/">', form)
    assert shown == [e.slug for e in newest_first(examples)][:RESULTS_PER_BATCH]
    assert f"{len(examples)} eksempler passer." in page


def test_the_finder_page_shows_a_fixed_number_of_examples(examples, schema):
    """However many examples there are, the page lists one batch (the rest come from the search)."""
    many = [replace(e, slug=f"{e.slug}-{i}", title=f"{e.title} {i}") for i in range(4) for e in examples]
    assert len(many) > RESULTS_PER_BATCH
    markdown = render_finder(many, schema)[0][FINDER_URI]
    assert markdown.count('<li class="eb-result"') == RESULTS_PER_BATCH
    assert f"Vis flere eksempler ({len(many) - RESULTS_PER_BATCH} til)</button>" in markdown
    assert 'id="eb-finder-more" hidden' not in markdown
    assert 'id="eb-finder-more" hidden' in render_finder(examples[:3], schema)[0][FINDER_URI]


def test_a_new_vocabulary_value_needs_no_code(examples, schema):

    vocabulary = schema.vocabularies["malgrupper"]
    extended = Vocabulary(vocabulary.name, list(vocabulary.terms) + [Term("studenter", "Studenter")])
    changed = replace(schema, vocabularies={**schema.vocabularies, "malgrupper": extended})
    markdown = render_finder(examples, changed)[0][FINDER_URI]
    assert 'name="malgrupper" value="studenter" data-count="0" disabled' in markdown
    assert "Studenter <span" in markdown


def test_period_counts_decades_until_last_review(examples, schema):
    example = examples[0]
    assert period_values(replace(example, period_start=2008, period_end=2012)) == ["2000", "2010"]
    assert period_values(replace(example, period_start=2016, period_end=None, reviewed=date(2024, 5, 1))) == [
        "2010",
        "2020",
    ]
    facets = {f.id: f for f in finder_facets(examples, schema)}
    assert sum(c.count for c in facets[PERIOD_FILTER].choices) >= len(examples)


def test_reviewed_sort_keys_are_unique_and_order_newest_first(examples, schema):
    same_day = [replace(e, reviewed=date(2025, 8, 10)) for e in examples]
    older = replace(examples[0], slug="eldre", title="Aaa eldst", reviewed=date(2020, 1, 1))
    keys = reviewed_sort_keys(same_day + [older])
    assert len(set(keys.values())) == len(keys), "unique: Pagefind's order is complete"
    assert all(key.startswith("2025-08-10 ") for slug, key in keys.items() if slug != "eldre")
    ordered = newest_first(same_day + [older])
    # Same day: title order (A–Å), as «Alle eksempler»; older reviews after.
    assert [e.slug for e in ordered[:-1]] == [
        e.slug for e in sorted(same_day, key=lambda e: (sort_key(e.title), e.slug))
    ]
    assert ordered[-1].slug == "eldre"
    # Sorted as text, descending (as Pagefind sorts them), the keys give the same order.
    assert sorted(keys, key=keys.get, reverse=True) == [e.slug for e in ordered]
    assert f'data-pagefind-sort="{SORT_REVIEWED}">{keys["eldre"]}<' in example_search_data(older, schema, keys["eldre"])


def test_search_data_is_escaped_and_not_searchable_text(examples, schema):
    tricky = replace(examples[0], title='Tittel <b>med</b> "tegn", og kolon: ja')
    block = example_search_data(tricky, schema)
    assert "<b>" not in block and "&lt;b&gt;" in block
    assert block.startswith('<div class="eb-search-data" hidden data-pagefind-ignore>')


def test_which_pages_are_indexed():
    assert should_index({"eksempel": "x"}, generated=True)
    assert should_index({}, generated=False)
    assert not should_index({}, generated=True)
    assert not should_index({"sok": False}, generated=False)
    assert should_index({"sok": True}, generated=True)
    assert mark_searchable("<p>x</p>", {}, generated=True) == "<p>x</p>"
    assert "data-pagefind-body" in mark_searchable("<p>x</p>", {}, generated=False)
    assert f'"{TYPE_FILTER}:{PAGE_TYPE}"' in mark_searchable("<p>x</p>", {}, generated=False)
    assert TYPE_FILTER not in mark_searchable("<p>x</p>", {"eksempel": "x"}, generated=True)


def test_a_pagefind_failure_is_reported_clearly(tmp_path):
    with pytest.raises(SearchIndexError, match="fant ikke noe nettsted"):
        build_index(tmp_path)
    (tmp_path / "index.html").write_text("<html lang='nb'><body><p>ingen merking</p></body></html>")
    # No page marked for search: Pagefind indexes whole <body> elements then; still a valid index.
    result = build_index(tmp_path)
    assert result.pages == 1


def test_a_pagefind_failure_fails_the_build(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Søkeindeksen kan ikke bygges: Pagefind feilet" in result.stderr
    assert not (tmp_path / "site").exists(), "no half-built site is left"


# -- the selection table: choices without text, answered in the browser --------------------------


def decode_selection(files: dict[str, str]) -> tuple[dict, list[dict[str, set[str]]]]:
    """The table, and per row the values it says the example has (as finder.js reads it)."""
    table = json.loads(files[SELECTION_TABLE])
    rows = []
    for row in range(table["antall"]):
        values = {}
        for facet, names in table["fasetter"].items():
            code = table["verdier"][facet][row]
            numbers = code if isinstance(code, list) else [i for i in range(len(names)) if code >> i & 1]
            values[facet] = {names[i] for i in numbers}
        rows.append(values)
    return table, rows


@pytest.mark.parametrize("bitmask_values", [BITMASK_VALUES, 1])  # numbers, and lists for long facets
def test_selection_table_holds_each_examples_values_in_newest_first_order(
    examples, schema, monkeypatch, bitmask_values
):
    monkeypatch.setattr("eksempelbank.website.finder.BITMASK_VALUES", bitmask_values)
    folder, files = selection_files(examples, schema, finder_facets(examples, schema))
    assert folder.startswith(SELECTION_PREFIX)
    table, rows = decode_selection(files)
    ordered = newest_first(examples)
    assert table["antall"] == len(ordered) == len(rows)
    for example, values in zip(ordered, rows, strict=True):
        expected = filter_values(example, schema)
        assert {k: v for k, v in values.items() if v} == {k: set(v) for k, v in expected.items()}, example.slug
        card = json.loads(files[f"{ordered.index(example)}.json"])
        assert card["url"] == f"eksempler/{example.slug}/"
        assert card["meta"]["title"] == example.title
        assert set(card["meta"]) == set(CARD_META), "a card carries what a result shows, nothing more"
    # «Tittel (A–Å)»: the places order the rows as the title sort key does.
    by_place = sorted(range(len(ordered)), key=lambda row: table["tittel"][row])
    assert [sort_key(ordered[row].title) for row in by_place] == sorted(sort_key(e.title) for e in examples)
    # Per facet value, the table's count is the page's count.
    for facet in finder_facets(examples, schema):
        for choice in facet.choices:
            assert sum(choice.id in values[facet.id] for values in rows) == choice.count, (facet.id, choice.id)


def test_selection_folder_changes_with_the_content_and_the_page_names_it(examples, schema):
    """A browser never combines a cached table with cards of another build: the folder is named by
    its content, and the finder page names the folder of its own build."""
    folder, _ = selection_files(examples, schema, finder_facets(examples, schema))
    again, _ = selection_files(list(examples), schema, finder_facets(examples, schema))
    retitled = [replace(examples[0], title="Et nytt navn")] + list(examples[1:])
    other, _ = selection_files(retitled, schema, finder_facets(retitled, schema))
    assert folder == again and folder != other
    pages, files = render_finder(examples, schema)
    page = pages[FINDER_URI]
    assert f'data-table="{folder}/{SELECTION_TABLE}"' in page
    assert f"finn/{folder}/{SELECTION_TABLE}" in files

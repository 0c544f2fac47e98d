"""«Finn eksempel» as a municipal employee uses it: choose county and success factor, read the
count, open an example, clear, share the link, go back; on a desktop and on a phone."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from benchmarks.synthetic import write_examples
from eksempelbank.reading.schema import load_schema
from eksempelbank.reading.text import sort_key
from eksempelbank.reading.validate import load_examples
from eksempelbank.website.finder import RESULTS_PER_BATCH
from eksempelbank.website.search_index import newest_first

from ..sitebuild import copy_project, mkdocs_build
from .conftest import MOBILE, _QuietHandler
from .search_data import INFLECTED, by_title, count_text, examples, examples_saying, matching, slug_of

pytestmark = pytest.mark.browser

STATUS = "#eb-finder-status"
RESULT_LINKS = "#eb-finder-list .eb-result__title a"


def county_and_factor(saying: str | None = None):
    """The county with the most examples, and a success factor that narrows it without emptying it
    (and, with ``saying``, leaves an example that has that word)."""
    counties = Counter(c for e in examples() for c in e.facet_values("fylke"))
    schema = load_schema()
    with_word = examples_saying(saying) if saying else None
    for county, total in counties.most_common():
        for factor in schema.vocabularies["suksessfaktorer"].ids():
            found = matching(fylke=[county], suksessfaktorer=[factor])
            if 0 < len(found) < total and (with_word is None or any(e.slug in with_word for e in found)):
                return county, factor
    pytest.skip("ingen kombinasjon av fylke og suksessfaktor som snevrer inn")


def label(facet: str, value: str) -> str:
    schema = load_schema()
    return schema.vocabulary_for(schema.facet(facet)).label(value)


def checkbox(page, facet: str, value: str):
    return page.locator(f'input[name="{facet}"][value="{value}"]')


def reveal(page, facet: str, value: str):
    """The value's checkbox, after «Vis alle (N)» if the long group hides it."""
    box = checkbox(page, facet, value)
    if not box.is_visible():
        page.locator(f'fieldset[data-facet="{facet}"] .eb-facet__all').click()
    expect(box).to_be_visible()
    return box


def open_finder(page, site_url, query=""):
    page.goto(site_url + "finn/" + query)
    expect(page.locator(STATUS)).to_contain_text("passer")


def open_filters(page):
    details = page.locator("#eb-finder-filters")
    if details.get_attribute("open") is None:
        details.locator("> summary").click()


def result_titles(page) -> list[str]:
    return page.locator(RESULT_LINKS).all_inner_texts()


def show_all(page):
    """Press «Vis flere eksempler» until every result is listed."""
    more = page.locator("#eb-finder-more")
    busy = page.locator("#eb-finder[aria-busy]")
    while True:
        # While a choice is being searched the list is about to be replaced, and the button waits for
        # it (finder.js): so does the visitor's next click here.
        expect(busy).to_have_count(0)
        if not more.is_visible():
            break
        shown = page.locator(RESULT_LINKS).count()
        more.click()
        expect(page.locator(RESULT_LINKS)).not_to_have_count(shown)


def all_result_titles(page) -> list[str]:
    show_all(page)
    return result_titles(page)


def all_result_slugs(page) -> set[str | None]:
    show_all(page)
    return {slug_of(href) for href in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")}


def chosen_in_url(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def record_paths(page) -> list[str]:
    """Paths of every request the page makes from now on."""
    paths: list[str] = []
    page.on("request", lambda request: paths.append(urlparse(request.url).path))
    return paths


def search_index_paths(paths: list[str]) -> list[str]:
    return [path for path in paths if "/pagefind/" in path]


def selection_paths(paths: list[str]) -> list[str]:
    """The selection table and cards (eksempelbank/website/finder.py, selection_files)."""
    return [path for path in paths if re.search(r"/finn/utvalg-[0-9a-f]+/", path)]


MANY = 25  # more examples than the finder shows at once


@pytest.fixture(scope="module")
def many_examples(tmp_path_factory, schema):
    """A site of synthetic examples, more than one batch of results; its address and examples."""
    assert MANY > 2 * RESULTS_PER_BATCH
    project = copy_project(tmp_path_factory.mktemp("mange") / "project")
    shutil.rmtree(project / "examples")
    write_examples(project / "examples", MANY, seed=11, schema=schema)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    catalog = load_examples(project / "examples", schema, root=project)
    assert len(catalog.examples) == MANY and catalog.errors == []
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", catalog.examples
    server.shutdown()


def test_filter_to_county_and_factor_then_open_an_example(visit, site_url):
    county, factor = county_and_factor()
    page = visit()
    open_finder(page, site_url)
    expect(page.locator(STATUS)).to_have_text(count_text(len(examples())) + ".")

    page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label('fylke', county))} \(")).check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))
    # The count beside the factor is what choosing it leaves.
    expected = matching(fylke=[county], suksessfaktorer=[factor])
    factor_box = page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label('suksessfaktorer', factor))} \("))
    expect(page.locator(f'label[for="eb-f-suksessfaktorer-{factor}"]')).to_contain_text(f"({len(expected)})")
    factor_box.check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(expected)))
    assert sorted(all_result_titles(page)) == sorted(e.title for e in expected)
    assert chosen_in_url(page) == {"fylke": [county], "suksessfaktorer": [factor]}

    first = page.locator(RESULT_LINKS).first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    assert by_title(title) in expected


def test_counts_and_values_that_would_leave_nothing(visit, site_url):
    county, _ = county_and_factor()
    page = visit()
    open_finder(page, site_url, f"?fylke={county}")
    schema = load_schema()
    for facet in schema.facets:
        for term in schema.vocabulary_for(facet):
            if facet.id == "fylke":  # the chosen facet: counts ignore its own choices (OR)
                count = len(matching(fylke=[term.id]))
            else:
                count = len(matching(fylke=[county], **{facet.field: [term.id]}))
            box = checkbox(page, facet.id, term.id)
            expect(page.locator(f'label[for="eb-f-{facet.id}-{term.id}"]')).to_contain_text(f"({count})")
            if count == 0:
                expect(box).to_be_disabled()
            else:
                expect(box).to_be_enabled()


def test_values_within_a_facet_combine_with_or(visit, site_url):
    counties = sorted({c for e in examples() for c in e.facet_values("fylke")})[:2]
    page = visit()
    open_finder(page, site_url)
    for county in counties:
        reveal(page, "fylke", county).check()
    expected = matching(fylke=counties)
    expect(page.locator(STATUS)).to_contain_text(count_text(len(expected)))
    assert sorted(all_result_titles(page)) == sorted(e.title for e in expected)


def test_clear_the_filters(visit, site_url):
    county, factor = county_and_factor()
    page = visit()
    open_finder(page, site_url, f"?fylke={county}&suksessfaktorer={factor}&q=bolig")
    page.get_by_role("button", name="Fjern alle valg").click()
    expect(page.locator(STATUS)).to_have_text(count_text(len(examples())) + ".")
    assert urlparse(page.url).query == ""
    assert page.locator("#eb-finder input[type=checkbox]:checked").count() == 0
    expect(page.get_by_label("Søk med egne ord")).to_have_value("")
    expect(page.get_by_label("Søk med egne ord")).to_be_focused()


def test_a_shared_link_opens_the_same_choice(visit, site_url):
    county, factor = county_and_factor()
    expected = matching(fylke=[county], suksessfaktorer=[factor])
    page = visit()
    open_finder(page, site_url, f"?suksessfaktorer={factor}&fylke={county}&sortering=tittel")
    expect(page.locator(STATUS)).to_contain_text(count_text(len(expected)))
    expect(checkbox(page, "fylke", county)).to_be_checked()
    expect(checkbox(page, "suksessfaktorer", factor)).to_be_checked()
    expect(page.get_by_label("Sorter etter")).to_have_value("tittel")
    assert all_result_titles(page) == [e.title for e in sorted(expected, key=lambda e: sort_key(e.title))]


def test_back_button_returns_to_the_previous_choice(visit, site_url):
    county, factor = county_and_factor()
    page = visit()
    open_finder(page, site_url)
    checkbox(page, "fylke", county).check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))
    checkbox(page, "suksessfaktorer", factor).check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county], suksessfaktorer=[factor]))))

    page.go_back()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))
    expect(checkbox(page, "suksessfaktorer", factor)).not_to_be_checked()
    expect(checkbox(page, "fylke", county)).to_be_checked()
    assert chosen_in_url(page) == {"fylke": [county]}
    page.go_back()
    expect(page.locator(STATUS)).to_have_text(count_text(len(examples())) + ".")
    page.go_forward()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))


def test_order_is_last_reviewed_first_or_by_title(visit, site_url):
    page = visit()
    open_finder(page, site_url)
    reviewed = [by_title(t).reviewed for t in result_titles(page)]
    assert len(reviewed) == min(len(examples()), RESULTS_PER_BATCH)
    assert reviewed == sorted(reviewed, reverse=True)
    page.get_by_label("Sorter etter").select_option("tittel")
    expect(page).to_have_url(re.compile(r"sortering=tittel"))
    expect(page.locator(RESULT_LINKS).first).to_have_text(min((e.title for e in examples()), key=sort_key))
    # The list is redrawn card by card as they arrive: wait for the whole of it, not the first card.
    expect(page.locator(RESULT_LINKS)).to_have_text(
        sorted((e.title for e in examples()), key=sort_key)[:RESULTS_PER_BATCH]
    )


@pytest.mark.parametrize("query, base", INFLECTED)
def test_free_text_finds_the_base_form(visit, site_url, query, base):
    expected = examples_saying(base)
    assert expected, f"ingen eksempler sier «{base}»"
    page = visit()
    open_finder(page, site_url)
    page.get_by_label("Søk med egne ord").press_sequentially(query)
    expect(page.locator(STATUS)).to_contain_text(f"«{query}»")
    found = all_result_slugs(page)
    assert expected <= found, f"«{query}» fant ikke {expected - found}"
    assert "q=" in page.url
    expect(page.get_by_label("Sorter etter")).to_have_value("relevans")


def test_finder_on_a_phone(visit, site_url):
    county, factor = county_and_factor(saying="startlån")
    expected = matching(fylke=[county], suksessfaktorer=[factor])
    page = visit(MOBILE)
    open_finder(page, site_url)
    open_filters(page)
    page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label('fylke', county))} \(")).check()
    page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label('suksessfaktorer', factor))} \(")).check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(expected)))
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], "no sideways scrolling"
    # An inflected word some of the chosen examples use (the examples change: computed, not fixed).
    query, base = next(
        (q, b)
        for q, b in [("startlånet", "startlån"), ("boligene", "boliger"), ("kommunen", "kommune")]
        if any(e.slug in examples_saying(b) for e in expected)
    )
    page.get_by_label("Søk med egne ord").press_sequentially(query)
    with_text = [e for e in expected if e.slug in examples_saying(base)]
    expect(page.locator(STATUS)).to_contain_text(f"«{query}»")
    assert with_text and all_result_slugs(page) >= {e.slug for e in with_text}
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("h1")).to_have_count(1)
    assert page.locator("h1").inner_text() in {e.title for e in expected}


def test_without_javascript_the_page_links_to_the_index_pages(visit, site_url):
    page = visit()
    page.route("**/assets/finder.js", lambda route: route.abort())
    page.goto(site_url + "finn/")
    expect(page.locator("#eb-finder")).to_be_hidden()
    fallback = page.locator("#eb-finder-fallback")
    expect(fallback).to_be_visible()
    county = Counter(c for e in examples() for c in e.facet_values("fylke")).most_common(1)[0][0]
    fallback.get_by_role("link", name=label("fylke", county), exact=True).click()
    expect(page.locator("h1")).to_have_text(label("fylke", county))
    assert page.url.endswith(f"/fylker/{county}/")


def test_finder_is_in_the_menu_and_on_the_front_page(visit, site_url):
    page = visit()
    page.goto(site_url)
    page.locator("article").get_by_role("link", name="Finn eksempel").first.click()
    expect(page.locator("h1")).to_have_text("Finn eksempel")
    expect(page.locator("nav.md-nav--primary").get_by_role("link", name="Finn eksempel")).to_have_count(1)


def test_choices_without_text_load_no_search_index(visit, site_url):
    """The page is built with the counts and the newest examples; choices without text are answered
    from the selection table and cards, and only text loads Pagefind."""
    county, _ = county_and_factor()
    page = visit()
    paths = record_paths(page)
    open_finder(page, site_url)
    expect(page.locator(STATUS)).to_have_text(count_text(len(examples())) + ".")
    newest = newest_first(list(examples()))[:RESULTS_PER_BATCH]
    assert result_titles(page) == [e.title for e in newest]
    expect(page.locator(f'label[for="eb-f-fylke-{county}"]')).to_contain_text(f"({len(matching(fylke=[county]))})")
    expect(page.get_by_role("button", name="Fjern alle valg")).to_be_hidden()
    page.wait_for_load_state("networkidle")
    assert search_index_paths(paths) == []
    assert selection_paths(paths) == [], "opening the page fetches nothing more"

    checkbox(page, "fylke", county).check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))
    chosen = newest_first(matching(fylke=[county]))
    expect(page.locator(RESULT_LINKS)).to_have_count(min(RESULTS_PER_BATCH, len(chosen)))
    assert result_titles(page) == [e.title for e in chosen[:RESULTS_PER_BATCH]]
    page.wait_for_load_state("networkidle")
    assert search_index_paths(paths) == [], "a choice without text is answered without the search index"
    cards = [p for p in selection_paths(paths) if not p.endswith("/utvalg.json")]
    assert len(cards) == min(RESULTS_PER_BATCH, len(chosen)), "one card per result shown, no more"
    # Back to no choice: the built state again.
    page.get_by_role("button", name="Fjern alle valg").click()
    expect(page.locator(STATUS)).to_have_text(count_text(len(examples())) + ".")
    assert result_titles(page) == [e.title for e in newest]
    # Text is what loads Pagefind.
    page.locator("#eb-finder-q").press_sequentially("startlån")
    expect(page.locator(STATUS)).to_contain_text("«startlån»")
    assert search_index_paths(paths), "text is searched with Pagefind"


def test_the_built_list_and_the_search_agree_on_newest_first(visit, site_url):
    """The page's list, the selection table's order («Vis flere» continues it) and Pagefind's
    date sort (text sorted by «Sist vurdert») list the examples in the same order."""
    page = visit()
    open_finder(page, site_url)
    built = [urlparse(h).path for h in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")]
    from_table, from_pagefind = page.evaluate("""async () => {
        const form = document.getElementById("eb-finder");
        const size = Number(form.dataset.pageSize);
        const table = new URL(form.dataset.table, location.href);
        const cards = await Promise.all([...Array(size).keys()].map((row) =>
            fetch(new URL(`${row}.json`, table)).then((r) => r.json())));
        const root = new URL("../../", table);
        const { loadPagefind } = await import(new URL("../assets/search-common.js", location.href).href);
        const pagefind = await loadPagefind();
        const found = await pagefind.search(null, {  // no term: every page (fine for a small site)
            filters: { [form.dataset.typeFilter]: { none: [form.dataset.otherType] } },
            sort: { [form.dataset.sortReviewed]: "desc" },
        });
        const shown = await Promise.all(found.results.map((r) => r.data()));
        return [cards.map((c) => new URL(c.url, root).pathname),
                shown.map((data) => new URL(data.url, location.href).pathname)];
    }""")
    assert built == from_table
    # Every example, in Pagefind's date order: the same order.
    assert len(from_pagefind) == len(examples())
    assert from_pagefind[: len(built)] == built


def test_show_more_continues_the_newest_first_list(visit, many_examples):
    url, many = many_examples
    expected = [e.title for e in newest_first(many)]
    page = visit()
    paths = record_paths(page)
    page.goto(url + "finn/")
    expect(page.locator(STATUS)).to_have_text(count_text(MANY) + ".")
    assert result_titles(page) == expected[:RESULTS_PER_BATCH]
    page.get_by_role("button", name=f"Vis flere eksempler ({MANY - RESULTS_PER_BATCH} til)").click()
    expect(page.locator(RESULT_LINKS)).to_have_count(2 * RESULTS_PER_BATCH)
    assert selection_paths(paths) and not search_index_paths(paths), "the rest of the list comes from the table"
    assert result_titles(page) == expected[: 2 * RESULTS_PER_BATCH]
    # Focus moves to the first new example, so a keyboard or screen reader user reads on.
    expect(page.locator(RESULT_LINKS).nth(RESULTS_PER_BATCH)).to_be_focused()
    page.get_by_role("button", name=f"Vis flere eksempler ({MANY - 2 * RESULTS_PER_BATCH} til)").click()
    expect(page.locator(RESULT_LINKS)).to_have_count(MANY)
    assert result_titles(page) == expected
    expect(page.locator("#eb-finder-more")).to_be_hidden()


def test_show_more_after_sorting_by_title(visit, many_examples):
    url, many = many_examples
    expected = [e.title for e in sorted(many, key=lambda e: sort_key(e.title))]
    page = visit()
    page.goto(url + "finn/?sortering=tittel")
    expect(page.locator(STATUS)).to_have_text(count_text(MANY) + ".")
    expect(page.locator(RESULT_LINKS).first).to_have_text(expected[0])
    assert result_titles(page) == expected[:RESULTS_PER_BATCH]
    page.get_by_role("button", name=re.compile(r"^Vis flere eksempler")).click()
    expect(page.locator(RESULT_LINKS)).to_have_count(2 * RESULTS_PER_BATCH)
    assert result_titles(page) == expected[: 2 * RESULTS_PER_BATCH]

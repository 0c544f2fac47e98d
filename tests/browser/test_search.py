"""Search from the header of any page, in Norwegian: inflected words find the base form,
Nynorsk pages are found from Bokmål pages, on a desktop and on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eksempelbank.reading.schema import load_schema

from .conftest import DESKTOP, MOBILE
from .search_data import (
    INFLECTED,
    by_title,
    count_text,
    examples,
    examples_saying,
    examples_with_any_word,
    examples_with_family,
    examples_with_word_starting,
    indexed_text,
    search_words,
    slug_of,
)

pytestmark = pytest.mark.browser

RESULT_LINKS = "#eb-search-dialog .eb-result__title a"
SHOWN = 8  # the dialog lists the best eight; the rest are in «Finn eksempel»


def header_search(page, query):
    page.locator("header").get_by_role("button", name="Søk").click()
    dialog = page.get_by_role("dialog", name="Søk i eksempelbanken")
    expect(dialog).to_be_visible()
    box = dialog.get_by_role("searchbox", name="Søkeord")
    expect(box).to_be_focused()
    box.press_sequentially(query)
    expect(dialog.get_by_role("status")).to_contain_text(f"«{query}»")
    return dialog


def found_slugs(page) -> list[str]:
    return [slug_of(h) for h in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")]


@pytest.mark.parametrize("query, base", INFLECTED)
def test_inflected_words_find_the_base_form(visit, site_url, query, base):
    expected = examples_saying(base)
    assert expected, f"ingen eksempler sier «{base}»"
    page = visit()
    page.goto(site_url + "om/")
    header_search(page, query)
    found = found_slugs(page)
    family = examples_with_family(query, base)
    # Every hit has a word of the family; when the family fits in the list, all of it is there.
    assert set(found) <= family | {None}, f"«{query}» fant {set(found) - family}"
    if len(family) <= SHOWN:
        assert expected <= set(found), f"«{query}» fant ikke {expected - set(found)}"
    else:
        assert len([slug for slug in found if slug]) == SHOWN


def test_nynorsk_example_is_found_from_a_bokmal_page(visit, site_url):
    nynorsk = [e for e in examples() if e.language == "nn"]
    if not nynorsk:
        pytest.skip("ingen nynorske eksempler")
    example = nynorsk[0]
    page = visit()
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "nb"
    header_search(page, example.municipality_label)
    assert example.slug in found_slugs(page)
    item = page.locator("#eb-search-dialog .eb-result", has=page.locator(f'a[href*="{example.slug}"]'))
    assert item.get_attribute("lang") == "nn"


def test_header_search_from_a_content_page_opens_the_example(visit, site_url):
    query, base = INFLECTED[1]
    page = visit()
    page.goto(site_url + "bidra/")
    dialog = header_search(page, query)
    expect(dialog.locator("mark").first).to_be_visible()
    first = page.locator(RESULT_LINKS).first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    assert by_title(title).slug in examples_saying(base)


def test_search_dialog_keyboard_and_closing(visit, site_url):
    page = visit()
    page.goto(site_url + "om/")
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Søk i eksempelbanken")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("searchbox", name="Søkeord")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator("header").get_by_role("button", name="Søk")).to_be_focused()
    # Enter takes the query to «Finn eksempel», with its filters.
    header_search(page, "startlånet")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Finn eksempel")
    expect(page.get_by_label("Søk med egne ord")).to_have_value("startlånet")
    expect(page.locator("#eb-finder-status")).to_contain_text("«startlånet»")


def test_no_results_says_so(visit, site_url):
    page = visit()
    page.goto(site_url)
    dialog = header_search(page, "xyzzyqwv")
    expect(dialog.get_by_role("status")).to_contain_text("Ingen treff på «xyzzyqwv».")
    assert page.locator(RESULT_LINKS).count() == 0


def test_search_on_a_phone(visit, site_url):
    query, base = INFLECTED[3]
    page = visit(MOBILE)
    bokmal = next(e for e in examples() if e.language == "nb")  # the helper uses the Bokmål words
    page.goto(site_url + "eksempler/" + bokmal.slug + "/")
    header_search(page, query)
    found = set(found_slugs(page))
    assert examples_saying(base) <= found
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("h1")).to_have_count(1)


def test_without_javascript_the_header_links_to_the_finder(visit, site_url):
    page = visit()
    page.route("**/assets/search.js", lambda route: route.abort())
    page.goto(site_url + "om/")
    link = page.locator("header").get_by_role("link", name="Søk")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_have_text("Finn eksempel")


def test_payload_script_measures_what_search_transfers(real_site):
    """scripts/search_payload.py, which the benchmark uses, on the real site (in its own process:
    it runs its own browser)."""
    import json
    import subprocess
    import sys

    from eksempelbank import ROOT

    site, _ = real_site
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "search_payload.py"), str(site), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert 0 < result["search_transfer_gz"] < 500 * 1024, "a first query transfers a few hundred KB at most"
    assert 0 < result["finder_transfer_gz"] < 1024 * 1024
    paths = [r["path"] for r in result["search_requests"]]
    assert any(p.startswith("/pagefind/index/") for p in paths) and "/om/" not in paths
    assert all(r["status"] == 200 for r in result["finder_requests"] + result["search_requests"])
    # Only a search that finds nothing fetches the suggestion list.
    assert "/sok/forslag.json" in [r["path"] for r in result["miss_requests"]]
    assert "/sok/forslag.json" not in paths and 0 < result["miss_transfer_gz"] < 500 * 1024


# -- forgiving and explaining (issue 11) ---------------------------------------------------------

VIEWPORTS = [pytest.param(DESKTOP, id="desktop"), pytest.param(MOBILE, id="phone")]


def example_links(page) -> list[str]:
    return [slug for slug in found_slugs(page) if slug]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_misspelled_municipality_offers_the_name_from_the_register(visit, site_url, viewport):
    name = "Holmestrand"
    assert name in {m.name for m in load_schema().register.municipalities}
    theirs = {e.slug for e in examples() if any(m.name == name for m in e.municipalities)}
    assert theirs, f"no example from {name}"
    typo = name[:7] + name[8] + name[7] + name[9:]  # «Holmestarnd»
    page = visit(viewport)
    page.goto(site_url + "om/")
    dialog = header_search(page, typo)
    status = dialog.get_by_role("status")
    expect(status).to_contain_text(f"Ingen treff på «{typo}».")
    expect(status).to_contain_text(f"Mente du «{name}»")  # not a confident wrong answer
    assert page.locator(RESULT_LINKS).count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    status.get_by_role("button", name=name, exact=True).click()
    expect(dialog.get_by_role("searchbox", name="Søkeord")).to_have_value(name)
    expect(status).to_contain_text(f"for «{name}»")
    assert theirs <= set(example_links(page))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_word_typed_without_norwegian_letters_offers_the_word(visit, site_url, viewport):
    word = "bostedsløs"
    typed = word.replace("ø", "o")
    allowed = examples_with_word_starting(["bostedsløs", "bustadl"])
    page = visit(viewport)
    page.goto(site_url)
    dialog = header_search(page, typed)
    status = dialog.get_by_role("status")
    expect(status).to_contain_text(f"Ingen treff på «{typed}».")
    offer = status.get_by_role("button", name=word, exact=True)
    expect(offer).to_be_visible()
    offer.click()
    expect(status).to_contain_text(f"for «{word}»")
    shown = example_links(page)
    assert len(shown) == SHOWN and set(shown) <= allowed


def phrase_examples(phrase: str) -> set[str]:
    """Examples whose indexed text (labels included) has the words of ``phrase`` together."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE)
    return {e.slug for e in examples() if pattern.search(indexed_text(e))}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_quoted_phrase_matches_only_the_phrase(visit, site_url, viewport):
    phrase = "leie til eie"
    together = phrase_examples(phrase)
    apart = examples_with_any_word(["leie"]) & examples_with_any_word(["eie"])
    assert together and apart - together, "the test needs examples with the words apart too"
    page = visit(viewport)
    page.goto(site_url + "finn/")
    page.get_by_label("Søk med egne ord").press_sequentially(f'"{phrase}"')
    expect(page.locator("#eb-finder-status")).to_contain_text(count_text(len(together)))
    # The header lists the same examples, and none with the words apart.
    header_search(page, f'"{phrase}"')
    shown = example_links(page)
    assert set(shown) <= together and len(shown) == min(len(together), SHOWN)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_words_together_rank_first(visit, site_url, viewport):
    phrase = "leie til eie"
    together = phrase_examples(phrase)
    page = visit(viewport)
    page.goto(site_url + "om/")
    header_search(page, phrase)
    shown = example_links(page)
    assert any(s not in together for s in shown) or len(together) >= SHOWN
    first_apart = next((i for i, s in enumerate(shown) if s not in together), len(shown))
    assert all(s not in together for s in shown[first_apart:]), f"phrase pages after others: {shown}"
    assert first_apart == min(len(together), SHOWN)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_header_lists_examples_then_explanations_then_other_pages(visit, site_url, viewport):
    schema = load_schema()
    facet = schema.facet("suksessfaktorer")
    term = next(
        t
        for t in schema.vocabulary_for(facet).terms
        if (schema.data_dir / "omtaler" / facet.id / f"{t.id}.md").is_file()
    )
    page = visit(viewport)
    page.goto(site_url)
    dialog = header_search(page, term.label)
    groups = dialog.locator(".eb-search__group")
    titles = groups.locator("h3").all_inner_texts()
    order = ["Eksempler", "Forklaringer og oversikter", "Andre sider"]
    assert titles[:2] == order[:2] and titles == [t for t in order if t in titles]
    facet_paths = tuple(f"/{f.path}/" for f in schema.facets)
    for title, group in zip(titles, groups.all(), strict=True):
        paths = [
            href.split("127.0.0.1", 1)[1].split("/", 1)[1]
            for href in group.locator(".eb-result__title a").evaluate_all("els => els.map(e => e.href)")
        ]
        paths = ["/" + p for p in paths]
        if title == "Eksempler":
            assert paths and all(p.startswith("/eksempler/") for p in paths)
        elif title == "Forklaringer og oversikter":
            assert all(p.startswith(facet_paths) for p in paths)
            assert f"/{facet.path}/{term.id}/" in paths, "the success factor's explanation is found"
        else:
            assert not any(p.startswith(("/eksempler/", *facet_paths)) for p in paths)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query", ["leie til eie", "boliger og tjenester for eldre i kommunen"])
def test_stop_words_are_never_marked(visit, site_url, query, viewport):
    stop = search_words().stopwords
    assert set(query.split()) & stop
    page = visit(viewport)
    page.goto(site_url + "om/")
    dialog = header_search(page, query)
    expect(dialog.locator("mark").first).to_be_visible()
    marked = [re.sub(r"\W", "", m).lower() for m in dialog.locator("mark").all_inner_texts()]
    assert not [m for m in marked if m in stop], marked


def test_a_page_loads_no_search_code_or_sitemap_until_the_visitor_searches(visit, site_url):
    """Every page carries the header search: it fetches the search itself only when used, and never
    Material's sitemap.xml (which its script would fetch for a link rel=alternate)."""
    page = visit()
    paths: list[str] = []
    page.on("request", lambda request: paths.append(request.url.split("127.0.0.1", 1)[1].split("/", 1)[1]))
    page.goto(site_url + "finn/")
    page.wait_for_load_state("networkidle")
    assert not [p for p in paths if p.startswith(("pagefind/", "sok/")) or "search-query" in p or "sitemap" in p], paths
    header_search(page, "startlånet")
    assert any("search-query" in p for p in paths) and "sok/sokeord.json" in paths
    assert "sok/forslag.json" not in paths, "the suggestions are read only when nothing is found"


def test_nynorsk_page_says_it_in_nynorsk(visit, site_url):
    nynorsk = [e for e in examples() if e.language == "nn"]
    if not nynorsk:
        pytest.skip("ingen nynorske eksempler")
    page = visit()
    page.goto(site_url + "eksempler/" + nynorsk[0].slug + "/")
    page.locator("header [data-eb-search-button]").click()
    page.locator("#eb-search-input").press_sequentially("startlånet")
    status = page.locator("#eb-search-dialog [role=status]")
    expect(status).to_contain_text("«startlånet»")
    expect(page.locator("#eb-search-dialog .eb-search__group h3").first).to_have_text("Døme")
    page.locator("#eb-search-input").fill("")
    page.locator("#eb-search-input").press_sequentially("Holmestarnd")
    expect(status).to_contain_text("Meinte du «Holmestrand»?")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query", ["suksessfaktorer", "Holmestarnd"], ids=["grupper", "forslag"])
def test_axe_finds_nothing_in_the_grouped_results_or_the_suggestions(
    visit, site_url, axe_source, query, viewport, scheme
):
    from .conftest import follow_system_scheme
    from .test_accessibility import axe_violations, describe

    page = visit(viewport)
    follow_system_scheme(page)
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "om/")
    dialog = header_search(page, query)
    if query == "Holmestarnd":
        expect(dialog.locator(".eb-search__suggestion").first).to_be_visible()
    else:
        expect(dialog.locator(".eb-search__group")).to_have_count(3)
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)

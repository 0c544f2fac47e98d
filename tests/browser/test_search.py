"""Search from the header of any page, in Norwegian: inflected words find the base form,
Nynorsk pages are found from Bokmål pages, on a desktop and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import MOBILE
from .search_data import INFLECTED, by_title, examples, examples_saying, examples_with_family, slug_of

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
        assert len(found) == SHOWN


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
    expect(dialog.get_by_role("status")).to_contain_text("Ingen treff")
    assert page.locator(RESULT_LINKS).count() == 0


def test_search_on_a_phone(visit, site_url):
    query, base = INFLECTED[3]
    page = visit(MOBILE)
    page.goto(site_url + "eksempler/" + examples()[0].slug + "/")
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
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "search_payload.py"), str(site), "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert 0 < result["search_transfer_gz"] < 500 * 1024, "a first query transfers a few hundred KB at most"
    assert 0 < result["finder_transfer_gz"] < 1024 * 1024
    paths = [r["path"] for r in result["search_requests"]]
    assert any(p.startswith("/pagefind/index/") for p in paths) and "/om/" not in paths
    assert all(r["status"] == 200 for r in result["finder_requests"] + result["search_requests"])

"""Nynorsk pages in Nynorsk: no Bokmål word of the site's chrome on a page written in Nynorsk
(header, menu, search dialog, skip link, table of contents, back-to-top, palette toggle, footer,
the names scripts give), unless marked lang="nb"; and each page is named the same way in the menu
and the breadcrumbs. The Bokmål strings are computed from the string tables (nb.html against
nn.html, and the mkdocs.yml names in eksempelbank/website/nynorsk.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from eksempelbank.website.nynorsk import NAMES

from ..test_nynorsk import strings
from .conftest import DESKTOP, MOBILE
from .search_data import examples

pytestmark = pytest.mark.browser


def bokmal_only() -> tuple[set[str], set[str]]:
    """(whole strings, fragments): what Bokmål pages say and Nynorsk pages must not. A string with
    a placeholder counts by its fixed parts of two words or more that Nynorsk does not share."""
    bokmal, nynorsk = strings("nb"), strings("nn")
    differing = {key: text for key, text in bokmal.items() if nynorsk[key] != text}
    whole = {t for t in differing.values() if "{" not in t}
    whole |= {name for name, nn in NAMES.items() if nn != name}
    fragments = {
        part.strip()
        for key, t in differing.items()
        if "{" in t
        for part in re.split(r"\{\w+\}", t)
        if len(part.split()) >= 2 and part.strip() not in nynorsk[key]
    }
    return whole, fragments


# Every text node and accessible name on the page whose language is Nynorsk (not inside an
# element marked with another language), scripts and styles left out.
NYNORSK_TEXTS = """() => {
    const nynorsk = el => (el.closest('[lang]') || document.documentElement).getAttribute('lang') === 'nn';
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = node.textContent.replace(/\\s+/g, ' ').trim();
        if (text && el && !el.closest('script, style, noscript') && nynorsk(el)) found.push(text);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        if (!nynorsk(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = el.getAttribute(name);
            if (value) found.push(value.replace(/\\s+/g, ' ').trim());
        }
    }
    return found;
}"""


def nynorsk_examples() -> list:
    found = [e for e in examples() if e.language == "nn"]
    assert found, "eksempelbanken har nynorske eksempler"
    return found


def bokmal_in(page) -> list[str]:
    whole, fragments = bokmal_only()
    texts = page.evaluate(NYNORSK_TEXTS)
    assert len(texts) > 50
    hits = [t for t in texts if t in whole]
    hits += [f"{f} (i «{t}»)" for t in texts for f in fragments if f in t]
    hits += [f"{w} (i «{t}»)" for t in texts for w in whole if len(w.split()) >= 2 and w in t and w != t]
    return sorted(set(hits))


def test_the_bokmal_list_is_not_empty():
    whole, fragments = bokmal_only()
    for expected in ("Gå til innhold", "Innholdsliste", "Bytt til mørk visning", "Alle eksempler"):
        assert expected in whole
    assert fragments


@pytest.mark.parametrize("viewport", ["desktop", "mobil"])
def test_no_bokmal_chrome_on_nynorsk_pages(visit, site_url, viewport):
    page = visit(DESKTOP if viewport == "desktop" else MOBILE)
    for example in nynorsk_examples():
        page.goto(site_url + f"eksempler/{example.slug}/")
        expect(page.locator("html")).to_have_attribute("lang", "nn")
        page.wait_for_load_state("load")
        found = bokmal_in(page)
        assert not found, f"bokmål på {example.slug} ({viewport}): {found}"


def test_no_bokmal_chrome_in_the_open_menu_and_search(visit, site_url):
    page = visit(MOBILE)
    example = nynorsk_examples()[0]
    page.goto(site_url + f"eksempler/{example.slug}/")
    page.get_by_role("button", name="Meny").click()
    page.locator(".md-sidebar--primary label.md-nav__link[for]").first.click()
    found = bokmal_in(page)
    assert not found, f"bokmål i den åpne menyen: {found}"
    page.keyboard.press("Escape")
    page.locator(".md-header").get_by_role("button", name="Søk").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label(strings("nn")["eb.search.label"]).press_sequentially("startlån")
    expect(dialog.locator("[data-eb-search-results] li").first).to_be_visible()
    found = bokmal_in(page)
    assert not found, f"bokmål i søket: {found}"


def test_the_chrome_speaks_nynorsk_where_it_counts(visit, site_url):
    """The skip link, table of contents, palette toggle, back-to-top and footer, in Nynorsk."""
    nn = strings("nn")
    page = visit()
    page.goto(site_url + f"eksempler/{nynorsk_examples()[0].slug}/")
    page.keyboard.press("Tab")
    expect(page.locator("a.md-skip")).to_be_focused()
    expect(page.locator("a.md-skip")).to_have_text(nn["action.skip"])
    expect(page.get_by_role("navigation", name=nn["toc"])).to_have_count(1)
    toggles = page.locator("form[data-md-component=palette] label").evaluate_all("labels => labels.map(l => l.title)")
    assert sorted(toggles) == sorted(NAMES[n] for n in ("Bytt til mørk visning", "Bytt til lys visning"))
    expect(page.locator(".md-top")).to_contain_text(nn["top"])
    footer = page.get_by_role("navigation", name=nn["eb.footer.nav"])
    expect(footer.get_by_role("link", name=nn["eb.footer.accessibility"])).to_have_count(1)


# -- one name per page --------------------------------------------------------------------------

NAMES_BY_ADDRESS = """() => {
    const named = selector => [...document.querySelectorAll(selector)].map(a => [a.href, a.textContent.replace(/\\s+/g, ' ').trim()]);
    return {menu: named('.md-nav--primary a.md-nav__link[href]'), crumbs: named('.eb-breadcrumbs a[href]')};
}"""


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_menu_and_breadcrumbs_name_a_page_the_same_way(visit, site_url, language):
    example = next(e for e in examples() if e.language == language)
    page = visit()
    page.goto(site_url + f"eksempler/{example.slug}/")
    names = page.evaluate(NAMES_BY_ADDRESS)
    menu = {}
    for address, name in names["menu"]:
        menu.setdefault(address, set()).add(name)
    assert names["crumbs"], "eksempelsiden har brødsmuler"
    for address, name in names["crumbs"]:
        assert address in menu, f"{address} er ikke i menyen"
        assert name in menu[address], f"brødsmulen «{name}» heter {menu[address]} i menyen"

"""The site as a visitor meets it: navigate from the front page to an example and back; every
page and every open menu, dialog and form fits a 320 px screen."""

import pytest
from playwright.sync_api import expect

from .conftest import MOBILE

pytestmark = pytest.mark.browser


def test_visitor_finds_an_example_through_a_success_factor(visit, site_url):
    page = visit()
    page.goto(site_url)
    assert page.locator("h1").inner_text() == "Boligsosial eksempelbank"
    page.get_by_role("link", name="Etter suksessfaktor").click()
    page.get_by_role("link", name="Brukermedvirkning").first.click()
    assert page.locator("h1").inner_text() == "Brukermedvirkning"
    first = page.locator("article h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    panel = page.locator("dl.eb-metadata")
    assert panel.get_by_role("link", name="Brukermedvirkning").count() == 1


def test_nynorsk_example_is_announced_as_nynorsk(visit, site_url):
    page = visit()
    page.goto(site_url + "eksempler/stord-helhetlig-boligsosialt-arbeid/")
    assert page.locator("html").get_attribute("lang") == "nn"
    assert "Statens pris for boligsosialt arbeid 2018" in page.locator("dl.eb-metadata").inner_text()


HOLMESTRAND = "holmestrand-boligsosialt-utviklingsprogram-2011-2015"


def _example(slug):
    from eksempelbank import ROOT
    from eksempelbank.reading.schema import load_schema
    from eksempelbank.reading.validate import load_examples

    schema = load_schema()
    [example] = load_examples(ROOT / "examples", schema, files=[ROOT / "examples" / f"{slug}.md"]).examples
    county = schema.vocabulary_for(schema.facet("fylke")).label(example.facet_values("fylke")[0])
    return example, county


def test_example_page_works_on_a_phone(visit, site_url):
    """Issue 11.4: on a phone the summary starts on the first screen. A line of key facts comes
    first; the full facts box is one tap away."""
    example, county = _example(HOLMESTRAND)
    page = visit(MOBILE)
    page.goto(site_url + f"eksempler/{HOLMESTRAND}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], "no sideways scrolling on a phone"
    facts = page.locator(".eb-keyfacts")
    expect(facts).to_be_visible()
    for fact in (example.municipality_label, county, example.period_label):
        expect(facts).to_contain_text(fact)
    summary = page.get_by_role("heading", name=example.sections[0].title, level=2)
    assert summary.bounding_box()["y"] + 40 < MOBILE["height"], "«Oppsummert» begins on the first screen"
    panel = page.locator("dl.eb-metadata")
    expect(panel).to_be_hidden()
    page.get_by_text("Alle fakta om eksempelet").click()
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name=county)).to_be_visible()
    page.screenshot(path="/tmp/eksempel-mobil.png", full_page=False)


def test_example_page_shows_the_full_facts_box_on_a_wide_screen(visit, site_url):
    example, county = _example(HOLMESTRAND)
    page = visit()
    page.goto(site_url + f"eksempler/{HOLMESTRAND}/")
    panel = page.locator("dl.eb-metadata")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name=county)).to_be_visible()
    expect(page.locator(".eb-keyfacts")).to_be_hidden()  # it would repeat the box
    expect(page.locator("details.eb-fakta > summary")).to_be_hidden()
    assert page.evaluate("document.querySelector('details.eb-fakta').open")  # for screen readers too


# -- 320 px wide (WCAG 1.4.10): nothing scrolls sideways -------------------------------------------

NARROW = {"width": 320, "height": 640}

# What sticks out to the right of the screen, outside boxes that scroll by themselves (wide
# tables and code blocks, which the keyboard can reach: test_accessibility.py).
STICKING_OUT = """() => {
    const width = document.documentElement.clientWidth;
    const scrolls = el => { for (let at = el.parentElement; at; at = at.parentElement) {
        const overflow = getComputedStyle(at).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') return true; } return false; };
    return [...document.body.querySelectorAll('*')].filter(el => {
        if (!el.checkVisibility({visibilityProperty: true})) return false;
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !scrolls(el);
    }).slice(0, 5).map(el => el.tagName + '.' + String(el.className).slice(0, 40) + ' ' + Math.round(el.getBoundingClientRect().right));
}"""


def test_no_page_scrolls_sideways_at_320_px(visit, site_url, real_site):
    """Every page of the site, as built, on a 320 px screen."""
    site = real_site[0]
    paths = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))
    assert len(paths) > 10
    page = visit(NARROW)
    wide = {}
    for path in paths:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        out = page.evaluate(STICKING_OUT)
        if width > NARROW["width"] or out:
            wide[path] = (width, out)
    assert wide == {}, f"sider som er bredere enn 320 px: {wide}"


@pytest.mark.parametrize("state", ["meny", "sok", "finn", "skjema"])
def test_open_menus_dialogs_and_forms_fit_320_px(visit, site_url, state):
    page = visit(NARROW)
    if state == "meny":
        page.goto(site_url + "eksempler/drammen-fra-leie-til-eie/")
        page.locator("[data-eb-menu-button]").click()
        page.locator(".md-sidebar--primary label.md-nav__link[for]").first.click()
        expect(
            page.locator(".md-sidebar--primary .md-nav__toggle:checked ~ .md-nav .md-nav__link").first
        ).to_be_visible()
    elif state == "sok":
        page.goto(site_url + "eksempler/drammen-fra-leie-til-eie/")
        page.locator(".md-header").get_by_role("button", name="Søk").click()
        page.get_by_role("dialog").get_by_label("Søkeord").press_sequentially("startlånet")
        expect(page.get_by_role("dialog").locator("[data-eb-search-results] li").first).to_be_visible()
    elif state == "finn":
        page.goto(site_url + "finn/")
        page.get_by_label("Søk med egne ord").press_sequentially("bolig")
        expect(page.locator("#eb-finder-list li").first).to_be_visible()
    else:
        page.goto(site_url + "bidra/send-inn/")
        page.wait_for_selector("#eb-send-inn[data-ready]")
        page.get_by_role("button", name="Kontroller skjemaet").click()
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert page.evaluate(STICKING_OUT) == []

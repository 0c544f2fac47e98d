"""WCAG 2.1 AA on every kind of page: axe-core finds nothing, the keyboard reaches every control
with a visible focus, the skip link works, and every page says which language it is in.

axe-core comes from npm (tests/browser/package-lock.json, installed by `make test`); it runs in
the page with the WCAG 2.0/2.1 A and AA rules and the best practices, and any violation of any
impact fails the test. Each page is checked on a desktop and a phone, in the light and the dark
scheme (the palette toggle, or the system's prefers-color-scheme: dark), and in the states a visitor
opens: search, finder, form with errors, and on a phone the menu drawer and its sub-menus. On a
phone the closed menu is out of the Tab order and its button is a Tab stop; wide code blocks scroll
by keyboard; the charts fit a 320 px screen with text of 12 px or more.
"""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, FORGET_PALETTE, MOBILE, follow_system_scheme
from .search_data import examples

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
EXAMPLE = "eksempler/drammen-fra-leie-til-eie/"
NYNORSK_EXAMPLE = "eksempler/stord-helhetlig-boligsosialt-arbeid/"
FINDER = "finn/"
FORM = "bidra/send-inn/"

# Page (path in the site) and what a visitor does there before axe looks.
STATES = {
    "forside": ("", None),
    "eksempel": (EXAMPLE, None),
    "eksempel-nynorsk": (NYNORSK_EXAMPLE, None),
    "oversikt": ("fylker/", None),
    "oversikt-stolper": ("suksessfaktorer/", None),
    "verdi": ("suksessfaktorer/brukermedvirkning/", None),
    "alle-eksempler": ("alle-eksempler/", None),
    "om": ("om/", None),
    "tilgjengelighet": ("tilgjengelighet/", None),
    "personvern": ("personvern/", None),
    "apne-data": ("apne-data/", None),
    "bidra": ("bidra/", None),
    "bidra-format": ("bidra/format/", None),
    "skjema": (FORM, "form_ready"),
    "skjema-med-feil": (FORM, "form_with_errors"),
    "404": ("404.html", None),
    "finn-filtrert-med-treff": (FINDER, "finder_filtered"),
    "sok-med-treff": (EXAMPLE, "search_open"),
    "meny-apen": (EXAMPLE, "menu_open"),
    "meny-undermeny": (EXAMPLE, "submenu_open"),
    "meny-undermeny-nynorsk": (NYNORSK_EXAMPLE, "submenu_open"),
}
VIEWPORTS = {"desktop": DESKTOP, "mobil": MOBILE}
SCHEMES = ["lys", "mork"]


def built_file(site: Path, path: str) -> Path:
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


# -- what the visitor does ---------------------------------------------------------------------


def form_ready(page):
    page.wait_for_selector("#eb-send-inn[data-ready]")


def form_with_errors(page):
    form_ready(page)
    page.get_by_role("button", name="Kontroller skjemaet").click()
    expect(page.locator(".eb-send-inn .eb-error").first).to_be_visible()


def finder_filtered(page):
    """Free text and a county chosen, the results listed (the filters are folded away on a phone)."""
    page.get_by_label("Søk med egne ord").press_sequentially("startlånet")
    expect(page.locator("#eb-finder-status")).to_contain_text("«startlånet»")  # the counts are the word's
    details = page.locator("#eb-finder-filters")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    county = page.locator('input[name="fylke"]:not(:disabled)').first
    county.check()
    expect(page.locator("#eb-finder-status")).to_contain_text("passer")
    expect(page.locator("#eb-finder-list li").first).to_be_visible()


def search_open(page):
    """The header search, opened as a visitor does it, with results for an inflected word."""
    page.locator(".md-header").get_by_role("button", name="Søk").click()
    page.get_by_role("dialog").get_by_label("Søkeord").press_sequentially("startlånet")
    expect(page.get_by_role("dialog").locator("[data-eb-search-results] li").first).to_be_visible()


def menu_open(page):
    """The menu drawer of narrow screens, opened with its button (a desktop has no drawer)."""
    button = page.locator("[data-eb-menu-button]")
    button.click()
    expect(page.locator(".md-sidebar--primary .md-nav__link").first).to_be_visible()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=1)


def submenu_open(page):
    """The drawer with its first sub-menu opened (its title on a grey band)."""
    menu_open(page)
    page.locator(".md-sidebar--primary label.md-nav__link[for]").first.click()
    expect(page.locator(".md-sidebar--primary .md-nav__toggle:checked ~ .md-nav .md-nav__link").first).to_be_visible()


ACTIONS = {f.__name__: f for f in (form_ready, form_with_errors, finder_filtered, search_open, menu_open, submenu_open)}


# -- axe ---------------------------------------------------------------------------------------

SETTLE = """() => Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(done => setTimeout(done, 2000)),
])"""


def axe_violations(page, axe_source) -> list[dict]:
    page.evaluate(SETTLE)  # colours are measured after transitions end
    # Through DevTools, not a <script> tag: the page's Content-Security-Policy (rightly) refuses
    # inline scripts it has no hash for.
    page.evaluate(axe_source)
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        AXE_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


# The menu drawer exists only on narrow screens: its states are tested on the phone alone.
DRAWER_ACTIONS = {"menu_open", "submenu_open"}
STATE_VIEWPORTS = [
    (state, viewport)
    for state in STATES
    for viewport in VIEWPORTS
    if not (STATES[state][1] in DRAWER_ACTIONS and viewport == "desktop")
]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("state, viewport", STATE_VIEWPORTS)
def test_axe_finds_no_violations(visit, site_url, real_site, axe_source, state, viewport, scheme):
    path, action = STATES[state]
    assert built_file(real_site[0], path).exists(), f"{path} finnes ikke i nettstedet"
    page = visit(VIEWPORTS[viewport])
    follow_system_scheme(page)
    page.emulate_media(color_scheme="dark" if scheme == "mork" else "light")
    page.goto(site_url + path)
    expected_scheme = "slate" if scheme == "mork" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected_scheme)
    if action:
        ACTIONS[action](page)
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe-core på {path or '/'} ({state}, {viewport}, {scheme}):\n{describe(violations)}"


def test_palette_toggle_switches_to_dark_and_back(visit, site_url, axe_source):
    page = visit()
    page.emulate_media(color_scheme="light")
    page.goto(site_url + EXAMPLE)
    page.evaluate(FORGET_PALETTE)
    page.reload()
    try:
        page.get_by_title("Bytt til mørk visning").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        page.goto(site_url + "fylker/")  # the choice holds on the next page
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        violations = axe_violations(page, axe_source)
        assert not violations, describe(violations)
        page.get_by_title("Bytt til lys visning").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    finally:
        page.evaluate(FORGET_PALETTE)  # later tests start from the system's scheme


# -- keyboard ----------------------------------------------------------------------------------

FOCUS_INFO = """() => {
    let el = document.activeElement;
    if (!el || el === document.body) return null;
    // Material's palette toggle is a hidden radio; its label is what shows the focus.
    if (el.matches('.md-option') && el.nextElementSibling) el = el.nextElementSibling;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
        tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 60),
        id: el.id, cls: String(el.className), width: box.width, height: box.height,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        inContent: !!el.closest('.md-content'),
    };
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_first_tab_stop_is_a_visible_skip_link_to_the_content(visit, site_url, viewport):
    page = visit(VIEWPORTS[viewport])
    page.goto(site_url + EXAMPLE)
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Gå til innhold")
    page.evaluate(SETTLE)
    # Visible: on top of everything at its own place in the window, and clearly outlined.
    on_top = skip.evaluate("""el => {
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.width > 0 && box.top >= 0 && getComputedStyle(el).opacity === '1'
            && (top === el || el.contains(top));
    }""")
    assert on_top, "snarveien «Gå til innhold» er ikke synlig når den har fokus"
    assert page.evaluate(FOCUS_INFO)["outline"]
    page.keyboard.press("Enter")
    heading = page.locator("h1")
    expect(heading).to_be_focused()
    assert page.url.endswith("#" + heading.get_attribute("id"))
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_INFO)
    assert after and after["inContent"], f"neste tabulatorstopp etter snarveien er ikke i innholdet: {after}"


@pytest.mark.parametrize("path", ["", EXAMPLE, FINDER, FORM, "404.html"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_control_is_reachable_and_visibly_focused(visit, site_url, real_site, path, viewport):
    if not built_file(real_site[0], path).exists():
        pytest.skip(f"{path} finnes ikke i nettstedet ennå")
    page = visit(VIEWPORTS[viewport])
    page.goto(site_url + path)
    if path == FORM:
        form_ready(page)
    if path == FINDER:
        expect(page.locator("#eb-finder-status")).to_contain_text("passer")
    # Material's «Tilbake til toppen» shows only while the page scrolls up, and it gives up the
    # focus when it hides again (Material blurs it), which depends on timing: left out of the walk.
    page.add_style_tag(content=".md-top { display: none !important; }")
    # Every control a person can see and use, marked so the Tab walk can tick it off.
    expected = page.evaluate("""() => {
        const controls = [...document.querySelectorAll(
            'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')];
        let n = 0;
        const names = [];
        for (const el of controls) {
            if (el.disabled || el.tabIndex < 0 || el.closest('[inert], [hidden], dialog:not([open])')) continue;
            const target = el.matches('.md-option') ? el.nextElementSibling : el;
            if (!target || !target.checkVisibility({visibilityProperty: true, opacityProperty: false})) continue;
            const box = target.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            if (el.matches('input[type=radio]') && !el.matches('.md-option')) continue;  // one stop per group
            el.dataset.ebControl = String(n++);
            names.push((el.innerText || el.getAttribute('aria-label') || el.name || el.tagName).trim().slice(0, 40));
        }
        return names;
    }""")
    assert expected, "fant ingen kontroller"
    reached: set[str] = set()
    problems = []
    last = None
    trail = []
    for _ in range(len(expected) * 4 + 10):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_INFO)
        trail.append(info and info["text"])
        if info is None:
            break
        marker = page.evaluate("() => document.activeElement.dataset.ebControl ?? null")
        if marker is not None and marker != last:  # a date field has a stop for each part
            if marker in reached:
                break  # round the page once
            reached.add(marker)
        last = marker
        if not info["outline"] or info["width"] == 0 or info["height"] == 0:
            problems.append(info)
    missing = [name for i, name in enumerate(expected) if str(i) not in reached]
    assert not missing, f"kan ikke nås med tabulator: {missing} (tabulatorstopp: {trail})"
    assert not problems, f"uten synlig fokus: {problems}"


TAB_STOP = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    if (!el.dataset.ebStop) el.dataset.ebStop = String(document.querySelectorAll('[data-eb-stop]').length);
    const box = el.getBoundingClientRect();
    return {stop: el.dataset.ebStop, name: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
            left: box.left, right: box.right, inMenu: !!el.closest('.md-sidebar--primary'),
            menuButton: el.matches('[data-eb-menu-button]'), expanded: el.getAttribute('aria-expanded')};
}"""


def tab_round(page, limit=300) -> list[dict]:
    """Every Tab stop once, from the top of the page."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(TAB_STOP)
        if info is None or (stops and info["stop"] == stops[0]["stop"]):
            break
        stops.append(info)
    return stops


def test_on_a_phone_the_menu_button_is_a_tab_stop_and_the_closed_menu_is_not(visit, site_url):
    page = visit(MOBILE)
    page.goto(site_url + EXAMPLE)
    stops = tab_round(page)
    off_screen = [s for s in stops if s["right"] <= 0 or s["left"] >= MOBILE["width"]]
    assert not off_screen, f"tabulatorstopp utenfor skjermen: {off_screen}"
    assert not [s for s in stops if s["inMenu"]], "den lukkede menyen har tabulatorstopp"
    buttons = [i for i, s in enumerate(stops) if s["menuButton"]]
    assert len(buttons) == 1 and buttons[0] <= 2, f"menyknappen er ikke blant de første stoppene: {stops[:4]}"
    assert stops[buttons[0]]["expanded"] == "false"

    # Opened by keyboard: the focus goes into the menu, which is on the screen; Escape closes it
    # and gives the focus back to the button.
    menu = page.locator("[data-eb-menu-button]")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=1)  # slid in
    inside = page.evaluate(TAB_STOP)
    assert inside["inMenu"] and inside["left"] >= 0, inside
    page.keyboard.press("Tab")
    assert page.evaluate(TAB_STOP)["inMenu"]
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    # A sub-menu by keyboard: Enter on its entry, then Tab reaches its links.
    page.keyboard.press(" ")
    entry = page.locator(".md-sidebar--primary label.md-nav__link[for]").first
    entry.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate(TAB_STOP)
    sub_links = page.locator(".md-sidebar--primary .md-nav__toggle:checked ~ .md-nav .md-nav__link")
    assert focused["name"] in [name.strip() for name in sub_links.all_inner_texts()], focused


def test_wide_code_blocks_scroll_by_keyboard_on_a_phone(visit, site_url):
    page = visit(MOBILE)
    page.goto(site_url + "bidra/")
    page.wait_for_load_state("load")
    blocks = page.locator(".md-typeset pre > code")
    wide = [i for i in range(blocks.count()) if blocks.nth(i).evaluate("el => el.scrollWidth > el.clientWidth")]
    assert wide, "ingen kodeblokk er bredere enn skjermen (siden har endret seg?)"
    names = []
    for i in wide:
        block = blocks.nth(i)
        expect(block).to_have_attribute("role", "region")
        names.append(block.get_attribute("aria-label"))
    assert all(name.startswith("Kode som kan rulles sideveis") for name in names), names
    assert len(set(names)) == len(names), f"to områder med samme navn: {names}"
    tab_round(page)  # marks every element Tab reaches
    unreached = [i for i in wide if blocks.nth(i).get_attribute("data-eb-stop") is None]
    assert not unreached, "brede kodeblokker som tabulatoren ikke når"
    block = blocks.nth(wide[0])
    block.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=block.element_handle(), timeout=3000)


# -- language ----------------------------------------------------------------------------------


class _HtmlLang(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None

    def handle_starttag(self, tag, attrs):
        if tag == "html" and self.lang is None:
            self.lang = dict(attrs).get("lang")


def html_lang(path: Path) -> str | None:
    parser = _HtmlLang()
    parser.feed(path.read_text(encoding="utf-8")[:2000])
    return parser.lang


def test_every_page_says_its_language(real_site):
    site = real_site[0]
    nynorsk = {e.slug for e in examples() if e.language == "nn"}
    assert nynorsk, "eksempelbanken har nynorske eksempler"
    wrong = {}
    pages = list(site.rglob("*.html"))
    for page in pages:
        relative = page.relative_to(site).as_posix()
        match = re.fullmatch(r"eksempler/([^/]+)/index\.html", relative)
        expected = "nn" if match and match.group(1) in nynorsk else "nb"
        if html_lang(page) != expected:
            wrong[relative] = html_lang(page)
    assert len(pages) > 10
    assert not wrong, f"feil <html lang>: {wrong}"


def test_nynorsk_titles_and_summaries_in_listings_are_marked(visit, site_url):
    page = visit()
    page.goto(site_url + "alle-eksempler/")
    listed = lambda e: page.locator("article").get_by_role("link", name=e.title, exact=True).count() == 1  # noqa: E731
    # The first of the list's pages (50 examples) holds examples in both written languages.
    nynorsk = next(e for e in examples() if e.language == "nn" and listed(e))
    bokmal = next(e for e in examples() if e.language == "nb" and listed(e))
    lang_of = "el => el.closest('[lang]').getAttribute('lang')"
    assert page.locator("html").get_attribute("lang") == "nb"
    title = page.locator("article").get_by_role("link", name=nynorsk.title, exact=True)
    assert title.evaluate(lang_of) == "nn"
    summary = page.locator("article p", has_text=nynorsk.summary[:40])
    assert summary.evaluate(lang_of) == "nn"
    other = page.locator("article").get_by_role("link", name=bokmal.title, exact=True)
    assert other.evaluate(lang_of) == "nb"


def test_titles_in_the_other_written_language_are_marked_on_example_pages(visit, site_url):
    language = {e.slug: e.language for e in examples()}
    page = visit()
    page.goto(site_url + NYNORSK_EXAMPLE)
    assert page.locator("html").get_attribute("lang") == "nn"
    links = page.locator(".eb-related li a")
    assert links.count() > 0
    for link in links.all():
        slug = link.get_attribute("href").strip("./").split("/")[-1]
        assert link.evaluate("el => el.closest('[lang]').getAttribute('lang')") == language[slug], slug


# -- charts (checked here as well: axe leaves out text hidden from screen readers) -------------

CHART_TEXT_COLOURS = """() => {
    const page = getComputedStyle(document.body).backgroundColor;
    const ground = el => {
        for (let at = el; at; at = at.parentElement) {
            const colour = getComputedStyle(at).backgroundColor;
            if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
        }
        return page;
    };
    return [...document.querySelectorAll('.eb-chart [class*="__name"], .eb-chart [class*="__count"]')]
        .map(text => [text.textContent, getComputedStyle(text).color, ground(text), page]);
}"""


def _rgb(css: str, under: tuple[float, float, float] | None = None) -> tuple[float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    red, green, blue, alpha = (values + [1.0])[:4]
    if under and alpha < 1:
        red, green, blue = (alpha * c + (1 - alpha) * u for c, u in zip((red, green, blue), under, strict=True))
    return red, green, blue


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


CHARTS = ["suksessfaktorer/", "fylker/"]
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10: no sideways scrolling at 320 CSS px


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", CHARTS)
def test_chart_text_is_readable_in_both_schemes(visit, site_url, real_site, path, viewport, scheme):
    if not built_file(real_site[0], path).exists():
        pytest.skip(f"{path} finnes ikke i nettstedet ennå")
    page = visit(VIEWPORTS[viewport])
    follow_system_scheme(page)
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    texts = page.evaluate(CHART_TEXT_COLOURS)
    assert texts, "ingen diagram på siden"
    weak = []
    for label, ink, behind, backdrop in texts:
        ground = _rgb(behind, _rgb(backdrop))
        ratio = _contrast(_rgb(ink, ground), ground)
        if ratio < 4.5:
            weak.append((label, ink, behind, round(ratio, 2)))
    assert not weak, f"diagramtekst med for svak kontrast: {weak}"


CHART_TEXT_BOXES = """() => [...document.querySelectorAll('.eb-chart [class*="__name"], .eb-chart [class*="__count"]')]
    .map(el => {
        const box = el.getBoundingClientRect();
        const holder = el.closest('a');
        const text = document.createRange();
        text.selectNodeContents(el);
        return {
            text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize),
            left: box.left, right: box.right,
            // A name may wrap between its words, never inside one.
            lines: new Set([...text.getClientRects()].map(r => Math.round(r.top))).size, words: el.textContent.trim().split(/\\s+/).length,
            clipped: holder.scrollWidth > holder.clientWidth + 1 || holder.scrollHeight > holder.clientHeight + 1,
        };
    })"""


@pytest.mark.parametrize("viewport", ["smal", "mobil", "desktop"])
@pytest.mark.parametrize("path", CHARTS)
def test_charts_fit_the_screen_with_text_of_12_px_or_more(visit, site_url, real_site, path, viewport):
    """On a 320 px screen too: every label inside the screen, whole, and 12 px or larger."""
    if not built_file(real_site[0], path).exists():
        pytest.skip(f"{path} finnes ikke i nettstedet ennå")
    size = {"smal": NARROW, **VIEWPORTS}[viewport]
    page = visit(size)
    page.goto(site_url + path)
    texts = page.evaluate(CHART_TEXT_BOXES)
    assert texts, "ingen diagram på siden"
    assert [t for t in texts if t["size"] < 12] == [], "diagramtekst under 12 px"
    assert [t for t in texts if t["left"] < 0 or t["right"] > size["width"]] == [], "diagramtekst utenfor skjermen"
    assert [t for t in texts if t["clipped"] or t["lines"] > t["words"]] == [], "diagramtekst som er kuttet eller delt"
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


def test_the_county_map_keeps_the_counties_places_where_it_has_room(visit, site_url, schema):
    """On a desktop the tiles stand as the register places them (fylkeskart.csv): a county in a
    row further south is lower, one in a column further east is further right."""
    with (Path(schema.data_dir) / "register" / "fylkeskart.csv").open(encoding="utf-8", newline="") as handle:
        places = {row["fylkesnummer"]: (int(row["kolonne"]), int(row["rad"])) for row in csv.DictReader(handle)}
    place_of = {county.id: places[county.number] for county in schema.register.counties}
    page = visit()
    page.goto(site_url + "fylker/")
    boxes = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.eb-tile')].map(tile => {
        const box = tile.getBoundingClientRect();
        return [tile.getAttribute('href').replace(/\\/$/, ''), [box.left, box.top]];
    }))""")
    assert set(boxes) == set(place_of)
    for a, (col_a, row_a) in place_of.items():
        for b, (col_b, row_b) in place_of.items():
            if row_a < row_b:
                assert boxes[a][1] < boxes[b][1], f"{a} står ikke nord for {b}"
            if col_a < col_b:
                assert boxes[a][0] < boxes[b][0], f"{a} står ikke vest for {b}"


# -- context on example pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, label, everything",
    [
        (EXAMPLE, "Brødsmuler", "Alle eksempler"),
        (NYNORSK_EXAMPLE, "Brødsmular", "Alle døme"),
    ],
)
def test_breadcrumbs_show_where_an_example_sits(visit, site_url, path, label, everything):
    page = visit(MOBILE)
    page.goto(site_url + path)
    title = page.locator("h1").inner_text()
    crumbs = page.get_by_role("navigation", name=label)
    expect(crumbs.get_by_role("listitem")).to_have_count(3)
    current = crumbs.locator('[aria-current="page"]')
    expect(current).to_have_text(title)
    crumbs.get_by_role("link", name=everything).click()
    expect(page.locator("h1")).to_have_text("Alle eksempler")
    page.go_back()
    page.get_by_role("navigation", name=label).get_by_role("link", name="Forside").click()
    expect(page.locator("h1")).to_have_text("Boligsosial eksempelbank")


# -- no request to another host ------------------------------------------------------------------


class _Resources(HTMLParser):
    """Addresses the browser fetches by itself: scripts, styles, fonts, images, frames, media."""

    FETCHED = {
        "script": ["src"],
        "img": ["src", "srcset"],
        "iframe": ["src"],
        "frame": ["src"],
        "source": ["src", "srcset"],
        "video": ["src", "poster"],
        "audio": ["src"],
        "track": ["src"],
        "embed": ["src"],
        "object": ["data"],
        "input": ["src"],
        "image": ["href", "xlink:href"],
        "use": ["href", "xlink:href"],
    }

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        names = self.FETCHED.get(tag, [])
        if tag == "link" and not set((values.get("rel") or "").split()) <= {
            "alternate",
            "canonical",
            "license",
            "prev",
            "next",
        }:  # not fetched
            names = ["href"]
        self.urls += [values[n] for n in names if values.get(n)]
        style = values.get("style") or ""
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", style)


EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def test_built_pages_and_styles_name_no_other_host(real_site):
    """Every page and stylesheet in the site: nothing that makes a browser fetch from another
    host (no web fonts, CDN scripts or images; Material's fonts are off with theme.font: false)."""
    site = real_site[0]
    found = {}
    for path in site.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        external = [u for u in parser.urls if EXTERNAL.match(u)]
        if external:
            found[path.relative_to(site).as_posix()] = external
    for path in site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        external = [u for u in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])([^'\")]+)", text) if EXTERNAL.match(u)]
        if external:
            found[path.relative_to(site).as_posix()] = external
    assert found == {}, f"henter fra andre verter: {found}"


def test_no_page_asks_another_host(visit, site_url, real_site):
    """Open a page of every kind (each section at each depth: overviews, values, further pages,
    examples, the form, the finder, 404); the visit fixture fails on any request that leaves
    127.0.0.1. The dynamic states (search, finder, form) are opened by the axe tests above."""
    site = real_site[0]
    kinds: dict[tuple[str, int], str] = {}
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
        parts = path.split("/")
        kinds.setdefault((parts[0] if len(parts) > 1 else "", len(parts)), path)
    page = visit()
    for path in kinds.values():
        page.goto(site_url + path.removesuffix("index.html"))
    assert len(kinds) > 10

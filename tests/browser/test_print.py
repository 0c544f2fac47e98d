"""«Skriv ut / lagre som PDF» on an example page: one clean A4 document, as a colleague reads it on
paper: the title, the metadata panel, the text and the sources with their web addresses written
out, and no header, menus, search, breadcrumbs or footer. Also from the dark scheme."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
from playwright.sync_api import expect

from ..sitebuild import copy_project, mkdocs_build
from .conftest import _QuietHandler, follow_system_scheme

pytestmark = pytest.mark.browser

EXAMPLE = "eksempler/drammen-fra-leie-til-eie/"
# Long, and with no hyphen or space where a line could break by itself.
LONG_URL = (
    "https://www.husbanken.no/globalassets/dokumentarkiv/Underveisevaluering_Boligsosialt_"
    "Utviklingsprogram_RegionSor_2011_Kapittel5_5_Drammen_FraLeieTilEie_FullstendigRapport.pdf"
)
# A4 less the print margins of eksempelbank.css (15 mm each side), in CSS pixels (96 per inch).
A4_TEXT_WIDTH = round((210 - 2 * 15) / 25.4 * 96)
BUTTON = "Skriv ut / lagre som PDF"


@pytest.fixture(scope="module")
def site_with_a_link(tmp_path_factory):
    """The real site, with a long web address among the Drammen example's links."""
    project = copy_project(tmp_path_factory.mktemp("utskrift") / "project")
    source = project / "examples" / "drammen-fra-leie-til-eie.md"
    text = source.read_text(encoding="utf-8")
    link = f"  - tittel: Underveisevalueringen som PDF\n    url: {LONG_URL}\n"
    if "\nlenker:\n" in text:  # add to the example's links, or give it some
        text = text.replace("\nlenker:\n", "\nlenker:\n" + link, 1)
    else:
        text = text.replace("sist_vurdert:", "lenker:\n" + link + "sist_vurdert:", 1)
    source.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_print_button_opens_the_print_dialog(visit, site_url):
    page = visit()
    page.goto(site_url + EXAMPLE)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.get_by_role("button", name=BUTTON)
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1


def test_the_print_source_line_is_only_on_paper(visit, site_url):
    page = visit()
    page.goto(site_url + EXAMPLE)
    expect(page.locator(".eb-print-source")).to_be_hidden()


def test_print_button_is_hidden_without_javascript(visit, site_url):
    """A button that can do nothing is not shown (the browser's own print still works)."""
    page = visit()
    page.route("**/assets/eksempelbank.js", lambda route: route.abort())
    page.goto(site_url + EXAMPLE)
    assert page.locator("button[data-eb-print]").count() == 1
    expect(page.get_by_role("button", name=BUTTON)).to_have_count(0)
    expect(page.locator("button[data-eb-print]")).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_example_is_one_clean_a4_document(visit, site_with_a_link, scheme):
    page = visit({"width": A4_TEXT_WIDTH, "height": 1000})
    follow_system_scheme(page)
    page.emulate_media(color_scheme=scheme)
    page.goto(site_with_a_link + EXAMPLE)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    page.emulate_media(media="print", color_scheme=scheme)

    for hidden in [
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-top",
        "[data-eb-search]",
        "nav.eb-breadcrumbs",
        "button[data-eb-print]",
        ".md-skip",
    ]:
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Fra leie til eie i Drammen (status 2011)")
    expect(page.locator("dl.eb-metadata")).to_be_visible()  # the full facts box, though narrow as a phone
    expect(page.locator("dl.eb-metadata")).to_contain_text("Buskerud")
    expect(page.locator(".eb-keyfacts")).to_be_hidden()
    expect(page.locator("details.eb-fakta > summary")).to_be_hidden()
    expect(page.get_by_role("heading", name="Kilder")).to_be_visible()
    expect(page.get_by_text("Underveisevaluering av boligsosialt utviklingsprogram")).to_be_visible()

    # The web address is printed after the link text, and it wraps rather than runs off the page.
    link = page.get_by_role("link", name="Underveisevalueringen som PDF")
    expect(link).to_be_visible()
    assert LONG_URL in link.evaluate("a => getComputedStyle(a, '::after').content")
    overflow = page.evaluate(
        """width => [...document.querySelectorAll('article *')]
        .filter(el => el.getBoundingClientRect().right > width + 1)
        .map(el => el.tagName + '.' + el.className)""",
        A4_TEXT_WIDTH,
    )
    assert overflow == [], f"går ut over papirets bredde: {overflow}"
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_TEXT_WIDTH

    # Where the paper came from: the site, the page's address and the day it was printed; not on screen.
    source = page.locator(".eb-print-source")
    expect(source).to_be_visible()
    today = page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map((n, i) => i ? String(n).padStart(2, '0') : n).join('-'); })()"
    )
    expect(source).to_contain_text("Boligsosial eksempelbank")
    expect(source).to_contain_text(page.locator('link[rel="canonical"]').get_attribute("href"))
    expect(source).to_contain_text(f"Skrevet ut {today}")

    # Dark on white paper, whatever the screen's scheme.
    colours = page.locator("article .eb-avsnitt p").first.evaluate(
        "p => [getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(31, 31, 31)", "rgb(255, 255, 255)"]

    # What Chromium's «Lagre som PDF» makes of it: A4 pages (595 × 842 points), only a few.
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes), boxes
    assert 1 <= len(boxes) <= 4

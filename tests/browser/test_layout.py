"""Nothing jumps while a page loads: the cumulative layout shift, as Chromium measures it
(PerformanceObserver, «layout-shift» entries without recent input), stays at or below 0.05 on a
desktop and a phone, including the form «Send inn et eksempel», whose script builds the form after
the page is shown (the box keeps its room, assets/send-inn.css)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE

pytestmark = pytest.mark.browser

LIMIT = 0.05  # issue 11; Google's «good» is 0.1

RECORD_SHIFTS = """
window.ebShifts = [];
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.ebShifts.push({
            value: entry.value,
            moved: entry.sources.map(s => s.node ? (s.node.id || String(s.node.className) || s.node.nodeName) : '?'),
        });
    }
}).observe({type: 'layout-shift', buffered: true});
"""


def form_built(page):
    expect(page.locator("#eb-send-inn[data-ready]")).to_have_count(1)


def finder_listed(page):
    expect(page.locator("#eb-finder-list li").first).to_be_visible()


PAGES = {
    "forside": ("", None),
    "eksempel": ("eksempler/drammen-fra-leie-til-eie/", None),
    "oversikt": ("fylker/", None),
    "finn": ("finn/", finder_listed),
    "skjema": ("bidra/send-inn/", form_built),
}


@pytest.mark.parametrize("viewport", ["desktop", "mobil"])
@pytest.mark.parametrize("kind", PAGES)
def test_pages_do_not_shift_while_loading(visit, site_url, kind, viewport):
    path, ready = PAGES[kind]
    page = visit(DESKTOP if viewport == "desktop" else MOBILE)
    page.add_init_script(RECORD_SHIFTS)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    if ready:
        ready(page)
    # Two frames and a moment for whatever the scripts do once they are done.
    page.wait_for_timeout(500)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    shifts = page.evaluate("window.ebShifts")
    total = sum(s["value"] for s in shifts)
    assert total <= LIMIT, f"{path or '/'} ({viewport}): layout shift {total:.3f} > {LIMIT}: {shifts}"

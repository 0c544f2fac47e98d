"""«Finn eksempel» holds still and leaves room (issue 19): opened with a query or a municipality it
does not shift while it loads (CLS ≤ 0.05, desktop and phone); the sticky header and count bar never
cover more than a third of the window or hide the focus, at 400 % zoom (320×256) too; arriving from the
front page puts the focus on the examples."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE
from .search_data import examples
from .test_finder import STATUS

pytestmark = pytest.mark.browser

SHIFTS = """window.__cls = 0; new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });"""
ZOOM_400 = {"width": 320, "height": 256}
SMALL_PHONE = {"width": 320, "height": 568}


def a_town():
    return next(m for e in examples() for m in e.municipalities)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
@pytest.mark.parametrize("query", ["?q=startlån", "?q=bosetting av flyktninger", "town"])
def test_opened_with_a_query_or_a_municipality_the_page_does_not_shift(visit, site_url, viewport, query):
    if query == "town":
        query = f"?kommune={a_town().id}"
    page = visit(viewport)
    page.add_init_script(SHIFTS)
    page.goto(site_url + "finn/" + query)
    expect(page.locator(STATUS)).to_contain_text("passer")
    expect(page.locator("#eb-finder[aria-busy]")).to_have_count(0)
    expect(page.locator(".eb-finder--loading")).to_have_count(0)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__cls") <= 0.05


def sticky_cover(page) -> float:
    """How far down the sticky header and count bar cover the window while they are held at its top."""
    return page.evaluate("""() => {
      let bottom = 0;
      for (const el of [document.querySelector(".md-header"), document.getElementById("eb-finder-bar")]) {
        if (!el || getComputedStyle(el).position !== "sticky" && getComputedStyle(el).position !== "fixed") continue;
        const r = el.getBoundingClientRect();
        const stuck = r.top <= (parseFloat(getComputedStyle(el).top) || 0) + 1;  // held at the top, not in its place
        if (stuck) bottom = Math.max(bottom, r.bottom);
      }
      return bottom;
    }""")


@pytest.mark.parametrize(
    "viewport", [ZOOM_400, SMALL_PHONE, MOBILE, DESKTOP], ids=["400%", "small-phone", "phone", "desktop"]
)
def test_sticky_bars_cover_at_most_a_third_and_never_hide_the_focus(visit, site_url, viewport):
    town = a_town()
    page = visit(viewport)
    page.goto(site_url + f"finn/?kommune={town.id}")
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    expect(page.locator(".eb-finder--loading")).to_have_count(0)
    page.evaluate("window.scrollTo(0, 400)")
    assert sticky_cover(page) <= viewport["height"] / 3
    hidden = []
    page.locator("#eb-finder-q").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        # The bars' own buttons and Material's skip link (fixed, in front of everything) cannot be under them.
        box = page.evaluate("""() => { const el = document.activeElement; if (!el || el === document.body) return null;
          if (el.closest(".md-header, #eb-finder-bar, .md-skip")) return null;
          const r = el.getBoundingClientRect(); return [r.top, r.bottom, el.id || el.textContent.trim().slice(0, 30)]; }""")
        if not box:
            continue
        cover = sticky_cover(page)
        top, bottom, name = box
        if bottom <= cover + 1 and top < cover:  # entirely under the sticky bars
            hidden.append(name)
    assert not hidden, f"focus hidden under the sticky bars: {hidden}"


def test_from_the_front_page_the_focus_goes_to_the_examples(visit, site_url):
    town = a_town()
    page = visit(MOBILE)
    page.goto(site_url)
    page.get_by_role("combobox", name="Kommunen din").press_sequentially(town.name)
    page.get_by_role("button", name="Vis eksempler").click()
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    expect(page.get_by_role("heading", name="Eksempler", exact=True)).to_be_focused()

"""What Material's own script did, now done by assets/theme.js (and the inline colour script in
overrides/partials/javascripts/palette.html), as a visitor meets it: the colours follow the system
until the visitor chooses, the contents beside the text follow the reading, the header shows the
page's title once its heading has scrolled away, «Til toppen» comes back when scrolling up, the menu's
sections open with Enter, and a link to a heading in the open drawer closes the drawer."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from .conftest import FORGET_PALETTE, MOBILE, follow_system_scheme

pytestmark = pytest.mark.browser

EXAMPLE = "eksempler/drammen-fra-leie-til-eie/"


def stored_palette(page) -> list[str]:
    return page.evaluate("() => Object.keys(localStorage).filter((key) => key.endsWith('.__palette'))")


@contextmanager
def example_in(visit, site_url, system: str):
    """The example page with the system's scheme ``system`` and no stored choice; the choice made in
    the test is forgotten afterwards, so later tests follow the system again."""
    page = visit()
    follow_system_scheme(page)
    page.emulate_media(color_scheme=system)
    page.goto(site_url + EXAMPLE)
    try:
        yield page
    finally:
        page.evaluate(FORGET_PALETTE)


def test_colours_follow_the_system_until_the_visitor_chooses(visit, site_url):
    with example_in(visit, site_url, "dark") as page:
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        expect(page.get_by_title("Bytt til lys visning")).to_be_visible()
        expect(page.get_by_title("Bytt til mørk visning")).to_be_hidden()
        assert stored_palette(page) == [], "nothing stored before a choice"
        # The browser's own colours (address bar) follow the header's.
        header = page.evaluate(
            "() => getComputedStyle(document.querySelector('.md-header')).backgroundColor.match(/\\d+/g)"
            ".slice(0, 3).map((v) => (+v).toString(16).padStart(2, '0')).join('')"
        )
        expect(page.locator("meta[name='theme-color']")).to_have_attribute("content", "#" + header)

        page.emulate_media(color_scheme="light")  # the system changes: the page follows
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        expect(page.get_by_title("Bytt til mørk visning")).to_be_visible()

        page.get_by_title("Bytt til mørk visning").click()  # the visitor chooses
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        assert len(stored_palette(page)) == 1
        page.emulate_media(color_scheme="light")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        later = visit()  # the next page (this one forgets the choice on each load: follow_system_scheme)
        later.emulate_media(color_scheme="light")
        later.goto(site_url + "fylker/")  # the choice holds against the system's, on the next page too
        expect(later.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        expect(later.get_by_title("Bytt til lys visning")).to_be_visible()


def test_enter_on_the_colour_switch_switches(visit, site_url):
    with example_in(visit, site_url, "light") as page:
        page.locator("input[name='__palette']:checked").focus()
        page.keyboard.press("Enter")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        # The focus stays on the switch, and the keyboard focus is drawn around its visible button.
        focused = page.locator("input[name='__palette']:focus")
        expect(focused).to_have_attribute("data-md-color-scheme", "slate")
        expect(focused).to_have_class("md-option focus-visible")


def test_contents_and_header_follow_the_reading(visit, site_url):
    page = visit()
    page.goto(site_url + EXAMPLE)
    toc = page.locator(".md-sidebar--secondary [data-md-component=toc]")
    title = page.locator("[data-md-component=header-title]")
    expect(title).not_to_have_class("md-header__title--active")
    page.locator("#bakgrunn").evaluate("(h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 50)")
    expect(toc.locator("a[href='#bakgrunn']")).to_have_class("md-nav__link md-nav__link--passed md-nav__link--active")
    expect(toc.locator("a[href='#oppsummert']")).to_have_class("md-nav__link md-nav__link--passed")
    expect(toc.locator("a[href='#malsettinger']")).to_have_class("md-nav__link")
    expect(title).to_have_class("md-header__title md-header__title--active")
    page.evaluate("() => window.scrollTo(0, 0)")
    expect(title).not_to_have_class("md-header__title--active")


def test_back_to_top_comes_back_when_scrolling_up(visit, site_url):
    page = visit(MOBILE)
    page.goto(site_url + EXAMPLE)
    top = page.locator(".md-top")
    expect(top).to_have_attribute("hidden", "")
    expect(top).to_have_attribute("tabindex", "-1")  # hidden: out of the tab order
    page.mouse.wheel(0, 2500)
    page.wait_for_function("() => scrollY > 2000")
    expect(top).to_have_attribute("hidden", "")  # reading on: not in the way
    page.mouse.wheel(0, -400)
    expect(top).not_to_have_attribute("hidden", "")
    expect(top).not_to_have_attribute("tabindex", "-1")
    top.click()
    page.wait_for_function("() => scrollY === 0")
    expect(top).to_have_attribute("hidden", "")


def test_the_menu_opens_sections_with_enter_and_a_heading_link_closes_it(visit, site_url):
    page = visit(MOBILE)
    page.goto(site_url + EXAMPLE)
    page.locator("[data-eb-menu-button]").click()
    section = page.locator(".md-nav--primary label.md-nav__link[tabindex='0']").first
    toggle = page.locator("#" + (section.get_attribute("for") or ""))
    expect(toggle).not_to_be_checked()
    section.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()

    # A page in the menu has its contents in the drawer on a phone: choosing a heading closes the drawer.
    page.goto(site_url + "om/")
    page.locator("[data-eb-menu-button]").click()
    page.locator(".md-nav--primary label.md-nav__link[for='__toc']").click()
    link = page.locator(".md-nav--primary .md-nav--secondary a[href^='#']").last
    target = (link.get_attribute("href") or "#")[1:]
    link.click()
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(page.locator(f"[id='{target}']")).to_be_in_viewport()

"""«Finn eksempel» keeps its answer in view: the count stays on screen after every choice on a
desktop (1280×800) and a phone (390×844), the phone's «Vis N eksempler» leads to the results,
the groups open and close from the keyboard, long groups are shortened, size classes show their
limits, and Back from an example puts the focus on the link that was opened."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from eksempelbank.reading.schema import load_schema
from eksempelbank.website.finder import RESULTS_PER_BATCH, SHORT_LIST

from .conftest import MOBILE
from .search_data import count_text, examples, matching
from .test_finder import MANY, RESULT_LINKS, STATUS, checkbox, many_examples, open_filters, open_finder, result_titles  # noqa: F401

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}  # the desktop
SCREENS = {"desktop": LAPTOP, "mobil": MOBILE}

IN_VIEW = """el => {
    const box = el.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 40), y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    return {top: box.top, bottom: box.bottom, height: window.innerHeight,
            visible: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
            uncovered: !!top && (el === top || el.contains(top))};
}"""


def assert_in_view(locator, what: str):
    place = locator.evaluate(IN_VIEW)
    assert place["visible"], f"{what} er utenfor skjermen: {place}"
    assert place["uncovered"], f"{what} er dekket av noe annet: {place}"


def choices_to_make() -> list[tuple[str, str, str]]:
    """(facet id, field, value) in the order a visitor ticks them, from the examples: «Mellomstor»
    first (the issue's case), then a value in each of the groups further down, each one leaving
    some examples; the program group is the last one with values."""
    schema = load_schema()
    chosen: dict[str, list[str]] = {}
    steps = []
    for facet_id in ["kommunestorrelse", "suksessfaktorer", "malgrupper", "tema", "fylke", "program"]:
        facet = schema.facet(facet_id)
        values = ["mellomstor"] if facet_id == "kommunestorrelse" else schema.vocabulary_for(facet).ids()
        # The value that leaves the most examples (a count of zero would disable it).
        best = max(values, key=lambda v: len(matching(**chosen, **{facet.field: [v]})))
        if not matching(**chosen, **{facet.field: [best]}):
            continue
        chosen[facet.field] = [best]
        steps.append((facet_id, facet.field, best))
    assert len(steps) >= 4
    return steps


def tick(page, facet: str, value: str):
    box = checkbox(page, facet, value)
    if not box.is_visible():  # a long group shows its most used values first
        page.locator(f'fieldset[data-facet="{facet}"] .eb-facet__all').click()
    box.check()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_count_stays_in_view_after_every_choice(visit, site_url, screen):
    page = visit(SCREENS[screen])
    open_finder(page, site_url)
    open_filters(page)
    status = page.locator(STATUS)
    chosen: dict[str, list[str]] = {}
    for facet, field, value in choices_to_make():
        tick(page, facet, value)
        chosen[field] = [value]
        expected = len(matching(**chosen))
        expect(status).to_contain_text(count_text(expected))
        assert_in_view(status, f"antallet etter «{value}»")
        if screen == "mobil":
            button = page.get_by_role("button", name=re.compile(r"^Vis \d+ eksemp"))
            expect(button).to_have_text(f"Vis {expected} {'eksempel' if expected == 1 else 'eksempler'}")
            assert_in_view(button, "«Vis N eksempler»")
    # Unticking the first choice, now far above: the count is still in view.
    facet, field, value = choices_to_make()[0]
    checkbox(page, facet, value).uncheck()
    del chosen[field]
    expect(status).to_contain_text(count_text(len(matching(**chosen))))
    assert_in_view(status, "antallet etter at et valg er fjernet")


def test_show_n_examples_takes_a_phone_to_the_results(visit, site_url):
    county = Counter(c for e in examples() for c in e.facet_values("fylke")).most_common(1)[0][0]
    expected = matching(fylke=[county])
    page = visit(MOBILE)
    open_finder(page, site_url)
    open_filters(page)
    checkbox(page, "fylke", county).check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(expected)))
    button = page.get_by_role("button", name=f"Vis {len(expected)} eksempler")
    button.click()
    heading = page.get_by_role("heading", name="Eksempler", exact=True)
    expect(heading).to_be_focused()
    expect(page.locator("#eb-finder-filters")).not_to_have_attribute("open", "")
    # The heading is not hidden under the header or the count bar, and the first result follows.
    bar_bottom = page.locator("#eb-finder-bar").evaluate("el => el.getBoundingClientRect().bottom")
    top = heading.evaluate("el => el.getBoundingClientRect().top")
    assert bar_bottom <= top < MOBILE["height"], (bar_bottom, top)
    expect(page.locator(RESULT_LINKS).first).to_be_in_viewport()
    # The whole first result is on screen, not just its top edge (issue 19: it was at y 720 of 844).
    first = page.locator("#eb-finder-list li").first.evaluate("el => el.getBoundingClientRect().top")
    assert first < MOBILE["height"] / 2, first
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]


def test_a_desktop_has_no_show_button(visit, site_url):
    page = visit(LAPTOP)
    open_finder(page, site_url)
    expect(page.locator("#eb-finder-show")).to_be_hidden()


def test_groups_open_and_close_with_the_keyboard(visit, site_url):
    schema = load_schema()
    counties = schema.vocabulary_for(schema.facet("fylke")).ids()
    counts = Counter(c for e in examples() for c in e.facet_values("fylke"))
    page = visit(LAPTOP)
    open_finder(page, site_url)
    group = page.locator('fieldset[data-facet="fylke"]')
    toggle = group.get_by_role("button", name=re.compile(r"^Fylke"))
    boxes = group.get_by_role("checkbox")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    # Shortened: the counties with the most examples, and «Vis alle (15)».
    visible = [b.get_attribute("value") for b in boxes.all() if b.is_visible()]
    assert len(visible) == SHORT_LIST
    assert min(counts[c] for c in visible) >= max(counts[c] for c in counties if c not in visible)
    everything = group.locator(".eb-facet__all")
    expect(everything).to_have_accessible_name(f"Vis alle ({len(counties)})")
    everything.focus()
    page.keyboard.press("Enter")
    expect(everything).to_have_attribute("aria-expanded", "true")
    expect(everything).to_have_text("Vis færre")
    assert sum(b.is_visible() for b in boxes.all()) == len(counties)
    page.keyboard.press("Space")
    expect(everything).to_have_attribute("aria-expanded", "false")
    assert sum(b.is_visible() for b in boxes.all()) == SHORT_LIST
    # The title closes the group and opens it again; Tab then goes into the group.
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(boxes.first).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.locator('fieldset[data-facet="kommunestorrelse"]').get_by_role("button").first).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(boxes.first).to_be_focused()


def test_groups_with_choices_come_first_and_show_the_chosen_value(visit, site_url):
    schema = load_schema()
    counts = Counter(c for e in examples() for c in e.facet_values("fylke"))
    rare = min((c for c in counts), key=lambda c: (counts[c], c))  # among those «Vis alle» hides
    program = next(v for v in schema.vocabulary_for(schema.facet("program")).ids() if matching(program=[v]))
    page = visit(LAPTOP)
    open_finder(page, site_url, f"?program={program}&fylke={rare}")
    order = page.locator("fieldset[data-facet]").evaluate_all("els => els.map(e => e.dataset.facet)")
    schema_order = [f.id for f in schema.facets if f.id in {"fylke", "program"}]
    assert order[:2] == schema_order
    expect(checkbox(page, "fylke", rare)).to_be_visible()
    expect(checkbox(page, "fylke", rare)).to_be_checked()
    expect(page.locator('fieldset[data-facet="fylke"] .eb-facet__toggle')).to_have_text("Fylke (1 valgt)")


def test_size_classes_show_their_limits_where_they_are_chosen(visit, site_url):
    schema = load_schema()
    facet = schema.facet("kommunestorrelse")
    page = visit(LAPTOP)
    open_finder(page, site_url)
    group = page.locator('fieldset[data-facet="kommunestorrelse"]')
    expect(group).to_contain_text(facet.intro.strip())
    for term in schema.vocabulary_for(facet):
        limit = term.extra["kort"].rstrip(".")
        box = checkbox(page, "kommunestorrelse", term.id)
        expect(box).to_have_accessible_description(limit)
        expect(group.locator(f'label[for="eb-f-kommunestorrelse-{term.id}"] + .eb-facet__hint')).to_be_visible()
    options = page.locator("#eb-som-oss-storrelse option").all_inner_texts()
    for term in schema.vocabulary_for(facet):
        limit = term.extra["kort"].rstrip(".")
        assert f"{term.label}: {limit[0].lower()}{limit[1:]}" in options


# -- Back to the finder ---------------------------------------------------------------------------


@pytest.mark.parametrize("screen", SCREENS)
def test_back_from_an_example_puts_the_focus_on_it(visit, site_url, screen):
    county = Counter(c for e in examples() for c in e.facet_values("fylke")).most_common(1)[0][0]
    page = visit(SCREENS[screen])
    open_finder(page, site_url, f"?fylke={county}")
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))
    links = page.locator(RESULT_LINKS)
    assert links.count() >= 2
    opened = links.nth(1)
    href, title = opened.get_attribute("href"), opened.inner_text()
    opened.click()
    expect(page.locator("h1")).to_have_text(title)
    page.go_back()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(fylke=[county]))))
    focused = page.locator(f'{RESULT_LINKS}[href="{href}"]')
    expect(focused).to_be_focused()
    expect(focused).to_be_in_viewport()
    # Tab goes on from there, not from the top of the page.
    page.keyboard.press("Tab")
    expect(links.nth(2)).to_be_focused()


def test_back_to_a_longer_list_shows_it_as_long_as_it_was(visit, many_examples):  # noqa: F811
    url, _ = many_examples
    page = visit(LAPTOP)
    page.goto(url + "finn/")
    expect(page.locator(STATUS)).to_have_text(count_text(MANY) + ".")
    page.get_by_role("button", name=re.compile(r"^Vis flere eksempler")).click()
    expect(page.locator(RESULT_LINKS)).to_have_count(2 * RESULTS_PER_BATCH)
    titles = result_titles(page)
    opened = page.locator(RESULT_LINKS).nth(RESULTS_PER_BATCH + 3)
    href = opened.get_attribute("href")
    opened.click()
    expect(page.locator("h1")).to_have_text(titles[RESULTS_PER_BATCH + 3])
    page.go_back()
    expect(page.locator(f'{RESULT_LINKS}[href="{href}"]')).to_be_focused()
    assert result_titles(page) == titles
    assert urlparse(page.url).path.endswith("/finn/")

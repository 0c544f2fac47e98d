"""«Kommuner som oss» as a visitor uses it: names their municipality on the front page or in the
finder (autocomplete from the register, Sámi names too), and gets every example, the ones from
municipalities like theirs first: the same size class and county, then the same size class in the
neighbouring counties, then the rest, each with its reason. For a small, a mid-sized and a large
municipality; the expectations come from the example files, the register and nabofylker.csv."""

from __future__ import annotations

import csv
from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from eksempelbank import ROOT
from eksempelbank.reading.register import Municipality
from eksempelbank.reading.schema import load_schema

from .conftest import DESKTOP, MOBILE, follow_system_scheme
from .search_data import count_text, examples, matching, slug_of
from .test_accessibility import axe_violations, describe
from .test_finder import STATUS, open_finder, show_all

pytestmark = pytest.mark.browser

BOX = "#eb-som-oss-kommune"
SIZE = "#eb-som-oss-storrelse"
NOTE = "#eb-som-oss-note"
PLACES = ["samme fylke", "nabofylke", "annet fylke"]


# -- expectations, from the data ------------------------------------------------------------------


def neighbours() -> dict[str, set[str]]:
    """County id -> the ids of the counties it borders (data/register/nabofylker.csv, both ways)."""
    register = load_schema().register
    by_number = {c.number: c.id for c in register.counties}
    lines = (ROOT / "data" / "register" / "nabofylker.csv").read_text(encoding="utf-8").splitlines()
    found: dict[str, set[str]] = {c.id: set() for c in register.counties}
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        a, b = by_number[row["fylkesnummer_a"]], by_number[row["fylkesnummer_b"]]
        found[a].add(b)
        found[b].add(a)
    return found


def expected_ranking(town: Municipality, size: str, chosen: dict[str, list[str]] | None = None):
    """Slug -> (group number, reason) for every example that matches ``chosen``."""
    near = neighbours()[town.county.id]
    ranking = {}
    for example in matching(**(chosen or {})):
        if town in example.municipalities:  # the municipality's own examples first, whatever their size then
            ranking[example.slug] = (0, "Samme kommune")
            continue
        counties = set(example.facet_values("fylke"))
        place = 0 if town.county.id in counties else 1 if counties & near else 2
        where = PLACES[place]
        if size:
            same = example.values["kommunestorrelse"] == size
            group = 1 + (0 if same else 3) + place
            reason = f"{'samme' if same else 'annen'} størrelse, {where}"
        else:
            group, reason = 1 + place, where
        ranking[example.slug] = (group, reason[0].upper() + reason[1:])
    return ranking


def shown_ranking(page) -> list[tuple[str, str]]:
    """(slug, reason) of every result, in the order shown."""
    show_all(page)
    items = page.locator("#eb-finder-list li")
    return [
        (
            slug_of(item.locator(".eb-result__title a").get_attribute("href")),
            item.locator(".eb-result__reason").inner_text(),
        )
        for item in items.all()
    ]


def assert_ranked(page, town: Municipality, size: str, chosen: dict[str, list[str]] | None = None):
    expected = expected_ranking(town, size, chosen)
    # The built list shows first; the ranked one replaces it once the finder has read the address.
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    expect(page.locator("#eb-finder[aria-busy]")).to_have_count(0)
    shown = shown_ranking(page)
    assert sorted(slug for slug, _ in shown) == sorted(expected), "every matching example, once"
    groups = [expected[slug][0] for slug, _ in shown]
    assert groups == sorted(groups), f"grupper i feil rekkefølge: {shown}"
    assert [reason for _, reason in shown] == [expected[slug][1] for slug, _ in shown]
    assert len(set(groups)) > 1, "more than one group: the order says something"


def single_size(size: str) -> list[Municipality]:
    """Municipalities whose examples (about them alone) all give ``size``, most examples first."""
    sizes: dict[Municipality, set[str]] = {}
    count: Counter = Counter()
    for example in examples():
        if len(example.municipalities) == 1 and not example.former_municipalities:
            town = example.municipalities[0]
            sizes.setdefault(town, set()).add(example.values["kommunestorrelse"])
            count[town] += 1
    found = [town for town, given in sizes.items() if given == {size}]
    return sorted(found, key=lambda town: (-count[town], town.number))


def small_town_without_examples() -> Municipality:
    """A municipality the bank has no example from, in the county with the most small examples."""
    register = load_schema().register
    with_examples = {m for e in examples() for m in e.municipalities}
    county = Counter(
        c for e in examples() if e.values["kommunestorrelse"] == "liten" for c in e.facet_values("fylke")
    ).most_common(1)[0][0]
    return next(m for m in register.municipalities if m.county.id == county and m not in with_examples)


def address(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def today(town: Municipality) -> tuple[int, str]:
    """(population on 1 January 2024, size class) from data/register/folketall-2024.csv."""
    from eksempelbank.website.similar_municipalities import todays_sizes

    return todays_sizes(load_schema())[town.number]


def test_every_population_is_written_as_norwegian_numbers_are(visit, site_url):
    """som-oss.js writes populations without the browser's number formats (loading them blocked the
    page for 30-50 ms): the same text as toLocaleString("nb-NO"), for every municipality."""
    page = visit()
    page.goto(site_url + "finn/")
    different = page.evaluate(
        """async (root) => {
            const module = await import(root + "assets/som-oss.js");
            const data = await module.loadMunicipalities();
            return data.municipalities.map((m) => [m.population, module.thousands(m.population)])
                .filter(([n, text]) => text !== n.toLocaleString("nb-NO"));
        }""",
        site_url,
    )
    assert different == []


# -- small: named in the finder, size chosen by the visitor ---------------------------------------


def test_small_municipality_named_in_the_finder(visit, site_url):
    town = small_town_without_examples()
    page = visit()
    open_finder(page, site_url)
    page.locator(BOX).press_sequentially(town.name)
    note = page.locator(NOTE)
    # The size class comes from the register's population (SSB, 1 January 2024); no choice needed.
    people, size = today(town)
    expect(note).to_contain_text(f"{town.name} ligger i {town.county.name}")
    expect(note).to_contain_text(f"{people:,}".replace(",", "\u00a0") + " innbyggere 1. januar 2024")
    expect(page.locator(SIZE)).to_have_value(size)
    assert address(page) == {"kommune": [town.id]}
    assert_ranked(page, town, size)
    other = "mellomstor" if size == "liten" else "liten"
    page.locator(SIZE).select_option(other)
    expect(page.locator(STATUS)).to_contain_text("av samme størrelse i samme fylke")
    assert address(page) == {"kommune": [town.id], "storrelse": [other]}
    assert_ranked(page, town, other)


# -- mid-sized: named on the front page, the size the bank knows -----------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobil"])
def test_mid_sized_municipality_named_on_the_front_page(visit, site_url, viewport):
    town = single_size("mellomstor")[0]
    page = visit(viewport)
    page.goto(site_url)
    box = page.get_by_role("combobox", name="Kommunen din")
    box.press_sequentially(town.name)
    page.get_by_role("button", name="Vis eksempler").click()
    expect(page.locator("h1")).to_have_text("Finn eksempel")
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    assert address(page) == {"kommune": [town.id]}
    expect(page.locator(BOX)).to_have_value(town.name)
    people, size = today(town)
    expect(page.locator(SIZE)).to_have_value(size)
    expect(page.locator(NOTE)).to_contain_text("innbyggere 1. januar 2024")
    assert_ranked(page, town, size)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


# -- large: the address alone, the round trip, another size, a filter as well ------------------------


def test_large_municipality_from_the_address_and_back(visit, site_url):
    town = single_size("stor")[0]
    assert today(town)[1] == "stor"
    page = visit()
    open_finder(page, site_url, f"?kommune={town.id}")
    expect(page.locator(BOX)).to_have_value(town.name)
    expect(page.locator(SIZE)).to_have_value("stor")
    assert_ranked(page, town, "stor")
    first = shown_ranking(page)

    # The same address opens the same list.
    again = visit()
    open_finder(again, site_url, f"?kommune={town.id}")
    expect(again.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    assert shown_ranking(again) == first

    # Another size: in the address; Back returns to the size the bank knows.
    page.locator(SIZE).select_option("liten")
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    assert address(page) == {"kommune": [town.id], "storrelse": ["liten"]}
    assert_ranked(page, town, "liten")
    page.go_back()
    expect(page.locator(SIZE)).to_have_value("stor")
    assert address(page) == {"kommune": [town.id]}
    assert_ranked(page, town, "stor")


def test_the_ranking_keeps_the_visitors_other_choices(visit, site_url):
    town = single_size("stor")[0]
    schema = load_schema()
    factor = max(
        schema.vocabulary_for(schema.facet("suksessfaktorer")).ids(), key=lambda f: len(matching(suksessfaktorer=[f]))
    )
    page = visit()
    open_finder(page, site_url, f"?kommune={town.id}&suksessfaktorer={factor}")
    expected = matching(suksessfaktorer=[factor])
    expect(page.locator(STATUS)).to_contain_text(count_text(len(expected)))
    assert_ranked(page, town, "stor", {"suksessfaktorer": [factor]})


def test_clearing_the_choices_forgets_the_municipality(visit, site_url):
    town = single_size("stor")[0]
    page = visit()
    open_finder(page, site_url, f"?kommune={town.id}")
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    page.get_by_role("button", name="Fjern alle valg").click()
    expect(page.locator(STATUS)).to_have_text(count_text(len(examples())) + ".")
    expect(page.locator(BOX)).to_have_value("")
    assert urlparse(page.url).query == ""
    expect(page.locator(".eb-result__reason")).to_have_count(0)


# -- names: Sámi, shared, unknown ----------------------------------------------------------------------


def test_a_sami_name_finds_the_municipality(visit, site_url):
    register = load_schema().register
    town = next(m for m in register.municipalities if m.alt_name)
    page = visit()
    page.goto(site_url)
    box = page.get_by_role("combobox", name="Kommunen din")
    box.press_sequentially(town.alt_name)
    # The list offers it (the datalist holds the register's names, Sámi ones too).
    options = page.locator("#eb-start-kommuner option")
    expect(options).to_have_count(len(register.municipalities) + sum(1 for m in register.municipalities if m.alt_name))
    assert options.evaluate_all("os => os.map(o => o.value)").count(town.alt_name) == 1
    box.press("Enter")
    expect(page.locator(BOX)).to_have_value(town.name)
    assert address(page) == {"kommune": [town.id]}


def test_a_shared_or_unknown_name_is_explained_on_the_front_page(visit, site_url):
    register = load_schema().register
    shared = Counter(m.name.split(" (")[0] for m in register.municipalities)
    name = next(n for n, count in shared.items() if count > 1)
    page = visit()
    page.goto(site_url)
    box = page.get_by_role("combobox", name="Kommunen din")
    box.press_sequentially(name)
    box.press("Enter")
    message = page.locator("#eb-start-melding")
    for m in register.municipalities:
        if m.name.split(" (")[0] == name:
            expect(message).to_contain_text(m.name)
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_accessible_description(message.inner_text())
    assert urlparse(page.url).path == "/"
    box.fill("")
    box.press_sequentially("Holmestarnd")
    box.press("Enter")
    expect(message).to_have_text("Fant ingen kommune som heter «Holmestarnd». Velg en fra lista.")


def test_an_unknown_name_in_the_address_is_explained_in_the_finder(visit, site_url):
    page = visit()
    open_finder(page, site_url, "?kommune=Holmestarnd")
    expect(page.locator(NOTE)).to_have_text("Fant ingen kommune som heter «Holmestarnd». Velg en fra lista.")
    expect(page.locator(STATUS)).to_contain_text(count_text(len(examples())))
    expect(page.locator(".eb-result__reason")).to_have_count(0)


def test_without_javascript_the_front_page_form_still_leads_to_the_finder(visit, site_url):
    """The form is plain HTML: without scripts it sends the name, and the finder's links remain."""
    town = single_size("mellomstor")[0]
    page = visit()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(site_url)
    page.get_by_role("combobox", name="Kommunen din").fill(town.name)
    page.get_by_role("button", name="Vis eksempler").click()
    expect(page.locator("h1")).to_have_text("Finn eksempel")
    assert address(page) == {"kommune": [town.name]}
    expect(page.locator("#eb-finder-fallback")).to_be_visible()


# -- accessibility of the new states ------------------------------------------------------------------


def finder_ranked(page, site_url):
    town = single_size("mellomstor")[0]
    page.goto(site_url + f"finn/?kommune={town.id}")
    expect(page.locator(STATUS)).to_contain_text(f"Kommuner som {town.name} først")
    expect(page.locator(".eb-result__reason").first).to_be_visible()


def finder_groups_changed(page, site_url):
    """A group closed, a long one opened in full, a choice made (the count bar in use)."""
    page.goto(site_url + "finn/")
    expect(page.locator(STATUS)).to_contain_text("passer")
    details = page.locator("#eb-finder-filters")
    if details.get_attribute("open") is None:
        details.locator("> summary").click()
    page.locator('fieldset[data-facet="suksessfaktorer"] .eb-facet__toggle').click()
    page.locator('fieldset[data-facet="fylke"] .eb-facet__all').click()
    page.locator('input[name="kommunestorrelse"][value="mellomstor"]').check()
    expect(page.locator(STATUS)).to_contain_text(count_text(len(matching(kommunestorrelse=["mellomstor"]))))


def front_page_unknown_name(page, site_url):
    page.goto(site_url)
    box = page.get_by_role("combobox", name="Kommunen din")
    box.press_sequentially("Holmestarnd")
    box.press("Enter")
    expect(page.locator("#eb-start-melding")).to_contain_text("Fant ingen kommune")


STATES = {f.__name__: f for f in (finder_ranked, finder_groups_changed, front_page_unknown_name)}


@pytest.mark.parametrize("scheme", ["lys", "mork"])
@pytest.mark.parametrize("viewport", ["desktop", "mobil"])
@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_violations(visit, site_url, axe_source, state, viewport, scheme):
    page = visit({"desktop": DESKTOP, "mobil": MOBILE}[viewport])
    follow_system_scheme(page)
    page.emulate_media(color_scheme="dark" if scheme == "mork" else "light")
    STATES[state](page, site_url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "mork" else "default")
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe-core ({state}, {viewport}, {scheme}):\n{describe(violations)}"

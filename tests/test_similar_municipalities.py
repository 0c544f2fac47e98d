"""«Kommuner som oss»: the data behind it (neighbouring counties, the sizes the bank knows, the JSON
the browser loads) and what the finder page is built with (size limits, long groups shortened)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from eksempelbank import ROOT
from eksempelbank.website.finder import LONG_GROUP, SHORT_LIST
from eksempelbank.website.similar_municipalities import (
    DATA_URI,
    NEIGHBOURS_FILE,
    POPULATION_FILE,
    NeighbourError,
    PopulationError,
    known_sizes,
    municipality_data,
    read_neighbours,
    read_population,
    to_json,
)


def neighbour_rows() -> list[dict[str, str]]:
    lines = (ROOT / "data" / "register" / NEIGHBOURS_FILE).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


# -- neighbouring counties ------------------------------------------------------------------------


def test_every_county_has_neighbours_named_as_in_the_register(schema):
    register = schema.register
    neighbours = read_neighbours(ROOT / "data" / "register", register)
    assert set(neighbours) == {c.number for c in register.counties}
    assert all(neighbours.values())
    for number, found in neighbours.items():
        assert number not in found
        for other in found:
            assert number in neighbours[other], "a border holds both ways"


def test_the_file_states_each_border_once_with_the_registers_names(schema):
    names = {c.number: c.name for c in schema.register.counties}
    rows = neighbour_rows()
    pairs = [frozenset((r["fylkesnummer_a"], r["fylkesnummer_b"])) for r in rows]
    assert len(pairs) == len(set(pairs))
    for row in rows:
        assert names[row["fylkesnummer_a"]] == row["fylke_a"]
        assert names[row["fylkesnummer_b"]] == row["fylke_b"]


def test_the_file_names_its_sources():
    header = [
        line
        for line in (ROOT / "data" / "register" / NEIGHBOURS_FILE).read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]
    assert any("Kilde" in line for line in header)
    assert sum("https://" in line for line in header) >= 3


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda text: text.replace("03,Oslo,32,Akershus", "03,Oslo,99,Atlantis"), "Atlantis"),
        (lambda text: text + "03,Oslo,32,Akershus\n", "to ganger"),
        (lambda text: text.replace("55,Troms,56,Finnmark\n", ""), "Finnmark"),
        (lambda text: text.replace("03,Oslo,32,Akershus", "03,Oslo,03,Oslo"), "seg selv"),
    ],
)
def test_a_broken_neighbour_list_says_what_is_wrong(tmp_path, schema, change, message):
    source = ROOT / "data" / "register"
    shutil.copytree(source, tmp_path / "register")
    path = tmp_path / "register" / NEIGHBOURS_FILE
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(NeighbourError, match=message):
        read_neighbours(tmp_path / "register", schema.register)


# -- the size the bank knows -----------------------------------------------------------------------


def single_municipality(examples):
    return [e for e in examples if len(e.municipalities) == 1 and not e.former_municipalities]


def test_a_municipality_gets_the_size_of_its_latest_example(examples, schema):
    sizes = [t.id for t in schema.vocabulary_for(schema.facet("kommunestorrelse"))]
    first = single_municipality(examples)[0]
    older = replace(
        first, slug="eldre", period_start=2001, period_end=2003, values={**first.values, "kommunestorrelse": sizes[0]}
    )
    newer = replace(
        first, slug="nyere", period_start=2019, period_end=2021, values={**first.values, "kommunestorrelse": sizes[-1]}
    )
    number = first.municipalities[0].number
    for order in ([older, newer], [newer, older]):
        known = known_sizes(order)[number]
        assert (known.size, known.slug) == (sizes[-1], "nyere")
    ongoing = replace(
        first, slug="pagar", period_start=2022, period_end=None, values={**first.values, "kommunestorrelse": sizes[1]}
    )
    assert known_sizes([older, newer, ongoing])[number].slug == "pagar"


def test_shared_and_former_municipality_examples_tell_no_size(examples, schema):
    first = single_municipality(examples)[0]
    other = next(m for m in schema.register.municipalities if m != first.municipalities[0])
    shared = replace(first, municipalities=[first.municipalities[0], other])
    former = next(f for f in schema.register.former_municipalities)
    merged = replace(first, municipalities=[former.merged_into], former_municipalities=[former])
    assert known_sizes([shared, merged]) == {}


def test_the_known_sizes_are_the_examples_own(examples):
    known = known_sizes(examples)
    by_number: dict[str, set[str]] = {}
    for example in single_municipality(examples):
        by_number.setdefault(example.municipalities[0].number, set()).add(example.values["kommunestorrelse"])
    assert set(known) == set(by_number)
    for number, size in known.items():
        assert size.size in by_number[number]


# -- the data the browser loads --------------------------------------------------------------------


def test_the_data_lists_every_municipality_with_its_county_and_sami_name(examples, schema):
    data = municipality_data(examples, schema)
    register = schema.register
    assert len(data["kommuner"]) == len(register.municipalities) == 357
    rows = {row[0]: row for row in data["kommuner"]}
    assert len(rows) == 357, "ids are unique: they go in the address"
    for m in register.municipalities:
        assert rows[m.id][1:4] == [m.name, m.alt_name, m.county.id]
    assert sum(1 for row in data["kommuner"] if row[2]) == sum(1 for m in register.municipalities if m.alt_name) > 0
    county_ids = {t.id for t in schema.vocabulary_for(schema.facet("fylke"))}
    assert {c["id"] for c in data["fylker"]} == county_ids, "the finder's county filter values"
    for county in data["fylker"]:
        assert set(county["naboer"]) <= county_ids


def test_the_data_gives_sizes_with_their_limits_and_where_they_come_from(examples, schema):
    data = municipality_data(examples, schema)
    vocabulary = schema.vocabulary_for(schema.facet("kommunestorrelse"))
    assert [s["id"] for s in data["storrelser"]] == [t.id for t in vocabulary]
    for size, term in zip(data["storrelser"], vocabulary, strict=True):
        assert size["kort"] == term.extra["kort"].rstrip(".")
        assert "innbyggere" in size["kort"]
    # Every municipality has today's size, from its registered population (SSB 07459, 1 January 2024).
    population = {}
    for line in (ROOT / "data" / "register" / POPULATION_FILE).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and not line.startswith("kommunenummer"):
            number, _, people, date = line.split(",")
            assert date == "2024-01-01"
            population[number] = int(people)
    assert len(population) == 357 and sum(population.values()) == 5_550_203, "SSB's national total"
    by_number = {m.id: m.number for m in schema.register.municipalities}
    limits = {t.id: (t.extra["min_innbyggere"], t.extra.get("maks_innbyggere", 10**9)) for t in vocabulary}
    for municipality_id, _, _, _, size, people in data["kommuner"]:
        assert people == population[by_number[municipality_id]]
        low, high = limits[size]
        assert low <= people <= high, municipality_id
    assert "07459" in data["kilde"]


def test_an_examples_size_then_and_today_are_both_shown_where_they_differ(examples, schema):
    from eksempelbank.website.render import _size_today
    from eksempelbank.website.similar_municipalities import todays_sizes

    today = todays_sizes(schema)
    differ = [
        e
        for e in examples
        if len(e.municipalities) == 1 and today[e.municipalities[0].number][1] != e.values["kommunestorrelse"]
    ]
    assert differ, "Holmestrand and Alver (Meland) were mellomstore when the work was done"
    for example in differ:
        text = _size_today(example, schema, example.language == "nn")
        assert "i dag" in text and "1. januar 2024" in text
    same = [e for e in examples if e not in differ]
    assert all(_size_today(e, schema, False) == "" for e in same)


def test_a_broken_population_file_says_what_is_wrong(tmp_path, schema):
    register = tmp_path / "register"
    shutil.copytree(ROOT / "data" / "register", register)
    path = register / POPULATION_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("0301")) + "\n", encoding="utf-8")
    with pytest.raises(PopulationError, match="mangler folketallet til Oslo"):
        read_population(register, schema.register)


# -- the built site ---------------------------------------------------------------------------------


def test_the_site_carries_the_data_next_to_the_finder(real_site, examples, schema):
    site = real_site[0]
    assert json.loads((site / DATA_URI).read_text(encoding="utf-8")) == json.loads(to_json(examples, schema))


def finder_html(site: Path) -> str:
    return (site / "finn" / "index.html").read_text(encoding="utf-8")


def test_size_classes_show_their_limits_in_the_finder(real_site, schema):
    page = finder_html(real_site[0])
    for term in schema.vocabulary_for(schema.facet("kommunestorrelse")):
        limit = term.extra["kort"].rstrip(".")
        hint = re.search(
            rf'<span class="eb-facet__hint" id="eb-f-kommunestorrelse-{term.id}-hint">([^<]*)</span>', page
        )
        assert hint and hint.group(1) == limit
        assert f'aria-describedby="eb-f-kommunestorrelse-{term.id}-hint"' in page
        assert f'<option value="{term.id}">{term.label}: {limit[0].lower()}{limit[1:]}</option>' in page
    assert schema.facet("kommunestorrelse").intro.strip() in page


def test_long_groups_show_their_most_used_values_first(real_site, examples, schema):
    page = finder_html(real_site[0])
    long_groups = [f for f in schema.facets if len(schema.vocabulary_for(f).ids()) > LONG_GROUP]
    assert "fylke" in {f.id for f in long_groups}
    for facet in long_groups:
        values = schema.vocabulary_for(facet).ids()
        assert f"Vis alle ({len(values)})</button>" in page
        group = page.split(f'<fieldset class="eb-facet" data-facet="{facet.id}">', 1)[1].split("</fieldset>", 1)[0]
        items = re.findall(
            r'<li( class="eb-facet__extra" hidden)?><input type="checkbox" id="eb-f-[^"]+" '
            r'name="[^"]+" value="([^"]+)"',
            group,
        )
        shown = [value for hidden, value in items if not hidden]
        assert len(items) == len(values) and len(shown) == SHORT_LIST
        count = {v: sum(v in e.facet_values(facet.field) for e in examples) for v in values}
        assert min(count[v] for v in shown) >= max(count[v] for hidden, v in items if hidden)


def test_the_size_pages_point_to_all_sizes_in_the_plural(real_site, schema):
    site = real_site[0]
    facet = schema.facet("kommunestorrelse")
    for term in schema.vocabulary_for(facet):
        page = (site / facet.path / term.id / "index.html").read_text(encoding="utf-8")
        assert "Se også <a" in page and ">alle kommunestørrelser</a>" in page

"""«Kommuner som oss»: what the finder needs to put examples from municipalities like the visitor's first.

A visitor names their municipality; the finder (``docs/assets/som-oss.js`` and ``finder.js``) then
lists examples of the same size class in the same county first, then the same size class in the
neighbouring counties, then the rest, each with the reason. Everything comes from data:

- the municipalities, their Sámi names and counties: the register (``data/register/kommuner-2024.csv``);
- which counties border each other: ``data/register/nabofylker.csv`` (:func:`read_neighbours`);
- the size classes and their limits: the ``kommunestorrelse`` vocabulary;
- the visitor's size class: from the municipality's registered population on 1 January 2024
  (``data/register/folketall-2024.csv``, Statistics Norway table 07459; :func:`read_population`) and the
  limits of the size classes (:func:`size_for`). The visitor can still choose another. An example's own
  size class is the size at the time of the work; where it differs from today's, the page says both.
- the municipality's own examples come first: the examples carry their municipalities as a filter
  (:data:`MUNICIPALITY_FILTER`).

The finder loads this as one small JSON file (:data:`DATA_URI`) only when «Kommuner som oss» is
used, so opening the finder or the front page costs nothing more.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..reading.model import Example
from ..reading.register import Register
from ..reading.schema import Schema
from .search_index import MUNICIPALITY_FILTER  # the filter with an example's municipalities

NEIGHBOURS_FILE = "nabofylker.csv"
POPULATION_FILE = "folketall-2024.csv"
#: Where the build writes the data, next to the finder page.
DATA_URI = "finn/kommuner.json"
#: The facets «Kommuner som oss» ranks by (facet ids of data/eksempelformat.yml).
COUNTY_FACET = "fylke"
SIZE_FACET = "kommunestorrelse"


class NeighbourError(ValueError):
    """``nabofylker.csv`` does not fit the county register; the message says where, in Norwegian."""


def read_neighbours(register_dir: Path, register: Register) -> dict[str, tuple[str, ...]]:
    """County number -> the numbers of the counties it borders on land, both ways.

    Lines starting with ``#`` are the file's comments (its source). Every county of the register
    must have at least one neighbour, and every number and name must be the register's.
    """
    path = Path(register_dir) / NEIGHBOURS_FILE
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    names = {c.number: c.name for c in register.counties}
    neighbours: dict[str, set[str]] = {number: set() for number in names}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        pair = [(row["fylkesnummer_a"], row["fylke_a"]), (row["fylkesnummer_b"], row["fylke_b"])]
        for number, name in pair:
            if names.get(number) != name:
                raise NeighbourError(f"{path.name}: «{number},{name}» er ikke et fylke i fylker-2024.csv.")
        (a, _), (b, _) = pair
        if a == b:
            raise NeighbourError(f"{path.name}: {names[a]} kan ikke være nabo med seg selv.")
        if b in neighbours[a]:
            raise NeighbourError(f"{path.name}: grensen {names[a]}–{names[b]} står to ganger.")
        neighbours[a].add(b)
        neighbours[b].add(a)
    lonely = [names[n] for n, found in neighbours.items() if not found]
    if lonely:
        raise NeighbourError(f"{path.name}: mangler naboene til {', '.join(lonely)}.")
    return {number: tuple(sorted(found)) for number, found in neighbours.items()}


class PopulationError(ValueError):
    """``folketall-2024.csv`` does not fit the municipality register; the message says where, in Norwegian."""


def read_population(register_dir: Path, register: Register) -> dict[str, int]:
    """Municipality number -> registered population on 1 January 2024, for every municipality of
    the register. Lines starting with ``#`` are the file's comments (its source)."""
    path = Path(register_dir) / POPULATION_FILE
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    names = {m.number: m.name for m in register.municipalities}
    population: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        number = row["kommunenummer"]
        if names.get(number) != row["kommune"]:
            raise PopulationError(f"{path.name}: «{number},{row['kommune']}» er ikke en kommune i kommuner-2024.csv.")
        if not row["folketall"].isdigit():
            raise PopulationError(
                f"{path.name}: folketallet til {row['kommune']} er ikke et tall: «{row['folketall']}»."
            )
        population[number] = int(row["folketall"])
    missing = [name for number, name in names.items() if number not in population]
    if missing:
        raise PopulationError(f"{path.name}: mangler folketallet til {', '.join(missing)}.")
    return population


def size_for(population: int, schema: Schema) -> str:
    """The size class (vocabulary id) whose limits (``min_innbyggere``, ``maks_innbyggere``) hold ``population``."""
    for term in schema.vocabulary_for(schema.facet(SIZE_FACET)):
        low = int(term.extra.get("min_innbyggere", 0))
        high = term.extra.get("maks_innbyggere")
        if population >= low and (high is None or population <= int(high)):
            return term.id
    raise ValueError(f"ingen kommunestørrelse for {population} innbyggere")


def todays_sizes(schema: Schema) -> dict[str, tuple[int, str]]:
    """Municipality number -> (population on 1 January 2024, size class id). Read once per build."""
    cached = getattr(schema, "_todays_sizes", None)
    if cached is not None:
        return cached
    register = schema.register
    population = read_population(Path(schema.data_dir) / "register", register)
    sizes = {number: (people, size_for(people, schema)) for number, people in population.items()}
    try:
        object.__setattr__(schema, "_todays_sizes", sizes)
    except (AttributeError, TypeError):  # a schema that takes no attributes: read again next time
        pass
    return sizes


@dataclass(frozen=True)
class KnownSize:
    """The size class an example in the bank gives a municipality, and which example."""

    size: str  # vocabulary id
    slug: str
    title: str
    period: str


def known_sizes(examples: list[Example]) -> dict[str, KnownSize]:
    """Municipality number -> the size class of its most recent example in the bank.

    Only examples about one municipality of today count: an example shared by several, or about
    a former municipality (Hof, now Holmestrand), does not tell today's municipality's size.
    Most recent: the work that ended last (ongoing work counts as its last review year).
    """

    def recency(example: Example) -> tuple:
        end = example.period_end if example.period_end is not None else example.reviewed.year
        return end, example.period_start, example.reviewed, example.slug

    found: dict[str, Example] = {}
    for example in examples:
        if len(example.municipalities) != 1 or example.former_municipalities:
            continue
        size = example.values.get("kommunestorrelse")
        if not size:
            continue
        number = example.municipalities[0].number
        if number not in found or recency(example) > recency(found[number]):
            found[number] = example
    return {
        number: KnownSize(e.values["kommunestorrelse"], e.slug, e.title, e.period_label) for number, e in found.items()
    }


def size_classes(schema: Schema) -> list[dict[str, str]]:
    """The size classes with their limits as a reader sees them («Under 5 000 innbyggere»)."""
    vocabulary = schema.vocabulary_for(schema.facet(SIZE_FACET))
    return [{"id": t.id, "navn": t.label, "kort": str(t.extra.get("kort", "")).strip().rstrip(".")} for t in vocabulary]


def municipality_data(examples: list[Example], schema: Schema) -> dict:
    """What the browser needs, as JSON-ready data (see :func:`to_json`).

    ``kommuner``: ``[id, name, Sámi name, county id, size id, population]`` per municipality, in the
    register's order: the size class of today's population (1 January 2024).
    """
    register = schema.register
    neighbours = read_neighbours(Path(schema.data_dir) / "register", register)
    county_id = {c.number: c.id for c in register.counties}
    today = todays_sizes(schema)
    municipalities = [
        [m.id, m.name, m.alt_name, m.county.id, today[m.number][1], today[m.number][0]] for m in register.municipalities
    ]
    return {
        "fylker": [
            {"id": c.id, "navn": c.name, "naboer": [county_id[n] for n in neighbours[c.number]]}
            for c in register.counties
        ],
        "storrelser": size_classes(schema),
        "kommuner": municipalities,
        "fasetter": {"fylke": COUNTY_FACET, "storrelse": SIZE_FACET, "kommune": MUNICIPALITY_FILTER},
        "kilde": "Statistisk sentralbyrå, tabell 07459, folkemengde 1. januar 2024",
    }


def to_json(examples: list[Example], schema: Schema) -> str:
    return json.dumps(municipality_data(examples, schema), ensure_ascii=False, separators=(",", ":"))

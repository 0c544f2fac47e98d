"""Queries municipal staff type, and which examples each should find in the top 5, computed from the
example files (never a list of slugs: examples come and go).

Each query names what it is about as conditions on an example, all of which must hold:

- ``tema``, ``malgrupper``, ``suksessfaktorer``, ``kommunestorrelse``, ``fylke``, ``program``: the
  example has that facet value (the editors' own classification);
- ``kommune``: the example is from that municipality (today's or a former one);
- ``om``: a regular expression the example's title, summary or facet labels match (what it is about,
  not a word somewhere in the body).

A query with a typo counts as found through «Mente du …?» (one tap: the first offer).
"""

from __future__ import annotations

import re
from functools import cache

from eksempelbank.reading.schema import load_schema

from .search_data import examples

# (query, kind, conditions)
REAL_QUERIES: list[tuple[str, str, dict]] = [
    # target groups and topics, Bokmål
    ("bosetting av flyktninger", "flere ord", {"malgrupper": "flyktninger", "om": r"\bbos[ae]tt|\bbuset"}),
    ("leie til eie", "flere ord", {"tema": "leie-til-eie"}),
    ("tilvisningsavtale", "sammensatt", {"om": r"tilvis"}),
    ("bostedsløse", "målgruppe", {"malgrupper": "bostedslose"}),
    ("housing first", "flere ord", {"tema": "housing-first"}),
    ("startlån", "tema", {"tema": "startlan"}),
    ("rus og psykisk helse", "målgruppe", {"malgrupper": "rus-og-psykisk-helse"}),
    ("psykisk helse", "målgruppe", {"malgrupper": "rus-og-psykisk-helse"}),
    ("boligkontor", "tema", {"tema": "boligkontor"}),
    ("småhus", "tema", {"tema": "smahus"}),
    ("forebygging av utkastelser", "flere ord", {"tema": "forebygging-av-utkastelser"}),
    ("utkastelse", "tema", {"tema": "forebygging-av-utkastelser"}),
    ("private utleiere", "flere ord", {"tema": "private-utleiere"}),
    ("boligsosial handlingsplan", "flere ord", {"tema": "boligsosial-handlingsplan"}),
    ("kartlegging av boligbehov", "flere ord", {"tema": "kartlegging-av-boligbehov"}),
    ("tildeling av kommunale boliger", "flere ord", {"tema": "tildeling-av-bolig"}),
    ("oppfølging i bolig", "flere ord", {"tema": "oppfolging-i-bolig"}),
    ("bofellesskap", "ord", {"om": r"bofellesskap|bufellesskap"}),
    ("ungdom", "målgruppe", {"malgrupper": "ungdom"}),
    ("unge voksne", "målgruppe", {"malgrupper": "ungdom"}),
    ("barnefamilier", "målgruppe", {"malgrupper": "barnefamilier"}),
    ("flyktninger", "målgruppe", {"malgrupper": "flyktninger"}),
    ("nedsatt funksjonsevne", "målgruppe", {"malgrupper": "nedsatt-funksjonsevne"}),
    ("lav inntekt", "målgruppe", {"malgrupper": "lavinntekt"}),
    ("universell utforming", "tema", {"tema": "universell-utforming"}),
    ("økonomisk rådgivning", "tema", {"tema": "okonomisk-radgivning"}),
    ("midlertidig bolig", "tema", {"tema": "midlertidig-botilbud"}),
    ("tverrfaglig samarbeid", "tema", {"tema": "tverrfaglig-samarbeid"}),
    ("brukermedvirkning", "suksessfaktor", {"suksessfaktorer": "brukermedvirkning"}),
    ("fengsel", "ord", {"om": r"fengsel"}),
    ("boligsosialt utviklingsprogram", "program", {"program": "boligsosialt-utviklingsprogram"}),
    ("liten kommune", "størrelse", {"kommunestorrelse": "liten"}),
    ("små kommuner", "størrelse", {"kommunestorrelse": "liten"}),
    # Nynorsk
    ("leige til eige", "nynorsk", {"tema": "leie-til-eie"}),
    ("tilvisingsavtale", "nynorsk", {"om": r"tilvis"}),
    ("bustadlause", "nynorsk", {"malgrupper": "bostedslose"}),
    ("bustadkontor", "nynorsk", {"tema": "boligkontor"}),
    ("flyktningar", "nynorsk", {"malgrupper": "flyktninger"}),
    ("busetjing av flyktningar", "nynorsk", {"malgrupper": "flyktninger", "om": r"\bbos[ae]tt|\bbuset"}),
    ("bustadsosial handlingsplan", "nynorsk", {"tema": "boligsosial-handlingsplan"}),
    ("mellombels bustad", "nynorsk", {"tema": "midlertidig-botilbud"}),
    ("kommunale utleigebustader", "nynorsk", {"tema": "kommunale-utleieboliger"}),
    # places
    ("Nordland", "sted", {"fylke": "nordland"}),
    ("Trøndelag", "sted", {"fylke": "trondelag"}),
    ("Vestland", "sted", {"fylke": "vestland"}),
    ("Finnmark", "sted", {"fylke": "finnmark"}),
    ("Stord", "sted", {"kommune": "Stord"}),
    ("Drammen", "sted", {"kommune": "Drammen"}),
    ("Oslo", "sted", {"kommune": "Oslo"}),
    ("Hamarøy", "sted", {"kommune": "Hamarøy"}),
    ("Mandal", "sted", {"kommune": "Mandal"}),
    ("Tromsø", "sted", {"kommune": "Tromsø"}),
    # several words: a topic and a place or group
    ("housing first Stord", "flere ord", {"tema": "housing-first", "kommune": "Stord"}),
    ("flyktninger Nordland", "flere ord", {"malgrupper": "flyktninger", "fylke": "nordland"}),
    ("leie til eie Drammen", "flere ord", {"tema": "leie-til-eie", "kommune": "Drammen"}),
    ("startlån barnefamilier", "flere ord", {"tema": "startlan", "malgrupper": "barnefamilier"}),
    ("boligkontor Trøndelag", "flere ord", {"tema": "boligkontor", "fylke": "trondelag"}),
    # typed without æøå, and typos (one tap on «Mente du …?»)
    ("Hamaroy", "uten æøå", {"kommune": "Hamarøy"}),
    ("smahus", "uten æøå", {"tema": "smahus"}),
    ("bostedslose", "uten æøå", {"malgrupper": "bostedslose"}),
    ("Holmestarnd", "skrivefeil", {"kommune": "Holmestrand"}),
    ("flyktnigner", "skrivefeil", {"malgrupper": "flyktninger"}),
    ("startlaan", "skrivefeil", {"tema": "startlan"}),
    ("tilvisnigsavtale", "skrivefeil", {"om": r"tilvis"}),
]


def _labels(example) -> list[str]:
    schema = load_schema()
    return [schema.vocabulary_for(f).label(v) for f in schema.facets for v in example.facet_values(f.field)]


def _about(example) -> str:
    return "\n".join([example.title, example.summary, *_labels(example)])


def _places(example) -> set[str]:
    names = {m.name.split(" (")[0] for m in example.municipalities}
    names |= {f.name.split(" (")[0] for f in example.former_municipalities}
    return names


def matches(example, conditions: dict) -> bool:
    for key, wanted in conditions.items():
        if key == "om":
            if not re.search(wanted, _about(example), re.IGNORECASE):
                return False
        elif key == "kommune":
            if wanted not in _places(example):
                return False
        elif wanted not in example.facet_values(key):
            return False
    return True


@cache
def relevant(query: str) -> frozenset[str]:
    conditions = next(c for q, _, c in REAL_QUERIES if q == query)
    return frozenset(e.slug for e in examples() if matches(e, conditions))


def recall_at(found: list[str], query: str, k: int = 5) -> float:
    """The share of the top ``k`` places the relevant examples could fill that they do fill."""
    wanted = relevant(query)
    return len(wanted & set(found[:k])) / min(k, len(wanted))

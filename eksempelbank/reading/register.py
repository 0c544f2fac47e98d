"""Norway's municipalities and counties (2024 division), read from ``data/register/``.

Source: Statistisk sentralbyrå, standard for kommuneinndeling and fylkesinndeling.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .text import slugify


@dataclass(frozen=True)
class County:
    number: str
    name: str

    @property
    def id(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Municipality:
    number: str
    name: str  # official name; Herøy and Våler carry their county in brackets
    alt_name: str  # Sámi (or other) official alternative name, may be empty
    county: County

    @property
    def id(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class FormerMunicipality:
    name: str
    ended_year: int  # merged from 1 January of this year
    merged_into: Municipality


@dataclass(frozen=True)
class FormerCounty:
    name: str
    number: str
    valid_to: str
    successors: tuple[str, ...]


@dataclass(frozen=True)
class Lookup:
    """Result of looking up what an editor wrote in the ``kommune`` field."""

    municipality: Municipality | None = None
    former: FormerMunicipality | None = None
    ambiguous: tuple[Municipality, ...] = ()


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Register:
    def __init__(self, directory: Path):
        self.counties = [County(row["fylkesnummer"], row["navn"]) for row in _read_csv(directory / "fylker-2024.csv")]
        county_by_number = {c.number: c for c in self.counties}
        self.municipalities = [
            Municipality(
                row["kommunenummer"], row["navn"], row["alternative_navn"], county_by_number[row["fylkesnummer"]]
            )
            for row in _read_csv(directory / "kommuner-2024.csv")
        ]
        self.county_sizes = {
            row["fylkesnummer"]: int(row["antall_kommuner"]) for row in _read_csv(directory / "fylker-2024.csv")
        }
        self._by_number = {m.number: m for m in self.municipalities}
        # Exact names, as the JSON Schema has them: "Herøy" matches both Herøy municipalities.
        self._by_exact_name: dict[str, list[Municipality]] = {}
        for m in self.municipalities:
            for name in {m.name, m.name.split(" (")[0], m.alt_name} - {""}:
                self._by_exact_name.setdefault(name, []).append(m)
        self.former_municipalities = [
            FormerMunicipality(row["navn"], int(row["opphort_aar"]), self._by_exact_name[row["ble_del_av"]][0])
            for row in _read_csv(directory / "tidligere-kommuner.csv")
        ]
        self._former_by_exact_name: dict[str, FormerMunicipality] = {}
        for f in self.former_municipalities:
            self._former_by_exact_name[f.name] = f
            self._former_by_exact_name.setdefault(f.name.split(" (")[0], f)
        self.former_counties = [
            FormerCounty(
                row["navn"], row["fylkesnummer"], row["gyldig_til"], tuple(row["etterfolgere_2024"].split(";"))
            )
            for row in _read_csv(directory / "tidligere-fylker.csv")
        ]
        self._county_by_name = {c.name: c for c in self.counties}
        self._former_county_by_name = {c.name: c for c in self.former_counties}

    def lookup_municipality(self, written: str) -> Lookup:
        """Find a municipality by number, name or alternative (Sámi) name.

        A name shared by a municipality of today and a former one ("Sande": Sande in Møre og
        Romsdal, and Sande in Vestfold, part of Holmestrand since 2020) gives both, so the caller
        can ask which one is meant instead of choosing silently.
        """
        text = unicodedata.normalize("NFC", written.strip())
        if text.isdigit():
            return Lookup(municipality=self._by_number.get(text.zfill(4)))
        # Names are matched exactly, as the JSON Schema does; near misses get a suggestion.
        matches = self._by_exact_name.get(text, [])
        former = self._former_by_exact_name.get(text)
        if len(matches) == 1:
            return Lookup(municipality=matches[0], former=former)
        if len(matches) > 1:
            return Lookup(ambiguous=tuple(matches))
        return Lookup(former=former)

    def municipality_names(self) -> list[str]:
        return [m.name for m in self.municipalities]

    def county(self, written: str) -> County | None:
        return self._county_by_name.get(unicodedata.normalize("NFC", written.strip()))

    def former_county(self, written: str) -> FormerCounty | None:
        return self._former_county_by_name.get(unicodedata.normalize("NFC", written.strip()))

"""Create a new example file from the format: valid front matter and every standard section."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..reading.fields import shared_name_message
from ..reading.schema import Schema
from ..reading.text import slugify


class ScaffoldError(Exception):
    """A choice the editor made that the format does not allow (message in Norwegian)."""


@dataclass
class NewExample:
    title: str
    municipalities: list[str]
    size: str
    factors: list[str]
    target_groups: list[str]
    county: str | None = None
    language: str = "nb"
    themes: list[str] = field(default_factory=list)
    actor: str | None = None


def check_choices(new: NewExample, schema: Schema) -> None:
    """Refuse anything the validator would refuse, before a file is written."""
    if not new.title.strip():
        raise ScaffoldError("Tittelen kan ikke være tom.")
    register = schema.register
    found = []
    for written in new.municipalities:
        lookup = register.lookup_municipality(written)
        if lookup.municipality and lookup.former:
            raise ScaffoldError(shared_name_message(written, lookup.municipality, lookup.former))
        if lookup.municipality is None:
            if lookup.former:
                raise ScaffoldError(
                    f"«{written}» finnes ikke lenger: den ble del av {lookup.former.merged_into.name} "
                    f"i {lookup.former.ended_year}. Bruk «{lookup.former.merged_into.name}»."
                )
            raise ScaffoldError(f"«{written}» er ikke en kommune i kommuneinndelingen fra 2024.")
        found.append(lookup.municipality)
    if new.county is not None:
        county = register.county(new.county)
        if county is None:
            former = register.former_county(new.county)
            if former:
                raise ScaffoldError(
                    f"Fylket «{new.county}» finnes ikke lenger (gjaldt til {former.valid_to}). "
                    f"Dagens fylke: {', '.join(sorted({m.county.name for m in found}))}."
                )
            raise ScaffoldError(
                f"«{new.county}» er ikke et fylke. Fylker fra 2024: {', '.join(c.name for c in register.counties)}."
            )
        if county not in {m.county for m in found}:
            raise ScaffoldError(f"{', '.join(m.name for m in found)} ligger ikke i {county.name}.")
    for values, vocabulary_name in (
        (new.factors, "suksessfaktorer"),
        (new.target_groups, "malgrupper"),
        (new.themes, "tema"),
        ([new.size], "kommunestorrelser"),
        ([new.language], "sprak"),
    ):
        vocabulary = schema.vocabularies[vocabulary_name]
        for value in values:
            if vocabulary.find(value) is None:
                raise ScaffoldError(
                    f"«{value}» er ikke en tillatt verdi for {vocabulary_name}. "
                    f"Tillatte verdier: {', '.join(vocabulary.ids())}."
                )
    if not new.factors or not new.target_groups:
        raise ScaffoldError("Velg minst én suksessfaktor og minst én målgruppe.")


def render_new_example(new: NewExample, schema: Schema, today: date) -> str:
    municipality = schema.register.lookup_municipality(new.municipalities[0]).municipality
    assert municipality is not None, "check_choices refuses an unknown municipality"
    front: dict[str, Any] = {
        "tittel": new.title.strip(),
        "kommune": new.municipalities[0] if len(new.municipalities) == 1 else new.municipalities,
        "kommunestorrelse": new.size,
        "ansvarlig_aktor": new.actor or f"{municipality.name.split(' (')[0]} kommune",
        "suksessfaktorer": new.factors,
        "malgrupper": new.target_groups,
    }
    if new.themes:
        front["tema"] = new.themes
    front.update(
        {
            "oppsummering": schema.placeholders["oppsummering"],
            "periode": f"{today.year}–pågår",
            "sprak": new.language,
            "kilder": [
                {"tittel": schema.placeholders["kilder.tittel"], "dokument": schema.placeholders["kilder.dokument"]}
            ],
            "sist_vurdert": today,
        }
    )
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    body = []
    for section in schema.sections:
        body.append(
            f"## {section.title_in(new.language)}\n\n<!-- {section.hint}"
            f"{'' if section.required else ' Valgfritt: fjern avsnittet hvis det ikke passer.'} -->\n"
        )
    return f"---\n{header}---\n\n" + "\n".join(body)


def create_example(new: NewExample, schema: Schema, examples_dir: Path, today: date | None = None) -> Path:
    check_choices(new, schema)
    slug = slugify(new.title)
    target = examples_dir / f"{slug}.md"
    if target.exists():
        raise ScaffoldError(
            f"Det finnes allerede et eksempel med adressen eksempler/{slug}/ ({target.name}). "
            "Velg en annen tittel, eller rediger det eksisterende eksempelet."
        )
    target.write_text(render_new_example(new, schema, today or date.today()), encoding="utf-8")
    return target

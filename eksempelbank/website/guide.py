"""The contribution guide's field reference, generated from the format so it never drifts.

Used for the site page ``bidra/format.md`` and for ``CONTRIBUTING.md`` (see ``contributing``).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..reading.schema import FieldSpec, Schema
from .publishing import fill_settings

TYPE_TEXT = {
    "tekst": "tekst",
    "heltall": "helt tall",
    "aarstall": "årstall",
    "dato": "dato (ÅÅÅÅ-MM-DD)",
    "periode": "periode («2011–2015», «2016–pågår» eller «2018»)",
    "valg": "én verdi fra listen",
    "valgliste": "én eller flere verdier fra listen",
    "kommuner": "kommune (navn eller nummer), én eller flere",
    "tidligere_kommuner": "tidligere kommune",
    "fylke": "fylke",
    "kilder": "liste med kilder",
    "lenker": "liste med lenker",
}


def _allowed(spec: FieldSpec, schema: Schema) -> str:
    if spec.vocabulary:
        vocabulary = schema.vocabularies[spec.vocabulary]
        return "\n".join(
            f"    - `{t.id}`: {t.label}" + (f" – {t.extra['kort']}" if t.extra.get("kort") else "") for t in vocabulary
        )
    register = schema.register
    if spec.type == "kommuner":
        return (
            f"    Én av de {len(register.municipalities)} kommunene i SSBs kommuneinndeling fra 1. januar 2024, "
            "med navn (samiske navn er også godtatt) eller kommunenummer i anførselstegn."
        )
    if spec.type == "tidligere_kommuner":
        return "\n".join(
            f"    - `{f.name}` (del av {f.merged_into.name} fra {f.ended_year})" for f in register.former_municipalities
        )
    if spec.type == "fylke":
        return "    " + ", ".join(f"`{c.name}`" for c in register.counties) + "."
    if spec.type in ("kilder", "lenker"):
        rules = schema.entries[spec.name]
        text = f"    Påkrevd i hvert punkt: {', '.join(f'`{k}`' for k in rules['required'])}"
        if rules.get("one_of"):
            text += f", og minst én av {' eller '.join(f'`{k}`' for k in rules['one_of'])}"
        text += ". Feltene:\n"
        labels, help_texts = rules.get("labels", {}), rules.get("help", {})
        lengths = rules.get("max_length", {})
        for key in rules["keys"]:
            note = f": {help_texts[key]}" if key in help_texts else ""
            longest = f" (høyst {lengths[key]} tegn)" if key in lengths else ""
            text += f"\n    - `{key}` – {labels.get(key, key)}{longest}{note}"
        return text
    return ""


def scope_section(schema: Schema) -> list[str]:
    """What belongs in the bank (``omfang`` in the format), said before the fields."""
    return ["## Hva som hører hjemme i eksempelbanken", "", schema.scope, ""] if schema.scope else []


def field_reference(schema: Schema) -> str:
    lines = scope_section(schema) + [
        "## Feltene",
        "",
        "Feltene skrives øverst i fila, mellom to linjer med `---`. Feltnavn skrives uten æ, ø og å.",
        "",
    ]
    for spec in schema.fields.values():
        required = "påkrevd" if spec.required else "valgfritt"
        lines.append(f"`{spec.name}` – {spec.label} ({required}, {TYPE_TEXT[spec.type]})")
        lines.append(f":   {spec.help}")
        allowed = _allowed(spec, schema)
        if allowed:
            lines += ["", allowed]
        if spec.max_length:
            lines += ["", f"    Høyst {spec.max_length} tegn."]
        lines.append("")
    lines += [
        "## Avsnittene",
        "",
        "Brødteksten deles i avsnitt med overskrifter på formen `## Resultat`, i denne rekkefølgen. "
        "Bruk `###` for underoverskrifter. I nynorske eksempler (`sprak: nn`) brukes de nynorske "
        "overskriftene.",
        "",
        "| Avsnitt | Nynorsk | Påkrevd | Hva som hører hjemme her |",
        "| --- | --- | --- | --- |",
    ]
    for section in schema.sections:
        lines.append(f"| {section.title} | {section.nn} | {'ja' if section.required else 'nei'} | {section.hint} |")
    return "\n".join(lines) + "\n"


def format_page(schema: Schema) -> str:
    return (
        "---\ntitle: Eksempelformatet\n---\n\n# Eksempelformatet\n\n"
        "Denne siden lages automatisk fra eksempelformatet (`data/eksempelformat.yml` og "
        "`data/vokabular/`), så den viser alltid de feltene og verdiene nettstedet godtar.\n\n"
        + field_reference(schema)
    )


_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+\.md)\)")


def contributing(schema: Schema, how_to_page: Path, values: dict[str, str] | None = None) -> str:
    """CONTRIBUTING.md: the site's how-to page followed by the generated field reference, with the
    settings it prints (``%%kontakt_lenke%%``, ...) filled in from mkdocs.yml (publishing.page_values)."""
    text = how_to_page.read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    text, _ = fill_settings(text, values or {}, how_to_page.name)
    text = _MD_LINK.sub(lambda m: f"{m.group(1)} (på nettstedet)", text)
    note = (
        "<!-- Generert av `eksempelbank veiledning` fra docs/bidra/index.md og data/. "
        "Ikke rediger her: rediger kildene og kjør kommandoen på nytt. -->\n\n"
    )
    return note + text + "\n\n" + field_reference(schema)

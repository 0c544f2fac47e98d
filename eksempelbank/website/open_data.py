"""Open data: every example's metadata as JSON and CSV, and an Atom feed of new or reviewed examples.

Field names and values are the front matter's own identifiers, so the data and the example
files can be joined without translation. ``FIELDS`` documents them (shown on the site).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from datetime import date
from functools import partial
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..reading.model import Example
from ..reading.personal_data import DROP_INVISIBLE
from .facets import sort_examples
from .render import Licence
from .reuse import Keep, fresh

JSON_URI = "eksempler.json"
CSV_URI = "eksempler.csv"
FEED_URI = "eksempler.atom"
FEED_SIZE = 50

#: (field, description) for the documentation page; the order is the CSV's column order.
FIELDS: list[tuple[str, str]] = [
    ("id", "Eksempelets identifikator: filnavnet uten .md. Stabil; brukes i nettadressen."),
    ("url", "Sidens fulle adresse (https://…/eksempler/<id>/)."),
    ("tittel", "Tittel."),
    ("oppsummering", "Oppsummering, høyst 300 tegn."),
    ("kommunenummer", "Kommunenummer (fire sifre, inndelingen fra 2024); flere skilles med «;» i CSV."),
    ("kommune", "Kommunenavn; flere skilles med «;» i CSV."),
    ("tidligere_kommune", "Tidligere kommune eksempelet gjaldt, hvis den senere er slått sammen."),
    ("fylke", "Fylkets identifikator (for eksempel «more-og-romsdal»)."),
    ("fylkesnavn", "Fylkets navn (fylkesinndelingen fra 2024)."),
    ("kommunestorrelse", "liten, mellomstor eller stor."),
    ("innbyggertall", "Innbyggertall slik kilden oppgir det, hvis oppgitt."),
    ("innbyggertall_aar", "Året innbyggertallet gjelder."),
    ("ansvarlig_aktor", "Ansvarlig aktør."),
    ("ansvarlig_enhet", "Ansvarlig enhet, hvis oppgitt."),
    ("suksessfaktorer", "Identifikatorer fra vokabularet for suksessfaktorer."),
    ("malgrupper", "Identifikatorer fra vokabularet for målgrupper."),
    ("tema", "Identifikatorer fra vokabularet for tema og tiltak."),
    ("lovplikter", "Identifikatorer fra vokabularet for plikter etter boligsosial lov (tom liste hvis ingen)."),
    ("program", "Identifikator for statlig program, hvis noe."),
    ("pris", "Pris eller utmerkelse, hvis noe."),
    ("periode_fra", "Startår."),
    ("periode_til", "Sluttår; tomt (null) når arbeidet pågår."),
    ("sprak", "Målform: nb (bokmål) eller nn (nynorsk)."),
    ("sist_vurdert", "Datoen innholdet sist ble gått gjennom (ÅÅÅÅ-MM-DD)."),
    ("kilder", "Kildene: liste med tittel, url eller dokument, utgiver, aar (i CSV: titlene, skilt med «;»)."),
]


def _base(site_url: str | None) -> str:
    """The site's address with one closing slash, or "" when unknown (addresses stay relative)."""
    return site_url.rstrip("/") + "/" if site_url else ""


def record(example: Example, site_url: str | None = None) -> dict[str, Any]:
    values = example.values
    return {
        "id": example.slug,
        "url": _base(site_url) + example.url_path,
        "tittel": example.title,
        "oppsummering": example.summary,
        "kommunenummer": [m.number for m in example.municipalities],
        "kommune": [m.name for m in example.municipalities],
        "tidligere_kommune": [f.name for f in example.former_municipalities],
        "fylke": values.get("fylke", []),
        "fylkesnavn": sorted({m.county.name for m in example.municipalities}),
        "kommunestorrelse": values["kommunestorrelse"],
        "innbyggertall": values.get("innbyggertall"),
        "innbyggertall_aar": values.get("innbyggertall_aar"),
        "ansvarlig_aktor": values["ansvarlig_aktor"],
        "ansvarlig_enhet": values.get("ansvarlig_enhet"),
        "suksessfaktorer": values["suksessfaktorer"],
        "malgrupper": values["malgrupper"],
        "tema": values.get("tema", []),
        "lovplikter": values.get("lovplikter", []),
        "program": values.get("program"),
        "pris": values.get("pris"),
        "periode_fra": example.period_start,
        "periode_til": example.period_end,
        "sprak": example.language,
        "sist_vurdert": example.reviewed.isoformat(),
        "kilder": values["kilder"],
    }


def to_json(
    examples: list[Example],
    generated: date,
    licence: Licence | None = None,
    site_url: str | None = None,
    publisher: str | None = None,
    keep: Keep = fresh,
) -> str:
    """``keep``: `make serve` takes an example's record made from the same example from the last
    rebuild (reuse.py)."""
    data: dict[str, Any] = {"generert": generated.isoformat(), "antall": len(examples)}
    if site_url:
        data["adresse"] = _base(site_url) + JSON_URI
    if publisher:
        data["utgiver"] = publisher
    if licence:
        data["lisens"] = {"navn": licence.name, "url": licence.url}
    data.update({"felt": dict(FIELDS), "eksempler": []})
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    if not examples:
        return text
    records = [
        keep(("open-data-json", e.slug), (e, site_url), partial(_record_json, e, site_url))
        for e in sort_examples(examples)
    ]
    # As json.dumps writes the list itself: ``"eksempler": [``, the records two levels in, `` ]``.
    assert text.endswith('"eksempler": []\n}')
    return text[: -len("]\n}")] + "\n" + ",\n".join(records) + "\n ]\n}"


def _record_json(example: Example, site_url: str | None) -> str:
    """The example's record as json.dumps(indent=1) writes it inside the file's list (JSON strings
    hold no line breaks, so every line is indented alike)."""
    text = json.dumps(record(example, site_url), ensure_ascii=False, indent=1, default=str)
    return "\n".join("  " + line for line in text.split("\n"))


# A cell starting with one of these is run as a formula by spreadsheets (CSV injection). OWASP's advice:
# put a ' in front, which spreadsheets show as text and hide.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 does not allow at all: the feed must be well-formed whatever a field holds.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def csv_cell(value: object) -> str:
    text = "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
    return "'" + text if _looks_like_formula(text) else text


def _looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read the cell as a formula: judged on the start as a spreadsheet may
    read it, after spaces and invisible characters and with fullwidth forms as their plain ones
    («＝» is read as «=» by spreadsheets in East Asian locales; issue 18)."""
    if text.startswith(_FORMULA_START):
        return True
    if text.isascii() and not text[:1].isspace():
        return False
    start = unicodedata.normalize("NFKC", text[:64]).translate(DROP_INVISIBLE).lstrip()
    return start.startswith(_FORMULA_START)


def xml_text(value: str) -> str:
    """Escaped for XML text and attributes, with characters XML cannot hold removed."""
    return xml_escape(_NOT_XML.sub("", value), {'"': "&quot;"})


def to_csv(examples: list[Example], site_url: str | None = None, keep: Keep = fresh) -> str:
    """``keep``: as for :func:`to_json`."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([name for name, _ in FIELDS])
    rows = [
        keep(("open-data-csv", e.slug), (e, site_url), partial(_csv_row, e, site_url)) for e in sort_examples(examples)
    ]
    return out.getvalue() + "".join(rows)


def _csv_row(example: Example, site_url: str | None) -> str:
    out = io.StringIO()
    row = record(example, site_url)
    row["kilder"] = [s["tittel"] for s in row["kilder"]]
    csv.writer(out, lineterminator="\n").writerow([csv_cell(row[name]) for name, _ in FIELDS])
    return out.getvalue()


def to_atom(
    examples: list[Example],
    site_url: str | None,
    title: str,
    licence: Licence | None = None,
    publisher: str | None = None,
    publisher_url: str | None = None,
) -> str:
    """The newest reviewed examples first; links and ids are the pages' addresses when the site's
    address is known. The author is the bank's publisher (who wrote the text), never the municipality
    the example is about."""
    base = _base(site_url)
    author = (
        f"  <author><name>{xml_text(publisher or title)}</name>"
        + (f"<uri>{xml_text(publisher_url)}</uri>" if publisher_url else "")
        + "</author>\n"
    )
    newest = sorted(examples, key=lambda e: (e.reviewed, e.slug), reverse=True)[:FEED_SIZE]
    updated = newest[0].reviewed.isoformat() if newest else date.today().isoformat()
    entries = []
    for example in newest:
        entries.append(
            "  <entry>\n"
            f"    <id>{xml_text(base + example.url_path) if base else 'urn:eksempelbank:' + example.slug}</id>\n"
            f"    <title>{xml_text(example.title)}</title>\n"
            f'    <link rel="alternate" type="text/html" href="{xml_text(base + example.url_path)}"/>\n'
            f"    <updated>{example.reviewed.isoformat()}T00:00:00Z</updated>\n"
            f"    <summary>{xml_text(example.summary)}</summary>\n"
            + "  "
            + author
            + f'    <category term="{xml_text(example.municipality_label)}" label="{xml_text(example.municipality_label)}"/>\n'
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">\n'
        f"  <id>{xml_text(base + FEED_URI) if base else 'urn:eksempelbank:eksempler'}</id>\n"
        f"  <title>{xml_text(title)}</title>\n"
        + author
        + f"  <subtitle>Nye og nylig gjennomgåtte eksempler</subtitle>\n"
        f'  <link rel="self" href="{xml_text(base + FEED_URI)}"/>\n'
        + (f'  <link rel="alternate" type="text/html" href="{xml_text(base)}"/>\n' if base else "")
        + (f"  <rights>{xml_text(licence.name)} ({xml_text(licence.url)})</rights>\n" if licence else "")
        + f"  <updated>{updated}T00:00:00Z</updated>\n"
        + "".join(entries)
        + "</feed>\n"
    )


def documentation_page(licence: Licence | None = None) -> str:
    rows = "\n".join(f"| `{name}` | {text} |" for name, text in FIELDS)
    terms = (
        f" etter lisensen [{licence.name}]({licence.url}): du kan kopiere, endre og bruke dem, også "
        "kommersielt, når du oppgir «Boligsosial eksempelbank» som kilde. Lisensen står også i "
        "JSON-fila (`lisens`) og i Atom-strømmen (`rights`)"
        if licence
        else ""
    )
    return (
        "---\ntitle: Åpne data\ndescription: Metadata for alle eksemplene i eksempelbanken som JSON, CSV "
        "og Atom-strøm.\n---\n\n# Åpne data\n\n"
        f"Metadataene for alle eksemplene kan lastes ned og brukes fritt{terms}. Filene lages på nytt hver gang "
        "nettstedet bygges, og feltene bruker de samme identifikatorene som eksempelfilene.\n\n"
        f"- [eksempler.json]({JSON_URI}): JSON, med feltbeskrivelser.\n"
        f"- [eksempler.csv]({CSV_URI}): CSV (UTF-8, komma som skilletegn), én rad per eksempel.\n"
        f"- [eksempler.atom]({FEED_URI}): Atom-strøm med de {FEED_SIZE} sist gjennomgåtte eksemplene.\n"
        f"- [Skjema for eksempelfilene](skjema/eksempel.schema.json) (JSON Schema).\n\n"
        "## Feltene\n\n| Felt | Innhold |\n| --- | --- |\n" + rows + "\n"
    )

"""The GitHub issue form «Nytt eksempel», generated from the format so it never drifts.

For editors without Git: they fill in the form on GitHub, and a maintainer turns the issue into
an example file. ``eksempelbank veiledning`` writes it, like ``CONTRIBUTING.md``; ``--sjekk`` and
a test fail when it is out of date.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..reading.schema import FieldSpec, Schema
from ..reading.text import slugify

PATH = ".github/ISSUE_TEMPLATE/nytt-eksempel.yml"
CHOOSER_PATH = ".github/ISSUE_TEMPLATE/config.yml"
LABEL = "nytt-eksempel"
#: Free text allowed to be longer than this gets a text area rather than a one-line box.
LONG_TEXT = 150
#: Entry lists (``kilder``, ``lenker``) are several lines by nature.
ENTRY_TYPES = ("kilder", "lenker")

HEADER = (
    "# Generert av `eksempelbank veiledning` fra data/eksempelformat.yml og data/vokabular/.\n"
    "# Ikke rediger her: endre formatet og kjør kommandoen på nytt.\n"
)

INTRO = """\
Her kan du foreslå et eksempel til den boligsosiale eksempelbanken uten å bruke Git.
En redaktør gjør saken om til en eksempelfil, sjekker den mot eksempelformatet og
publiserer den, eller spør deg i saken hvis noe mangler.

**Alt du skriver her, blir offentlig** så snart saken er opprettet, og teksten kan bli
publisert på nettstedet.

**Ikke skriv personopplysninger om beboere eller brukere**: ingen navn, alder, adresser,
helseopplysninger eller annet som kan vise hvem det gjelder. Skriv om tiltaket, ikke om
enkeltpersoner, og ikke ansattes direktenummer eller personlige e-postadresser.

Felt merket med * må fylles ut. Skriv med egne ord, og oppgi kildene tallene og
opplysningene kommer fra.
"""

SECTIONS_INTRO = """\
## Teksten

Avsnittene blir eksempelets brødtekst, i denne rekkefølgen. Vanlig tekst, punktlister og
lenker går fint. Skriver du nynorsk (velg «Nynorsk» under «Målform»), får avsnittene de
nynorske overskriftene.
"""


def _vocabulary(spec: FieldSpec) -> str | None:
    """The vocabulary a field's values come from; the county is checked against the register."""
    if spec.vocabulary:
        return spec.vocabulary
    return "register:fylker" if spec.type == "fylke" else None


def _text(value: Any) -> str:
    """The format's example value, as an editor would type it."""
    if isinstance(value, (list, dict)):
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000).rstrip("\n")
    return str(value)


def _field(spec: FieldSpec, schema: Schema) -> dict[str, Any]:
    description = spec.help
    if spec.max_length and "høyst" not in description.lower():
        description += f" Høyst {spec.max_length} tegn."
    vocabulary = _vocabulary(spec)
    if vocabulary:
        attributes: dict[str, Any] = {"label": spec.label, "description": description}
        if spec.type == "valgliste":
            if "én eller flere" not in description.lower():
                attributes["description"] += " Velg én eller flere."
            attributes["multiple"] = True
        # Labels, not identifiers: the maintainer's check (Vocabulary.suggest) maps them back.
        attributes["options"] = [term.label for term in schema.vocabularies[vocabulary]]
        kind = "dropdown"
    else:
        long = spec.type in ENTRY_TYPES or (spec.max_length or 0) > LONG_TEXT
        kind = "textarea" if long else "input"
        if spec.type in ENTRY_TYPES:
            description += " Følg mønsteret i feltet, eller skriv med egne ord, ett punkt per avsnitt."
        attributes = {"label": spec.label, "description": description}
        if spec.example is not None:
            attributes["placeholder"] = _text(spec.example)
    return {"type": kind, "id": spec.name, "attributes": attributes, "validations": {"required": spec.required}}


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as readable blocks (``|``), not escaped one-liners."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def issue_form(schema: Schema) -> str:
    """The issue form's YAML: every field of the format, then every standard section."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    body += [_field(spec, schema) for spec in schema.fields.values()]
    body.append({"type": "markdown", "attributes": {"value": SECTIONS_INTRO}})
    for section, title in zip(schema.sections, schema.section_titles("nb"), strict=True):
        # "Avsnitt:" keeps labels unique: «Suksessfaktorer» is both a field and a section.
        body.append(
            {
                "type": "textarea",
                "id": f"avsnitt-{slugify(title)}",
                "attributes": {"label": f"Avsnitt: {title}", "description": section.hint},
                "validations": {"required": section.required},
            }
        )
    form = {
        "name": "Nytt eksempel",
        "description": "Foreslå et eksempel uten Git: en redaktør gjør det om til en eksempelfil.",
        "title": "Nytt eksempel: ",
        "labels": [LABEL],
        "body": body,
    }
    return HEADER + yaml.dump(form, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def issue_chooser(site_url: str | None) -> str:
    """The issue chooser (config.yml): the form «Nytt eksempel», blank issues, and the site's own routes
    to contribute, at the address in mkdocs.yml (``site_url``), which is set there only."""
    links = []
    if site_url:
        base = site_url.rstrip("/") + "/"
        links = [
            {
                "name": "Send inn et eksempel med skjemaet på nettstedet (uten GitHub-konto)",
                "url": base + "bidra/send-inn/",
                "about": "Skjemaet sjekker eksempelet mens du skriver, lager fila for deg og sender den med e-post "
                "til redaksjonen eller åpner den i GitHub.",
            },
            {
                "name": "Bidragsveiledningen",
                "url": base + "bidra/",
                "about": "Hvordan et eksempel skrives, med alle feltene og tillatte verdier.",
            },
        ]
    chooser = {"blank_issues_enabled": True, "contact_links": links}
    header = (
        "# Generert av `eksempelbank veiledning` fra mkdocs.yml (site_url). Ikke rediger her: endre\n"
        "# site_url i mkdocs.yml og kjør kommandoen på nytt.\n"
    )
    return header + yaml.dump(chooser, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)

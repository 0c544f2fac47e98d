"""The page «Send inn et eksempel» (``bidra/send-inn.md``) and the downloadable template.

The form itself is built in the browser by ``docs/assets/send-inn.js`` from the published
format description (``skjema/eksempelformat.json``), so fields, allowed values, sections and
register data always come from ``data/``. What the browser cannot know is decided here, at
build time: which GitHub repository and branch receive examples (``extra.eksempelbank`` in
``mkdocs.yml``, via :class:`SiteOptions`), and the fallback for visitors without JavaScript.
"""

from __future__ import annotations

import html
import posixpath
import textwrap
from datetime import date

import yaml

from ..reading.schema import Schema
from .export_schema import FORMAT_URI
from .render import SiteOptions, escape

PAGE_URI = "bidra/send-inn.md"
TEMPLATE_URI = "skjema/eksempelmal.txt"  # .txt: a generated .md would become a page
TEMPLATE_NAME = "nytt-eksempel.md"
GUIDE_URI = "bidra/index.md"
SCRIPT_URI = "assets/send-inn.js"


def _site_root(page_uri: str) -> str:
    """Relative path from the page's URL to the site root (directory URLs: bidra/send-inn/)."""
    return "../" * (page_uri.count("/") + 1)


def _link(to_uri: str) -> str:
    """A Markdown link target from this page's source file; MkDocs checks and rewrites it."""
    return posixpath.relpath(to_uri, posixpath.dirname(PAGE_URI))


def render_submission_page(options: SiteOptions) -> str:
    """Markdown for the form page: intro, a no-JavaScript fallback and the form's container."""
    root = _site_root(PAGE_URI)
    attributes = {
        "id": "eb-send-inn",
        "class": "eb-send-inn",
        "data-format": root + FORMAT_URI,
        "data-guide": root + GUIDE_URI.replace("index.md", ""),
        "data-template": root + TEMPLATE_URI,
    }
    if options.repository_url:
        attributes["data-repository"] = options.repository_url
        attributes["data-branch"] = options.branch
    if options.contact_email:
        attributes["data-contact"] = options.contact_email
    container = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())
    guide = _link(GUIDE_URI)
    template = _link(TEMPLATE_URI)
    routes = []
    if options.contact_email:
        routes.append(
            "«Send med e-post» laster ned fila og åpner e-postprogrammet ditt med en ferdig utfylt melding "
            f"til redaksjonen ({escape(options.contact_email)}); du legger ved fila og sender. Det krever "
            "ingen brukerkonto. Redaksjonen går gjennom eksempelet, svarer deg på e-post og spør hvis noe "
            "mangler, og publiserer det når det er klart."
        )
    if options.repository_url:
        routes.append(
            "Har du en GitHub-konto, kan du i stedet åpne fila direkte i GitHub og sende den inn som en "
            "endringsforespørsel (pull request); GitHub lager en kopi av eksempelbanken for deg, og en "
            "redaktør ser gjennom eksempelet før det publiseres."
        )
    if not routes:
        routes.append(
            f"Når alt er i orden, kan du laste ned fila og sende den inn slik [bidragsveiledningen]({guide}) beskriver."
        )
    github = (
        "Når alt er i orden, har du to måter å sende fila på. " + " ".join(routes) if len(routes) > 1 else routes[0]
    )
    issue_route = ""
    if options.repository_url:
        # The issue form (.github/ISSUE_TEMPLATE/nytt-eksempel.yml, generated from the format): no Git needed.
        issue_route = (
            f"\n\nHar du en GitHub-konto og vil ikke lage fila selv, kan du fylle ut [saksskjemaet «Nytt "
            f"eksempel» på GitHub]({options.repository_url}/issues/new?template=nytt-eksempel.yml) i stedet. "
            "Det har de samme feltene og krever ingen kjennskap til Git, og en redaktør gjør det om til en "
            "eksempelfil. Alt du skriver der, blir offentlig."
        )
    github_steps = (
        "fila inn i mappa `examples/` på GitHub med nettleseren, slik\n"
        f"   [bidragsveiledningen]({guide}) viser. Da blir den en endringsforespørsel (pull request)\n"
        "   som sjekkes automatisk og gås gjennom av en redaktør."
    )
    if options.contact_email:
        send_without_js = (
            f"Send fila som vedlegg til redaksjonen på [{escape(options.contact_email)}]"
            f"(<mailto:{options.contact_email}>); det krever ingen brukerkonto."
            + (f" Har du en GitHub-konto, kan du i stedet legge {github_steps}" if options.repository_url else "")
        )
    else:
        send_without_js = f"Legg {github_steps}"
    return f"""---
title: Send inn et eksempel
description: Skjema som lager en eksempelfil for den boligsosiale eksempelbanken og sjekker den med de samme reglene som nettstedet.
hide:
  - toc
---

# Send inn et eksempel

Fyll ut skjemaet, så lager det eksempelfila for deg. Skjemaet sjekker fila med de samme reglene
som eksempelbanken bruker når nettstedet bygges, og du ser fila slik den blir, mens du skriver.
{github} Ingenting sendes noe sted før du selv trykker på en av knappene nederst.

Vil du heller skrive fila selv, kan du [laste ned malen]({template}){{download="{TEMPLATE_NAME}"}}
og følge [bidragsveiledningen]({guide}).{issue_route}

<noscript markdown="1">
<div class="admonition warning" markdown="1">
<p class="admonition-title">Skjemaet trenger JavaScript</p>

Uten JavaScript kan du sende inn et eksempel slik:

1. Last ned [malen for et eksempel]({template}){{download="{TEMPLATE_NAME}"}}. Den har alle feltene
   og standardavsnittene, med en forklaring til hvert av dem.
2. Fyll den ut i et vanlig tekstprogram, og gi fila et navn etter tittelen (små bokstaver,
   bindestrek mellom ordene, æ/ø/å skrevet som ae/o/a).
3. {send_without_js}
</div>
</noscript>

<div class="eb-send-inn-page">
<div {container}></div>
<script src="{root}{SCRIPT_URI}" defer></script>
</div>
"""


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(text, 96)]


def render_template(schema: Schema, today: date) -> str:
    """An example file to fill in: required fields with example values, optional ones commented out.

    Every field has its label and help as a comment; every standard section has its hint.
    Its field values are the format's own examples, so once every section has text of its own the
    file passes ``eksempelbank sjekk``; as downloaded, the unwritten sections are errors.
    """
    lines = ["---"]
    for spec in schema.fields.values():
        value = today if spec.name == "sist_vurdert" else spec.example
        state = "påkrevd" if spec.required else "valgfritt, fjern # foran linjene for å bruke det"
        lines += _comment(f"{spec.label} ({state}). {spec.help}")
        dumped = yaml.safe_dump({spec.name: value}, allow_unicode=True, sort_keys=False, width=10_000)
        for line in dumped.rstrip("\n").split("\n"):
            lines.append(line if spec.required else f"# {line}")
    lines.append("---")
    for section in schema.sections:
        optional = "" if section.required else " Valgfritt: fjern avsnittet hvis det ikke passer."
        lines += ["", f"## {section.title}", "", f"<!-- {section.hint}{optional} -->"]
    return "\n".join(lines) + "\n"

"""Render the site's generated pages as Markdown: example pages, facet indexes, the full list.

Plain Markdown with a YAML header (Python-Markdown's attr_list, def_list and md_in_html),
no theme internals, so another static site generator could take the same pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import yaml

from .body import Section
from .facets import FacetValue, label
from .model import Example
from .schema import FacetSpec, Schema
from .search_index import example_search_data

_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"]

CONTRIBUTE_URI = "bidra/index.md"
ALL_EXAMPLES_DIR = "alle-eksempler"


@dataclass(frozen=True)
class Licence:
    name: str  # e.g. «CC BY 4.0»
    url: str


@dataclass(frozen=True)
class SiteOptions:
    per_page: int = 50
    repository_url: str | None = None  # e.g. https://github.com/husbanken/boligsosial-eksempelbank
    branch: str = "main"
    site_url: str | None = None  # the published address (mkdocs.yml `site_url`): feed, citations, robots.txt
    licence: Licence | None = None  # for content and open data (mkdocs.yml extra.eksempelbank.lisens)
    site_name: str = "Boligsosial eksempelbank"

    def absolute(self, path: str) -> str | None:
        """The published address of a site path (``eksempler/x/``), or None without a site_url."""
        return self.site_url.rstrip("/") + "/" + path if self.site_url else None


def norwegian_date(value: date) -> str:
    return f"{value.day}. {_MONTHS[value.month - 1]} {value.year}"


def link_to(from_uri: str, to_uri: str) -> str:
    """Relative link between two source pages (MkDocs resolves ``.md`` links and checks them)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def escape(text: str) -> str:
    """Text safe to place in Markdown and HTML: no markup from titles or summaries."""
    text = html.escape(text, quote=True)
    return re.sub(r"([\\`*_{}\[\]#|!])", r"\\\1", text)


def front_matter(**meta: object) -> str:
    data = {k: v for k, v in meta.items() if v is not None}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def example_uri(example: Example) -> str:
    return f"eksempler/{example.slug}.md"


def _lang_attr(example: Example) -> str:
    """attr_list marking a Nynorsk title or summary on a Bokmål page (WCAG 3.1.2)."""
    return '{ lang="nn" }' if example.language == "nn" else ""


# -- example pages ---------------------------------------------------------------------------

def render_example(example: Example, schema: Schema, options: SiteOptions,
                   related: list[Example] | None = None, reviewed_key: str | None = None,
                   embed: Callable[[int, Section], str] | None = None) -> str:
    """The example's page. ``embed(index, section)`` gives the text that stands for a section's
    checked HTML (see site.GeneratedSite.fill); by default the HTML itself, as a raw block."""
    uri = example_uri(example)
    nn = example.language == "nn"
    rows: list[tuple[str, str]] = []
    values = example.values
    rows.append(("Ansvarleg aktør" if nn else "Ansvarlig aktør", escape(values["ansvarlig_aktor"])))
    if values.get("ansvarlig_enhet"):
        rows.append(("Ansvarleg eining" if nn else "Ansvarlig enhet", escape(values["ansvarlig_enhet"])))
    rows.append(("Kommune", escape(example.municipality_label)))
    facet_by_field = {f.field: f for f in schema.facets}
    for field_name in ("fylke", "kommunestorrelse", "program", "suksessfaktorer", "malgrupper", "tema"):
        facet = facet_by_field.get(field_name)
        ids = example.facet_values(field_name)
        if facet is None or not ids:
            continue
        links = ", ".join(
            f"[{escape(label(schema, facet, v))}]({link_to(uri, f'{facet.path}/{v}.md')})" for v in ids
        )
        if nn:  # the vocabularies are Bokmål (WCAG 3.1.2)
            links = f'<span lang="nb">{links}</span>'
        rows.append((_field_label(schema, field_name, nn), links))
        if field_name == "kommunestorrelse":
            rows.append(("Periode", example.period_label))
    if values.get("pris"):
        rows.append(("Pris", escape(values["pris"])))

    meta_html = "\n".join(f"<dt>{title}</dt>\n<dd markdown>{value}</dd>" for title, value in rows)
    parts = [
        # sist_vurdert: sitemap lastmod; forfatter: citation tags (overrides/main.html).
        front_matter(title=example.title, description=example.summary, lang=example.language,
                     eksempel=example.slug, sist_vurdert=example.reviewed.isoformat(),
                     forfatter=values["ansvarlig_aktor"]),
        _breadcrumbs(uri, example, nn),
        f"# {escape(example.title)}\n",
        f'<dl class="eb-metadata" aria-label="{"Om eksempelet"}" data-pagefind-ignore markdown>\n{meta_html}\n</dl>\n',
        example_search_data(example, schema, reviewed_key),  # hidden: filters, sort keys for the search index
        PRINT_BUTTON,
        _body(example, embed or _raw_block),
        _sources_section(example, nn),
    ]
    if related:
        parts.append(_related_section(uri, related, nn))
    parts.append(_citation_section(example, options, nn))
    parts.append(_review_line(example, options, nn))
    return "\n".join(parts)


def _raw_block(index: int, section: Section) -> str:
    return section_block(section)


def section_block(section: Section) -> str:
    """A section's checked HTML (body.py) in its wrapper, exactly as published."""
    return f'<div class="eb-avsnitt">\n{section.html}\n</div>'


def _body(example: Example, embed: Callable[[int, Section], str]) -> str:
    """The body as validated: headings from the format (for the table of contents), and each
    section's checked HTML, or what stands for it."""
    return "\n".join(f"## {section.title}\n\n{embed(index, section)}\n"
                     for index, section in enumerate(example.sections))


# Shown by assets/eksempelbank.js (it can do nothing without JavaScript); print styles in eksempelbank.css.
PRINT_BUTTON = ('<div class="eb-page-actions" data-pagefind-ignore hidden>'
                '<button type="button" class="md-button" data-eb-print hidden>Skriv ut / lagre som PDF</button>'
                '</div>\n')


def _breadcrumbs(uri: str, example: Example, nn: bool) -> str:
    """Where the page sits: Forside › Alle eksempler › this example (aria-current on the last)."""
    home = link_to(uri, "index.md")
    everything = link_to(uri, f"{ALL_EXAMPLES_DIR}/index.md")
    return (f'<nav class="eb-breadcrumbs" aria-label="{"Brødsmular" if nn else "Brødsmuler"}" '
            'data-pagefind-ignore markdown>\n<ol markdown>\n'
            f'<li markdown>[Forside]({home})</li>\n'
            f'<li markdown>[{"Alle døme" if nn else "Alle eksempler"}]({everything})</li>\n'
            f'<li markdown><span aria-current="page">{escape(example.title)}</span></li>\n'
            '</ol>\n</nav>\n')


def _field_label(schema: Schema, field_name: str, nn: bool) -> str:
    nynorsk = {"malgrupper": "Målgrupper", "suksessfaktorer": "Suksessfaktorar", "kommunestorrelse": "Kommunestorleik",
               "tema": "Tema og tiltak"}
    if nn and field_name in nynorsk:
        return nynorsk[field_name]
    return schema.fields[field_name].label


def _sources_section(example: Example, nn: bool) -> str:
    """Sources and links as HTML, every value escaped (no Markdown: a title or address cannot add
    markup or attributes of its own)."""
    items = []
    for source in example.values["kilder"]:
        title = html.escape(source["tittel"])
        head = (f'<a href="{html.escape(source["url"], quote=True)}">{title}</a>' if source.get("url")
                else f"<em>{title}</em>")
        details = [html.escape(str(source[k])) for k in ("utgiver", "aar", "dokument") if source.get(k)]
        if source.get("nedlagt"):
            details.append(("Nettstaden er lagd ned" if nn else "Nettstedet er lagt ned")
                           + f" ({norwegian_date(source['nedlagt'])})")
        if source.get("uten_nettadresse"):
            details.append(("Ikkje på nett (sjekka " if nn else "Ikke på nett (sjekket ")
                           + norwegian_date(source["uten_nettadresse"]) + ")")
        if source.get("del"):
            details.append(("Nytta: " if nn else "Brukt: ") + html.escape(source["del"]))
        items.append(f"<li>{head}" + (". " + ". ".join(details) if details else "") + "</li>")
    for link in example.values.get("lenker", []):
        closed = (f". {'Nettstaden er lagd ned' if nn else 'Nettstedet er lagt ned'} "
                  f"({norwegian_date(link['nedlagt'])})" if link.get("nedlagt") else "")
        items.append(f'<li><a href="{html.escape(link["url"], quote=True)}">{html.escape(link["tittel"])}</a>'
                     f"{closed}</li>")
    return ("## Kjelder\n\n" if nn else "## Kilder\n\n") + '<ul class="eb-kilder">\n' + "\n".join(items) + "\n</ul>\n"


def _related_section(uri: str, related: list[Example], nn: bool) -> str:
    """Links to other examples. Left out of the search index (``data-pagefind-ignore``): their
    titles would make this page a hit for words about the other examples."""
    lines = ['<div class="eb-related" data-pagefind-ignore markdown>', "",
             "## Liknande døme\n" if nn else "## Lignende eksempler\n"]
    for other in related:
        # A title in the other written language is marked as such (WCAG 3.1.2), on nn pages too.
        lang = '{ lang="nb" }' if nn and other.language == "nb" else "" if nn else _lang_attr(other)
        lines.append(f"- [{escape(other.title)}]({link_to(uri, example_uri(other))}){lang} "
                     f"– {escape(other.municipality_label)}")
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n"


def _citation_section(example: Example, options: SiteOptions, nn: bool) -> str:
    """«Slik siterer du dette eksempelet», and who may reuse the text. Escaped HTML throughout."""
    actor = html.escape(example.values["ansvarlig_aktor"])
    address = options.absolute(example.url_path)
    reference = (f"{actor} ({example.reviewed.year}). {html.escape(example.title)}. "
                 f"I: {html.escape(options.site_name)}."
                 + (f" {html.escape(address)}" if address else "")
                 + f" {'Sist vurdert' if nn else 'Sist vurdert'} {norwegian_date(example.reviewed)}.")
    heading = "Slik siterer du dette dømet" if nn else "Slik siterer du dette eksempelet"
    lines = [f'<section class="eb-sitering" aria-labelledby="eb-sitering-tittel" data-pagefind-ignore>',
             f'<h2 id="eb-sitering-tittel">{heading}</h2>',
             f"<p>{reference}</p>"]
    if options.licence:
        licence = (f'<a rel="license" href="{html.escape(options.licence.url, quote=True)}">'
                   f"{html.escape(options.licence.name)}</a>")
        lines.append(f"<p>Teksten kan brukast fritt etter {licence} når du oppgir kjelda." if nn else
                     f"<p>Teksten kan brukes fritt etter {licence} når du oppgir kilden.")
        lines[-1] += (" Kjeldene har sine eigne vilkår.</p>" if nn else " Kildene har sine egne vilkår.</p>")
    lines.append("</section>")
    return "\n".join(lines) + "\n"


def _review_line(example: Example, options: SiteOptions, nn: bool) -> str:
    reviewed = f"Sist vurdert: {norwegian_date(example.reviewed)}."
    if options.repository_url:
        edit = f"{options.repository_url}/edit/{options.branch}/{example.source_path}"
        reviewed += f" [{'Føreslå ei endring' if nn else 'Foreslå en endring'}]({edit})"
    return f'<p class="eb-reviewed" data-pagefind-ignore markdown>{reviewed}</p>\n'


# -- listings --------------------------------------------------------------------------------

def listing_item(from_uri: str, example: Example, schema: Schema, level: int = 2) -> str:
    facts = [example.municipality_label,
             ", ".join(label(schema, schema.facet("fylke"), c) for c in example.facet_values("fylke")),
             label(schema, schema.facet("kommunestorrelse"), example.values["kommunestorrelse"]),
             example.period_label]
    lang = _lang_attr(example)
    link = link_to(from_uri, example_uri(example))
    return (f"{'#' * level} [{escape(example.title)}]({link}) {lang}\n\n"
            f'<p class="eb-facts">{" · ".join(escape(f) for f in facts)}</p>\n\n'
            f"{escape(example.summary)}\n{lang}\n")


def paged_uris(base_uri: str, pages: int) -> list[str]:
    """``fylker/vestfold.md``, ``fylker/vestfold/side-2.md``, ... (index pages keep their folder)."""
    stem = base_uri[: -len("/index.md")] if base_uri.endswith("/index.md") else base_uri[: -len(".md")]
    return [base_uri] + [f"{stem}/side-{n}.md" for n in range(2, pages + 1)]


def render_listing(base_uri: str, title: str, intro: str, examples: list[Example], schema: Schema,
                   options: SiteOptions, empty_text: str | None = None, item_level: int = 2,
                   description: str | None = None) -> dict[str, str]:
    """One page per ``options.per_page`` examples, so no page grows with the size of the bank."""
    chunks = [examples[i:i + options.per_page] for i in range(0, len(examples), options.per_page)] or [[]]
    uris = paged_uris(base_uri, len(chunks))
    description = description or f"{title}: boligsosiale eksempler fra norske kommuner."
    pages = {}
    for number, (uri, chunk) in enumerate(zip(uris, chunks), start=1):
        page_title = title if number == 1 else f"{title} – side {number}"
        # A listing changes when one of its examples does (sitemap lastmod).
        latest = max((e.reviewed for e in chunk), default=None)
        parts = [front_matter(title=page_title, description=description,
                              sist_vurdert=latest.isoformat() if latest else None), f"# {escape(page_title)}\n"]
        if intro and number == 1:
            parts.append(intro.strip() + "\n")
        count = len(examples)
        if count:
            shown = f"{(number - 1) * options.per_page + 1}–{(number - 1) * options.per_page + len(chunk)}"
            parts.append(f'<p class="eb-count">{count} {"eksempel" if count == 1 else "eksempler"}'
                         + (f", viser {shown}" if len(chunks) > 1 else "") + "</p>\n")
            if item_level > 2:
                parts.append("## Eksempler\n")
            parts.extend(listing_item(uri, example, schema, item_level) for example in chunk)
        else:
            contribute = link_to(uri, CONTRIBUTE_URI)
            parts.append((empty_text or "Det er ingen eksempler her ennå.")
                         + f" Kjenner du et? [Send inn et eksempel]({contribute}).\n")
        if len(chunks) > 1:
            parts.append(_pager(uri, uris, number))
        pages[uri] = "\n".join(parts)
    return pages


def _pager(uri: str, uris: list[str], number: int) -> str:
    links = []
    if number > 1:
        links.append(f"[Forrige side]({link_to(uri, uris[number - 2])})")
    links.append(f"Side {number} av {len(uris)}")
    if number < len(uris):
        links.append(f"[Neste side]({link_to(uri, uris[number])})")
    return '<nav class="eb-pager" aria-label="Sider" markdown>\n' + " · ".join(links) + "\n</nav>\n"


def render_facet_overview(facet: FacetSpec, values: list[FacetValue], chart: str = "") -> str:
    uri = f"{facet.path}/index.md"
    latest = max((e.reviewed for v in values for e in v.examples), default=None)
    lines = [front_matter(title=facet.title,
                          description=f"Boligsosiale eksempler fra norske kommuner etter {facet.title.lower()}.",
                          sist_vurdert=latest.isoformat() if latest else None),
             f"# {escape(facet.title)}\n", facet.intro.strip() + "\n",
             chart + "\n" if chart else "",
             '<ul class="eb-facet-values" markdown>']
    for value in values:
        count = len(value.examples)
        count_text = "ingen eksempler ennå" if count == 0 else f"{count} {'eksempel' if count == 1 else 'eksempler'}"
        lines.append(f'<li markdown>[{escape(value.term.label)}]({link_to(uri, value.uri)}) '
                     f'<span class="eb-count">({count_text})</span></li>')
    lines.append("</ul>\n")
    return "\n".join(lines)


def render_facet_value(value: FacetValue, schema: Schema, options: SiteOptions,
                       description: str | None) -> dict[str, str]:
    """The value's page(s): its explanation (if written), then its examples."""
    facet = value.facet
    intro = description.strip() if description else value.term.extra.get("kort", "")
    overview = link_to(value.uri, f"{facet.path}/index.md")
    intro += f"\n\nSe også [alle {facet.title.lower()}]({overview})."
    # An explanation has its own H2 sections; the examples then get a section of their own.
    level = 3 if description and "\n## " in "\n" + description else 2
    return render_listing(value.uri, value.term.label, intro, value.examples, schema, options,
                          empty_text=f"Det er ingen eksempler for «{escape(value.term.label)}» ennå.",
                          item_level=level,
                          description=" ".join(filter(None, [f"Boligsosiale eksempler fra norske kommuner: "
                                                             f"{value.term.label}.", value.term.extra.get("kort")])))

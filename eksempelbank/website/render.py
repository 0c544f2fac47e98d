"""Render the site's generated pages: example pages, facet indexes, the full list.

Each page is Markdown with a YAML header. What is built from an example's values is written as
HTML here (every value escaped with ``html.escape``, every link computed by :func:`href`), not
as Markdown for MkDocs to parse: ``stand_in`` puts a placeholder in the Markdown for each such
piece, and the build puts the HTML in after MkDocs has rendered the page (site.GeneratedSite.fill).
Without a ``stand_in`` the HTML is written into the Markdown as raw blocks, so another static site
generator could take the same pages. No theme internals.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from urllib.parse import quote

import yaml
from markdown.extensions.toc import slugify, unique

from ..reading.body import Section
from ..reading.model import Example
from ..reading.schema import FacetSpec, Schema
from .facets import FacetValue, label
from .reuse import Keep, fresh
from .search_index import example_search_data, searchable_explanation

_MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]

CONTRIBUTE_URI = "bidra/index.md"
ALL_EXAMPLES_DIR = "alle-eksempler"


@dataclass(frozen=True)
class Licence:
    name: str  # e.g. «CC BY 4.0»
    url: str


@dataclass(frozen=True)
class SiteOptions:
    per_page: int = 50
    repository_url: str | None = None  # https://github.com/<eier>/<navn>, from mkdocs.yml
    branch: str = "main"
    site_url: str | None = None  # the published address (mkdocs.yml `site_url`): feed, citations, robots.txt
    licence: Licence | None = None  # for content and open data (mkdocs.yml extra.eksempelbank.lisens)
    site_name: str = "Boligsosial eksempelbank"
    directory_urls: bool = True  # mkdocs.yml `use_directory_urls`: eksempler/x/ rather than eksempler/x.html
    #: Who runs the site and wrote the texts (mkdocs.yml extra.eksempelbank.utgiver): the author and
    #: publisher in citations and the feed. The municipality is what an example is about.
    publisher: str | None = None
    publisher_url: str | None = None
    contact_email: str | None = None  # the editors (extra.eksempelbank.kontakt_epost)

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


# libyaml's emitter where PyYAML has it: the same YAML, without PyYAML's slow pure-Python emitter.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# What a YAML double-quoted scalar cannot hold as it is and JSON leaves as it is: characters YAML refuses
# (DEL, C1 controls, lone surrogates, U+FFFE/FFFF) or reads as line breaks (NEL, U+2028/2029), and the BOM.
_NOT_YAML_TEXT = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_KEY = re.compile(r"[a-z_]+")


def front_matter(**meta: object) -> str:
    """The page's YAML header. Texts, flags and lists of texts (what the pages carry) are written as
    JSON, which YAML reads as the same values (a tenth of the time of PyYAML's representer, once per
    generated page); anything else through PyYAML."""
    data = {k: v for k, v in meta.items() if v is not None}
    if data and all(_KEY.fullmatch(k) and _json_yaml(v) for k, v in data.items()):
        lines = [f"{k}: {_NOT_YAML_TEXT.sub(_escaped, json.dumps(v, ensure_ascii=False))}" for k, v in data.items()]
        return "---\n" + "\n".join(lines) + "\n---\n\n"
    return "---\n" + yaml.dump(data, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def _json_yaml(value: object) -> bool:
    """Whether a value is one that JSON writes as YAML reads it: a text or a flag, or a list of texts."""
    if type(value) in (str, bool):
        return True
    return type(value) is list and all(type(item) is str for item in value)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def example_uri(example: Example) -> str:
    return f"eksempler/{example.slug}.md"


def _e(text: object) -> str:
    """A value as HTML text or attribute value: nothing in it can become markup."""
    return html.escape(str(text), quote=True)


def page_url(uri: str, directory_urls: bool = True) -> str:
    """Where MkDocs publishes a source page, from the site root: ``eksempler/x.md`` -> ``eksempler/x/``,
    ``fylker/index.md`` -> ``fylker/``, ``index.md`` -> ``""`` (``.html`` files without directory URLs)."""
    stem = uri[: -len(".md")] if uri.endswith(".md") else uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def href(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """The relative link MkDocs would write for a Markdown link from one source page to another
    (``../../fylker/agder/``). MkDocs does not check links in HTML; the tests follow every one."""
    target = page_url(to_uri, directory_urls)
    here = page_url(from_uri, directory_urls)
    base = here if directory_urls else posixpath.dirname(here)
    # posixpath.relpath, for paths that are already clean (a few dozen links per page, so it counts).
    to, at = [p for p in target.split("/") if p], [p for p in base.split("/") if p]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    relative = "/".join([".."] * (len(at) - common) + to[common:]) or "."
    return relative + "/" if directory_urls else relative


StandIn = Callable[[str], str]


def raw_html(fragment: str) -> str:
    """The default ``stand_in``: the HTML itself, as a raw block of the Markdown page."""
    return fragment + "\n"


@dataclass
class Headings:
    """A page's headings written as HTML, with the ids Python-Markdown's toc extension would give
    them, and the page's table of contents as MkDocs expects it (``mkdocs.structure.toc.get_toc``):
    the H1, with the H2s as its children. The H1 is the target of «Gå til innhold»."""

    tokens: list[dict] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def html(self, level: int, text: str) -> str:
        anchor = unique(_slug(text), self._ids)
        token = {"level": level, "id": anchor, "name": _e(text), "children": []}
        if level == 1 or not self.tokens:
            self.tokens.append(token)
        else:
            self.tokens[-1]["children"].append(token)
        return f'<h{level} id="{anchor}">{_e(text)}</h{level}>'


@lru_cache(maxsize=4096)  # pure, and the same few section titles head every example page
def _slug(text: str) -> str:
    return slugify(text, "-")


@dataclass(frozen=True)
class GeneratedPage:
    """A page whose HTML the generator wrote: its Markdown (with stand-ins), and its table of
    contents (MkDocs cannot see headings it did not render)."""

    markdown: str
    toc: list[dict]


# -- example pages ---------------------------------------------------------------------------


def render_example(
    example: Example,
    schema: Schema,
    options: SiteOptions,
    related: list[Example] | None = None,
    reviewed_key: str | None = None,
    stand_in: StandIn = raw_html,
) -> GeneratedPage:
    """The example's page, all of it HTML built here: the front matter for MkDocs and the theme
    (title, description, language, citation tags), and ``stand_in`` of the page's HTML, which holds
    the sections' checked HTML (body.py) as they are published."""
    uri = example_uri(example)
    nn = example.language == "nn"
    headings = Headings()
    parts = [
        _breadcrumbs(uri, example, nn, options),
        headings.html(1, example.title),
        _facts(uri, example, schema, options, nn),
        example_search_data(example, schema, reviewed_key),  # hidden: filters, sort keys for the search index
        PRINT_BUTTON,
    ]
    for section in example.sections:
        parts += [headings.html(2, section.title), section_block(section)]
    parts += [headings.html(2, "Kjelder" if nn else "Kilder"), _sources_list(example, nn)]
    if related:
        parts.append(_related_section(uri, related, nn, options, headings))
    parts.append(_citation_section(example, options, nn))
    parts.append(_review_line(example, options, nn))
    # sist_vurdert: sitemap lastmod; emne and dekning: what the example is about, for the citation
    # and Dublin Core tags (overrides/main.html), whose author is the publisher.
    markdown = front_matter(
        title=example.title,
        description=example.summary,
        lang=example.language,
        eksempel=example.slug,
        sist_vurdert=example.reviewed.isoformat(),
        emne=example.municipality_label,
        dekning=", ".join([example.municipality_label] + sorted({m.county.name for m in example.municipalities})),
    ) + stand_in("\n".join(parts))
    return GeneratedPage(markdown, headings.tokens)


def section_block(section: Section) -> str:
    """A section's checked HTML (body.py) in its wrapper, exactly as published."""
    return f'<div class="eb-avsnitt">\n{section.html}\n</div>'


# Shown by assets/eksempelbank.js (it can do nothing without JavaScript); print styles in eksempelbank.css.
PRINT_BUTTON = (
    '<div class="eb-page-actions" data-pagefind-ignore hidden>'
    '<button type="button" class="md-button" data-eb-print hidden>Skriv ut / lagre som PDF</button>'
    "</div>\n"
)


def _breadcrumbs(uri: str, example: Example, nn: bool, options: SiteOptions) -> str:
    """Where the page sits: Forside › Alle eksempler › this example (aria-current on the last)."""
    home = href(uri, "index.md", options.directory_urls)
    everything = href(uri, f"{ALL_EXAMPLES_DIR}/index.md", options.directory_urls)
    return (
        f'<nav class="eb-breadcrumbs" aria-label="{"Brødsmular" if nn else "Brødsmuler"}" data-pagefind-ignore>\n'
        "<ol>\n"
        f'<li><a href="{home}">Forside</a></li>\n'
        f'<li><a href="{everything}">{"Alle døme" if nn else "Alle eksempler"}</a></li>\n'
        f'<li><span aria-current="page">{_e(example.title)}</span></li>\n'
        "</ol>\n</nav>"
    )


def key_facts(example: Example, schema: Schema) -> list[str]:
    """Municipality, county, size class and period: the facts a reader places an example by
    (the line under each listed example, and the first line of its page on a phone)."""
    return [
        example.municipality_label,
        ", ".join(label(schema, schema.facet("fylke"), c) for c in example.facet_values("fylke")),
        label(schema, schema.facet("kommunestorrelse"), example.values["kommunestorrelse"]),
        example.period_label,
    ]


def _size_today(example: Example, schema: Schema, nn: bool) -> str:
    """An example's size class is the one at the time of the work. Where today's differs (a merger,
    growth), both: « (då arbeidet vart gjort; i dag stor: 26 000 innbyggjarar 1. januar 2024)»."""
    from .similar_municipalities import todays_sizes  # the register's population (SSB 07459)

    if len(example.municipalities) != 1:
        return ""
    people, size = todays_sizes(schema).get(example.municipalities[0].number, (0, ""))
    if not size or size == example.values.get("kommunestorrelse"):
        return ""
    now = _e(label(schema, schema.facet("kommunestorrelse"), size).lower())
    count = f"{people:,}".replace(",", "\u00a0")
    name = _e(example.municipalities[0].name)
    if nn:
        return f" (då arbeidet vart gjort; {name} i dag: {now}, {count} innbyggjarar 1. januar 2024)"
    return f" (da arbeidet ble gjort; {name} i dag: {now}, {count} innbyggere 1. januar 2024)"


def _facts(uri: str, example: Example, schema: Schema, options: SiteOptions, nn: bool) -> str:
    """The facts box, in a <details>: on a phone a line of key facts comes first and the full box
    is a tap away, so «Oppsummert» starts on the first screen; wider screens and paper show the
    box open (assets/fakta.css, assets/fakta.js)."""
    rows: list[tuple[str, str]] = []
    values = example.values
    rows.append(("Ansvarleg aktør" if nn else "Ansvarlig aktør", _e(values["ansvarlig_aktor"])))
    if values.get("ansvarlig_enhet"):
        rows.append(("Ansvarleg eining" if nn else "Ansvarlig enhet", _e(values["ansvarlig_enhet"])))
    rows.append(("Kommune", _e(example.municipality_label)))
    facet_by_field = {f.field: f for f in schema.facets}
    for field_name in ("fylke", "kommunestorrelse", "program", "suksessfaktorer", "malgrupper", "tema", "lovplikter"):
        facet = facet_by_field.get(field_name)
        ids = example.facet_values(field_name)
        if facet is None or not ids:
            continue
        links = ", ".join(
            f'<a href="{href(uri, f"{facet.path}/{v}.md", options.directory_urls)}">{_e(label(schema, facet, v))}</a>'
            for v in ids
        )
        if nn:  # the vocabularies are Bokmål (WCAG 3.1.2)
            links = f'<span lang="nb">{links}</span>'
        if field_name == "kommunestorrelse":
            links += _size_today(example, schema, nn)
        rows.append((_field_label(schema, field_name, nn), links))
        if field_name == "kommunestorrelse":
            rows.append(("Periode", _e(example.period_label)))
    if values.get("pris"):
        rows.append(("Pris", _e(values["pris"])))
    facts = " · ".join(_e(fact) for fact in key_facts(example, schema))
    if nn:
        facts = f'<span lang="nb">{facts}</span>'
    body = "\n".join(f"<dt>{title}</dt>\n<dd>{value}</dd>" for title, value in rows)
    return (
        f'<p class="eb-facts eb-keyfacts" data-pagefind-ignore>{facts}</p>\n'
        '<details class="eb-fakta" data-pagefind-ignore>\n'
        f"<summary>{'Alle fakta om dømet' if nn else 'Alle fakta om eksempelet'}</summary>\n"
        f'<dl class="eb-metadata" aria-label="{"Om dømet" if nn else "Om eksempelet"}">\n{body}\n</dl>\n'
        "</details>"
    )


def _field_label(schema: Schema, field_name: str, nn: bool) -> str:
    nynorsk = {
        "malgrupper": "Målgrupper",
        "suksessfaktorer": "Suksessfaktorar",
        "kommunestorrelse": "Kommunestorleik",
        "tema": "Tema og tiltak",
        "lovplikter": "Plikter etter bustadsosial lov",
    }
    if nn and field_name in nynorsk:
        return nynorsk[field_name]
    return schema.fields[field_name].label


def _sources_list(example: Example, nn: bool) -> str:
    """Sources and links as HTML, every value escaped (a title or address cannot add markup or
    attributes of its own)."""
    items = []
    for source in example.values["kilder"]:
        title = _e(source["tittel"])
        head = f'<a href="{_e(source["url"])}">{title}</a>' if source.get("url") else f"<em>{title}</em>"
        details = [_e(source[k]) for k in ("utgiver", "aar", "dokument") if source.get(k)]
        if source.get("nedlagt"):
            details.append(
                ("Nettstaden er lagd ned" if nn else "Nettstedet er lagt ned")
                + f" ({norwegian_date(source['nedlagt'])})"
            )
        if source.get("uten_nettadresse"):
            details.append(
                ("Ikkje på nett (sjekka " if nn else "Ikke på nett (sjekket ")
                + norwegian_date(source["uten_nettadresse"])
                + ")"
            )
        if source.get("del"):
            details.append(("Nytta: " if nn else "Brukt: ") + _e(source["del"]))
        items.append(f"<li>{head}" + (". " + ". ".join(details) if details else "") + "</li>")
    for link in example.values.get("lenker", []):
        closed = (
            f". {'Nettstaden er lagd ned' if nn else 'Nettstedet er lagt ned'} ({norwegian_date(link['nedlagt'])})"
            if link.get("nedlagt")
            else ""
        )
        items.append(f'<li><a href="{_e(link["url"])}">{_e(link["tittel"])}</a>{closed}</li>')
    # The lowest search weight: a source's title or publisher («NRK Nordland») is not what the example is about.
    return '<ul class="eb-kilder" data-pagefind-weight="0.1">\n' + "\n".join(items) + "\n</ul>"


def _related_section(uri: str, related: list[Example], nn: bool, options: SiteOptions, headings: Headings) -> str:
    """Links to other examples. Left out of the search index (``data-pagefind-ignore``): their
    titles would make this page a hit for words about the other examples."""
    items = []
    for other in related:
        # A title in the other written language is marked as such (WCAG 3.1.2), on nn pages too.
        lang = other.language if other.language != ("nn" if nn else "nb") else None
        attribute = f' lang="{lang}"' if lang else ""
        items.append(
            f'<li><a href="{href(uri, example_uri(other), options.directory_urls)}"{attribute}>'
            f"{_e(other.title)}</a> – {_e(other.municipality_label)}</li>"
        )
    return (
        '<div class="eb-related" data-pagefind-ignore>\n'
        + headings.html(2, "Liknande døme" if nn else "Lignende eksempler")
        + "\n<ul>\n"
        + "\n".join(items)
        + "\n</ul>\n</div>"
    )


def _citation_section(example: Example, options: SiteOptions, nn: bool) -> str:
    """«Slik siterer du dette eksempelet», and who may reuse the text. Escaped HTML throughout.
    The author is the bank's publisher, who wrote the text; the municipality is its subject."""
    author = _e(options.publisher or options.site_name)
    address = options.absolute(example.url_path)
    reference = (
        f"{author} ({example.reviewed.year}). {_e(example.title)}. "
        f"I: {_e(options.site_name)}."
        + (f" {_e(address)}" if address else "")
        + f" Sist vurdert {norwegian_date(example.reviewed)}."
    )
    heading = "Slik siterer du dette dømet" if nn else "Slik siterer du dette eksempelet"
    lines = [
        '<section class="eb-sitering" aria-labelledby="eb-sitering-tittel" data-pagefind-ignore>',
        f'<h2 id="eb-sitering-tittel">{heading}</h2>',
        f"<p>{reference}</p>",
    ]
    if options.licence:
        licence = f'<a rel="license" href="{_e(options.licence.url)}">{_e(options.licence.name)}</a>'
        lines.append(
            f"<p>Teksten kan brukast fritt etter {licence} når du oppgir kjelda."
            if nn
            else f"<p>Teksten kan brukes fritt etter {licence} når du oppgir kilden."
        )
        lines[-1] += " Kjeldene har sine eigne vilkår.</p>" if nn else " Kildene har sine egne vilkår.</p>"
    lines.append("</section>")
    return "\n".join(lines)


def report_mailto(example: Example, options: SiteOptions, nn: bool = False) -> str | None:
    """A mailto: address to the editors, with the example's title and address filled in: a way to
    report an error or send an update that needs no account."""
    if not options.contact_email:
        return None
    address = options.absolute(example.url_path) or example.url_path
    subject = f"{'Rettelse eller oppdatering' if not nn else 'Retting eller oppdatering'}: {example.title}"
    body = (
        (
            f"Eksempel: {example.title}\nAdresse: {address}\n\n"
            "Kva er feil, eller kva bør oppdaterast? Skriv gjerne kva kjelda seier, med lenke.\n\n"
        )
        if nn
        else (
            f"Eksempel: {example.title}\nAdresse: {address}\n\n"
            "Hva er feil, eller hva bør oppdateres? Skriv gjerne hva kilden sier, med lenke.\n\n"
        )
    )
    return f"mailto:{options.contact_email}?subject={quote(subject)}&body={quote(body)}"


def _review_line(example: Example, options: SiteOptions, nn: bool) -> str:
    reviewed = f"Sist vurdert: {norwegian_date(example.reviewed)}."
    mail = report_mailto(example, options, nn)
    if mail:
        reviewed += (
            f' <a href="{_e(mail)}" class="eb-meld-fra">'
            + ("Meld frå om feil eller send ei oppdatering" if nn else "Meld fra om feil eller send en oppdatering")
            + "</a>"
        )
        reviewed += " (e-post, ingen brukarkonto trengst)." if nn else " (e-post, ingen brukerkonto trengs)."
    if options.repository_url:
        edit = f"{options.repository_url}/edit/{options.branch}/{example.source_path}"
        reviewed += (
            f' <a href="{_e(edit)}">{"Føreslå ei endring på GitHub" if nn else "Foreslå en endring på GitHub"}</a>'
            + (" (krev GitHub-konto)." if nn else " (krever GitHub-konto).")
        )
    return f'<p class="eb-reviewed" data-pagefind-ignore>{reviewed}</p>'


# -- listings --------------------------------------------------------------------------------


def listing_item(from_uri: str, example: Example, schema: Schema, level: int = 2, directory_urls: bool = True) -> str:
    """An example in a list: its title as a link, its key facts and its summary, as HTML."""
    lang, title, rest = _listed(example, schema)
    link = href(from_uri, example_uri(example), directory_urls)
    return f'<h{level}{lang}><a href="{link}">{title}</a></h{level}>\n{rest}'


#: id(example) -> (the example, the format, what its list entries share), while the example lives: an
#: example is listed on a dozen pages (each of its facet values, all examples), which differ only in the link.
_LISTED: dict[int, tuple[weakref.ref, Schema, tuple[str, str, str]]] = {}


def _listed(example: Example, schema: Schema) -> tuple[str, str, str]:
    """The parts of an example's list entry that are the same on every page: its language attribute,
    the title escaped, and the facts and summary lines."""
    known = _LISTED.get(id(example))
    if known is not None and known[0]() is example and known[1] is schema:
        return known[2]
    lang = ' lang="nn"' if example.language == "nn" else ""  # on a Bokmål page (WCAG 3.1.2)
    parts = (
        lang,
        _e(example.title),
        f'<p class="eb-facts">{" · ".join(_e(f) for f in key_facts(example, schema))}</p>\n'
        f"<p{lang}>{_e(example.summary)}</p>",
    )
    key = id(example)

    def forget(_: object) -> None:
        _LISTED.pop(key, None)

    _LISTED[key] = (weakref.ref(example, forget), schema, parts)
    return parts


def paged_uris(base_uri: str, pages: int) -> list[str]:
    """``fylker/vestfold.md``, ``fylker/vestfold/side-2.md``, ... (index pages keep their folder)."""
    stem = base_uri[: -len("/index.md")] if base_uri.endswith("/index.md") else base_uri[: -len(".md")]
    return [base_uri] + [f"{stem}/side-{n}.md" for n in range(2, pages + 1)]


def render_listing(
    base_uri: str,
    title: str,
    intro: str,
    examples: list[Example],
    schema: Schema,
    options: SiteOptions,
    empty_text: str | None = None,
    item_level: int = 2,
    description: str | None = None,
    stand_in: StandIn = raw_html,
    keep: Keep = fresh,
) -> dict[str, str]:
    """One page per ``options.per_page`` examples, so no page grows with the size of the bank.
    ``keep``: `make serve` takes a page's entries made from the same examples from the last rebuild
    (reuse.py).

    The title and the intro (trusted Markdown from the format and ``data/``) stay Markdown; the list
    is HTML (``stand_in``). The table of contents is shown only where the intro has sections of its
    own: a list of 50 titles in the sidebar would repeat the page."""
    chunks = [examples[i : i + options.per_page] for i in range(0, len(examples), options.per_page)] or [[]]
    uris = paged_uris(base_uri, len(chunks))
    description = description or f"{title}: boligsosiale eksempler fra norske kommuner."
    pages = {}
    for number, (uri, chunk) in enumerate(zip(uris, chunks, strict=True), start=1):
        page_title = title if number == 1 else f"{title} – side {number}"
        # A listing changes when one of its examples does (sitemap lastmod).
        latest = max((e.reviewed for e in chunk), default=None)
        sections = bool(intro) and number == 1 and "\n## " in "\n" + intro
        reviewed = latest.isoformat() if latest else None
        parts = [
            keep(
                ("listing-head", uri),
                (page_title, description, reviewed, sections),
                partial(
                    front_matter,
                    title=page_title,
                    description=description,
                    sist_vurdert=reviewed,
                    hide=None if sections else ["toc"],
                ),
            ),
            f"# {escape(page_title)}\n",
        ]
        if intro and number == 1:
            parts.append(intro.strip() + "\n")
        count = len(examples)
        if count:
            if item_level > 2:
                parts.append("## Eksempler\n")
            shown = f"{(number - 1) * options.per_page + 1}–{(number - 1) * options.per_page + len(chunk)}"
            items = [
                f'<p class="eb-count">{count} {"eksempel" if count == 1 else "eksempler"}'
                + (f", viser {shown}" if len(chunks) > 1 else "")
                + "</p>"
            ]
            items.append(
                keep(
                    ("listing-entries", uri, item_level),
                    (*chunk, schema, options.directory_urls),
                    partial(_entries, uri, chunk, schema, item_level, options.directory_urls),
                )
            )
            if len(chunks) > 1:
                items.append(_pager(uri, uris, number, options.directory_urls))
            parts.append(stand_in("\n".join(items)))
        else:
            contribute = link_to(uri, CONTRIBUTE_URI)
            parts.append(
                (empty_text or "Det er ingen eksempler her ennå.")
                + f" Kjenner du et? [Send inn et eksempel]({contribute}).\n"
            )
        pages[uri] = "\n".join(parts)
    return pages


def _entries(uri: str, examples: list[Example], schema: Schema, level: int, directory_urls: bool) -> str:
    return "\n".join(listing_item(uri, example, schema, level, directory_urls) for example in examples)


def _pager(uri: str, uris: list[str], number: int, directory_urls: bool = True) -> str:
    links = []
    if number > 1:
        links.append(f'<a href="{href(uri, uris[number - 2], directory_urls)}">Forrige side</a>')
    links.append(f"Side {number} av {len(uris)}")
    if number < len(uris):
        links.append(f'<a href="{href(uri, uris[number], directory_urls)}">Neste side</a>')
    return '<nav class="eb-pager" aria-label="Sider">\n' + " · ".join(links) + "\n</nav>"


def render_facet_overview(facet: FacetSpec, values: list[FacetValue], chart: str = "") -> str:
    uri = f"{facet.path}/index.md"
    latest = max((e.reviewed for v in values for e in v.examples), default=None)
    lines = [
        front_matter(
            title=facet.title,
            description=f"Boligsosiale eksempler fra norske kommuner etter {facet.title.lower()}.",
            sist_vurdert=latest.isoformat() if latest else None,
        ),
        f"# {escape(facet.title)}\n",
        facet.intro.strip() + "\n",
        chart + "\n" if chart else "",
        '<ul class="eb-facet-values" markdown>',
    ]
    for value in values:
        count = len(value.examples)
        count_text = "ingen eksempler ennå" if count == 0 else f"{count} {'eksempel' if count == 1 else 'eksempler'}"
        lines.append(
            f"<li markdown>[{escape(value.term.label)}]({link_to(uri, value.uri)}) "
            f'<span class="eb-count">({count_text})</span></li>'
        )
    lines.append("</ul>\n")
    return "\n".join(lines)


def render_facet_value(
    value: FacetValue,
    schema: Schema,
    options: SiteOptions,
    description: str | None,
    stand_in: StandIn = raw_html,
    keep: Keep = fresh,
) -> dict[str, str]:
    """The value's page(s): its explanation (if written), then its examples."""
    facet = value.facet
    intro = description.strip() if description else value.term.extra.get("kort", "")
    intro = searchable_explanation(value.term.label, facet.title, intro)  # the page's only indexed part
    overview = link_to(value.uri, f"{facet.path}/index.md")
    intro += f"\n\nSe også [alle {(facet.title_plural or facet.title).lower()}]({overview})."
    # An explanation has its own H2 sections; the examples then get a section of their own.
    level = 3 if description and "\n## " in "\n" + description else 2
    return render_listing(
        value.uri,
        value.term.label,
        intro,
        value.examples,
        schema,
        options,
        empty_text=f"Det er ingen eksempler for «{escape(value.term.label)}» ennå.",
        item_level=level,
        stand_in=stand_in,
        keep=keep,
        description=" ".join(
            filter(
                None, [f"Boligsosiale eksempler fra norske kommuner: {value.term.label}.", value.term.extra.get("kort")]
            )
        ),
    )

"""Everything the site generates from ``examples/``: a mapping of page path to Markdown.

Pure: no MkDocs. The hook adds these pages to the build and puts the HTML the generator wrote
(example pages with their checked bodies, lists of examples) into the rendered pages
(:meth:`GeneratedSite.fill`); a script could do the same with another renderer.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..reading.model import Example
from ..reading.schema import Schema
from . import charts, open_data
from .export_schema import FORMAT_URI, SCHEMA_URI, format_description, json_schema
from .facets import group, sort_examples
from .finder import render_finder
from .guide import format_page
from .render import (
    ALL_EXAMPLES_DIR,
    SiteOptions,
    example_uri,
    render_example,
    render_facet_overview,
    render_facet_value,
    render_listing,
)
from .reuse import Keep, LastRebuild, PageParts, fresh
from .search_index import SearchWords, load_search_words, reviewed_sort_keys, search_files
from .submission_form import PAGE_URI as SUBMIT_URI
from .submission_form import TEMPLATE_URI, render_submission_page, render_template


@dataclass
class GeneratedSite:
    pages: dict[str, str] = field(default_factory=dict)  # src path -> Markdown
    example_pages: set[str] = field(default_factory=set)  # kept out of the menu
    files: dict[str, str] = field(default_factory=dict)  # other generated files (JSON, CSV, feeds)
    menu_sections: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # overview -> (label, page)
    #: What the generator writes as HTML (example pages, lists of examples; render.py) would only cost
    #: MkDocs' Markdown a parse to hand back unchanged, and example bodies are checked HTML already
    #: (body.py). The pages carry a stand-in for each piece instead, and :meth:`fill` puts the HTML
    #: in after MkDocs has rendered the page.
    fragments: dict[str, str] = field(default_factory=dict)  # stand-in -> HTML
    fragment_count: dict[str, int] = field(default_factory=dict)  # src path -> its stand-ins
    #: Table of contents of the pages whose headings are in their HTML (mkdocs.structure.toc tokens).
    toc: dict[str, list[Any]] = field(default_factory=dict)  # src path -> tokens
    #: `make serve`: the digests of the pieces of HTML and tables of contents the last rebuild had
    #: (reuse.py), so a kept example page is not hashed again; and this rebuild's fingerprints.
    keep: Keep = fresh
    prints: dict[str, bytes] | None = None

    def fill(self, html: str) -> tuple[str, int]:
        """``html`` with every stand-in replaced by its HTML, and how many were replaced. A stand-in
        carries a token made for this build, so no text from an example can be taken for one."""
        count = 0

        def put(match: re.Match) -> str:
            nonlocal count
            fragment = self.fragments.get(match.group(1))
            if fragment is None:
                return match.group(0)
            count += 1
            return fragment

        return _STAND_IN.sub(put, html), count

    def review_date(self, uri: str) -> str | None:
        """The ``sist_vurdert`` of generated page ``uri`` (an example's, a listing's newest), as its
        front matter gives it: the sitemap's lastmod. `make serve` renders only changed pages, and
        MkDocs reads no front matter of the others, so the hook gives the sitemap this instead."""
        head = self.pages[uri].split("\n---\n", 1)[0]
        found = _REVIEW_DATE.search(head)
        return found.group(1) if found else None

    def fingerprints(self) -> dict[str, bytes]:
        """URI -> digest, for every generated page (:meth:`fingerprint`) and file (its text)."""
        if self.prints is not None:
            return self.prints
        prints = {uri: self.fingerprint(uri) for uri in self.pages}
        prints.update({uri: self._digest(text) for uri, text in self.files.items()})
        return prints

    def fingerprint(self, uri: str) -> bytes:
        """A digest of everything the generator gives page ``uri`` (its Markdown with the digest of
        each stand-in's HTML, and its table of contents): equal digests, equal pages (`make serve`
        renders only the pages whose digest changed)."""
        source = _STAND_IN_SOURCE.sub(
            lambda m: self._digest(self.fragments[m.group(0)]).hex() if m.group(0) in self.fragments else m.group(0),
            self.pages[uri],
        )
        digest = hashlib.blake2b(source.encode("utf-8"), digest_size=16)
        toc = self.toc.get(uri)
        digest.update(b"" if toc is None else self.keep(("toc", id(toc)), (toc,), lambda: _hash(repr(toc))))
        return digest.digest()

    def _digest(self, text: str) -> bytes:
        # By the object first: a kept page's HTML is the same string as in the last rebuild.
        return self.keep(("digest", id(text)), (text,), lambda: _hash(text))


def _hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


#: ``sist_vurdert`` in the front matter render.front_matter writes (a JSON string; PyYAML quotes a date).
_REVIEW_DATE = re.compile(r"^sist_vurdert: [\"']?(\d{4}-\d{2}-\d{2})[\"']?$", re.MULTILINE)
_KEY = r"eb-html-[0-9a-f]{16}-\d+"
_STAND_IN = re.compile(rf"<p>({_KEY})</p>")  # a stand-in alone in its paragraph, as MkDocs renders it
_STAND_IN_SOURCE = re.compile(rf"^{_KEY}$", re.MULTILINE)


def description_for(schema: Schema, facet_id: str, value_id: str) -> str | None:
    """Hand-written explanation of a facet value, from ``data/omtaler/<facet>/<value>.md``."""
    path = Path(schema.data_dir) / "omtaler" / facet_id / f"{value_id}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _chart(facet, values, schema: Schema) -> str:
    title = f"Antall eksempler per verdi: {facet.title.lower()}"
    if facet.chart == "fylkeskart":
        return charts.tile_map(values, charts.tile_positions(Path(schema.data_dir) / "register"), title)
    if facet.chart == "stolper":
        return charts.bar_chart(values, title)
    return ""


def robots_txt(options: SiteOptions) -> str:
    """Every page may be indexed; the sitemap (with each example's review date) says where they are.
    Crawlers read robots.txt only at a domain's root: under a sub-path, the host's own file counts."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {options.absolute('sitemap.xml')}\n"


def _example_page(
    example: Example,
    schema: Schema,
    options: SiteOptions,
    related: list[Example],
    reviewed_key: str,
    reuse: LastRebuild | None,
    words: SearchWords | None = None,
) -> PageParts:
    """The example's page as (front matter, HTML, table of contents): render_example with the HTML held
    back (the caller gives it its stand-in), or under `make serve` the last rebuild's (reuse.py).
    ``words``: the word families the page's search data uses (load_search_words)."""

    def make() -> PageParts:
        held: list[str] = []

        def hold(html: str) -> str:
            held.append(html)
            return ""

        page = render_example(example, schema, options, related, reviewed_key, stand_in=hold)
        return page.markdown, held[0], page.toc

    if reuse is None:
        return make()
    return reuse.page(example, (*related, reviewed_key, schema, options, words), make)


def generate_site(
    examples: list[Example],
    schema: Schema,
    options: SiteOptions,
    related: dict[str, list[Example]] | None = None,
    reuse: LastRebuild | None = None,
) -> GeneratedSite:
    """``reuse`` (`make serve`): the parts of the last rebuild made from the same inputs are taken
    from it (reuse.py); without it, everything is generated."""
    keep: Keep = reuse if reuse is not None else fresh
    site = GeneratedSite(keep=keep)
    related = related or {}
    site.pages["bidra/format.md"] = format_page(schema)
    site.pages[SUBMIT_URI] = render_submission_page(options)  # the form; repository from mkdocs.yml
    site.files[TEMPLATE_URI] = render_template(schema, date.today())
    site.pages["apne-data.md"] = open_data.documentation_page(options.licence)
    site.files[open_data.JSON_URI] = open_data.to_json(
        examples, date.today(), options.licence, options.site_url, options.publisher, keep
    )
    site.files[open_data.CSV_URI] = open_data.to_csv(examples, options.site_url, keep)
    site.files[open_data.FEED_URI] = open_data.to_atom(
        examples, options.site_url, options.site_name, options.licence, options.publisher, options.publisher_url
    )
    if options.site_url:
        site.files["robots.txt"] = robots_txt(options)
    site.files[SCHEMA_URI] = json.dumps(
        json_schema(schema, options.site_url), ensure_ascii=False, indent=1, default=str
    )
    site.files[FORMAT_URI] = json.dumps(
        format_description(schema), ensure_ascii=False, separators=(",", ":"), default=str
    )
    reviewed_keys = reviewed_sort_keys(examples)
    token = secrets.token_hex(8)

    def stand_in(fragment: str) -> str:
        key = f"eb-html-{token}-{len(site.fragments)}"
        site.fragments[key] = fragment
        return f"\n{key}\n"

    words = load_search_words(schema.data_dir) if reuse is not None else None  # once, not per page
    for example in examples:
        uri = example_uri(example)
        front, html, toc = _example_page(
            example, schema, options, related.get(example.slug) or [], reviewed_keys[example.slug], reuse, words
        )
        site.pages[uri] = front + stand_in(html)
        site.toc[uri] = toc
        site.example_pages.add(uri)

    for facet in schema.facets:
        values = group(examples, facet, schema)
        overview = f"{facet.path}/index.md"
        site.pages[overview] = render_facet_overview(facet, values, _chart(facet, values, schema))
        for value in values:
            site.pages.update(
                render_facet_value(
                    value,
                    schema,
                    options,
                    description_for(schema, facet.id, value.term.id),
                    stand_in=stand_in,
                    keep=keep,
                )
            )
        if facet.values_in_menu:
            site.menu_sections[overview] = [(value.term.label, value.uri) for value in values]

    by_facet = ", ".join(f"[{f.title.lower()}](../{f.path}/index.md)" for f in schema.facets)
    intro = f"Alle eksemplene i eksempelbanken, i alfabetisk rekkefølge. Du kan også finne dem etter {by_facet}."
    site.pages.update(
        render_listing(
            f"{ALL_EXAMPLES_DIR}/index.md",
            "Alle eksempler",
            intro,
            sort_examples(examples),
            schema,
            options,
            stand_in=stand_in,
            keep=keep,
        )
    )
    finder_pages, finder_files = render_finder(examples, schema, keep)  # «Finn eksempel» and the data it loads
    site.pages.update(finder_pages)
    site.files.update(finder_files)
    site.files.update(search_files(examples, schema, keep))  # word families and «Mente du …?» for the search
    site.fragment_count = {
        uri: count for uri, markdown in site.pages.items() if (count := len(_STAND_IN_SOURCE.findall(markdown)))
    }
    if reuse is not None:
        site.prints = site.fingerprints()  # while the last rebuild's digests are there to take
        reuse.done()
    return site

"""Everything the site generates from ``examples/``: a mapping of page path to Markdown.

Pure: no MkDocs. The hook adds these pages to the build; a script could write them to disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import charts, open_data
from .export_schema import FORMAT_URI, SCHEMA_URI, format_description, json_schema
from .facets import group, sort_examples
from .finder import render_finder
from .guide import format_page
from .model import Example
from .render import (ALL_EXAMPLES_DIR, SiteOptions, example_uri, render_example, render_facet_overview,
                     render_facet_value, render_listing)
from .schema import Schema
from .search_index import reviewed_sort_keys
from .submission_form import PAGE_URI as SUBMIT_URI, TEMPLATE_URI, render_submission_page, render_template


@dataclass
class GeneratedSite:
    pages: dict[str, str] = field(default_factory=dict)  # src path -> Markdown
    example_pages: set[str] = field(default_factory=set)  # kept out of the menu
    files: dict[str, str] = field(default_factory=dict)  # other generated files (JSON, CSV, feeds)
    menu_sections: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # overview -> (label, page)


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


def generate_site(examples: list[Example], schema: Schema, options: SiteOptions,
                  related: dict[str, list[Example]] | None = None) -> GeneratedSite:
    site = GeneratedSite()
    related = related or {}
    site.pages["bidra/format.md"] = format_page(schema)
    site.pages[SUBMIT_URI] = render_submission_page(options)  # the form; repository from mkdocs.yml
    site.files[TEMPLATE_URI] = render_template(schema, date.today())
    site.pages["apne-data.md"] = open_data.documentation_page()
    site.files[open_data.JSON_URI] = open_data.to_json(examples, date.today())
    site.files[open_data.CSV_URI] = open_data.to_csv(examples)
    site.files[open_data.FEED_URI] = open_data.to_atom(examples, options.site_url, "Boligsosial eksempelbank")
    site.files[SCHEMA_URI] = json.dumps(json_schema(schema), ensure_ascii=False, indent=1, default=str)
    site.files[FORMAT_URI] = json.dumps(format_description(schema), ensure_ascii=False, separators=(",", ":"), default=str)
    reviewed_keys = reviewed_sort_keys(examples)
    for example in examples:
        uri = example_uri(example)
        site.pages[uri] = render_example(example, schema, options, related.get(example.slug), reviewed_keys[example.slug])
        site.example_pages.add(uri)

    for facet in schema.facets:
        values = group(examples, facet, schema)
        overview = f"{facet.path}/index.md"
        site.pages[overview] = render_facet_overview(facet, values, _chart(facet, values, schema))
        for value in values:
            site.pages.update(render_facet_value(value, schema, options, description_for(schema, facet.id, value.term.id)))
        if facet.values_in_menu:
            site.menu_sections[overview] = [(value.term.label, value.uri) for value in values]

    by_facet = ", ".join(f"[{f.title.lower()}](../{f.path}/index.md)" for f in schema.facets)
    intro = f"Alle eksemplene i eksempelbanken, i alfabetisk rekkefølge. Du kan også finne dem etter {by_facet}."
    site.pages.update(render_listing(f"{ALL_EXAMPLES_DIR}/index.md", "Alle eksempler", intro,
                                     sort_examples(examples), schema, options))
    site.pages.update(render_finder(examples, schema))  # «Finn eksempel»
    return site

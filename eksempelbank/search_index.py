"""Search with Pagefind: what each page tells the index, and building the index.

Pagefind (https://pagefind.app) reads the built HTML and writes a chunked, static index to
``<site>/pagefind/``. The browser then fetches only the chunks a query needs, instead of one
index of the whole site. Pages take part like this:

- Only the main content of chosen pages is indexed (:func:`mark_searchable` wraps it in an
  element with ``data-pagefind-body``; the menu, header and footer are left out).
- Example pages carry a hidden block (:func:`example_search_data`) with the filters the finder
  («Finn eksempel») uses, sort keys, and the facts a result shows. The filter names are the
  facet ids of ``data/eksempelformat.yml``, the values the vocabularies' ids, so a new facet or
  value needs no change here.
- Every page is indexed as one language, the site's (``theme.language``: ``nb``), so a search
  from a Bokmål page finds Nynorsk examples too (see :func:`build_index`).

No MkDocs here: the build hook calls :func:`build_index` after the pages are written.
"""

from __future__ import annotations

import html
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .facets import label, sort_examples
from .model import Example
from .schema import Schema
from .text import sort_key

BUNDLE_DIR = "pagefind"  # <site>/pagefind/, where the index and Pagefind's scripts go

#: Filter that marks the indexed pages that are *not* examples (the front page, «Om», the
#: contribution guide), so the finder can list examples only (``{type: {none: ["side"]}}``).
#: The few other pages carry it rather than every example: a filter on every example would be
#: a list of all of them that the finder downloads with its first search (6 kB gzip at 3,000).
TYPE_FILTER = "type"
PAGE_TYPE = "side"
#: Filter for the decades an example's work was going on: "2010" for 2010–2019.
PERIOD_FILTER = "periode"
#: A word only example pages carry (as metadata, which Pagefind indexes but never shows). The
#: finder searches for it when the visitor has typed nothing: Pagefind 1.5.2 answers a search
#: without a term by fetching *every* index chunk (9 MB at 3,000 examples); a search for this
#: word fetches the one chunk that holds it, and still returns filter counts and sorts.
ALL_EXAMPLES_TERM = "qqeksempel"
ALL_EXAMPLES_META = "alle"
#: Sort keys (``data-pagefind-sort``). The «sist vurdert» key is unique per example (see
#: :func:`reviewed_sort_keys`), so the order is the same in Pagefind and in the finder's page.
SORT_REVIEWED = "sist_vurdert"
SORT_TITLE = "tittel"
#: Front-matter key that puts a page into the index (true) or keeps it out (false).
INDEX_META_KEY = "sok"


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index; the message says why, in Norwegian."""


# -- what the pages carry --------------------------------------------------------------------

def period_values(example: Example) -> list[str]:
    """The decades the work went on in, as filter values: 2014–2021 -> ["2010", "2020"].

    Ongoing work counts up to the year the example was last reviewed (not the build date, so
    a build is reproducible).
    """
    end = example.period_end if example.period_end is not None else max(example.reviewed.year,
                                                                         example.period_start)
    return [str(decade) for decade in range(example.period_start // 10 * 10, end // 10 * 10 + 1, 10)]


def period_label(value: str) -> str:
    return f"{value}-tallet"


def filter_values(example: Example, schema: Schema) -> dict[str, list[str]]:
    """Filter name -> values for one example: every facet of the schema, plus period."""
    filters = {facet.id: example.facet_values(facet.field) for facet in schema.facets}
    filters[PERIOD_FILTER] = period_values(example)
    return {name: values for name, values in filters.items() if values}


def result_meta(example: Example, schema: Schema) -> dict[str, str]:
    """What a search result shows besides the title (municipality, county, size, period, summary),
    and ``emner``: every facet value's label. The metadata panel on the page is left out of the
    indexed text (so excerpts quote the example, not the panel); its words are found through
    this metadata instead, which Pagefind indexes too."""
    county = schema.facet("fylke")
    size = schema.facet("kommunestorrelse")
    topics = [label(schema, facet, value)
              for facet in schema.facets for value in example.facet_values(facet.field)]
    return {
        "title": example.title,
        "kommune": example.municipality_label,
        "fylke": ", ".join(label(schema, county, c) for c in example.facet_values("fylke")),
        "storrelse": label(schema, size, example.values["kommunestorrelse"]),
        "periode": example.period_label,
        "oppsummering": example.summary,
        "sprak": example.language,
        "emner": "; ".join(topics),
        "ansvarlig": example.values.get("ansvarlig_aktor", ""),
    }


def reviewed_sort_keys(examples: list[Example]) -> dict[str, str]:
    """Slug -> the example's key for «Sist vurdert, nyeste først», unique within the site.

    The date, then a fixed-width number that puts examples reviewed on the same day in title
    order (A–Å, as on «Alle eksempler») when the keys are sorted in descending order:
    ``2025-08-10 999997``. Unique keys make the order complete, so the newest examples the
    finder's page is built with (:func:`newest_first`) are exactly the ones Pagefind's sort
    lists first, and «Vis flere» continues that list without repeating or skipping one. Fixed-
    width digits sort the same whether compared as text or «naturally».
    """
    ordered = sort_examples(examples)
    width = max(6, len(str(len(ordered))))
    top = 10 ** width - 1
    return {e.slug: f"{e.reviewed.isoformat()} {top - rank:0{width}d}" for rank, e in enumerate(ordered)}


def newest_first(examples: list[Example]) -> list[Example]:
    """The examples in the finder's default order: last reviewed first (Pagefind's sort)."""
    keys = reviewed_sort_keys(examples)
    return sorted(examples, key=lambda e: keys[e.slug], reverse=True)


def example_search_data(example: Example, schema: Schema, reviewed_key: str | None = None) -> str:
    """A hidden HTML block for the example page: filters, sort keys and result facts for Pagefind.

    Values are element text (not ``name:value`` attributes), so commas and colons in a
    municipality name or a title are safe. ``data-pagefind-ignore`` keeps the block out of the
    page's searchable text; Pagefind still reads its filters, sorts and metadata.
    ``reviewed_key``: the example's key from :func:`reviewed_sort_keys` (default: the date alone).
    """
    spans = []
    for name, values in filter_values(example, schema).items():
        spans += [f'<span data-pagefind-filter="{name}">{html.escape(v)}</span>' for v in values]
    spans.append(f'<span data-pagefind-sort="{SORT_REVIEWED}">{reviewed_key or example.reviewed.isoformat()}</span>')
    spans.append(f'<span data-pagefind-sort="{SORT_TITLE}">{html.escape(sort_key(example.title))}</span>')
    for name, value in result_meta(example, schema).items():
        spans.append(f'<span data-pagefind-meta="{name}">{html.escape(value)}</span>')
    spans.append(f'<span data-pagefind-meta="{ALL_EXAMPLES_META}">{ALL_EXAMPLES_TERM}</span>')
    return '<div class="eb-search-data" hidden data-pagefind-ignore>\n' + "\n".join(spans) + "\n</div>\n"


def should_index(meta: Mapping[str, Any], generated: bool) -> bool:
    """Examples and hand-written pages are searched; generated listings (which repeat the
    examples' titles and summaries) are not. ``sok: true/false`` in front matter decides."""
    if INDEX_META_KEY in meta:
        return bool(meta[INDEX_META_KEY])
    return bool(meta.get("eksempel")) or not generated


def mark_searchable(content_html: str, meta: Mapping[str, Any], generated: bool) -> str:
    """The page's rendered Markdown, wrapped so Pagefind indexes it (and nothing else of the page).
    Pages other than examples are marked with the :data:`TYPE_FILTER` the finder leaves out."""
    if not should_index(meta, generated):
        return content_html
    page_type = "" if meta.get("eksempel") else f' data-pagefind-filter="{TYPE_FILTER}:{PAGE_TYPE}"'
    return f'<div class="eb-search-body" data-pagefind-body{page_type}>\n{content_html}\n</div>'


# -- building the index ----------------------------------------------------------------------

@dataclass(frozen=True)
class IndexResult:
    bundle: Path
    pages: int
    output: str


def pagefind_command(site_dir: Path, language: str) -> list[str]:
    """The Pagefind binary shipped in the ``pagefind-bin`` wheel, with our options.

    ``--force-language``: Pagefind otherwise builds one index per ``<html lang>``, and a page
    only searches the index of its own language; Stord's Nynorsk page would then be invisible
    from every Bokmål page. Forced to ``nb``, all pages are stemmed with the same Norwegian
    (Snowball) stemmer, which handles Bokmål and Nynorsk endings alike.
    """
    try:
        from pagefind.service import get_executable
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise SearchIndexError("Søkeindeksen kan ikke bygges: Python-pakken «pagefind» mangler. "
                               "Installer avhengighetene med `make build` eller "
                               "`pip install -r requirements.txt`.") from error
    binary = get_executable()
    if binary is None or not Path(binary).is_file():
        raise SearchIndexError("Søkeindeksen kan ikke bygges: Pagefind-programmet (pakken «pagefind-bin») "
                               "mangler. Installer avhengighetene med `pip install -r requirements.txt`.")
    return [str(binary), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR,
            "--force-language", language, "--quiet"]


def build_index(site_dir: Path, language: str = "nb", timeout: int = 600) -> IndexResult:
    """Run Pagefind over the built site. Raises :class:`SearchIndexError` with the reason."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"Søkeindeksen kan ikke bygges: fant ikke noe nettsted i {site_dir}.")
    command = pagefind_command(site_dir, language)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Søkeindeksen kan ikke bygges: Pagefind kunne ikke kjøres ({error}).") from error
    output = (done.stdout + done.stderr).strip()
    bundle = site_dir / BUNDLE_DIR
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise SearchIndexError("Søkeindeksen kan ikke bygges: Pagefind feilet "
                               f"(kode {done.returncode}).\n{output}")
    pages = sum(entry.get("page_count", 0) for entry in _entry(bundle).get("languages", {}).values())
    if pages == 0:
        raise SearchIndexError("Søkeindeksen er tom: ingen side er merket for søk (data-pagefind-body).\n"
                               + output)
    return IndexResult(bundle, pages, output)


def _entry(bundle: Path) -> dict[str, Any]:
    try:
        return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}

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
- Word families (``data/ordfamilier.yml``): an example's hidden block also lists the words of the
  families it uses that it does not say itself, as metadata, which Pagefind searches but never
  shows (:meth:`SearchWords.missing_family_words`).
- A facet value's page indexes only its explanation, typed as an explanation for the header
  search (:func:`searchable_explanation`).
- :func:`search_files` writes what the browser's search reads besides Pagefind: the families and
  stop words, and the words «Mente du …?» chooses from (docs/assets/search-query.js).

No MkDocs here: the build hook calls :func:`build_index` after the pages are written.
"""

from __future__ import annotations

import bisect
import html
import json
import re
import subprocess
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import yaml

from ..reading.model import Example
from ..reading.schema import Schema
from ..reading.text import sort_key
from .facets import label, sort_examples
from .reuse import Keep, fresh

BUNDLE_DIR = "pagefind"  # <site>/pagefind/, where the index and Pagefind's scripts go
#: What Pagefind reads of each page: the element :func:`mark_searchable` marks (see :func:`pagefind_command`).
SEARCH_ROOT = "[data-pagefind-body]"

#: Filter that marks the indexed pages that are *not* examples (the front page, «Om», the
#: contribution guide), so the finder can list examples only (``{type: {none: ["side"]}}``).
#: The few other pages carry it rather than every example: a filter on every example would be
#: a list of all of them that the finder downloads with its first search (6 kB gzip at 3,000).
TYPE_FILTER = "type"
PAGE_TYPE = "side"
#: Filter for the decades an example's work was going on: "2010" for 2010–2019.
PERIOD_FILTER = "periode"
#: Filter with the municipalities of today an example is from (register ids): «Kommuner som oss» lists
#: the visitor's own municipality's examples first. Not a facet of the form.
MUNICIPALITY_FILTER = "kommune"
#: Sort keys (``data-pagefind-sort``). The «sist vurdert» key is unique per example (see
#: :func:`reviewed_sort_keys`), so the order is the same in Pagefind and in the finder's page.
SORT_REVIEWED = "sist_vurdert"
SORT_TITLE = "tittel"
#: Front-matter key that puts a page into the index (true) or keeps it out (false).
INDEX_META_KEY = "sok"
#: Second :data:`TYPE_FILTER` value of the facet value pages' explanations (a success factor's
#: description, a size class's limits): the header search lists them after the examples and before
#: the other pages. They carry :data:`PAGE_TYPE` too, so the finder leaves them out.
EXPLANATION_TYPE = "forklaring"
#: Metadata of an explanation: what it explains («Suksessfaktorer»), shown with the result.
EXPLANATION_META = "sidetype"
#: Metadata of an example: the words of :data:`WORDS_FILE`'s families the example does not use
#: itself but that mean what it says («tildeling» on a page that says «tildelte»). Pagefind searches
#: metadata, so a search for any word of a family finds every example with one of them.
FAMILY_META = "ordfamilier"
#: Word families, stop words and endings (data, see its header).
WORDS_FILE = "ordfamilier.yml"
#: Generated for the browser: the families, stop words and endings as JSON (read with every
#: search), and the words «Mente du …?» suggests from (read only when a search finds nothing).
WORDS_URI = "sok/sokeord.json"
SUGGESTIONS_URI = "sok/forslag.json"
#: The suggestion list keeps the examples' most used words, at most this many (the municipality
#: register and the facet labels come on top): about 15 kB gzip, fetched only after an empty result.
SUGGESTION_WORDS = 4000
_WORD = re.compile(r"[^\W\d_]+")


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index; the message says why, in Norwegian."""


# -- word families, stop words, endings (data/ordfamilier.yml) --------------------------------


@dataclass(frozen=True)
class SearchWords:
    families: tuple[tuple[str, ...], ...]
    stopwords: frozenset[str]
    endings: tuple[str, ...]  # longest first
    #: Every word that belongs to a family -> its family: the words themselves, and each of them with
    #: each ending (a longer ending first, as a word is read). Looked up once per word of every example.
    forms: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        forms = {member: index for index, family in enumerate(self.families) for member in family}
        for ending in self.endings:
            for index, family in enumerate(self.families):
                for member in family:
                    forms.setdefault(member + ending, index)
        object.__setattr__(self, "forms", forms)

    def family_of(self, word: str) -> int | None:
        """The family a word belongs to: one of its words, or one of them plus an ending
        («tildelingene» is «tildeling» + «ene»). None for any other word."""
        return self.forms.get(word.lower())

    def families_in(self, words: Iterable[str]) -> set[int]:
        forms = self.forms
        found = words if isinstance(words, (set, frozenset)) else set(words)
        return {forms[word] for word in forms.keys() & found}

    def missing_family_words(self, words: frozenset[str] | set[str]) -> list[str]:
        """The words of the families present in ``words`` that ``words`` lacks, in family order, less
        those a longer word (of ``words`` or of this list) stands for: the search finds every word
        that begins like the one searched for («tildelte» is found by «tildelt»). Fewer words, a
        smaller index."""
        missing = [
            member
            for family in sorted(self.families_in(words))
            for member in self.families[family]
            if member not in words
        ]
        if not missing:
            return []
        pool = sorted(words.union(missing))

        def covered(word: str) -> bool:
            after = bisect.bisect_right(pool, word)  # a longer word starting with it sorts right after it
            return after < len(pool) and pool[after].startswith(word)

        return [member for member in missing if not covered(member)]


def load_search_words(data_dir: Path) -> SearchWords:
    """``data/ordfamilier.yml``, checked: a mistake stops the build with the file's problems listed.
    Read again when the file changes (``make serve`` keeps running)."""
    path = Path(data_dir) / WORDS_FILE
    try:
        changed = path.stat().st_mtime_ns
    except OSError:
        changed = None
    return _load_search_words(path, changed)


@lru_cache(maxsize=4)
def _load_search_words(path: Path, changed: int | None) -> SearchWords:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SearchIndexError(f"{path}: kan ikke leses ({error}).") from error
    problems = []
    if not isinstance(raw, dict):
        raise SearchIndexError(f"{path}: må ha «familier», «stoppord» og «endelser».")

    def words_in(key: str, value: Any) -> list[str]:
        if not isinstance(value, list):
            problems.append(f"«{key}» må være en liste med ord.")
            return []
        for word in value:
            if not isinstance(word, str) or not word:
                # YAML reads no, yes, on, off as true/false: such words need quotes («"no"»).
                problems.append(f"«{key}»: {word!r} er ikke et ord (skriv ord som no og on i anførselstegn).")
        value = [w for w in value if isinstance(w, str) and w]
        for word in value:
            if word != word.lower() or not _WORD.fullmatch(word):
                problems.append(f"«{key}»: «{word}» skal være ett ord med små bokstaver, uten tall og tegn.")
        return [str(w) for w in value]

    stopwords = words_in("stoppord", raw.get("stoppord"))
    endings = words_in("endelser", raw.get("endelser"))
    families: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    if not isinstance(raw.get("familier"), list):
        problems.append("«familier» må være en liste med familier (lister med ord).")
    for number, family in enumerate(raw.get("familier") or [], start=1):
        # Each family: its words (``ord``) and the dictionary entries that show they belong together (``kilde``).
        source = family.get("kilde") if isinstance(family, dict) else None
        if not isinstance(source, str) or not source.strip():
            problems.append(
                f"Familie {number} mangler «kilde»: ordboka som viser at ordene hører sammen "
                "(Bokmålsordboka og Nynorskordboka, ordbokene.no)."
            )
        members = words_in(f"familie {number}", family.get("ord") if isinstance(family, dict) else family)
        if len(set(members)) < 2:
            problems.append(f"Familie {number} ({', '.join(members)}) må ha minst to ulike ord.")
        for word in members:
            if word in seen and seen[word] != number:
                problems.append(f"«{word}» står både i familie {seen[word]} og familie {number}.")
            seen[word] = number
            if word in stopwords:
                problems.append(f"«{word}» i familie {number} er et stoppord.")
        families.append(tuple(dict.fromkeys(members)))
    if problems:
        raise SearchIndexError(f"{path}:\n" + "\n".join(f"  - {p}" for p in problems))
    return SearchWords(tuple(families), frozenset(stopwords), tuple(sorted(set(endings), key=lambda e: (-len(e), e))))


_WORDS_OF: dict[int, tuple[weakref.ref, frozenset[str]]] = {}  # id(example) -> its words, while it lives


def example_words(example: Example, schema: Schema) -> frozenset[str]:
    """The words (lower case) of what the index gets from an example: its text and sources, the
    municipality and responsible actor, and the labels of its facet values. Read once per example
    and build (the page and the suggestion list both need them)."""
    known = _WORDS_OF.get(id(example))
    if known is not None and known[0]() is example:
        return known[1]
    words = _example_words(example, schema)
    key = id(example)

    def forget(_: object) -> None:
        _WORDS_OF.pop(key, None)

    _WORDS_OF[key] = (weakref.ref(example, forget), words)
    return words


def _example_words(example: Example, schema: Schema) -> frozenset[str]:
    parts = [
        example.title,
        example.summary,
        example.body,
        example.municipality_label,
        str(example.values.get("ansvarlig_aktor", "")),
    ]
    parts += [label(schema, facet, value) for facet in schema.facets for value in example.facet_values(facet.field)]
    for source in example.values.get("kilder", []):
        parts += [str(source.get(key, "")) for key in ("tittel", "utgiver", "del")]
    parts += [str(link.get("tittel", "")) for link in example.values.get("lenker", [])]
    return words_of("\n".join(parts).lower())


# Punctuation around words: no letters, so it can be taken off a piece before looking for its word.
_AROUND_WORDS = ".,;:!?()«»\"'-–—/"


def words_of(text: str) -> frozenset[str]:
    """``_WORD.findall(text)`` as a set, in half the time. A word never spans whitespace, so each piece
    between whitespace (each once) holds its own words; most are a word alone, perhaps with punctuation
    around it (``str.isalpha`` is what the pattern's class holds), and only the rest go to the pattern."""
    found: set[str] = set()
    for piece in set(text.split()):
        if piece.isalpha():
            found.add(piece)
        else:
            piece = piece.strip(_AROUND_WORDS)
            if piece.isalpha():
                found.add(piece)
            elif piece:
                found.update(_WORD.findall(piece))
    return frozenset(found)


# -- what the pages carry --------------------------------------------------------------------


def period_values(example: Example) -> list[str]:
    """The decades the work went on in, as filter values: 2014–2021 -> ["2010", "2020"].

    Ongoing work counts up to the year the example was last reviewed (not the build date, so
    a build is reproducible).
    """
    end = example.period_end if example.period_end is not None else max(example.reviewed.year, example.period_start)
    return [str(decade) for decade in range(example.period_start // 10 * 10, end // 10 * 10 + 1, 10)]


def period_label(value: str) -> str:
    return f"{value}-tallet"


def filter_values(example: Example, schema: Schema) -> dict[str, list[str]]:
    """Filter name -> values for one example: every facet of the schema, plus period."""
    filters = {facet.id: example.facet_values(facet.field) for facet in schema.facets}
    filters[PERIOD_FILTER] = period_values(example)
    filters[MUNICIPALITY_FILTER] = sorted({m.id for m in example.municipalities})
    return {name: values for name, values in filters.items() if values}


def result_meta(example: Example, schema: Schema) -> dict[str, str]:
    """What a search result shows besides the title (municipality, county, size, period, summary),
    and ``emner``: every facet value's label. The metadata panel on the page is left out of the
    indexed text (so excerpts quote the example, not the panel); its words are found through
    this metadata instead, which Pagefind indexes too."""
    county = schema.facet("fylke")
    size = schema.facet("kommunestorrelse")
    topics = [label(schema, facet, value) for facet in schema.facets for value in example.facet_values(facet.field)]
    return {
        "title": example.title,
        "kommune": example.municipality_label,
        "fylke": ", ".join(label(schema, county, c) for c in example.facet_values("fylke")),
        # «Liten kommune»: what the facts line says, and what a search for the size class matches
        "storrelse": f"{label(schema, size, example.values['kommunestorrelse'])} kommune",
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
    top = 10**width - 1
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
    family_words = load_search_words(schema.data_dir).missing_family_words(example_words(example, schema))
    if family_words:
        spans.append(f'<span data-pagefind-meta="{FAMILY_META}">{" ".join(family_words)}</span>')
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


def searchable_explanation(title: str, kind: str, text: str) -> str:
    """Markdown for the explanation at the top of a facet value's page (``data/omtaler/`` or the
    value's ``kort``), marked as the page's only indexed content: the list of examples below it
    repeats the examples and stays out. Typed :data:`PAGE_TYPE` (the finder leaves it out) and
    :data:`EXPLANATION_TYPE` (the header search lists it after the examples); ``kind`` says what it
    explains («Suksessfaktorer»). A value without an explanation is found by its title."""
    # data-pagefind-ignore needs its value here: md_in_html writes a bare attribute as
    # ignore="data-pagefind-ignore", which Pagefind reads as «all» (and would drop the metadata).
    hidden = (
        '<div class="eb-search-data" hidden data-pagefind-ignore="index">'
        f'<span data-pagefind-filter="{TYPE_FILTER}">{EXPLANATION_TYPE}</span>'
        f'<span data-pagefind-meta="title">{html.escape(title)}</span>'
        f'<span data-pagefind-meta="{EXPLANATION_META}">{html.escape(kind)}</span></div>'
    )
    # Pagefind leaves out a page without words: a value with no explanation is indexed by its
    # name (the page's heading, which stands outside this block).
    text = text.strip() or f"<p hidden>{html.escape(title)}</p>"
    return (
        f'<div class="eb-search-body" data-pagefind-body data-pagefind-filter="{TYPE_FILTER}:{PAGE_TYPE}" '
        f"markdown>\n{hidden}\n\n{text}\n\n</div>"
    )


def search_files(examples: list[Example], schema: Schema, keep: Keep = fresh) -> dict[str, str]:
    """The two JSON files the browser's search reads besides Pagefind (:data:`WORDS_URI`,
    :data:`SUGGESTIONS_URI`), generated from ``data/`` and the examples. ``keep``: `make serve` takes
    the word families of an example from the last rebuild while it and the families are the same."""
    words = load_search_words(schema.data_dir)
    per_example = [example_words(example, schema) for example in examples]
    present = (
        set().union(
            *(
                keep(("families", e.slug), (e, schema, words), partial(words.families_in, w))
                for e, w in zip(examples, per_example, strict=True)
            )
        )
        if per_example
        else set()
    )
    return {
        WORDS_URI: json.dumps(
            {
                "familier": [list(f) for f in words.families],
                "stoppord": sorted(words.stopwords),
                "endelser": list(words.endings),
                # how the header search tells examples, explanations and other pages apart
                "typer": {"filter": TYPE_FILTER, "side": PAGE_TYPE, "forklaring": EXPLANATION_TYPE},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        SUGGESTIONS_URI: json.dumps(
            suggestion_words(examples, schema, words, per_example, present, keep),
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    }


#: Examples per run whose words are counted together (suggestion_words).
COUNT_RUN = 100


def _count(sets: tuple[frozenset[str], ...]) -> Counter[str]:
    counted: Counter[str] = Counter()
    for found in sets:
        counted.update(found)
    return counted


def suggestion_words(
    examples: list[Example],
    schema: Schema,
    words: SearchWords,
    per_example: list[frozenset[str]],
    families_present: set[int],
    keep: Keep = fresh,
) -> dict[str, list]:
    """What «Mente du …?» chooses from. ``navn``: [name, 1 if an example has it] for every municipality
    in the register (Sámi names and former municipalities too), county and facet value label.
    ``ord``: the examples' own words, most used first (at most :data:`SUGGESTION_WORDS`), and the
    words of the families the examples use."""
    used_names = {m.name for e in examples for m in e.municipalities}
    used_names |= {f.name for e in examples for f in e.former_municipalities}
    used_labels = {
        label(schema, facet, value)
        for e in examples
        for facet in schema.facets
        for value in e.facet_values(facet.field)
    }
    register = schema.register
    names: dict[str, int] = {}

    def add(name: str, used: bool) -> None:
        if name:
            names[name] = max(names.get(name, 0), int(used))

    for m in register.municipalities:
        add(m.name.split(" (")[0], m.name in used_names)  # «Herøy (Nordland)» is written «Herøy»
        add(m.alt_name, m.name in used_names)
    for f in register.former_municipalities:
        add(f.name.split(" (")[0], f.name in used_names)
    for facet in schema.facets:
        for term in schema.vocabulary_for(facet).terms:
            add(term.label, term.label in used_labels)
    frequency: Counter[str] = Counter()
    # Counted per run of examples (in C), so `make serve` counts again only the run with a changed
    # example; the short words and stop words are left out below.
    for start in range(0, len(per_example), COUNT_RUN):
        run = tuple(per_example[start : start + COUNT_RUN])
        frequency.update(keep(("word-counts", start), run, partial(_count, run)))
    candidates = [(w, n) for w, n in frequency.items() if len(w) >= 4 and w not in words.stopwords]
    ranked = [w for w, _ in sorted(candidates, key=lambda item: (-item[1], item[0]))][:SUGGESTION_WORDS]
    kept = set(ranked)
    family_words = [w for i in sorted(families_present) for w in words.families[i] if w not in kept]
    return {"navn": [[name, used] for name, used in sorted(names.items())], "ord": ranked + family_words}


# -- building the index ----------------------------------------------------------------------


@dataclass(frozen=True)
class IndexResult:
    bundle: Path
    pages: int
    output: str


def pagefind_command(site_dir: Path, language: str, marked_only: bool = True) -> list[str]:
    """The Pagefind binary shipped in the ``pagefind-bin`` wheel, with our options.

    ``--force-language``: Pagefind otherwise builds one index per ``<html lang>``, and a page
    only searches the index of its own language; Stord's Nynorsk page would then be invisible
    from every Bokmål page. Forced to ``nb``, all pages are stemmed with the same Norwegian
    (Snowball) stemmer, which handles Bokmål and Nynorsk endings alike.

    ``--root-selector``: Pagefind reads only the element marked for search (:func:`mark_searchable`,
    :func:`searchable_explanation`), not the menu, header and footer around it, nor the listings that
    carry no mark. The index is the same as when it reads whole pages (its title is the page's own:
    the H1 inside the element or the ``title`` metadata); Pagefind spends a quarter less time.
    ``marked_only=False`` reads whole pages, as Pagefind does when no page is marked.
    """
    try:
        from pagefind.service import get_executable
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise SearchIndexError(
            "Søkeindeksen kan ikke bygges: Python-pakken «pagefind» mangler. "
            "Installer avhengighetene med `make build` eller "
            "`pip install -r requirements.txt`."
        ) from error
    binary = get_executable()
    if binary is None or not Path(binary).is_file():
        raise SearchIndexError(
            "Søkeindeksen kan ikke bygges: Pagefind-programmet (pakken «pagefind-bin») "
            "mangler. Installer avhengighetene med `pip install -r requirements.txt`."
        )
    return [
        str(binary),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--force-language",
        language,
        "--quiet",
    ] + (["--root-selector", SEARCH_ROOT] if marked_only else [])


def build_index(site_dir: Path, language: str = "nb", timeout: int = 600) -> IndexResult:
    """Run Pagefind over the built site. Raises :class:`SearchIndexError` with the reason."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"Søkeindeksen kan ikke bygges: fant ikke noe nettsted i {site_dir}.")
    bundle = site_dir / BUNDLE_DIR
    done = _run_pagefind(pagefind_command(site_dir, language), timeout)
    if done.returncode != 0:
        # Reading only the marked elements finds nothing on a site where no page is marked: Pagefind
        # then reads whole pages, as it always did (and any other failure shows again).
        done = _run_pagefind(pagefind_command(site_dir, language, marked_only=False), timeout)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(f"Søkeindeksen kan ikke bygges: Pagefind feilet (kode {done.returncode}).\n{output}")
    pages = sum(entry.get("page_count", 0) for entry in _entry(bundle).get("languages", {}).values())
    if pages == 0:
        raise SearchIndexError("Søkeindeksen er tom: ingen side er merket for søk (data-pagefind-body).\n" + output)
    return IndexResult(bundle, pages, output)


def _run_pagefind(command: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(f"Søkeindeksen kan ikke bygges: Pagefind kunne ikke kjøres ({error}).") from error


def _entry(bundle: Path) -> dict[str, Any]:
    try:
        return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}

"""«Finn eksempel»: one page that filters all examples by every facet, period and free text.

The page is generated at build time from the schema, so a new facet or vocabulary value shows
up without a code change. It works in two layers:

- Without JavaScript: links to the generated index pages, facet by facet, with counts.
- With JavaScript (``docs/assets/finder.js``): a form with a fieldset per facet, a text box
  and a sort choice, answered by the Pagefind index (see ``search_index.py``). The script
  hides the links and shows the form.

The form is built with the state a first visit needs: every value's count and the newest
:data:`RESULTS_PER_BATCH` examples (a fixed number, never a list of all examples). So opening the
page loads no search index.

Choices without text are answered in the browser from a compact table (:func:`selection_files`):
each example's facet values as small numbers, in the finder's default order, and a short card per
example for the results shown. A phone that ticks «Liten» fetches that table and ten cards (a few
kB), not Pagefind's runtime and filter index (a few hundred kB at 3,000 examples). Pagefind is
loaded only for text; then it answers the text, its filters the counts, as before.

The filter names in the form are the Pagefind filter names, and the query string uses them
too: ``finn/?fylke=vestfold&suksessfaktorer=forankring-og-eierskap&q=startlån``.

«Kommuner som oss» (``?kommune=stord&storrelse=mellomstor``) ranks the same results by likeness to
the visitor's municipality; its data is a separate file (:func:`render_finder`,
``similar_municipalities.py``) that the script loads only when a municipality is named.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from functools import partial

from ..reading.model import Example
from ..reading.schema import Schema
from ..reading.text import sort_key
from .facets import group
from .render import escape, front_matter, link_to
from .reuse import Keep, fresh
from .search_index import (
    MUNICIPALITY_FILTER,
    PAGE_TYPE,
    PERIOD_FILTER,
    SORT_REVIEWED,
    SORT_TITLE,
    TYPE_FILTER,
    filter_values,
    newest_first,
    period_label,
    period_values,
    result_meta,
)
from .similar_municipalities import DATA_URI as MUNICIPALITY_DATA_URI
from .similar_municipalities import size_classes, to_json

FINDER_URI = "finn/index.md"
FINDER_TITLE = "Finn eksempel"
#: Query-string values of the sort choice (the script maps them to Pagefind sorts).
SORTS = [
    ("relevans", "Beste treff"),
    ("likhet", "Kommuner som oss først"),
    ("sist-vurdert", "Sist vurdert, nyeste først"),
    ("tittel", "Tittel (A–Å)"),
]
#: Results shown at a time; «Vis flere eksempler» shows the next ones. Each result shown from
#: the search costs one Pagefind fragment (about 5 kB gzip): this bounds a search's transfer.
RESULTS_PER_BATCH = 10
#: A facet group with more values than this shows only the :data:`SHORT_LIST` values with the most
#: examples, and a button «Vis alle (N)» for the rest (the 15 counties, the 19 themes).
LONG_GROUP = 8
SHORT_LIST = 6
#: The selection table and cards (:func:`selection_files`) live in ``finn/<SELECTION_PREFIX><hash>/``:
#: the folder is named by its content, so a browser never mixes a cached table with new cards.
SELECTION_PREFIX = "utvalg-"
SELECTION_TABLE = "utvalg.json"
#: A facet with at most this many values stores each example's values as one number (bit i = value
#: i; exact in JavaScript up to 2**53); a facet with more stores a list of value numbers.
BITMASK_VALUES = 52
#: What a card carries: what a result shows (``resultItem`` in search-common.js), nothing more.
CARD_META = ("title", "kommune", "fylke", "storrelse", "periode", "oppsummering", "sprak")


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    count: int  # examples with this value (before any filter is chosen)
    uri: str | None  # the value's index page, for the no-JavaScript links
    hint: str = ""  # what the value means, where the format asks for it («Under 5 000 innbyggere»)


@dataclass(frozen=True)
class FinderFacet:
    id: str  # Pagefind filter name and query-string key
    legend: str
    choices: list[Choice]
    overview_uri: str | None = None
    note: str = ""  # a line under the group's title (the facet's intro, where values are explained)

    @property
    def is_long(self) -> bool:
        return len(self.choices) > LONG_GROUP

    def in_order(self) -> list[Choice]:
        """The order the form lists the values in: a long group puts the values with the most
        examples first (the ones shown before «Vis alle»); a short one keeps the vocabulary's order."""
        if not self.is_long:
            return list(self.choices)
        return sorted(self.choices, key=lambda c: -c.count)  # stable: ties keep the vocabulary's order


def finder_facets(examples: list[Example], schema: Schema) -> list[FinderFacet]:
    """Every facet of the schema, in schema order, with every value and its count; then period."""
    facets = []
    for facet in schema.facets:
        values = group(examples, facet, schema)
        choices = [
            Choice(
                v.term.id,
                v.term.label,
                len(v.examples),
                v.uri,
                str(v.term.extra.get("kort", "")).strip().rstrip(".") if facet.explain_values else "",
            )
            for v in values
        ]
        facets.append(
            FinderFacet(
                facet.id,
                schema.fields[facet.field].label,
                choices,
                f"{facet.path}/index.md",
                facet.intro.strip() if facet.explain_values else "",
            )
        )
    decades: dict[str, int] = {}
    for example in examples:
        for decade in period_values(example):
            decades[decade] = decades.get(decade, 0) + 1
    if decades:
        first, last = min(map(int, decades)), max(map(int, decades))
        choices = [
            Choice(str(d), period_label(str(d)), decades.get(str(d), 0), None) for d in range(first, last + 1, 10)
        ]
        facets.append(FinderFacet(PERIOD_FILTER, schema.fields["periode"].label, choices))
    return facets


def render_finder(examples: list[Example], schema: Schema, keep: Keep = fresh) -> tuple[dict[str, str], dict[str, str]]:
    """The finder's page, and the files its script loads when used: the selection table with its
    cards (:func:`selection_files`), and the data of «Kommuner som oss» (municipalities,
    neighbouring counties, sizes). ``keep``: `make serve` takes an example's card and filter values
    made from the same example from the last rebuild (reuse.py)."""
    facets = finder_facets(examples, schema)
    folder, selection = selection_files(examples, schema, facets, keep)
    parts = [
        front_matter(
            title=FINDER_TITLE,
            sok=False,
            hide=["toc"],
            description="Finn boligsosiale eksempler etter fylke, kommunestørrelse, suksessfaktor, "
            "målgruppe, tema, periode og fritekst.",
        ),
        f"# {FINDER_TITLE}\n",
        "Velg det som passer for kommunen din, eller søk med egne ord. Innenfor en gruppe får du "
        "eksempler med minst ett av valgene dine; mellom gruppene må alle passe. Tallet bak hvert valg "
        "viser hvor mange eksempler du får med det.\n",
        _form(
            facets,
            newest_first(examples)[:RESULTS_PER_BATCH],
            len(examples),
            schema,
            table=f"{folder}/{SELECTION_TABLE}",
        ),
        _fallback(facets, len(examples)),
        '<script type="module" src="../assets/finder.js"></script>\n',
    ]
    files = {
        MUNICIPALITY_DATA_URI: to_json(examples, schema),
        **{f"finn/{folder}/{name}": text for name, text in selection.items()},
    }
    return {FINDER_URI: "\n".join(parts)}, files


def selection_files(
    examples: list[Example], schema: Schema, facets: list[FinderFacet], keep: Keep = fresh
) -> tuple[str, dict[str, str]]:
    """The folder name and files that answer choices without text in the browser.

    ``utvalg.json``: the examples in the finder's default order (last reviewed first, as
    :func:`newest_first` and Pagefind's sort), by position:

    - ``fasetter``: facet id -> its value ids; a value's position is its number;
    - ``verdier``: facet id -> per example a number with bit i set for value i (or, for a facet of
      more than :data:`BITMASK_VALUES` values, a list of value numbers);
    - ``tittel``: per example its place in title order (A–Å, as Pagefind's title sort);
    - ``antall``.

    ``<position>.json``: a card per example (its address from the site root, and :data:`CARD_META`).
    The values are :func:`filter_values`, the same the Pagefind filters carry, so both answer
    alike. Only ids, numbers and the cards' text, which the script writes as text, never as HTML.
    """
    ordered = newest_first(examples)
    in_title_order = sorted(range(len(ordered)), key=lambda i: (sort_key(ordered[i].title), ordered[i].slug))
    title_place = [0] * len(ordered)
    for place, i in enumerate(in_title_order):
        title_place[i] = place
    numbers = {facet.id: {choice.id: n for n, choice in enumerate(facet.choices)} for facet in facets}
    # The values' numbers as in the last rebuild: the same object then, so each example's row below
    # is compared with one look (a new decade in «periode» numbers anew).
    layout = tuple((facet.id, tuple(numbers[facet.id])) for facet in facets)
    layout = keep(("finder-layout",), (layout,), lambda: layout)
    columns: dict[str, list] = {facet.id: [] for facet in facets}
    cards = {}
    for position, example in enumerate(ordered):
        values, card = keep(("finder", example.slug), (example, schema), partial(_card, example, schema))
        row = keep(("finder-row", example.slug), (example, schema, layout), partial(_row, values, facets, numbers))
        for facet, value in zip(facets, row, strict=True):
            columns[facet.id].append(value)
        cards[f"{position}.json"] = card
    # The municipalities (not a facet of the form): «Kommuner som oss» lists the visitor's own first.
    towns = sorted({m.id for example in ordered for m in example.municipalities})
    town_number = {town: n for n, town in enumerate(towns)}
    columns[MUNICIPALITY_FILTER] = [
        sorted(town_number[m.id] for m in {m.id: m for m in example.municipalities}.values()) for example in ordered
    ]
    table = _json(
        {
            "antall": len(ordered),
            "fasetter": {**{facet.id: [c.id for c in facet.choices] for facet in facets}, MUNICIPALITY_FILTER: towns},
            "verdier": columns,
            "tittel": title_place,
        }
    )
    digest = hashlib.sha256(table.encode())
    for name in sorted(cards, key=lambda n: int(n.split(".")[0])):
        digest.update(cards[name].encode())
    return f"{SELECTION_PREFIX}{digest.hexdigest()[:12]}", {SELECTION_TABLE: table, **cards}


def _row(values: dict[str, list[str]], facets: list[FinderFacet], numbers: dict[str, dict[str, int]]) -> list:
    """An example's entry in each facet's column of the selection table."""
    row: list = []
    for facet in facets:
        chosen = sorted(numbers[facet.id][v] for v in values.get(facet.id, []) if v in numbers[facet.id])
        row.append(sum(1 << n for n in chosen) if len(facet.choices) <= BITMASK_VALUES else chosen)
    return row


def is_selection_file(uri: str) -> bool:
    """Whether ``uri`` is one of :func:`selection_files` (as :func:`render_finder` names them)."""
    return uri.startswith(f"finn/{SELECTION_PREFIX}")


def _card(example: Example, schema: Schema) -> tuple[dict[str, list[str]], str]:
    """The example's filter values, and its card."""
    meta = result_meta(example, schema)
    card = _json({"url": f"eksempler/{example.slug}/", "meta": {key: meta[key] for key in CARD_META}})
    return filter_values(example, schema), card


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def count_text(count: int) -> str:
    """The status line the script writes for the state without choices."""
    return f"{count} {'eksempel' if count == 1 else 'eksempler'} passer."


def more_text(left: int) -> str:
    return f"Vis flere eksempler ({left} til)"


def result_item(example: Example, schema: Schema) -> str:
    """One result as ``resultItem`` in ``search-common.js`` renders it from Pagefind's metadata.

    Raw HTML (the form is not Markdown), so the link is the built page's address: MkDocs'
    directory URLs, as Pagefind reports them.
    """

    def e(text: str) -> str:  # one line: a blank line would end the form's raw HTML block
        return html.escape(" ".join(text.split()))

    meta = result_meta(example, schema)
    lang = f' lang="{e(example.language)}"' if example.language != "nb" else ""
    facts = " · ".join(v for v in (meta["kommune"], meta["fylke"], meta["storrelse"], meta["periode"]) if v)
    parts = [
        f'<li class="eb-result"{lang}>',
        f'<h3 class="eb-result__title"><a href="../eksempler/{e(example.slug)}/">{e(meta["title"])}</a></h3>',
    ]
    if facts:
        parts.append(f'<p class="eb-result__facts">{e(facts)}</p>')
    if meta["oppsummering"]:
        parts.append(f'<p class="eb-result__summary">{e(meta["oppsummering"])}</p>')
    parts.append("</li>")
    return "".join(parts)


def _form(facets: list[FinderFacet], newest: list[Example], total: int, schema: Schema, table: str = "") -> str:
    """The JavaScript finder: hidden until the script shows it.

    Built in the state without choices (every value's count, the newest examples), so the
    script needs no search index until the visitor changes something. Its parts:

    - the text box, and «Kommuner som oss» (:func:`_similar`);
    - a bar with the number of examples that match, which the stylesheet keeps in view while the
      visitor chooses, and on phones a button «Vis N eksempler» to the results;
    - the facet groups, each opened and closed by its title (a button with ``aria-expanded``);
      long groups show their most used values and «Vis alle (N)»;
    - the results, with the sort choice.
    """
    e = html.escape
    out = [
        f'<form class="eb-finder" id="eb-finder" action="./" method="get" hidden aria-label="Finn eksempel" '
        f'data-type-filter="{e(TYPE_FILTER)}" data-other-type="{e(PAGE_TYPE)}" '
        f'data-sort-reviewed="{e(SORT_REVIEWED)}" data-sort-title="{e(SORT_TITLE)}" '
        f'data-total="{total}" data-page-size="{RESULTS_PER_BATCH}" data-table="{e(table)}">',
        '<div class="eb-finder__query">',
        '<label for="eb-finder-q">Søk med egne ord</label>',
        '<input type="search" id="eb-finder-q" name="q" autocomplete="off" spellcheck="false" '
        'aria-describedby="eb-finder-q-hint">',
        '<p class="eb-finder__hint" id="eb-finder-q-hint">For eksempel «startlån», «bostedsløse» eller et kommunenavn.</p>',
        '<a class="eb-finder__skip" href="#eb-finder-results-title">Hopp over valgene, til eksemplene</a>',
        "</div>",
        _similar(schema),
        # The count stays in view (sticky) while choosing; on phones its button leads to the results.
        '<div class="eb-finder__bar" id="eb-finder-bar">',
        f'<p class="eb-finder__status" id="eb-finder-status" role="status" aria-live="polite" aria-atomic="true">'
        f"{count_text(total)}</p>",
        f'<button type="button" class="eb-finder__show" id="eb-finder-show">{show_text(total)}</button>',
        '<button type="button" class="eb-finder__clear" id="eb-finder-clear" hidden>Fjern alle valg</button>',
        "</div>",
        '<details class="eb-finder__filters" id="eb-finder-filters" open>',
        '<summary>Filtre <span class="eb-finder__chosen" id="eb-finder-chosen"></span></summary>',
    ]
    for facet in facets:
        out += _group(facet)
    out += [
        "</details>",
        '<section class="eb-finder__results" aria-labelledby="eb-finder-results-title">',
        '<div class="eb-finder__results-head">',
        '<h2 id="eb-finder-results-title" tabindex="-1">Eksempler</h2>',
        '<div class="eb-finder__sort">',
        '<label for="eb-finder-sort">Sorter etter</label>',
        '<select id="eb-finder-sort" name="sortering">',
        *[f'<option value="{e(value)}">{e(text)}</option>' for value, text in SORTS],
        "</select>",
        "</div>",
        "</div>",
        # «Mente du …?» and «Ingen eksempler fra Kristiansand ennå», above the examples (finder.js).
        '<div class="eb-finder__answer" id="eb-finder-answer" hidden></div>',
        '<ol class="eb-finder__list" id="eb-finder-list">',
        *[result_item(example, schema) for example in newest],
        "</ol>",
        f'<button type="button" class="eb-finder__more" id="eb-finder-more"{"" if total > len(newest) else " hidden"}>'
        f"{more_text(total - len(newest))}</button>",
        "</section>",
        "</form>",
    ]
    return "\n".join(out) + "\n"


def show_text(count: int) -> str:
    """The phone's button from the choices to the results."""
    return f"Vis {count} {'eksempel' if count == 1 else 'eksempler'}"


def _group(facet: FinderFacet) -> list[str]:
    """One facet: a group whose title is a button that opens and closes it (``aria-expanded``),
    the values with counts, and for a long group «Vis alle (N)» for the values with fewest examples."""
    e = html.escape
    body_id = f"eb-facet-{facet.id}-body"
    values_id = f"eb-facet-{facet.id}-values"
    out = [
        f'<fieldset class="eb-facet" data-facet="{e(facet.id)}">',
        f'<legend class="eb-facet__legend"><button type="button" class="eb-facet__toggle" aria-expanded="true" '
        f'aria-controls="{e(body_id)}"><span class="eb-facet__title">{e(facet.legend)}</span>'
        f'<span class="eb-facet__chosen"></span></button></legend>',
        f'<div class="eb-facet__body" id="{e(body_id)}">',
    ]
    if facet.note:
        out.append(f'<p class="eb-facet__note">{e(facet.note)}</p>')
    out.append(f'<ul class="eb-facet__values" id="{e(values_id)}">')
    for index, choice in enumerate(facet.in_order()):
        cid = f"eb-f-{facet.id}-{choice.id}"
        disabled = " disabled" if choice.count == 0 else ""
        extra = ' class="eb-facet__extra" hidden' if facet.is_long and index >= SHORT_LIST else ""
        described = f' aria-describedby="{e(cid)}-hint"' if choice.hint else ""
        hint = f'<span class="eb-facet__hint" id="{e(cid)}-hint">{e(choice.hint)}</span>' if choice.hint else ""
        out.append(
            f'<li{extra}><input type="checkbox" id="{e(cid)}" name="{e(facet.id)}" value="{e(choice.id)}" '
            f'data-count="{choice.count}"{disabled}{described}>'
            f' <span class="eb-facet__text"><label for="{e(cid)}">{e(choice.label)} '
            f'<span class="eb-facet__count">({choice.count})</span></label>{hint}</span></li>'
        )
    out.append("</ul>")
    if facet.is_long:
        out.append(
            f'<button type="button" class="eb-facet__all" aria-expanded="false" '
            f'aria-controls="{e(values_id)}" data-all="Vis alle ({len(facet.choices)})" '
            f'data-fewer="Vis færre">Vis alle ({len(facet.choices)})</button>'
        )
    out += ["</div>", "</fieldset>"]
    return out


def _similar(schema: Schema) -> str:
    """«Kommuner som oss»: the visitor's municipality and its size class.

    The municipalities come from the register when the visitor starts typing (the JSON at
    :data:`~eksempelbank.website.similar_municipalities.DATA_URI`, filled into the datalist by the script);
    the size classes, with their limits, from the vocabulary.
    """
    e = html.escape
    data = MUNICIPALITY_DATA_URI.removeprefix("finn/")
    options = [
        f'<option value="{e(s["id"])}">{e(s["navn"])}: {e(s["kort"][:1].lower() + s["kort"][1:])}</option>'
        for s in size_classes(schema)
    ]
    return "\n".join(
        [
            f'<fieldset class="eb-som-oss" id="eb-som-oss" data-data="{e(data)}">',
            "<legend>Kommuner som oss</legend>",
            '<p class="eb-finder__hint" id="eb-som-oss-hint">Skriv kommunen din, så kommer eksempler fra kommuner '
            "av samme størrelse i samme fylke først, deretter fra nabofylkene.</p>",
            '<div class="eb-som-oss__fields">',
            '<div class="eb-som-oss__field">',
            '<label for="eb-som-oss-kommune">Kommunen din</label>',
            '<input type="text" id="eb-som-oss-kommune" name="kommune" list="eb-som-oss-kommuner" autocomplete="off" '
            'spellcheck="false" aria-describedby="eb-som-oss-hint eb-som-oss-note">',
            '<datalist id="eb-som-oss-kommuner"></datalist>',
            "</div>",
            '<div class="eb-som-oss__field">',
            '<label for="eb-som-oss-storrelse">Størrelse på kommunen</label>',
            '<select id="eb-som-oss-storrelse" name="storrelse" aria-describedby="eb-som-oss-note">',
            '<option value="">Velg størrelse</option>',
            *options,
            "</select>",
            "</div>",
            "</div>",
            '<p class="eb-som-oss__note" id="eb-som-oss-note"></p>',
            "</fieldset>",
        ]
    )


def _fallback(facets: list[FinderFacet], total: int) -> str:
    """Links to the generated index pages: the page without JavaScript (replaced by the form)."""
    lines = [
        '<div class="eb-finder-fallback" id="eb-finder-fallback" markdown>',
        "",
        f"Eksempelbanken har {total} {'eksempel' if total == 1 else 'eksempler'}. "
        f"Se [alle eksempler](../alle-eksempler/index.md), eller velg blant disse:",
        "",
        "Filtrene, søket og «Kommuner som oss» trenger JavaScript. Uten det finner du kommuner som "
        "ligner din etter fylke og kommunestørrelse nedenfor.",
        "",
    ]
    for facet in facets:
        linked = [(c, c.uri) for c in facet.choices if c.uri and c.count]
        if not linked:
            continue
        lines.append(f"## {escape(facet.legend)}\n")
        for choice, uri in linked:
            lines.append(f"- [{escape(choice.label)}]({link_to(FINDER_URI, uri)}) ({choice.count})")
        if facet.overview_uri:
            lines.append(
                f"- [Alle verdier for {escape(facet.legend.lower())}]({link_to(FINDER_URI, facet.overview_uri)})"
            )
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines) + "\n"

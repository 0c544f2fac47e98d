"""Small charts drawn at build time (no script, no third party): a tile map of the counties and
horizontal bars. They are HTML and CSS (docs/assets/eksempelbank.css), not pictures, so they reflow
and their text keeps its size on a phone (WCAG 1.4.10, 1.4.4): the tile map stands in roughly the
counties' places where there is room and becomes rows of tiles, north to south, where there is
not; each bar's label goes above it on a narrow screen. They repeat the list of values beside them,
which is the text equivalent, so the drawing is hidden from screen readers and kept out of the tab
order."""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path

from .facets import FacetValue


def shade(count: int, largest: int) -> int:
    """The tile's shade, light to dark: 0 for no examples, else 1–4 by quarter of the largest count
    (eb-tile--0 … eb-tile--4 in eksempelbank.css, each with a text colour of 4.5:1 or more on it)."""
    if count == 0 or largest == 0:
        return 0
    return 1 + min(3, (count * 4 - 1) // largest)


def _count_text(count: int) -> str:
    return "ingen" if count == 0 else str(count)


def tile_positions(register_dir: Path) -> dict[str, tuple[int, int]]:
    with (register_dir / "fylkeskart.csv").open(encoding="utf-8", newline="") as handle:
        return {row["fylkesnummer"]: (int(row["kolonne"]), int(row["rad"])) for row in csv.DictReader(handle)}


def tile_map(values: list[FacetValue], positions: dict[str, tuple[int, int]], title: str) -> str:
    """One tile per county in roughly its place on the map (column and row from the register),
    shaded by number of examples; in reading order north to south, which is their order when the
    tiles flow in rows on a narrow screen."""
    largest = max((len(v.examples) for v in values), default=0)
    placed = sorted(values, key=lambda v: (positions[v.term.extra["nummer"]][1], positions[v.term.extra["nummer"]][0]))
    tiles = []
    for value in placed:
        col, row = positions[value.term.extra["nummer"]]
        count = len(value.examples)
        tiles.append(
            f'<a class="eb-tile eb-tile--{shade(count, largest)}" href="{value.term.id}/" tabindex="-1" '
            f'style="--eb-col: {col + 1}; --eb-row: {row + 1}">'
            f'<span class="eb-tile__name">{escape(value.term.label)}</span> '
            f'<span class="eb-tile__count">{_count_text(count)}</span></a>'
        )
    columns = max(col for col, _ in positions.values()) + 1
    return (
        f'<figure class="eb-chart eb-tilemap"><div class="eb-tilemap__tiles" aria-hidden="true" '
        f'style="--eb-cols: {columns}">{"".join(tiles)}</div>'
        f"<figcaption>{escape(title)}. Tallene står også i listen under.</figcaption></figure>"
    )


def bar_chart(values: list[FacetValue], title: str) -> str:
    """One bar per value, its length the share of the largest count."""
    largest = max((len(v.examples) for v in values), default=0) or 1
    rows = []
    for value in values:
        count = len(value.examples)
        rows.append(
            f'<a class="eb-bar" href="{value.term.id}/" tabindex="-1" style="--eb-share: {count / largest:.3f}">'
            f'<span class="eb-bar__name">{escape(value.term.label)}</span> '
            f'<span class="eb-bar__track"><span class="eb-bar__fill"></span>'
            f'<span class="eb-bar__count">{count}</span></span></a>'
        )
    return (
        f'<figure class="eb-chart eb-bars"><div class="eb-bars__rows" aria-hidden="true">{"".join(rows)}</div>'
        f"<figcaption>{escape(title)}. Tallene står også i listen under.</figcaption></figure>"
    )

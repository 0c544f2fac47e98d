"""Small SVG charts drawn at build time (no script, no third party): a tile map of the counties
and horizontal bars. They repeat the list of values beside them, which is the text equivalent,
so the drawing is hidden from screen readers and kept out of the tab order."""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path

from .facets import FacetValue

_TILE, _GAP = 86, 6
_DARK_TEXT, _LIGHT_TEXT = "#1b2730", "#ffffff"
# Light to dark; text colour picked for ≥ 4.5:1 contrast on each.
_SCALE = [("#e9eef1", _DARK_TEXT), ("#b7d3e0", _DARK_TEXT), ("#6fa7c2", _DARK_TEXT), ("#1a6a8c", _LIGHT_TEXT),
          ("#004b6b", _LIGHT_TEXT)]


def _shade(count: int, largest: int) -> tuple[str, str]:
    if count == 0 or largest == 0:
        return _SCALE[0]
    return _SCALE[1 + min(3, (count * 4 - 1) // largest)]


def _count_text(count: int) -> str:
    return "ingen" if count == 0 else str(count)


def tile_positions(register_dir: Path) -> dict[str, tuple[int, int]]:
    with (register_dir / "fylkeskart.csv").open(encoding="utf-8", newline="") as handle:
        return {row["fylkesnummer"]: (int(row["kolonne"]), int(row["rad"])) for row in csv.DictReader(handle)}


def tile_map(values: list[FacetValue], positions: dict[str, tuple[int, int]], title: str) -> str:
    """One square per county in roughly its place on the map, shaded by number of examples."""
    largest = max((len(v.examples) for v in values), default=0)
    cols = max(c for c, _ in positions.values()) + 1
    rows = max(r for _, r in positions.values()) + 1
    width, height = cols * (_TILE + _GAP), rows * (_TILE + _GAP)
    tiles = []
    for value in values:
        col, row = positions[value.term.extra["nummer"]]
        x, y = col * (_TILE + _GAP), row * (_TILE + _GAP)
        fill, ink = _shade(len(value.examples), largest)
        words = value.term.label.split(" og ")
        label_lines = [words[0]] if len(words) == 1 else [words[0] + " og", words[1]]
        text = "".join(f'<tspan x="{x + _TILE / 2}" dy="{0 if i == 0 else 14}">{escape(line)}</tspan>'
                       for i, line in enumerate(label_lines))
        tiles.append(
            f'<a href="{value.term.id}/" tabindex="-1">'
            f'<rect x="{x}" y="{y}" width="{_TILE}" height="{_TILE}" rx="6" fill="{fill}"/>'
            f'<text x="{x + _TILE / 2}" y="{y + 30}" text-anchor="middle" font-size="12" fill="{ink}">{text}</text>'
            f'<text x="{x + _TILE / 2}" y="{y + 70}" text-anchor="middle" font-size="22" font-weight="700" '
            f'fill="{ink}">{_count_text(len(value.examples))}</text></a>'
        )
    return (f'<figure class="eb-chart eb-tilemap"><svg viewBox="0 0 {width} {height}" width="{width}" '
            f'aria-hidden="true" focusable="false">{"".join(tiles)}</svg>'
            f'<figcaption>{escape(title)}. Tallene står også i listen under.</figcaption></figure>')


def bar_chart(values: list[FacetValue], title: str) -> str:
    largest = max((len(v.examples) for v in values), default=0) or 1
    label_width, bar_width, row_height = 230, 300, 30
    rows = []
    for i, value in enumerate(values):
        y = i * row_height
        length = bar_width * len(value.examples) / largest
        rows.append(
            f'<a href="{value.term.id}/" tabindex="-1">'
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" font-size="14" fill="{_DARK_TEXT}">'
            f'{escape(value.term.label)}</text>'
            f'<rect x="{label_width}" y="{y + 5}" width="{length:.1f}" height="{row_height - 10}" fill="#004b6b"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 19}" font-size="14" fill="{_DARK_TEXT}">'
            f'{len(value.examples)}</text></a>'
        )
    width, height = label_width + bar_width + 40, len(values) * row_height
    return (f'<figure class="eb-chart eb-bars"><svg viewBox="0 0 {width} {height}" width="{width}" '
            f'aria-hidden="true" focusable="false">{"".join(rows)}</svg>'
            f'<figcaption>{escape(title)}. Tallene står også i listen under.</figcaption></figure>')

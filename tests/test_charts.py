"""The overview charts (eksempelbank/website/charts.py): every value drawn once, with its count, its place
and its shade; the tile map in reading order, north to south, so its tiles flow in that order on a
narrow screen. Expectations come from the register and the examples, not from the chart code."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from eksempelbank.reading.schema import Term
from eksempelbank.website import charts
from eksempelbank.website.facets import FacetValue, group

TILE = re.compile(
    r'<a class="eb-tile eb-tile--(\d)" href="([^"]+)/" tabindex="-1" '
    r'style="--eb-col: (\d+); --eb-row: (\d+)"><span class="eb-tile__name">([^<]*)</span> '
    r'<span class="eb-tile__count">([^<]*)</span></a>'
)
BAR = re.compile(
    r'<a class="eb-bar" href="([^"]+)/" tabindex="-1" style="--eb-share: ([\d.]+)">'
    r'<span class="eb-bar__name">([^<]*)</span> <span class="eb-bar__track"><span class="eb-bar__fill">'
    r'</span><span class="eb-bar__count">(\d+)</span></span></a>'
)


def facet(schema, chart):
    return next(f for f in schema.facets if f.chart == chart)


def test_tile_map_places_every_county_as_the_register_says_north_to_south(schema, examples):
    register = Path(schema.data_dir) / "register"
    with (register / "fylkeskart.csv").open(encoding="utf-8", newline="") as handle:
        places = {row["fylkesnummer"]: (int(row["kolonne"]), int(row["rad"])) for row in csv.DictReader(handle)}
    values = group(examples, facet(schema, "fylkeskart"), schema)
    html = charts.tile_map(values, charts.tile_positions(register), "Fylker")
    tiles = TILE.findall(html)
    assert len(tiles) == len(values) == len(schema.register.counties)
    by_id = {v.term.id: v for v in values}
    drawn = []
    for _shade, slug, col, row, name, count in tiles:
        value = by_id[slug]
        assert name == value.term.label
        assert count == (str(len(value.examples)) if value.examples else "ingen")
        assert (int(col) - 1, int(row) - 1) == places[value.term.extra["nummer"]]
        drawn.append((int(row), int(col)))
    assert drawn == sorted(drawn), "flisene står i leserekkefølge, fra nord til sør"
    columns = max(col for col, _ in places.values()) + 1
    assert f'class="eb-tilemap__tiles" aria-hidden="true" style="--eb-cols: {columns}"' in html


def test_shades_run_from_none_to_the_largest_count():
    def value(n, count):
        return FacetValue(None, Term(f"f{n}", f"Fylke {n}", {"nummer": f"{n:02d}"}), [object()] * count)

    counts = [0, 1, 3, 5, 8, 12]
    values = [value(n, c) for n, c in enumerate(counts)]
    positions = {f"{n:02d}": (n % 5, n // 5) for n in range(len(counts))}
    shades = {name: int(shade) for shade, _, _, _, name, _ in TILE.findall(charts.tile_map(values, positions, "x"))}
    ordered = [shades[f"Fylke {n}"] for n in range(len(counts))]
    assert ordered[0] == 0 and all(s > 0 for s in ordered[1:])
    assert ordered == sorted(ordered), "flere eksempler gir aldri en lysere flis"
    assert ordered[-1] == 4 and max(ordered) == 4


def test_bars_are_the_share_of_the_largest_count_and_names_are_escaped(schema, examples):
    values = group(examples, facet(schema, "stolper"), schema)
    html = charts.bar_chart(values, "Suksessfaktorer")
    bars = BAR.findall(html)
    assert [slug for slug, *_ in bars] == [v.term.id for v in values]
    largest = max(len(v.examples) for v in values)
    for (_slug, share, name, count), value in zip(bars, values, strict=True):
        assert name == value.term.label and int(count) == len(value.examples)
        assert float(share) == pytest.approx(len(value.examples) / largest, abs=0.001)
    hostile = [FacetValue(None, Term("x", "<b>A & B</b>"), [])]
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in charts.bar_chart(hostile, "<t>")
    assert "<b>" not in charts.bar_chart(hostile, "<t>")

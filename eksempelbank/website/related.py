"""«Lignende eksempler»: for each example, up to five others sharing the most facet values.

Score = number of shared success factors, target groups and themes; ties go to the same
municipality (another page about the same work), then the same county, then the same
municipality size, then title order.

Comparing every pair in Python would grow with N² (9 million pairs at 3,000 examples).
Instead each facet value is a bitset over all examples (a Python int), and an example's
scores against all others are counted at once with bit-sliced addition of its values'
bitsets: a few dozen big-int operations per example, each over N/64 machine words.
"""

from __future__ import annotations

from itertools import product

from ..reading.model import Example
from ..reading.schema import Schema
from .facets import sort_examples

SCORED_FIELDS = ("suksessfaktorer", "malgrupper", "tema")


def _bits_ascending(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _masks(examples: list[Example], field: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for index, example in enumerate(examples):
        for value in example.facet_values(field):
            masks[value] = masks.get(value, 0) | (1 << index)
    return masks


def related_examples(examples: list[Example], schema: Schema | None = None, limit: int = 5) -> dict[str, list[Example]]:
    ordered = sort_examples(examples)  # bit i = ordered[i]; ascending bits = title order
    full = (1 << len(ordered)) - 1
    postings = {field: _masks(ordered, field) for field in SCORED_FIELDS}
    municipalities: dict[str, int] = {}
    for index, example in enumerate(ordered):
        for m in example.municipalities:
            municipalities[m.number] = municipalities.get(m.number, 0) | (1 << index)
    counties = _masks(ordered, "fylke")
    sizes = _masks(ordered, "kommunestorrelse")
    result: dict[str, list[Example]] = {}

    for index, example in enumerate(ordered):
        value_masks = [postings[f][v] for f in SCORED_FIELDS for v in example.facet_values(f)]
        planes: list[int] = []  # planes[b] = examples whose shared count has bit b set
        for carry in value_masks:
            for b in range(len(planes)):
                planes[b], carry = planes[b] ^ carry, planes[b] & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        others = full & ~(1 << index)
        same_county = 0
        for county in example.facet_values("fylke"):
            same_county |= counties[county]
        same_size = sizes.get(example.values.get("kommunestorrelse", ""), 0)
        same_municipality = 0
        for m in example.municipalities:
            same_municipality |= municipalities[m.number]
        # Tiers among equal scores: same municipality, county, size (each yes before no), as bit masks.
        tiers = [
            (same_municipality if m else ~same_municipality)
            & (same_county if c else ~same_county)
            & (same_size if z else ~same_size)
            for m, c, z in product((True, False), repeat=3)
        ]

        chosen: list[int] = []
        for score in range(len(value_masks), 0, -1):
            mask = others
            for b, plane in enumerate(planes):
                mask &= plane if (score >> b) & 1 else ~plane
            if not mask:
                continue
            for tier in tiers:
                for other in _bits_ascending(mask & tier):
                    chosen.append(other)
                    if len(chosen) == limit:
                        break
                if len(chosen) == limit:
                    break
            if len(chosen) == limit:
                break
        result[example.slug] = [ordered[i] for i in chosen]
    return result

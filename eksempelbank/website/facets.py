"""Group examples by facet value (county, size, success factor, ...), declared as data."""

from __future__ import annotations

from dataclasses import dataclass

from ..reading.model import Example
from ..reading.schema import FacetSpec, Schema, Term
from ..reading.text import sort_key


@dataclass
class FacetValue:
    facet: FacetSpec
    term: Term
    examples: list[Example]

    @property
    def uri(self) -> str:
        """Source path of the value's page, e.g. ``fylker/vestfold.md``."""
        return f"{self.facet.path}/{self.term.id}.md"


def sort_examples(examples: list[Example]) -> list[Example]:
    return sorted(examples, key=lambda e: (sort_key(e.title), e.slug))


def group(examples: list[Example], facet: FacetSpec, schema: Schema) -> list[FacetValue]:
    """Every value of the facet in vocabulary order, each with its examples (possibly none)."""
    vocabulary = schema.vocabulary_for(facet)
    by_value: dict[str, list[Example]] = {term.id: [] for term in vocabulary}
    for example in sort_examples(examples):  # sorted once: each value's examples keep this order
        for value in example.facet_values(facet.field):
            by_value[value].append(example)
    return [FacetValue(facet, term, by_value[term.id]) for term in vocabulary]


def label(schema: Schema, facet: FacetSpec, value_id: str) -> str:
    return schema.vocabulary_for(facet).label(value_id)

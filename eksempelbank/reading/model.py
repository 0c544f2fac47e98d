"""A validated example, with every value normalized to the vocabularies' identifiers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .body import Section
from .register import FormerMunicipality, Municipality


@dataclass
class Example:
    slug: str
    source_path: str  # e.g. examples/stord-helhetlig-boligsosialt-arbeid.md
    title: str
    municipalities: list[Municipality]
    former_municipalities: list[FormerMunicipality]
    language: str
    summary: str
    reviewed: date
    period_start: int
    period_end: int | None  # None while ongoing
    body: str
    #: Front-matter values by field name, normalized (vocabulary ids, county ids, ...).
    values: dict[str, Any] = field(default_factory=dict)
    #: The body's H2 sections as published: checked HTML (see body.render_body).
    sections: list[Section] = field(default_factory=list)
    #: Line of each front-matter field in the file, for messages across files.
    field_lines: dict[str, int] = field(default_factory=dict)

    def facet_values(self, field_name: str) -> list[str]:
        """The identifiers this example carries for a facet's field, as a list."""
        value = self.values.get(field_name)
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]

    @property
    def ongoing(self) -> bool:
        return self.period_end is None

    @property
    def period_label(self) -> str:
        if self.period_end is None:
            return f"{self.period_start}–pågår"
        if self.period_end == self.period_start:
            return str(self.period_start)
        return f"{self.period_start}–{self.period_end}"

    @property
    def municipality_label(self) -> str:
        """ "Drammen" or "Nedre Eiker, nå Drammen" or "Drammen og Lier"."""
        names = [m.name for m in self.municipalities]
        label = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
        if self.former_municipalities:
            old = ", ".join(f.name for f in self.former_municipalities)
            return f"{old}, nå {label}"
        return label

    @property
    def url_path(self) -> str:
        return f"eksempler/{self.slug}/"

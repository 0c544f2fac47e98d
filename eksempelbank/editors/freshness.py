"""Which examples are due for a new review (``eksempelbank ferskhet``).

The limit is data: ``stale_after_years`` and ``warn_before_days`` on ``sist_vurdert`` in
``data/eksempelformat.yml``. The rule itself lives once in ``reading/staleness.py``, so the check's
warning and this list always agree on the day an example turns stale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

from ..reading.model import Example
from ..reading.schema import FieldSpec, Schema
from ..reading.staleness import stale_since
from .markdown_text import markdown_text, one_line

REVIEW_FIELD = "sist_vurdert"
NOTHING_DUE = "Ingen eksempler må vurderes på nytt nå."  # a workflow looks for «Ingen eksempler»


@dataclass(frozen=True)
class Due:
    example: Example
    limit: date  # first day past the limit (already passed for stale ones)

    @property
    def reviewed(self) -> date:
        return self.example.reviewed


def review_spec(schema: Schema) -> FieldSpec:
    return schema.fields[REVIEW_FIELD]


def due_for_review(examples: list[Example], schema: Schema, today: date) -> tuple[list[Due], list[Due]]:
    """(past the limit, passing it within ``warn_before_days``), each oldest first."""
    spec = review_spec(schema)
    if not spec.stale_after_years:
        return [], []
    window = timedelta(days=spec.warn_before_days or 0)
    stale, soon = [], []
    for example in examples:
        limit = stale_since(example.reviewed, spec.stale_after_years)
        if today >= limit:
            stale.append(Due(example, limit))
        elif limit - today <= window:
            soon.append(Due(example, limit))
    order = lambda due: (due.reviewed, due.example.source_path)  # noqa: E731
    return sorted(stale, key=order), sorted(soon, key=order)


def _days(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dager"


def _count(n: int) -> str:
    return f"{n} eksempel" if n == 1 else f"{n} eksempler"


def _when(due: Due, today: date) -> str:
    if due.limit <= today:
        return f"over grensen siden {due.limit.isoformat()}"
    return f"passerer grensen {due.limit.isoformat()} (om {_days((due.limit - today).days)})"


def _headings(schema: Schema) -> tuple[str, str]:
    spec = review_spec(schema)
    return (
        f"Sist vurdert for mer enn {spec.stale_after_years} år siden",
        f"Passerer grensen innen {_days(spec.warn_before_days or 0)}",
    )


def _groups(schema: Schema, stale: list[Due], soon: list[Due]) -> list[tuple[str, list[Due]]]:
    """The headed groups that have examples in them: past the limit, then soon past it."""
    return [(heading, items) for heading, items in zip(_headings(schema), (stale, soon), strict=True) if items]


def render_text(stale: list[Due], soon: list[Due], schema: Schema, today: date) -> str:
    """For the terminal: one block per example, title first."""
    if not stale and not soon:
        return NOTHING_DUE + "\n"
    lines = []
    for heading, items in _groups(schema, stale, soon):
        lines += [f"{heading} ({_count(len(items))}):", ""]
        for due in items:
            example = due.example
            lines.append(f"  {one_line(example.title)}")
            lines.append(
                f"    {example.source_path} · {one_line(example.municipality_label)} · sist vurdert "
                f"{due.reviewed.isoformat()} · {_when(due, today)}"
            )
        lines.append("")
    return "\n".join(lines)


def render_markdown(
    stale: list[Due], soon: list[Due], schema: Schema, today: date, link_base: str | None = None
) -> str:
    """A GitHub issue body: what to do, then a task list with a link to each file.

    ``link_base`` (``https://github.com/eier/navn/blob/main/``) makes the links work from an issue;
    without it they are relative to the repository.
    """
    if not stale and not soon:
        return NOTHING_DUE + "\n"
    spec = review_spec(schema)
    lines = [
        "## Eksempler som bør vurderes på nytt",
        "",
        f"Et eksempel skal gås gjennom på nytt senest {spec.stale_after_years} år etter datoen i "
        f"`{REVIEW_FIELD}`. Lista er laget {today.isoformat()}. For hvert eksempel:",
        "",
        "1. Les eksempelet opp mot kildene (under `kilder` og `lenker`): stemmer tall, navn, årstall og "
        "nettadresser fortsatt?",
        f"2. Rett det som er utdatert, og sett `{REVIEW_FIELD}` til datoen du gikk gjennom eksempelet (ÅÅÅÅ-MM-DD).",
        "3. Åpne en pull request med endringen. Kryss av eksempelet her når den er slått sammen.",
        "",
    ]
    for heading, items in _groups(schema, stale, soon):
        lines += [f"### {heading} ({len(items)})", ""]
        for due in items:
            example = due.example
            target = (link_base or "") + quote(example.source_path)
            # A published example's path is its slug (a-z, 0-9, -), so a code span is safe and readable.
            lines.append(
                f"- [ ] [{markdown_text(example.title)}]({target}) – `{example.source_path}` – "
                f"{markdown_text(example.municipality_label)} – sist vurdert {due.reviewed.isoformat()}, "
                f"{_when(due, today)}"
            )
        lines.append("")
    return "\n".join(lines)


def render_json(stale: list[Due], soon: list[Due], today: date) -> str:
    """For workflows: they decide from these counts, never by searching text that holds titles."""

    def item(due: Due) -> dict:
        return {
            "fil": due.example.source_path,
            "tittel": due.example.title,
            "sist_vurdert": due.reviewed.isoformat(),
            "grense": due.limit.isoformat(),
        }

    return (
        json.dumps(
            {
                "dato": today.isoformat(),
                "antall_for_gamle": len(stale),
                "antall_snart": len(soon),
                "for_gamle": [item(d) for d in stale],
                "snart": [item(d) for d in soon],
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )

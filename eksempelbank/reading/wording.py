"""Wording check: no notes about the writer's own reading in a published example.

«resten av avsnittet var ikke lesbart» or «teksten som er lest, stopper her» tell the reader what the
writer could read, not what the source says. Such passages give a warning (not an error), with the
file, the line and the words found. The phrases are data (``data/skrivemaate.yml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .problems import WARNING, Problem
from .schema import Schema

FIELD = "skrivemåte"


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every phrase: whole words, any case, any whitespace (a line break too) between words."""
    alternatives = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases if p.split()}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def find_process_notes(text: str, schema: Schema) -> list[tuple[int, str]]:
    """(1-based line, the words as written) for each phrase from ``arbeidsnotater`` in ``text``."""
    rules = (schema.wording or {}).get("arbeidsnotater") or {}
    pattern = _pattern(tuple(str(p) for p in rules.get("fraser") or ()))
    if pattern is None:
        return []
    found, line, last = [], 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        found.append((line, " ".join(match.group(0).split())))
    return found


def check_wording(text: str, schema: Schema, display: str) -> list[Problem]:
    rules = (schema.wording or {}).get("arbeidsnotater") or {}
    explanation = " ".join(str(rules.get("melding", "")).split())
    return [Problem(display, line, FIELD, f"Vendingen «{words}» {explanation}".rstrip(), WARNING)
            for line, words in find_process_notes(text, schema)]

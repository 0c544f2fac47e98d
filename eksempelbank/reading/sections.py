"""Check the body's H2 sections against Veiviseren's standard sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .problems import Problem
from .schema import Schema
from .text import did_you_mean, fold

_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass
class Heading:
    level: int
    title: str
    line: int


def headings(body: str, first_line: int) -> list[Heading]:
    """Every heading, as the renderer reads the body: it has no fenced code blocks (``fenced_code``
    is not among the format's Markdown extensions), so a ``` line is text, not the start of code."""
    return [heading for heading, _ in _scan_headings(body, first_line)]


_MARKS = {"#", "=", "-"}


@lru_cache(maxsize=4096)  # heading lines repeat from example to example («## Resultat»)
def _atx(line: str) -> tuple[bool, tuple[int, str] | None]:
    """Whether ``line`` matches _ATX at all, and the (level, title) of the heading when it has a title."""
    match = _ATX.match(line)
    if not match:
        return False, None
    title = (match.group(2) or "").strip()
    return True, ((len(match.group(1)), title) if title else None)


# After a line break: an ATX heading (#) or a setext underline (=== or ---). Bullets ("- punkt") do not
# match, so only the heading lines are looked at, found at C speed.
_HEADING_START = re.compile(r"\n[^\S\n]{0,3}(?:#|=+[^\S\n]*(?=\n|\Z)|-+[^\S\n]*(?=\n|\Z))")
_NOT_SPACE = re.compile(r"\S")


def _scan_headings(body: str, first_line: int) -> list[tuple[Heading, int]]:
    """Each heading with the offset where its line starts."""
    starts = [match.start() + 1 for match in _HEADING_START.finditer(body)]
    if body[:1] in _MARKS or (body[:1].isspace() and body[:1] != "\n"):
        starts.insert(0, 0)
    found: list[tuple[Heading, int]] = []
    number, counted = first_line, 0
    for start in starts:
        number += body.count("\n", counted, start)
        counted = start
        end = body.find("\n", start)
        line = body[start:] if end == -1 else body[start:end]
        heading = _atx(line)[1]
        if heading:
            found.append((Heading(heading[0], heading[1], number), start))
            continue
        setext = _SETEXT.match(line)
        if setext and start > 0:
            before_start = body.rfind("\n", 0, start - 1) + 1
            before = body[before_start : start - 1]
            if before.strip() and not _atx(before)[0]:
                level = 1 if setext.group(1).startswith("=") else 2
                found.append((Heading(level, before.strip(), number - 1), before_start))
    return found


@lru_cache(maxsize=16)
def _title_keys(titles: tuple[str, ...]) -> tuple[dict[str, str], list[str], dict[str, int]]:
    """Each title by its folded form (the first title wins), the folded forms in order, and each
    title's position (as ``titles.index``)."""
    by_key: dict[str, str] = {}
    positions: dict[str, int] = {}
    for index, title in enumerate(titles):
        by_key.setdefault(fold(title), title)
        positions.setdefault(title, index)
    return by_key, [fold(title) for title in titles], positions


def check_sections(
    body: str, first_line: int, language: str, schema: Schema, display: str
) -> tuple[list[str], list[tuple[str, int]], list[Problem]]:
    """The known sections in the order they occur; every H2 as (title, line), with the format's
    spelling where the heading is a known section (what body.render_body cuts the body at); and
    the problems found."""
    problems: list[Problem] = []
    known = schema.section_titles(language)
    other_language = schema.section_titles("nb" if language == "nn" else "nn")
    form = "nynorsk" if language == "nn" else "bokmål"

    def error(line: int, field: str | None, message: str) -> None:
        problems.append(Problem(display, line, field, message))

    # The body is not split into lines: headings are found by pattern, sections are slices of the body.
    located = _scan_headings(body, first_line)
    all_headings = [heading for heading, _ in located]
    line_start = {heading.line: start for heading, start in located}

    def between(after: int | None, before: int | None) -> str:
        """The text strictly between two heading lines (None: the start or the end)."""
        start = 0 if after is None else body.find("\n", line_start[after]) + 1 or len(body)
        return body[start:] if before is None else body[start : line_start[before]]

    heading_lines = {h.line for h in all_headings}
    first_h2 = next((h.line for h in all_headings if h.level == 2), None)
    stray = None
    if between(None, first_h2).strip():
        texts = body.split("\n")
        before_h2 = len(texts) if first_h2 is None else first_h2 - first_line
        stray = next(
            (first_line + i for i in range(before_h2) if texts[i].strip() and first_line + i not in heading_lines), None
        )
    if stray is not None:
        error(stray, None, f"Tekst før første avsnitt. Start brødteksten med «## {known[0]}».")
    known_by_key, _, position = _title_keys(tuple(known))
    other_keys = _title_keys(tuple(other_language))[1]

    seen: dict[str, int] = {}
    order: list[str] = []
    for heading in all_headings:
        if heading.level == 1:
            error(
                heading.line,
                heading.title,
                "Bruk ikke overskrift på nivå 1 (#): tittelen kommer fra feltet «tittel». "
                "Avsnitt skrives med ## foran.",
            )
            continue
        if heading.level != 2:
            continue
        key = fold(heading.title)
        title = known_by_key.get(key)
        if title is None:
            if key in other_keys:
                index = other_keys.index(key)
                error(
                    heading.line,
                    heading.title,
                    f"Eksempelet er på {form} (sprak: {language}); skriv overskriften «## {known[index]}».",
                )
            else:
                guess = did_you_mean(heading.title, known, cutoff=0.5)
                hint = f" Mente du «{guess}»?" if guess else ""
                error(
                    heading.line,
                    heading.title,
                    f"Ukjent avsnitt.{hint} Standardavsnittene er: {', '.join(known)}. "
                    "Bruk ### for underoverskrifter i et avsnitt.",
                )
            continue
        if title in seen:
            error(heading.line, title, f"Avsnittet står to ganger (første gang på linje {seen[title]}).")
            continue
        if order and position[title] < position[order[-1]]:
            error(
                heading.line,
                title,
                f"Avsnittet står etter «{order[-1]}», men skal komme før. Rekkefølgen er: {', '.join(known)}.",
            )
        seen[title] = heading.line
        order.append(title)

    # Empty sections: a heading followed directly by the next H2 or the end.
    h2 = [h for h in all_headings if h.level == 2]
    for index, heading in enumerate(h2):
        end = h2[index + 1].line if index + 1 < len(h2) else None
        section = between(heading.line, end)
        if not _NOT_SPACE.search(section):
            error(heading.line, heading.title, "Avsnittet er tomt. Skriv innhold, eller fjern overskriften.")
        elif "<!--" in section and not _COMMENT.sub("", "\n".join(t for t in section.split("\n") if t.strip())).strip():
            error(
                heading.line,
                heading.title,
                "Avsnittet har bare hjelpeteksten fra malen. Skriv innhold, eller fjern "
                "avsnittet hvis det er valgfritt.",
            )

    for spec in schema.sections:
        title = spec.title_in(language)
        if spec.required and title not in seen:
            later = [seen[t] for t in known[known.index(title) + 1 :] if t in seen]
            line = min(later) if later else first_line + body.count("\n")  # else: the last line
            error(line, title, f"Mangler påkrevd avsnitt «## {title}». {spec.hint}")
    h2s = [(known_by_key.get(fold(h.title), h.title), h.line) for h in all_headings if h.level == 2]
    return order, h2s, problems

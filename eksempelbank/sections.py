"""Check the body's H2 sections against Veiviseren's standard sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_lines import prose_lines
from .problems import WARNING, Problem
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
    found: list[Heading] = []
    previous: tuple[int, str] | None = None
    for number, line in prose_lines(body, first_line):
        match = _ATX.match(line)
        if match and (match.group(2) or "").strip():
            found.append(Heading(len(match.group(1)), match.group(2).strip(), number))
            previous = None
            continue
        setext = _SETEXT.match(line)
        if setext and previous and previous[1].strip() and not _ATX.match(previous[1]):
            level = 1 if setext.group(1).startswith("=") else 2
            found.append(Heading(level, previous[1].strip(), previous[0]))
        previous = (number, line)
    return found


def check_sections(body: str, first_line: int, language: str, schema: Schema, display: str) -> tuple[list[str], list[Problem]]:
    """The known sections in the order they occur, and the problems found."""
    problems: list[Problem] = []
    known = schema.section_titles(language)
    other_language = schema.section_titles("nb" if language == "nn" else "nn")
    form = "nynorsk" if language == "nn" else "bokmål"

    def error(line: int, field: str | None, message: str) -> None:
        problems.append(Problem(display, line, field, message))

    lines = list(prose_lines(body, first_line))
    all_headings = headings(body, first_line)
    first_h2 = next((h.line for h in all_headings if h.level == 2), None)
    stray = [n for n, text in lines if text.strip() and (first_h2 is None or n < first_h2)
             and not any(h.line == n for h in all_headings)]
    if stray:
        error(stray[0], None, f"Tekst før første avsnitt. Start brødteksten med «## {known[0]}».")

    seen: dict[str, int] = {}
    order: list[str] = []
    for heading in all_headings:
        if heading.level == 1:
            error(heading.line, heading.title,
                  "Bruk ikke overskrift på nivå 1 (#): tittelen kommer fra feltet «tittel». "
                  "Avsnitt skrives med ## foran.")
            continue
        if heading.level != 2:
            continue
        title = next((k for k in known if fold(k) == fold(heading.title)), None)
        if title is None:
            if any(fold(o) == fold(heading.title) for o in other_language):
                index = [fold(o) for o in other_language].index(fold(heading.title))
                error(heading.line, heading.title,
                      f"Eksempelet er på {form} (sprak: {language}); skriv overskriften «## {known[index]}».")
            else:
                guess = did_you_mean(heading.title, known, cutoff=0.5)
                hint = f" Mente du «{guess}»?" if guess else ""
                error(heading.line, heading.title,
                      f"Ukjent avsnitt.{hint} Standardavsnittene er: {', '.join(known)}. "
                      "Bruk ### for underoverskrifter i et avsnitt.")
            continue
        if title in seen:
            error(heading.line, title, f"Avsnittet står to ganger (første gang på linje {seen[title]}).")
            continue
        if order and known.index(title) < known.index(order[-1]):
            error(heading.line, title,
                  f"Avsnittet står etter «{order[-1]}», men skal komme før. Rekkefølgen er: {', '.join(known)}.")
        seen[title] = heading.line
        order.append(title)

    # Empty sections: a heading followed directly by the next H2 or the end.
    h2 = [h for h in all_headings if h.level == 2]
    for index, heading in enumerate(h2):
        end = h2[index + 1].line if index + 1 < len(h2) else None
        content = "\n".join(t for n, t in lines if n > heading.line and (end is None or n < end) and t.strip())
        if not content:
            error(heading.line, heading.title, "Avsnittet er tomt. Skriv innhold, eller fjern overskriften.")
        elif not _COMMENT.sub("", content).strip():
            problems.append(Problem(display, heading.line, heading.title,
                                    "Avsnittet har bare hjelpeteksten fra malen. Skriv innhold, eller fjern "
                                    "avsnittet hvis det er valgfritt.", WARNING))

    last_line = first_line + body.count("\n")
    for spec in schema.sections:
        title = spec.title_in(language)
        if spec.required and title not in seen:
            later = [seen[t] for t in known[known.index(title) + 1:] if t in seen]
            line = min(later) if later else last_line
            error(line, title, f"Mangler påkrevd avsnitt «## {title}». {spec.hint}")
    return order, problems

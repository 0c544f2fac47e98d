"""Walk Markdown source line by line, knowing which lines are inside fenced code blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line number, text) for every line outside fenced code blocks."""
    if "```" not in body and "~~~" not in body:  # no fence at all: every line (the common case)
        return enumerate(body.split("\n"), start=first_line)
    return _outside_fences(body, first_line)


def prose_columns(body: str, first_line: int) -> tuple[Sequence[int], list[str]]:
    """``prose_lines`` as two columns, line numbers and texts: cheaper than tuples for long bodies."""
    if "```" not in body and "~~~" not in body:
        texts = body.split("\n")
        return range(first_line, first_line + len(texts)), texts
    pairs = list(_outside_fences(body, first_line))
    return [n for n, _ in pairs], [t for _, t in pairs]


def _outside_fences(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if match and match.group(1).startswith(fence):
                fence = None
            continue
        yield first_line + offset, line


def without_inline_code(line: str) -> str:
    """The line with `inline code` blanked out: code is shown, never run."""
    return re.sub(r"(`+)(.+?)\1", lambda m: " " * len(m.group(0)), line)

"""Walk Markdown source line by line, knowing which lines are inside fenced code blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line number, text) for every line outside fenced code blocks."""
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

"""The web addresses the examples point to (``eksempelbank lenker``), for the weekly link check."""

from __future__ import annotations

from ..reading.model import Example

GONE = "nedlagt"  # the site at `url` is closed: nothing to check there


def external_links(examples: list[Example]) -> list[tuple[str, str]]:
    """(url, file) for every address under ``kilder`` and ``lenker``, sorted and unique; entries
    marked ``nedlagt`` are left out."""
    found: set[tuple[str, str]] = set()
    for example in examples:
        for field in ("kilder", "lenker"):
            for entry in example.values.get(field) or []:
                if entry.get("url") and GONE not in entry:
                    found.add((entry["url"], example.source_path))
    return sorted(found)


def render_links(links: list[tuple[str, str]], with_file: bool = False) -> str:
    lines = [f"{url}\t{file}" for url, file in links] if with_file else sorted({url for url, _ in links})
    return "".join(line + "\n" for line in lines)

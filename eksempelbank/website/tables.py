"""Wide tables scroll sideways in a box of their own, as Material's script wrapped them on load.

Done when the page is written, not by a script: the page is drawn once, in its final layout, with or
without JavaScript. ``assets/eksempelbank.js`` then makes a box that is wider than the screen
reachable by keyboard, with a name. The markup is Material's (``md-typeset__scrollwrap`` and
``md-typeset__table``), so its stylesheet lays the table out as before.
"""

from __future__ import annotations

import re

# Tags only: the text between them is already escaped HTML (a "<table" in a text is "&lt;table").
_TABLE_TAG = re.compile(r"<(/?)table\b([^>]*)>", re.IGNORECASE)
_CLASS = re.compile(r"\bclass\s*=", re.IGNORECASE)
OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
CLOSE = "</div></div>"


def wrap_tables(html: str) -> str:
    """``html`` with each outermost table that has no class (Material's rule: the site's own tables
    carry classes and their own layout) inside the scroll box. Unbalanced table tags leave the page
    as it was: a box around half a table would be worse than none."""
    if not _TABLE_TAG.search(html):  # most pages: no copy made
        return html
    parts: list[str] = []
    depth = 0
    wrapped = False
    last = 0
    for tag in _TABLE_TAG.finditer(html):
        closing = tag.group(1) == "/"
        if not closing:
            if depth == 0:
                wrapped = not _CLASS.search(tag.group(2))
                if wrapped:
                    parts.append(html[last : tag.start()] + OPEN)
                    last = tag.start()
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return html
            if depth == 0 and wrapped:
                parts.append(html[last : tag.end()] + CLOSE)
                last = tag.end()
    if depth != 0:
        return html
    parts.append(html[last:])
    return "".join(parts)

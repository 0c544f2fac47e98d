"""Nynorsk chrome on pages written in Nynorsk, for the words the theme takes from mkdocs.yml.

The theme's own words (skip link, table of contents, search, footer …) follow the page's language
in the templates (overrides/partials/language.html and languages/nn.html). The menu's entries and
the palette toggle's names come from mkdocs.yml, once for the whole site, so a template cannot
choose them per page: on a Nynorsk page they are put into Nynorsk here, after rendering, by exact
match of whole text nodes and of ``title``/``aria-label`` values, in the header and the menu only.
A menu entry with no Nynorsk name (a vocabulary value, whose pages are Bokmål) is marked
``lang="nb"``, as the facts box marks them: the menu never has Bokmål marked as Nynorsk.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Bokmål name in mkdocs.yml (menu, palette toggle) -> the name on Nynorsk pages. Menu and
#: breadcrumbs use the same name for a page (render.py: «Alle døme»).
NAMES = {
    "Forside": "Forside",
    "Finn eksempel": "Finn døme",
    "Alle eksempler": "Alle døme",
    "Suksessfaktorer": "Suksessfaktorar",
    "Målgrupper": "Målgrupper",
    "Tema og tiltak": "Tema og tiltak",
    "Boligsosial lov": "Bustadsosial lov",
    "Fylker": "Fylke",
    "Kommunestørrelse": "Kommunestorleik",
    "Programmer": "Program",
    "Bidra med et eksempel": "Bidra med eit døme",
    "Eksempelformatet": "Dømeformatet",
    "Send inn et eksempel": "Send inn eit døme",
    "Om eksempelbanken": "Om eksempelbanken",
    "Oversikt": "Oversikt",
    "Bytt til mørk visning": "Byt til mørk vising",
    "Bytt til lys visning": "Byt til lys vising",
}

_TEXT = re.compile(r">([^<>]+)<")
_NAMED = re.compile(r'\b(title|aria-label)="([^"]*)"')


def _element(html: str, start_tag: str, name: str) -> tuple[int, int] | None:
    """Start and end of the first element opened by ``start_tag`` (nested ones of the same name counted)."""
    start = html.find(start_tag)
    if start < 0:
        return None
    depth, position = 0, start
    tags = re.compile(rf"<(/?){name}\b")
    for match in tags.finditer(html, start):
        depth += -1 if match.group(1) else 1
        position = match.end()
        if depth == 0:
            return start, html.index(">", position) + 1
    return None


@lru_cache(maxsize=64)  # pure; the menu of the pages in one folder is one rendering (overrides/main.html)
def _names(part: str, mark_others: bool) -> str:
    def text(match: re.Match) -> str:
        raw = match.group(1)
        word = raw.strip()
        if not word:
            return match.group(0)
        if word in NAMES:
            return ">" + raw.replace(word, NAMES[word]) + "<"
        return f'><span lang="nb">{raw}</span><' if mark_others else match.group(0)

    def attribute(match: re.Match) -> str:
        value = match.group(2)
        return f'{match.group(1)}="{NAMES[value]}"' if value in NAMES else match.group(0)

    return _NAMED.sub(attribute, _TEXT.sub(text, part))


def nynorsk_chrome(html: str) -> str:
    """The page with its header and menu in Nynorsk (for pages with ``<html lang="nn">``)."""
    for start_tag, name, mark_others in (
        ('<header class="md-header', "header", False),
        ('<nav class="md-nav md-nav--primary', "nav", True),
    ):
        span = _element(html, start_tag, name)
        if span:
            start, end = span
            html = html[:start] + _names(html[start:end], mark_others) + html[end:]
    return html

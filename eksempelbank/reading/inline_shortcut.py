"""Python-Markdown's inline pass, without its work on text that no inline pattern can change (issue 21).

The inline pass (``markdown.treeprocessors.InlineProcessor``) tries each of its patterns (links,
emphasis, code, HTML, entities, ...) on every piece of text in the body: about half the time it takes
to render an example. Each pattern matches only text that holds a certain character: a link needs
«[», emphasis «*» or «_», code «`», HTML «<», an entity «&», a line break two spaces before a newline.
A piece of text with none of them comes out of the pass as it went in, and is left as it is here.

Only patterns known here are judged (:data:`_NEEDS`, Python-Markdown 3.11's own); a renderer with any
other inline pattern (another extension in ``innhold.markdown``) keeps the whole pass. The published
HTML is the same: tests/test_fast_paths.py renders hostile bodies both ways.
"""

from __future__ import annotations

import re
from typing import Any

import markdown
from markdown import inlinepatterns, util
from markdown.treeprocessors import InlineProcessor

InlinePattern = inlinepatterns.InlineProcessor  # the patterns' class (the tree pass has the same name)

#: A pattern of Python-Markdown's -> what any text it matches holds.
_NEEDS: dict[str, tuple[str, ...]] = {
    inlinepatterns.BACKTICK_RE: ("`", "\\"),
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.REFERENCE_RE: ("[",),
    inlinepatterns.LINK_RE: ("[",),
    inlinepatterns.IMAGE_LINK_RE: ("[",),
    inlinepatterns.IMAGE_REFERENCE_RE: ("[",),
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
}
#: Python-Markdown's own priority for the inline pass (``markdown.treeprocessors.build_treeprocessors``).
_INLINE_PRIORITY = 20


def skip_plain_text(md: markdown.Markdown) -> bool:
    """Replace ``md``'s inline pass by one that leaves plain text alone, when every inline pattern of
    ``md`` is known; whether it did."""
    needs = _needs(md)
    if needs is None:
        return False
    md.treeprocessors.register(_PlainTextSkipped(md, needs), "inline", _INLINE_PRIORITY)
    return True


def _needs(md: markdown.Markdown) -> re.Pattern[str] | None:
    """What a text must hold for some inline pattern of ``md`` to match it; None for an unknown pattern."""
    found: set[str] = set()
    for pattern in md.inlinePatterns:
        if isinstance(pattern, inlinepatterns.DelimiterProcessor):
            found.update(pattern.tokens)  # emphasis and strong: «*», «_» (and any delimiter added)
        elif isinstance(pattern, InlinePattern) and pattern.pattern in _NEEDS:
            found.update(_NEEDS[pattern.pattern])
        else:
            return None
    return re.compile("|".join(map(re.escape, sorted(found))))


class _PlainTextSkipped(InlineProcessor):
    """The inline pass; a text that holds nothing any pattern needs is returned untouched."""

    def __init__(self, md: markdown.Markdown, needs: re.Pattern[str]):
        super().__init__(md)
        self.needs = needs

    # InlineProcessor calls its private __handleInline for each text (and for the text inside a match).
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> Any:
        if not isinstance(data, util.AtomicString) and self.needs.search(data) is None:
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]

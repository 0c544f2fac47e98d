"""Python-Markdown without the work that cannot change the HTML (issue 21).

Rendering the example bodies was the largest part of a build. Much of Python-Markdown's time goes
to trying patterns that cannot match, because the text holds no character they need:

- the inline pass (``markdown.treeprocessors.InlineProcessor``) tries each inline pattern (links,
  emphasis, code, HTML, entities, line breaks) on every piece of text. A link needs «[», emphasis
  «*» or «_», code «`», HTML and automatic links «<», an entity «&», a line break two spaces before
  a newline: a text with none of them comes out as it went in (:func:`skip_plain_text`);
- the block parser asks each block processor whether a block is its kind, and several answer by
  searching the whole block with a pattern: a heading needs «#», a quote «>», a definition «:», a
  table «|», a rule «-», «_» or «*», a link reference «[» (:func:`skip_needless_tests`).

Only what is known here is shortened (Python-Markdown 3.11's own patterns and processors, and the
``tables`` and ``def_list`` extensions'); anything else runs in full. The published HTML is the
same: tests/test_fast_paths.py renders hostile bodies both ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import markdown
from markdown import blockprocessors, inlinepatterns, util
from markdown.extensions import def_list, tables
from markdown.treeprocessors import InlineProcessor

InlinePattern = inlinepatterns.InlineProcessor  # the patterns' class (the tree pass has the same name)


def speed_up(md: markdown.Markdown) -> None:
    """Both shortcuts, where they apply to ``md``."""
    skip_plain_text(md)
    skip_needless_tests(md)


# -- the inline pass --------------------------------------------------------------------------

#: A pattern of Python-Markdown's -> what any text it matches holds.
_INLINE_NEEDS: dict[str, tuple[str, ...]] = {
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
    needs = _inline_needs(md)
    if needs is None:
        return False
    md.treeprocessors.register(_PlainTextSkipped(md, needs), "inline", _INLINE_PRIORITY)
    return True


def _inline_needs(md: markdown.Markdown) -> re.Pattern[str] | None:
    """What a text must hold for some inline pattern of ``md`` to match it; None for an unknown pattern."""
    found: set[str] = set()
    for pattern in md.inlinePatterns:
        if isinstance(pattern, inlinepatterns.DelimiterProcessor):
            found.update(pattern.tokens)  # emphasis and strong: «*», «_» (and any delimiter added)
        elif isinstance(pattern, InlinePattern) and pattern.pattern in _INLINE_NEEDS:
            found.update(_INLINE_NEEDS[pattern.pattern])
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


# -- the block parser -------------------------------------------------------------------------

#: A block processor (its exact class, and its pattern where it has one) -> the method that answers
#: False (``test``: not this kind of block; ``run``: not handled) for a block without any of the
#: characters, and those characters.
_BLOCK_NEEDS: dict[tuple[type, str | None], tuple[str, str]] = {
    (blockprocessors.HashHeaderProcessor, blockprocessors.HashHeaderProcessor.RE.pattern): ("test", "#"),
    (blockprocessors.HRProcessor, blockprocessors.HRProcessor.RE): ("test", "-_*"),
    (blockprocessors.BlockQuoteProcessor, blockprocessors.BlockQuoteProcessor.RE.pattern): ("test", ">"),
    (blockprocessors.ReferenceProcessor, blockprocessors.ReferenceProcessor.RE.pattern): ("run", "["),
    (def_list.DefListProcessor, def_list.DefListProcessor.RE.pattern): ("test", ":"),
    (tables.TableProcessor, None): ("test", "|"),  # a table's first row is split at «|»
}


def skip_needless_tests(md: markdown.Markdown) -> int:
    """Let ``md``'s known block processors answer at once for a block that lacks what they look for;
    how many were shortened."""
    shortened = 0
    for processor in md.parser.blockprocessors:
        method, characters = _BLOCK_NEEDS.get(_signature(processor), ("", ""))
        if method == "test":
            processor.test = _unless_lacking(characters, processor.test)  # type: ignore[method-assign,assignment]
        elif method == "run":  # run(parent, blocks) looks at the first of the blocks
            processor.run = _unless_lacking(characters, processor.run, first=True)  # type: ignore[method-assign,assignment]
        shortened += bool(method)
    return shortened


def _signature(processor: blockprocessors.BlockProcessor) -> tuple[type, str | None]:
    """A processor's exact class and the text of its pattern (None without one)."""
    pattern = getattr(processor, "RE", None)
    return type(processor), getattr(pattern, "pattern", pattern)


def _unless_lacking(
    characters: str, method: Callable[[Any, Any], Any], first: bool = False
) -> Callable[[Any, Any], Any]:
    """``method(parent, block)``, or False at once when the block holds none of ``characters``."""
    holds = re.compile("[" + re.escape(characters) + "]").search

    def shortened(parent: Any, block: Any) -> Any:
        if holds(block[0] if first else block) is None:
            return False
        return method(parent, block)

    return shortened

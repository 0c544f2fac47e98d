"""Python-Markdown without the work that cannot change the HTML (issue 21).

Rendering the example bodies was the largest part of a build. Much of Python-Markdown's time goes
to trying patterns that cannot match, because the text holds no character they need:

- the inline pass (``markdown.treeprocessors.InlineProcessor``) tries each inline pattern (links,
  emphasis, code, HTML, entities, line breaks) on every piece of text. A link needs «[», emphasis
  «*» or «_», code «`», HTML and automatic links «<», an entity «&», a line break two spaces before
  a newline: a text with none of them comes out as it went in (:func:`skip_plain_text`);
- the block parser asks each block processor whether a block is its kind, and several answer by
  searching the whole block with a pattern: a heading needs «#» first on a line, a quote «>», a
  definition «:» first on a line, a table «|», a rule «-», «_» or «*» first on a line, a setext
  heading «=» or «-» first on its second line, a link reference «[» (:func:`skip_needless_tests`);
- before that, two preprocessors read the whole text: one removes the spaces of lines holding only
  spaces (a pattern with a look-behind, tried at every position), which a text without a space before
  a newline does not have; the other takes raw HTML out, and a text without «<» and «&» has none
  (:func:`skip_needless_preprocessing`).

Only what is known here is shortened (Python-Markdown 3.11's own patterns and processors, and the
``tables`` and ``def_list`` extensions'); anything else runs in full. The published HTML is the
same: tests/test_fast_paths.py renders hostile bodies both ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import markdown
from markdown import blockprocessors, inlinepatterns, preprocessors, util
from markdown.extensions import def_list, tables
from markdown.treeprocessors import InlineProcessor

InlinePattern = inlinepatterns.InlineProcessor  # the patterns' class (the tree pass has the same name)


def speed_up(md: markdown.Markdown) -> None:
    """The shortcuts, where they apply to ``md``."""
    skip_plain_text(md)
    skip_needless_tests(md)
    skip_needless_preprocessing(md)


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


def _holds_any(characters: str) -> Callable[[str], bool]:
    """Whether a block holds any of ``characters``."""
    search = re.compile("[" + re.escape(characters) + "]").search
    return lambda block: search(block) is not None


def _starts_a_line(start: str) -> Callable[[str], bool]:
    """Whether a line of the block begins with the pattern ``start`` (the first line, or one after a
    newline: «^» of a multi-line pattern, and «(?:^|\n)»)."""
    first, later = re.compile(start).match, re.compile("\n" + start).search
    return lambda block: first(block) is not None or later(block) is not None


def _second_line_starts(characters: str) -> Callable[[str], bool]:
    """Whether the block's second line begins with one of ``characters``."""

    def holds(block: str) -> bool:
        newline = block.find("\n")
        return newline != -1 and block[newline + 1 : newline + 2] in tuple(characters)

    return holds


#: A block processor (its exact class, and its pattern where it has one) -> the method that answers
#: False (``test``: not this kind of block; ``run``: not handled) for a block the predicate refuses,
#: and the predicate: what any block the pattern matches holds.
_BLOCK_NEEDS: dict[tuple[type, str | None], tuple[str, Callable[[str], bool]]] = {
    # «(?:^|\n)#»: a «#» first on a line
    (blockprocessors.HashHeaderProcessor, blockprocessors.HashHeaderProcessor.RE.pattern): (
        "test",
        _starts_a_line("#"),
    ),
    # «^[ ]{0,3}(?=-|_|\*)» on any line (a multi-line search)
    (blockprocessors.HRProcessor, blockprocessors.HRProcessor.RE): ("test", _starts_a_line("[ ]{0,3}[-_*]")),
    # matched at the start: the first line, then a line of «=» or «-»
    (blockprocessors.SetextHeaderProcessor, blockprocessors.SetextHeaderProcessor.RE.pattern): (
        "test",
        _second_line_starts("=-"),
    ),
    (blockprocessors.BlockQuoteProcessor, blockprocessors.BlockQuoteProcessor.RE.pattern): ("test", _holds_any(">")),
    (blockprocessors.ReferenceProcessor, blockprocessors.ReferenceProcessor.RE.pattern): ("run", _holds_any("[")),
    # «(^|\n)[ ]{0,3}:»
    (def_list.DefListProcessor, def_list.DefListProcessor.RE.pattern): ("test", _starts_a_line("[ ]{0,3}:")),
    (tables.TableProcessor, None): ("test", _holds_any("|")),  # a table's first row is split at «|»
}


def skip_needless_tests(md: markdown.Markdown) -> int:
    """Let ``md``'s known block processors answer at once for a block that lacks what they look for;
    how many were shortened."""
    shortened = 0
    for processor in md.parser.blockprocessors:
        method, may_match = _BLOCK_NEEDS.get(_signature(processor), ("", _always))
        if method == "test":
            processor.test = _unless_refused(may_match, processor.test)  # type: ignore[method-assign,assignment]
        elif method == "run":  # run(parent, blocks) looks at the first of the blocks
            processor.run = _unless_refused(may_match, processor.run, first=True)  # type: ignore[method-assign,assignment]
        shortened += bool(method)
    return shortened


def _always(block: str) -> bool:
    return True


def _signature(processor: blockprocessors.BlockProcessor) -> tuple[type, str | None]:
    """A processor's exact class and the text of its pattern (None without one)."""
    pattern = getattr(processor, "RE", None)
    return type(processor), getattr(pattern, "pattern", pattern)


def _unless_refused(
    may_match: Callable[[str], bool], method: Callable[[Any, Any], Any], first: bool = False
) -> Callable[[Any, Any], Any]:
    """``method(parent, block)``, or False at once when ``may_match`` refuses the block."""

    def shortened(parent: Any, block: Any) -> Any:
        if not may_match(block[0] if first else block):
            return False
        return method(parent, block)

    return shortened


# -- the preprocessors ------------------------------------------------------------------------

#: The Python-Markdown whose preprocessors are known here (their code is repeated below).
_KNOWN_VERSION = (3, 11)
_BLANK_LINE_SPACES = re.compile(r"(?<=\n) +\n")  # NormalizeWhitespace's pattern


def skip_needless_preprocessing(md: markdown.Markdown) -> int:
    """Replace ``md``'s whitespace and raw HTML preprocessors, when they are Python-Markdown's own, by
    ones that skip the work a text cannot need; how many were replaced."""
    if markdown.__version_info__[:2] != _KNOWN_VERSION:
        return 0
    replaced = 0
    # (name, Python-Markdown's class and priority: markdown.preprocessors.build_preprocessors)
    for name, known, priority, faster in (
        ("normalize_whitespace", preprocessors.NormalizeWhitespace, 30, _NormalizeWhitespace),
        ("html_block", preprocessors.HtmlBlockPreprocessor, 20, _HtmlBlocksSkipped),
    ):
        if name in md.preprocessors and type(md.preprocessors[name]) is known:
            md.preprocessors.register(faster(md), name, priority)
            replaced += 1
    return replaced


class _NormalizeWhitespace(preprocessors.NormalizeWhitespace):
    """Python-Markdown 3.11's NormalizeWhitespace; the pattern runs only on a text with a space before
    a newline (what any line of spaces it removes ends with)."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        source = source.replace(util.STX, "").replace(util.ETX, "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        source = source.expandtabs(self.md.tab_length)
        if " \n" in source:
            source = _BLANK_LINE_SPACES.sub("\n", source)
        return source.split("\n")


class _HtmlBlocksSkipped(preprocessors.HtmlBlockPreprocessor):
    """The raw HTML preprocessor; a text without «<» and «&» (no tag, comment or entity) is all text,
    which it returns as it came."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "<" not in source and "&" not in source:
            return source.split("\n")
        return super().run(lines)

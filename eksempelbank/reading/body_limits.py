"""Bounds on an example's body, measured before it is rendered (issue 18).

Python-Markdown is recursive in the nesting of lists and quotes (a few hundred levels raise
RecursionError), and its inline parsing is quadratic in the number of link and HTML openers
(``[``, ``](``, ``<``) that a block of text holds: each opener that is not closed makes the parser
scan the rest of the block again. A 170 kB body of ``[`` never finished. Both are measured here on
the source, in one linear pass, so a file that could take the build down is refused with a
message before the renderer sees it. :func:`time_budget` stops a render that still runs too long
(a backstop for what these measures do not foresee).

The limits are data: ``grenser`` in ``data/eksempelformat.yml``.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable
from contextlib import contextmanager
from functools import lru_cache

from .problems import Problem

# The prefix of a line that nests: indentation, quote markers and list markers.
_NESTING_PREFIX = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*")
# A list marker in that prefix: first, or after a space, tab or «>» (not consumed, so «- - x» is two).
_MARKER = re.compile(r"(?<![^ \t>])(?:[-*+]|\d{1,9}[.)])(?=[ \t])")
# Characters that change the direction text is shown in without being visible: a reader sees one
# text and the page holds another (U+202E turns «fdp.exe» around). Refused in fields too (fields.py).
# The same characters as in fields.py: embeddings, overrides and isolates (the marks U+200E/U+200F only
# settle the direction of neighbouring punctuation, and names in right-to-left scripts need them).
BIDI_CHARACTERS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_CONTROLS = re.compile(f"[{BIDI_CHARACTERS}]")


class RenderTimeout(Exception):
    """Rendering one file took longer than its budget."""


def nesting_depth(line: str) -> int:
    """How deep a line nests lists, quotes and indented blocks, as the renderer will recurse."""
    prefix = match.group(0) if (match := _NESTING_PREFIX.match(line)) else ""
    indent = len(prefix.expandtabs(4)) - len(prefix.expandtabs(4).lstrip(" \t"))
    markers = prefix.count(">") + len(_MARKER.findall(prefix))
    return indent // 4 + markers


def nesting_problem(body: str, first_line: int, max_depth: int, display: str) -> Problem | None:
    """The first line that nests deeper than ``max_depth``, as a problem."""
    # Every level takes at least one character of the line's prefix (a tab, «>», «- », four spaces), so
    # only lines with a longer prefix are measured: almost never one in a real example.
    # (After a «\n», not at «^» in multi-line mode: a literal start lets the search skip ahead fast.)
    text = "\n" + body
    for found in _deep_prefix(max_depth).finditer(text):
        start = found.start() + 1
        end = text.find("\n", start)
        depth = nesting_depth(text[start:] if end == -1 else text[start:end])
        if depth > max_depth:
            return Problem(
                display,
                first_line + text.count("\n", 1, start),
                "innhold",
                f"Teksten ligger {depth} nivåer inn (lister i lister, sitater eller innrykk); høyst "
                f"{max_depth} er tillatt. Skriv den med færre nivåer: en liste i en liste holder.",
            )
    return None


@lru_cache(maxsize=4)
def _deep_prefix(max_depth: int) -> re.Pattern:
    return re.compile(rf"\n[ \t>*+\-0-9.)]{{{max_depth + 1},}}")


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")


def _costliest_block(body: str, first_line: int, cost: Callable[[str], int]) -> tuple[int, int]:
    """The summed ``cost`` of the body's blocks, and the line where the costliest block starts."""
    total, worst, worst_line, line = 0, 0, first_line, first_line
    for block in _BLOCK_BREAK.split(body):
        this = cost(block)
        total += this
        if this > worst:
            worst, worst_line = this, line + len(block) - len(block.lstrip("\n"))
        line += block.count("\n") + 2
    return total, worst_line


def inline_cost_problem(body: str, first_line: int, max_cost: int, display: str) -> Problem | None:
    """A body whose openers would make rendering take too long, as a problem on the worst block.

    The renderer's inline parsing starts over in each block (text between blank lines), and from each
    opener (``[``, ``](``, ``<``) it reads on to where the opener closes, or to the end of the block
    when it never does: the cost of a block is the sum of those distances, and the sum over the file
    is bounded. It is at most (openers × length of the block), which is checked first and is far
    within the bound for almost every file; only when it is not are the distances measured."""
    openers = body.count("[") + body.count("<")
    if openers <= 1 or openers * 2 * len(body) <= max_cost:
        return None  # the whole body as one block is within the bound: so is every split of it

    def cost(block: str) -> int:
        rough = (block.count("[") + block.count("<") + block.count("](")) * len(block)
        return _scanned(block) if rough > max_cost // 8 else rough

    total, worst_line = _costliest_block(body, first_line, cost)
    if total <= max_cost:
        return None
    return Problem(
        display,
        worst_line,
        "innhold",
        "Teksten har for mange klammer og vinkelparenteser ([ og <) som ikke lukkes, og ville ta for "
        "lang tid å gjøre om til en side. Avsnittet som starter her, er det verste. Fjern klammene som "
        "ikke hører til en lenke på formen [tekst](https://…), eller del lange avsnitt opp med tomme "
        "linjer.",
    )


_OPENER = re.compile(r"\]\(|[\[\]<]")


def _scanned(block: str) -> int:
    """How far the renderer reads from the openers of one block: to the matching «]» (nested brackets
    count), to the next «)» after «](», to the next «>» after «<»; to the block's end when none comes."""
    cost, open_brackets, end = 0, [], len(block)
    for found in _OPENER.finditer(block):
        at, text = found.start(), found.group(0)
        if text == "[":
            open_brackets.append(at)
        elif text == "<":
            close = block.find(">", at)
            cost += (close if close != -1 else end) - at
        else:  # «]» or «](»
            if open_brackets:
                cost += at - open_brackets.pop()
            if text == "](":
                close = block.find(")", at)
                cost += (close if close != -1 else end) - at
    return cost + sum(end - at for at in open_brackets)


# Lines that make the renderer cut a block in two and read the rest of it again: headings («#»,
# «===» and «---» under a line), rules («***», «---») and definitions («: »). A block of thousands of
# them takes minutes (8,000 definition lines: 16 s; 16,000 rules: 33 s).
_CUTTING_LINE = re.compile(r"^ {0,3}(?:#|:[ \t]|=+[ \t]*$|(?:[-*_][ \t]*){2,}$)", re.MULTILINE)
# The renderer reads such a block about 16 times faster per character than it reads openers (above), so
# the two share one bound with this weight.
_CUTTING_WEIGHT = 16


def block_cost_problem(body: str, first_line: int, max_cost: int, display: str) -> Problem | None:
    """A body whose blocks hold so many cutting lines (see above) for their length that rendering
    would take too long: the cost of a block is its cutting lines times its length, divided by the
    weight, summed over the file. Checked first against a count that can only be higher."""
    if (body.count("\n") + 1) * len(body) <= max_cost * _CUTTING_WEIGHT:  # even if every line cut: within
        return None
    total, worst_line = _costliest_block(
        body, first_line, lambda block: len(_CUTTING_LINE.findall(block)) * len(block) // _CUTTING_WEIGHT
    )
    if total <= max_cost:
        return None
    return Problem(
        display,
        worst_line,
        "innhold",
        "Teksten har for mange linjer som starter en overskrift, en skillelinje eller en definisjon "
        "(#, ===, ---, ***, «: ») uten tom linje mellom, og ville ta for lang tid å gjøre om til en side. "
        "Avsnittet som starter her, er det verste. Skriv en tom linje før og etter hver overskrift og "
        "skillelinje, og fjern linjer som bare er pynt.",
    )


def bidi_problems(body: str, first_line: int, display: str) -> list[Problem]:
    """A line with a bidirectional control character, as in the fields (one problem per line)."""
    if not any(character in body for character in BIDI_CHARACTERS):  # a dozen fast searches beat one regex
        return []
    return [
        Problem(
            display,
            number,
            "innhold",
            f"Inneholder et usynlig retningstegn (U+{ord(found.group(0)):04X}), som snur hvordan teksten "
            "vises, så leseren ser noe annet enn det som står. Det kommer ofte fra kopiering; skriv teksten "
            "inn på nytt.",
        )
        for number, text in enumerate(body.split("\n"), start=first_line)
        if (found := BIDI_CONTROLS.search(text))
    ]


@contextmanager
def time_budget(seconds: float):
    """Raise :class:`RenderTimeout` in the block when it runs longer than ``seconds`` of wall-clock time.

    A timer signal interrupts Python code wherever it is, so a render the bounds above did not foresee
    still stops. Signals reach only the main thread; elsewhere (no thread in the build or `sjekk`
    validates off it, but a caller might) the structural bounds alone apply."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise RenderTimeout()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

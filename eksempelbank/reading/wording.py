"""Wording check: no notes about the writer's own reading in a published example.

«resten av avsnittet var ikke lesbart» or «teksten som er lest, stopper her» tell the reader what the
writer could read, not what the source says. Such passages give a warning (not an error), with the
file, the line and the words found. The phrases are data (``data/skrivemaate.yml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .problems import WARNING, Problem
from .schema import Schema

FIELD = "skrivemåte"


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every phrase: whole words, any case, any whitespace (a line break too) between words."""
    alternatives = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases if p.split()}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def find_process_notes(text: str, schema: Schema) -> list[tuple[int, str]]:
    """(1-based line, the words as written) for each phrase from ``arbeidsnotater`` in ``text``."""
    rules = (schema.wording or {}).get("arbeidsnotater") or {}
    phrases = tuple(str(p) for p in rules.get("fraser") or ())
    pattern = _pattern(phrases)
    if pattern is None or not _may_hold(text, _words(phrases)):
        return []
    found, line, last = [], 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        found.append((line, " ".join(match.group(0).split())))
    return found


# The pattern tries every position of the file (it starts with a look-behind): about 2.5 ms per example,
# a quarter of all the checking. Almost no file holds a phrase, and one that does holds it in lower case
# too: the file in lower case is searched first, with a pattern of plain letters (0.3 ms).


@dataclass(frozen=True)
class _Words:
    in_lower_case: re.Pattern[str]  # the phrases in lower case, any whitespace between the words
    letters: frozenset[str]  # every character of them
    odd_latin1: tuple[str, ...]  # the characters up to U+00FF that are odd (see _odd) for them


@lru_cache(maxsize=8)
def _words(phrases: tuple[str, ...]) -> _Words | None:
    """The phrases' words; None when a character of them has a lower case of two characters (only the
    pattern can tell then)."""
    words = [p.lower().split() for p in phrases if p.split()]
    letters = frozenset("".join("".join(phrase) for phrase in words))
    if not letters or any(len(letter.lower()) != 1 for letter in letters):
        return None
    pattern = re.compile(_shared_beginnings([tuple(phrase) for phrase in words]))
    return _Words(pattern, letters, tuple(c for c in map(chr, range(256)) if _odd(c, letters)))


def _shared_beginnings(phrases: list[tuple[str, ...]]) -> str:
    """A pattern for the phrases (tuples of words) that shares their beginnings («les(?:bar|elig)»),
    which the regex engine tries much faster than a list of whole phrases; any whitespace between
    the words."""
    tree: dict[str, dict] = {}
    for phrase in phrases:
        node = tree
        for character in " ".join(phrase):
            node = node.setdefault(character, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if c == " " else re.escape(c)) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return pattern(tree)


def _may_hold(text: str, words: _Words | None) -> bool:
    """False only when no phrase can be in ``text``: none is in the text in lower case, with any
    whitespace between its words. Exact: the pattern compares the letters one by one, ignoring case,
    and a text with a character that it could take for a letter other than the character's own lower
    case («ſ» for «s») goes to the pattern."""
    if words is None:
        return True
    beyond = set(_BEYOND_LATIN1.findall(text))
    if any(c in text for c in words.odd_latin1) or any(_odd(c, words.letters) for c in beyond):
        return True
    return words.in_lower_case.search(text.lower()) is not None


_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")  # found fast: in Norwegian text only a few dashes and quotes


@lru_cache(maxsize=1024)
def _odd(character: str, letters: frozenset[str]) -> bool:
    """Whether the pattern takes ``character`` for one of the ``letters``, and its lower case is not
    that one letter: two characters («İ»), a letter that depends on the neighbours (Greek capital
    sigma), or another letter («ſ» is taken for «s»)."""
    lower = character.lower()
    if not any(re.fullmatch(re.escape(letter), character, re.IGNORECASE) for letter in letters):
        return False
    return (
        len(lower) != 1
        or ("a" + character).lower()[1:] != lower
        or any(letter != lower and re.fullmatch(re.escape(letter), character, re.IGNORECASE) for letter in letters)
    )


def check_wording(text: str, schema: Schema, display: str) -> list[Problem]:
    rules = (schema.wording or {}).get("arbeidsnotater") or {}
    explanation = " ".join(str(rules.get("melding", "")).split())
    return [
        Problem(display, line, FIELD, f"Vendingen «{words}» {explanation}".rstrip(), WARNING)
        for line, words in find_process_notes(text, schema)
    ]

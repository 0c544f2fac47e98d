"""`make serve`: what the last rebuild generated, kept for the next one (issue 21).

A save under `make serve` validates only the changed file (``build.ValidationCache``, which hands back
the same :class:`Example` object for every file whose bytes are unchanged), but the site was generated
anew: most of a rebuild's time at 3,000 examples. Each part of the site that is made from a few
examples (an example's page, its entry in a list, its finder card, its open-data record, its search
words, the digest of a piece of HTML) is the same while what it is made from is the same: the part
generated then is used again. The parts are keyed on their inputs, compared as objects (an unchanged
example is the same object) or by equality, never on dates. Only `make serve` uses this (a publishing
build generates everything, with :func:`fresh`); ``tests/test_serve_dirty.py`` requires every served
page and file to equal a clean build's after edits, renames and deletions.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

from ..reading.model import Example

T = TypeVar("T")

#: What an example page is made of: its front matter, its HTML (put in by the build after MkDocs has
#: rendered the page) and its table of contents.
PageParts = tuple[str, str, list[dict]]


class Keep(Protocol):
    """``keep(key, inputs, make)``: ``make()``, or the value made for ``key`` from the same ``inputs``
    in the last rebuild. ``key`` names the part (what kind, for which page); ``inputs`` is everything
    the part is made from that can change between rebuilds."""

    def __call__(self, key: Hashable, inputs: tuple[Any, ...], make: Callable[[], T]) -> T: ...


def fresh(key: Hashable, inputs: tuple[Any, ...], make: Callable[[], T]) -> T:
    """A publishing build: every part made anew."""
    return make()


class LastRebuild:
    """The parts generated in the last rebuild, by key, with what each was made from. Parts not asked
    for in a rebuild (a deleted example's) are dropped at :meth:`done`."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
        self._now: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}

    def __call__(self, key: Hashable, inputs: tuple[Any, ...], make: Callable[[], T]) -> T:
        now = self._now.get(key)  # asked for twice in one rebuild (an entry on many lists)
        last = now if now is not None else self._last.get(key)
        if last is not None and last[0] == inputs:  # item by item, the same object or an equal one
            value = last[1]
        else:
            value = make()
        self._now[key] = (inputs, value)
        return value

    def page(self, example: Example, inputs: tuple[Any, ...], make: Callable[[], PageParts]) -> PageParts:
        """The parts of ``example``'s page, kept while made from the same example and ``inputs`` (its
        related examples, sort key, format, options, word families)."""
        return self(("page", example.slug), (example, *inputs), make)

    def done(self) -> None:
        """The parts of this rebuild are the ones to reuse next time."""
        self._last, self._now = self._now, {}

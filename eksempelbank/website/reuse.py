"""`make serve`: example pages kept from the last rebuild (issue 21).

A save under `make serve` validates only the changed file (``build.ValidationCache``, which hands back
the same :class:`Example` object for every file whose bytes are unchanged), but the site was generated
anew: most of a rebuild's time at 3,000 examples. An example's page depends on the example, its related
examples, its sort key, the format, the word families and the options; while all of them are the same
as in the last rebuild, its page is the same, and the page generated then is used again. Only `make serve` uses
this (a publishing build generates everything); ``tests/test_serve_dirty.py`` requires every served page
to equal a clean build's after edits and deletions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..reading.model import Example

#: What an example page is made of: its front matter, its HTML (put in by the build after MkDocs has
#: rendered the page) and its table of contents.
PageParts = tuple[str, str, list[dict]]


class ExamplePages:
    """The example pages of the last rebuild, by slug, with what each was made from."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[tuple[Any, ...], PageParts]] = {}
        self._now: dict[str, tuple[tuple[Any, ...], PageParts]] = {}

    def page(self, example: Example, inputs: tuple[Any, ...], make: Callable[[], PageParts]) -> PageParts:
        """The parts of ``example``'s page: the last rebuild's when it was made from the same ``inputs``
        (the same objects, or equal ones: an unchanged example is the same object, a sort key an
        equal string)."""
        made_from = (example, *inputs)
        last = self._last.get(example.slug)
        if (
            last is not None
            and len(last[0]) == len(made_from)
            and all(a is b or a == b for a, b in zip(last[0], made_from, strict=True))
        ):
            parts = last[1]
        else:
            parts = make()
        self._now[example.slug] = (made_from, parts)
        return parts

    def done(self) -> None:
        """The pages of this rebuild are the ones to reuse next time (deleted examples are dropped)."""
        self._last, self._now = self._now, {}

"""Text helpers: reading editor files robustly, slugs, and did-you-mean suggestions."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into an ASCII base letter. Dropping them would turn
# "Møre" into "mre"; transliterate instead.
_TRANSLITERATION = str.maketrans(
    {
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "å": "a",
        "Å": "a",
        "đ": "d",
        "Đ": "d",
        "ŋ": "n",
        "Ŋ": "n",
        "ŧ": "t",
        "Ŧ": "t",
        "ß": "ss",
        "ł": "l",
        "Ł": "l",
    }
)


def normalize_text(raw: str) -> str:
    """Return file text as the tools expect it: no BOM, LF line endings, composed Unicode.

    Editors on Windows add BOMs and CRLF; some macOS editors write "ø" as "o" plus a
    combining stroke, which would otherwise never match the vocabularies.
    """
    text = raw.lstrip("\ufeff")
    if "\r" in text:  # looking for "\r" is much cheaper than replacing "\r\n" in a long text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8192)  # pure, and called with the same few names for every example
def slugify(value: str) -> str:
    """ASCII slug for URLs: "Møre og Romsdal" -> "more-og-romsdal", "Kárášjohka" -> "karasjohka"."""
    text = unicodedata.normalize("NFC", value).translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text


@lru_cache(maxsize=8192)  # pure, and called with the same few names for every example
def fold(value: str) -> str:
    """Key for forgiving comparison: case, spacing and Unicode form do not matter."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def did_you_mean(value: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The closest candidate to ``value``, compared forgivingly, or None."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(fold(candidate), candidate)
        by_key.setdefault(slugify(candidate), candidate)
    for key in (fold(value), slugify(value)):
        if key in by_key:
            return by_key[key]
    matches = difflib.get_close_matches(fold(value), list(by_key), n=1, cutoff=cutoff)
    return by_key[matches[0]] if matches else None


def quoted(value: object) -> str:
    """A value as shown in messages: «Vestfold og Telemark»."""
    return f"«{value}»"


def join_values(values: list[str], limit: int = 20) -> str:
    """List allowed values for a message; long lists are cut with a count."""
    if len(values) <= limit:
        return ", ".join(values)
    return ", ".join(values[:limit]) + f" … (og {len(values) - limit} til)"


_COLLATION = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|", "ü": "y"})


@lru_cache(maxsize=1 << 16)  # every list sorts the same titles again (many times per `make serve` rebuild)
def sort_key(value: str) -> str:
    """Norwegian alphabetical order: ... x, y, z, æ, ø, å."""
    return fold(value).translate(_COLLATION)

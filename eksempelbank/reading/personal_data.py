"""Personal-data guard: no personal phone numbers or e-mail addresses in examples.

Examples are published openly and stay in the Git history for good, so personal contact
data must never be written into them. Functional addresses (post@, postmottak@, ...) are
allowed; the list is data (``data/personvern.yml``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import AnyStr

from .problems import Problem
from .schema import Schema

_SEP = r"[ \u00a0.-]"
_PHONE = re.compile(
    r"(?<![\d+])(?:"
    rf"(?:\+|00)47{_SEP}?(?:\d{{8}}|\d{{3}}{_SEP}\d{{2}}{_SEP}\d{{3}}|\d{{2}}(?:{_SEP}\d{{2}}){{3}}|\d{{4}}{_SEP}\d{{4}})"
    rf"|[2-9]\d{{7}}|[2-9]\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{3}}|[2-9]\d(?:{_SEP}\d{{2}}){{3}}"
    r")(?![\d])"
)
_MONEY_BEFORE = re.compile(r"(?:kr\.?|NOK)\s*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"^\s*(?:kr\b|kroner|NOK|,-)", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
# Digits inside a web address are part of a path («…/plan-20152018-tromso»), not a phone number.
_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>)\]]+", re.IGNORECASE)


def is_functional_address(local_part: str, schema: Schema) -> bool:
    rules = schema.personal_data
    local = local_part.lower()
    return local in rules["funksjonsadresser"] or any(
        local.startswith(prefix) for prefix in rules["funksjonsprefikser"]
    )


# Every phone number above holds eight digits with at most one separator between them, and every
# address an @: lines with neither are skipped without running the two (slow) patterns on them.
_PHONE_HINT = re.compile(rf"\d(?:{_SEP}?\d){{7}}")
# The same hint, searched faster on the UTF-8 bytes: ASCII digits become "0", separators "s" (a no-break
# space is two bytes, C2 A0), everything else "x".
_SHAPES = bytes(0x30 if 0x30 <= b <= 0x39 else 0x73 if b in b" .-\xc2\xa0" else 0x78 for b in range(256))
_EIGHT_DIGITS = re.compile(rb"0(?:s{0,2}0){7}")
# First bytes of the UTF-8 form of the other characters \d matches (Arabic-Indic, Devanagari, fullwidth,
# ...; see tests): text with any of these is searched with _PHONE_HINT itself.
OTHER_DIGIT_LEADS = bytes(range(0xD8, 0xE2)) + b"\xea\xef" + bytes(range(0xF0, 0xF5))
_ALL_BUT_OTHER_DIGIT_LEADS = bytes(b for b in range(256) if b not in OTHER_DIGIT_LEADS)


def _lines_at(text: AnyStr, positions: list[int]) -> dict[int, tuple[int, int]]:
    """0-based index -> (start, end) offsets of each line holding one of ``positions``."""
    newline: AnyStr = "\n" if isinstance(text, str) else b"\n"
    lines: dict[int, tuple[int, int]] = {}
    line, last = 0, 0
    for position in sorted(positions):
        line += text.count(newline, last, position)
        last = position
        if line not in lines:
            end = text.find(newline, position)
            lines[line] = (text.rfind(newline, 0, position) + 1, len(text) if end == -1 else end)
    return lines


def _suspect_lines(text: str, encoded: bytes | None = None) -> list[tuple[int, str]]:
    """(0-based index, text) of the lines that could hold a phone number or an e-mail address."""
    data = encoded if encoded is not None else text.encode("utf-8", "surrogatepass")
    if data.translate(None, _ALL_BUT_OTHER_DIGIT_LEADS):
        found = {i: text[a:b] for i, (a, b) in _lines_at(text, [m.start() for m in _PHONE_HINT.finditer(text)]).items()}
    else:
        shapes = data.translate(_SHAPES)
        found = {
            i: data[a:b].decode("utf-8", "surrogatepass")
            for i, (a, b) in _lines_at(data, [m.start() for m in _EIGHT_DIGITS.finditer(shapes)]).items()
        }
    ats = []
    at = text.find("@")
    while at != -1:
        ats.append(at)
        at = text.find("@", at + 1)
    found.update({i: text[a:b] for i, (a, b) in _lines_at(text, ats).items()})
    return sorted(found.items())


def find_personal_data(text: str, schema: Schema, encoded: bytes | None = None) -> list[tuple[int, str]]:
    """(1-based line, message) for each phone number or personal e-mail address in ``text``.

    ``encoded``: ``text`` as UTF-8, when the caller has it (the file's bytes), to save encoding it again.
    """
    found = []
    for number, line in ((index + 1, line) for index, line in _suspect_lines(text, encoded)):
        in_urls = [m.span() for m in _WEB_ADDRESS.finditer(line)] if "://" in line else []
        for match in _PHONE.finditer(line):
            if any(a <= match.start() < b for a, b in in_urls):
                continue
            if _MONEY_BEFORE.search(line[: match.start()]) or _MONEY_AFTER.match(line[match.end() :]):
                continue
            found.append(
                (
                    number,
                    f"{match.group(0).strip()} ser ut som et telefonnummer. Personlige "
                    "kontaktopplysninger skal ikke publiseres, og alt som skrives her blir liggende i "
                    "Git-historikken. Fjern nummeret; henvis heller til kommunens nettside.",
                )
            )
        for match in _EMAIL.finditer(line):
            if is_functional_address(match.group(1), schema):
                continue
            found.append(
                (
                    number,
                    f"{match.group(0)} ser ut som en personlig e-postadresse. Personopplysninger skal "
                    "ikke publiseres, og alt som skrives her blir liggende i Git-historikken. Bruk en "
                    "funksjonsadresse som postmottak@… eller post@…",
                )
            )
    return found


# Characters that show as nothing: format characters (Unicode category Cf: zero-width space, soft hyphen,
# word joiner, bidi controls, tags ...) and the few letters and marks that are drawn empty. Written
# between the digits of a phone number or into an e-mail address, they hid both from the patterns
# above while a reader saw them whole (issue 18).
_FORMAT_RANGES = [  # category Cf in Unicode 15.1 (Python 3.12; 3.11 has fewer, a subset), written out:
    # finding them at import would take a third of a second in every process
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    # drawn empty, though not Cf: combining grapheme joiner, Hangul fillers, Khmer vowels, Mongolian
    # selectors, variation selectors
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x3164, 0x3164),
    (0xFFA0, 0xFFA0),
    (0xFE00, 0xFE0F),
]
_SHOWN_AS_NOTHING = "".join(chr(c) for a, b in _FORMAT_RANGES for c in range(a, b + 1))
DROP_INVISIBLE = dict.fromkeys(map(ord, _SHOWN_AS_NOTHING))
# Searched in the UTF-8 bytes: a character class this large is slow on text, and the bytes are at hand.
_SHOWN_AS_NOTHING_BYTES = re.compile(b"|".join(re.escape(c.encode("utf-8")) for c in _SHOWN_AS_NOTHING))


# First UTF-8 bytes of everything that hides in a number or an address, or that NFKC turns into a digit
# or an «@», outside the two ranges Norwegian text uses all the time (C2: «», no-break space; E2: dashes,
# quotes): Arabic and other scripts' marks and digits, Hangul fillers, fullwidth forms, tags, ...
_HIDING_LEADS = (
    bytes([0xCD, 0xDB, 0xDC, 0xE3])
    + bytes(range(0xD8, 0xDA))
    + bytes(range(0xE0, 0xE2))
    + bytes([0xEF])
    + bytes(range(0xF0, 0xF5))
)
_ALL_BUT_HIDING_LEADS = bytes(b for b in range(256) if b not in _HIDING_LEADS)
# ... and in those two ranges: soft hyphen and superscript digits (after C2); zero-width and bidi
# characters, word joiners, super- and subscript digits and enclosed digits («①») (after E2).
_AFTER_C2 = frozenset(b"\xad\xb2\xb3\xb9")
_AFTER_E2 = frozenset(b"\x81\x91\x92\x93")
_AFTER_E2_80 = frozenset(range(0x8B, 0x90)) | frozenset(range(0xAA, 0xAF))
_AFTER_E2_82 = frozenset(range(0x80, 0x8A))


def _may_hide(data: bytes) -> bool:
    """Whether the text could hold a character that hides in, or turns into part of, a phone number or
    an e-mail address: a cheap look at the bytes, true for almost no real example. (A regular
    expression over the bytes costs more than the rest of the guard; C2 and E2 are found by memchr and
    are rare enough to look at one by one.)"""
    if data.translate(None, _ALL_BUT_HIDING_LEADS):
        return True
    at = data.find(b"\xc2")
    while at != -1:
        if data[at + 1 : at + 2] and data[at + 1] in _AFTER_C2:
            return True
        at = data.find(b"\xc2", at + 1)
    at = data.find(b"\xe2")
    while at != -1:
        second, third = data[at + 1 : at + 2], data[at + 2 : at + 3]
        if second and (
            second[0] in _AFTER_E2
            or (
                third
                and (
                    (second[0] == 0x80 and third[0] in _AFTER_E2_80) or (second[0] == 0x82 and third[0] in _AFTER_E2_82)
                )
            )
        ):
            return True
        at = data.find(b"\xe2", at + 1)
    return False


def normalized_for_matching(text: str, encoded: bytes | None = None) -> tuple[str, bytes | None]:
    """``text`` as a reader sees it, for the patterns: without characters shown as nothing, and in
    NFKC (fullwidth digits and «＠» as their plain forms). Line by line, so line numbers stay the
    same. Returns the text and its UTF-8 bytes when unchanged (None when changed)."""
    data = encoded if encoded is not None else text.encode("utf-8", "surrogatepass")
    if not _may_hide(data):
        return text, data  # almost every file: one translation and two searches of its bytes
    if unicodedata.is_normalized("NFKC", text) and not _SHOWN_AS_NOTHING_BYTES.search(data):
        return text, data
    lines = [
        unicodedata.normalize("NFKC", line.translate(DROP_INVISIBLE)).translate(DROP_INVISIBLE)
        for line in text.split("\n")
    ]
    return "\n".join(line.replace("\n", " ") for line in lines), None


def check_personal_data(text: str, schema: Schema, display: str, encoded: bytes | None = None) -> list[Problem]:
    text, encoded = normalized_for_matching(text, encoded)
    return [
        Problem(display, line, "personvern", message) for line, message in find_personal_data(text, schema, encoded)
    ]

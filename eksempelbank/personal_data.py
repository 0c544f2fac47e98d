"""Personal-data guard: no personal phone numbers or e-mail addresses in examples.

Examples are published openly and stay in the Git history for good, so personal contact
data must never be written into them. Functional addresses (post@, postmottak@, ...) are
allowed; the list is data (``data/personvern.yml``).
"""

from __future__ import annotations

import re

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


def is_functional_address(local_part: str, schema: Schema) -> bool:
    rules = schema.personal_data
    local = local_part.lower()
    return local in rules["funksjonsadresser"] or any(
        local.startswith(prefix) for prefix in rules["funksjonsprefikser"]
    )


def find_personal_data(text: str, schema: Schema) -> list[tuple[int, str]]:
    """(1-based line, message) for each phone number or personal e-mail address in ``text``."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _PHONE.finditer(line):
            if _MONEY_BEFORE.search(line[: match.start()]) or _MONEY_AFTER.match(line[match.end():]):
                continue
            found.append((number, f"{match.group(0).strip()} ser ut som et telefonnummer. Personlige "
                                  "kontaktopplysninger skal ikke publiseres, og alt som skrives her blir liggende i "
                                  "Git-historikken. Fjern nummeret; henvis heller til kommunens nettside."))
        for match in _EMAIL.finditer(line):
            if is_functional_address(match.group(1), schema):
                continue
            found.append((number, f"{match.group(0)} ser ut som en personlig e-postadresse. Personopplysninger skal "
                                  "ikke publiseres, og alt som skrives her blir liggende i Git-historikken. Bruk en "
                                  "funksjonsadresse som postmottak@… eller post@…"))
    return found


def check_personal_data(text: str, schema: Schema, display: str) -> list[Problem]:
    return [Problem(display, line, "personvern", message) for line, message in find_personal_data(text, schema)]

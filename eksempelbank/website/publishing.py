"""What a public service needs before it goes out: the publisher, the editors' address and the site
address set, and no placeholder text on any page (rules in ``data/publisering.yml``).

Also the settings the hand-written pages print: a page in ``docs/`` writes ``%%utgiver%%`` or
``%%kontakt_lenke%%`` where the value from mkdocs.yml belongs, so the publisher, the editors' address
and the repository are set in one place (``extra.eksempelbank``) and named by every page that shows
them. Pure: the build hook calls :func:`launch_problems` and :func:`fill_settings`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..reading.model import Example
from .render import escape

RULES_FILE = "publisering.yml"
TOKEN = re.compile(r"%%([a-z_]+)%%")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_HTTPS = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(/[^\s]*)?$")
#: Where placeholders are looked for: what a visitor can be shown.
SCANNED = (("docs", ".md"), ("overrides", ".html"))


@dataclass(frozen=True)
class LaunchRules:
    placeholders: tuple[str, ...]
    settings: tuple[tuple[str, str], ...]  # (key in mkdocs.yml, what it is, in Norwegian)

    def placeholder_pattern(self) -> re.Pattern:
        words = sorted(self.placeholders, key=len, reverse=True)
        # Whole words: «TODO» in a word such as «todoms» is not a placeholder.
        return re.compile(
            "|".join(rf"(?<!\w){re.escape(w)}(?!\w)" if w[-1].isalnum() else rf"(?<!\w){re.escape(w)}" for w in words),
            re.IGNORECASE,
        )


def load_rules(data_dir: Path) -> LaunchRules:
    data = yaml.safe_load((Path(data_dir) / RULES_FILE).read_text(encoding="utf-8")) or {}
    return LaunchRules(
        tuple(str(p) for p in data.get("plassholdere", [])),
        tuple((str(s["nokkel"]), str(s["hva"])) for s in data.get("innstillinger", [])),
    )


@dataclass(frozen=True)
class Publisher:
    name: str | None
    url: str | None
    contact_email: str | None


def publisher(settings: dict[str, Any]) -> Publisher:
    """``extra.eksempelbank.utgiver`` and ``kontakt_epost`` from mkdocs.yml (None where unset)."""
    owner = given if isinstance(given := settings.get("utgiver"), dict) else {}
    return Publisher(_text(owner.get("navn")), _text(owner.get("nettadresse")), _text(settings.get("kontakt_epost")))


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def setting_problems(settings: dict[str, Any], site_url: str | None, rules: LaunchRules) -> list[str]:
    """One Norwegian line per required setting that is missing or malformed."""
    problems = []
    for key, what in rules.settings:
        value = _text(site_url) if key == "site_url" else _lookup(settings, key)
        place = "mkdocs.yml: site_url" if key == "site_url" else f"mkdocs.yml: extra.eksempelbank.{key}"
        if value is None:
            problems.append(f"{place} mangler: skriv inn {what}.")
        elif key == "kontakt_epost" and not _EMAIL.match(value):
            problems.append(f"{place}: «{value}» er ikke en e-postadresse. Skriv en adresse som navn@domene.no.")
        elif key in ("site_url", "utgiver.nettadresse") and not _HTTPS.match(value):
            problems.append(
                f"{place}: «{value}» er ikke en nettadresse. Skriv en full adresse som begynner med https://."
            )
    return problems


def _lookup(settings: dict[str, Any], dotted: str) -> str | None:
    value: Any = settings
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return _text(value)


def placeholder_lines(text: str, rules: LaunchRules) -> list[tuple[int, str]]:
    """(line number, the placeholder) for every line of ``text`` that holds one."""
    pattern = rules.placeholder_pattern()
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = pattern.search(line)
        if match:
            found.append((number, match.group(0)))
    return found


def placeholder_problems(text: str, display: str, rules: LaunchRules) -> list[str]:
    return [
        f"{display}:{line}: plassholderteksten «{marker}» står fortsatt på siden. Skriv den ferdige teksten, "
        "eller ta setningen bort."
        for line, marker in placeholder_lines(text, rules)
    ]


def files_to_scan(root: Path) -> Iterable[tuple[Path, str]]:
    for folder, suffix in SCANNED:
        for path in sorted((root / folder).rglob(f"*{suffix}")):
            yield path, path.relative_to(root).as_posix()


def launch_problems(root: Path, settings: dict[str, Any], site_url: str | None, values: dict[str, str]) -> list[str]:
    """Every reason the site cannot be published yet: missing settings, then by file the placeholders
    and the ``%%name%%`` that have no value (``values``: :func:`page_values`)."""
    rules = load_rules(root / "data")
    problems = setting_problems(settings, site_url, rules)
    for path, display in files_to_scan(root):
        text = path.read_text(encoding="utf-8")
        problems += page_problems(text, display, rules, values)
    return problems


def page_problems(text: str, display: str, rules: LaunchRules, values: dict[str, str]) -> list[str]:
    """The placeholders in one page's source, and its ``%%name%%`` without a value."""
    return placeholder_problems(text, display, rules) + fill_settings(text, values, display)[1]


# -- settings printed by the hand-written pages --------------------------------------------------


def bank_counts(examples: list[Example]) -> dict[str, int]:
    """How many examples, from how many municipalities (today's) and counties: for the front page."""
    return {
        "antall_eksempler": len(examples),
        "antall_kommuner": len({m.number for e in examples for m in e.municipalities}),
        "antall_fylker": len({m.county.name for e in examples for m in e.municipalities}),
    }


def page_values(settings: dict[str, Any], site_name: str, counts: dict[str, int] | None = None) -> dict[str, str]:
    """What ``%%name%%`` stands for in a hand-written page, as Markdown: every value escaped (it is
    trusted configuration, but never markup). Unset settings are left out, so the page shows
    «[mangler: …]» and :func:`setting_problems` names the setting."""
    owner = publisher(settings)
    values: dict[str, str] = {"nettsted": escape(site_name)}
    if owner.name:
        values["utgiver"] = escape(owner.name)
        values["utgiver_lenke"] = f"[{escape(owner.name)}](<{owner.url}>)" if owner.url else escape(owner.name)
    if owner.contact_email and _EMAIL.match(owner.contact_email):
        values["kontakt_epost"] = escape(owner.contact_email)
        values["kontakt_lenke"] = f"[{escape(owner.contact_email)}](<mailto:{owner.contact_email}>)"
    repository = _text(settings.get("repository"))
    if repository and re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repository):
        values["repository_url"] = f"https://github.com/{repository}"
        values["saksliste_lenke"] = (
            f"[eksempelbankens saksliste på GitHub](<https://github.com/{repository}/issues/new>)"
        )
    for name, count in (counts or {}).items():
        values[name] = _norwegian_number(count)
    return values


def _norwegian_number(count: int) -> str:
    return f"{count:,}".replace(",", "\u00a0")  # 1 234, with a no-break space


#: Every name a page may print. A known name without a value is a missing setting, which
#: :func:`setting_problems` reports once; an unknown name is a mistake in the page.
KNOWN = (
    "nettsted",
    "utgiver",
    "utgiver_lenke",
    "kontakt_epost",
    "kontakt_lenke",
    "repository_url",
    "saksliste_lenke",
    "antall_eksempler",
    "antall_kommuner",
    "antall_fylker",
)


def fill_settings(markdown: str, values: dict[str, str], display: str) -> tuple[str, list[str]]:
    """``markdown`` with every ``%%name%%`` replaced by its value (a visible «[mangler: …]» where its
    setting is not set), and one problem per unknown name, naming the file and the line."""
    problems: list[str] = []

    def put(match: re.Match) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        if name not in KNOWN:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(
                f"{display}:{line}: «%%{name}%%» er ikke en innstilling siden kan vise. "
                f"Kjente navn: {', '.join(KNOWN)}."
            )
        return f"[mangler: {name}]"

    return TOKEN.sub(put, markdown), problems


def notice(problems: list[str]) -> str:
    """`make serve`: the problems as a visible notice at the top of the page (Markdown admonition)."""
    items = "\n".join(f"    - {escape(p)}" for p in problems)
    return (
        '!!! danger "Ikke klar for publisering"\n\n    Publiseringen stopper til dette er rettet:\n\n' + items + "\n\n"
    )

"""Problems found in example files, and how they are shown to people and to CI."""

from __future__ import annotations

import re
from dataclasses import dataclass

ERROR = "feil"
WARNING = "advarsel"


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path as the editor knows it, e.g. examples/stord.md
    line: int  # 1-based; 1 when the whole file is concerned
    field: str | None  # front-matter field or section heading, if any
    message: str  # Norwegian: what is wrong and what is allowed
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def human(self) -> str:
        """``examples/x.md:7: fylke: «Viken» finnes ikke lenger …``"""
        where = f"{self.file}:{self.line}: "
        label = "" if self.severity == ERROR else "advarsel: "
        subject = f"{self.field}: " if self.field else ""
        return log_safe(f"{where}{label}{subject}{self.message}")

    def github(self) -> str:
        """A GitHub Actions workflow command, shown on the pull request's line."""
        kind = "error" if self.severity == ERROR else "warning"
        title = f"{self.field}" if self.field else "eksempel"
        return (
            f"::{kind} file={_escape_property(self.file)},line={self.line},"
            f"title={_escape_property(title)}::{_escape_data(self.message)}"
        )


# What a log reader (GitHub's runner, a terminal) takes for the end of a line: not only \n.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other control characters: a terminal obeys some of them (colours, cursor movement).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def log_safe(text: str) -> str:
    """``text`` as printed to a log that GitHub Actions reads (issue 18).

    GitHub runs a line as a workflow command when it starts, after spaces, with «::» (or the older
    «##[»). Messages quote what contributors wrote, file names included, so a value with a line
    break could print a line of its own such as «::error file=README.md::…». Here every line after
    the first starts with «  | », and a first line that could be read as a command gets the same
    mark; control characters are shown as their code."""
    text = _CONTROL.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)
    lines = _LINE_BREAK.split(text)
    first = lines[0]
    if first.lstrip().startswith(("::", "##[")):
        first = "  | " + first
    return "\n".join([first] + ["  | " + line for line in lines[1:]])


def _escape_data(value: str) -> str:
    value = _CONTROL.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", value)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.severity != ERROR, p.message))


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.file for p in problems if p.is_error})
    parts = []
    if errors:
        parts.append(f"{errors} feil i {files} {'fil' if files == 1 else 'filer'}")
    if warnings:
        parts.append(f"{warnings} {'advarsel' if warnings == 1 else 'advarsler'}")
    return ", ".join(parts) if parts else "ingen feil"

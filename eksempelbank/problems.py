"""Problems found in example files, and how they are shown to people and to CI."""

from __future__ import annotations

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
        return f"{where}{label}{subject}{self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command, shown on the pull request's line."""
        kind = "error" if self.severity == ERROR else "warning"
        title = f"{self.field}" if self.field else "eksempel"
        return (
            f"::{kind} file={_escape_property(self.file)},line={self.line},"
            f"title={_escape_property(title)}::{_escape_data(self.message)}"
        )


def _escape_data(value: str) -> str:
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

"""Validate example files: one file (:func:`validate_file`) or a whole folder (:func:`load_examples`).

Every problem is collected; nothing stops at the first one. The same function serves the
build hook, ``eksempelbank sjekk`` and the tests, so they can never disagree.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .body import render_body
from .body_limits import (
    RenderTimeout,
    bidi_problems,
    block_cost_problem,
    inline_cost_problem,
    nesting_problem,
    time_budget,
)
from .document import read_document
from .fields import FieldChecker
from .model import Example
from .personal_data import check_personal_data
from .problems import WARNING, Problem, sort_problems
from .schema import Schema, load_schema
from .sections import check_sections
from .text import fold, slugify
from .wording import check_wording

_NUMBER_TYPES = {"dato", "aarstall", "heltall", "periode"}


@dataclass
class Catalog:
    """All examples that validated, and every problem found in the folder."""

    examples: list[Example] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def _sources_without_address(display: str, front, values: dict) -> list[Problem]:
    """A source with no web address must say so, with the date someone looked («uten_nettadresse»):
    then the reader knows it was checked, and the editor is not reminded again."""
    sources = front.value.get("kilder") if front.kind == "map" else None
    if sources is None or sources.kind != "list" or not values.get("kilder"):
        return []
    return [
        Problem(
            display,
            node.line,
            "kilder",
            f"Kilden «{entry.get('tittel', '')}» har ingen nettadresse. Legg til «url» hvis dokumentet finnes "
            "på nett; hvis ikke, skriv «uten_nettadresse:» med datoen du lette (ÅÅÅÅ-MM-DD).",
            WARNING,
        )
        for node, entry in zip(sources.value, values["kilder"], strict=True)
        if "url" not in entry and "uten_nettadresse" not in entry
    ]


def validate_file(
    path: Path,
    schema: Schema | None = None,
    *,
    display: str | None = None,
    today: date | None = None,
    raw: bytes | None = None,
) -> tuple[Example | None, list[Problem]]:
    """Check one example file; the Example is returned only when there are no errors."""
    schema = schema or load_schema()
    today = today or date.today()
    display = display or path.as_posix()
    limits = schema.limits
    document, problems = read_document(
        path,
        display,
        raw,
        max_bytes=limits["maks_bytes"],
        max_depth=limits["maks_dybde"],
        max_values=limits["maks_verdier"],
    )
    if document is None:
        return None, problems

    checker = FieldChecker(schema, display, today)
    values = checker.check(document.front)
    problems += checker.problems

    slug = slugify(path.stem)
    if slug != path.stem:
        problems.append(
            Problem(
                display,
                1,
                "filnavn",
                f"Filnavnet gir nettadressen eksempler/{slug}/. Gi fila navnet «{slug}.md»: "
                "små bokstaver a–z, sifre og bindestrek, æ/ø/å skrevet som ae/o/a.",
            )
        )

    language = values.get("sprak", "nb")
    sections, h2s, section_problems = check_sections(document.body, document.body_line, language, schema, display)
    problems += section_problems
    published, body_problems = _render_bounded(document.body, document.body_line, h2s, schema, display)
    problems += body_problems
    # A number in a date, year or period field is that field's problem (reported above), not a phone number.
    typed_lines = {
        line
        for name, line in document.front.key_lines.items()
        if name in schema.fields and schema.fields[name].type in _NUMBER_TYPES
    }
    problems += [
        p
        for p in check_personal_data(document.text, schema, display, encoded=document.encoded)
        if p.line not in typed_lines
    ]

    problems += _sources_without_address(display, document.front, values)
    problems += check_wording(document.text, schema, display)

    if any(p.is_error for p in problems):
        return None, problems
    start, end = values["periode"]
    example = Example(
        slug=slug,
        source_path=display,
        title=values["tittel"],
        municipalities=values["kommune"],
        former_municipalities=values.get("tidligere_kommune", []),
        language=language,
        summary=values["oppsummering"],
        reviewed=values["sist_vurdert"],
        period_start=start,
        period_end=end,
        body=document.body,
        values=values,
    )
    example.values["avsnitt"] = sections
    example.sections = published
    example.field_lines = dict(document.front.key_lines)
    return example, problems


def _render_bounded(body: str, first_line: int, h2s: list, schema: Schema, display: str):
    """render_body, refused before it starts when the body is too deep or too costly to render, and
    stopped when it runs past the time budget (all limits from ``grenser`` in the format)."""
    limits = schema.limits
    problems = bidi_problems(body, first_line, display)
    bounded = [
        p
        for p in (
            nesting_problem(body, first_line, limits["maks_nivaaer_i_teksten"], display),
            inline_cost_problem(body, first_line, limits["maks_klammer_ganger_lengde"], display),
            block_cost_problem(body, first_line, limits["maks_klammer_ganger_lengde"], display),
        )
        if p is not None
    ]
    if bounded:
        return [], problems + bounded
    seconds = limits.get("maks_sekunder_per_fil", 0)
    try:
        with time_budget(seconds):
            published, found = render_body(body, first_line, h2s, schema.content, display)
    except RenderTimeout:
        return [], problems + [
            Problem(
                display,
                first_line,
                "innhold",
                f"Teksten tok mer enn {seconds} sekunder å gjøre om til en side, og blir ikke "
                "publisert. Del lange avsnitt opp med tomme linjer, og fjern tegn som [ og < "
                "som ikke hører til en lenke.",
            )
        ]
    except RecursionError:
        return [], problems + [
            Problem(
                display,
                first_line,
                "innhold",
                "Teksten er for dypt nøstet til å gjøres om til en side (lister i lister eller "
                "sitater i sitater). Skriv den med færre nivåer.",
            )
        ]
    return published, problems + found


IGNORED_NAMES = {".gitkeep", ".DS_Store"}  # not examples, and not an editor's mistake


def example_paths(directory: Path) -> list[Path]:
    """Everything in ``directory`` that is or looks meant to be an example: the files to check.

    Not just ``*.md``: a file the site would silently leave out (``x.MD``, a folder, a link) is
    named and refused by :func:`file_problems` instead of being ignored.
    """
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name not in IGNORED_NAMES)


def file_problems(path: Path, display: str, schema: Schema, examples_dir: Path | None) -> list[Problem]:
    """Why ``path`` cannot be published as an example, whatever it contains."""

    def problem(message: str) -> list[Problem]:
        return [Problem(display, 1, "filnavn", message)]

    if path.is_symlink():
        return problem("Symbolske lenker kan ikke være eksempler: legg selve fila i examples/.")
    if path.is_dir():
        return problem("Mapper i examples/ blir ikke publisert. Legg hver eksempelfil rett i examples/.")
    if examples_dir is not None and path.parent != examples_dir:  # right in it, and no link (above): inside
        try:
            inside = path.resolve().parent.relative_to(examples_dir.resolve())
        except ValueError:
            inside = None
        if inside is not None and inside != Path("."):
            return problem("Filer i undermapper av examples/ blir ikke publisert. Flytt fila rett i examples/.")
    if path.suffix != ".md":
        return problem(
            f"Eksempelfiler skal slutte på «.md» (små bokstaver), ikke «{path.suffix or '(ingen)'}». "
            f"Gi fila navnet «{slugify(path.stem)}.md»."
        )
    if slugify(path.stem) in schema.reserved_slugs:
        return problem(
            f"Navnet «{path.stem}» er reservert for sider nettstedet lager selv. Velg et navn som sier "
            "hva eksempelet handler om, gjerne med kommunenavnet."
        )
    return []


def load_examples(
    directory: Path,
    schema: Schema | None = None,
    *,
    root: Path | None = None,
    today: date | None = None,
    files: list[Path] | None = None,
    validate_many: Callable | None = None,
) -> Catalog:
    """Validate everything in ``directory`` (or just ``files``) and check slugs and titles across them.

    ``validate_many(jobs, schema, today)`` gives :func:`validate_file`'s result for each (path, display)
    in ``jobs``, in order: by default one after the other; the build runs them in parallel and
    remembers them between `make serve` rebuilds (build.py)."""
    schema = schema or load_schema()
    root = root or directory.parent
    catalog = Catalog()
    paths = sorted(files) if files is not None else example_paths(directory)
    slugs: dict[str, str] = {}
    display_of = _Displays(root)
    jobs: list[tuple[Path, str]] = []
    for path in paths:
        # A link is named as itself, not as the file it points to.
        display = Path(os.path.relpath(path, root)).as_posix() if path.is_symlink() else display_of(path)
        refused = file_problems(path, display, schema, directory)
        if refused:
            catalog.problems += refused
            continue
        slug = slugify(path.stem)
        if slug in slugs:
            catalog.problems.append(
                Problem(
                    display,
                    1,
                    "filnavn",
                    f"Gir samme nettadresse (eksempler/{slug}/) som {slugs[slug]}. Gi en av filene et annet navn.",
                )
            )
            continue
        slugs[slug] = display
        jobs.append((path, display))
    for example, problems in (validate_many or validate_each)(jobs, schema, today):
        catalog.problems += problems
        if example is not None:
            catalog.examples.append(example)
    # Files checked alone are compared with the rest of the bank too: a new example whose title is taken
    # must be refused in its own pull request, not found when the next one is built (issue 18).
    others = []
    if files is not None:
        checked = {os.path.realpath(p) for p in paths}
        others = [p for p in example_paths(directory) if os.path.realpath(p) not in checked]
    holders: dict[str, list[str]] = {}
    for key, shown in _titles_in(others, display_of, schema):
        holders.setdefault(key, []).append(shown)
    for example in catalog.examples:
        holders.setdefault(fold(example.title), []).append(example.source_path)
    for example in catalog.examples:
        # Every file that shares a title is named, the new one and the old: neither can pass while the other
        # has it, and a summary of the changed file must never say it passed.
        same = [shown for shown in holders[fold(example.title)] if shown != example.source_path]
        if same:
            # At most three named: a pull request of many files with one title must not grow every message.
            named = ", ".join(same[:3]) + (f" og {len(same) - 3} til" if len(same) > 3 else "")
            catalog.problems.append(
                Problem(
                    example.source_path,
                    example.field_lines.get("tittel", 1),
                    "tittel",
                    f"Samme tittel som {named}. Gi eksempelet en tittel som skiller det "
                    "fra det andre, for eksempel med tiltaket eller årene.",
                )
            )
    catalog.problems = sort_problems(catalog.problems)
    return catalog


def _titles_in(paths: list[Path], display_of, schema: Schema):
    """(folded title, display) of each other example file, read without the full check (only its title
    is compared; its own problems are its own pull request's)."""
    limits = schema.limits
    for path in paths:
        if not path.is_file() or path.is_symlink() or path.suffix != ".md":
            continue
        shown = display_of(path)
        try:
            document, _ = read_document(
                path,
                shown,
                max_bytes=limits["maks_bytes"],
                max_depth=limits["maks_dybde"],
                max_values=limits["maks_verdier"],
            )
        except OSError:
            continue
        node = document.front.value.get("tittel") if document is not None else None
        if node is not None and node.kind == "str" and node.value.strip():
            yield fold(node.value.strip()), shown


def validate_each(jobs: list[tuple[Path, str]], schema: Schema, today: date | None):
    """:func:`validate_file` for each (path, display), one after the other."""
    return [validate_file(path, schema, display=display, today=today) for path, display in jobs]


class _Displays:
    """``_display`` for many files: the root and each folder are resolved once, not once per file."""

    def __init__(self, root: Path):
        self.root = os.path.realpath(root)
        self.prefix = self.root.rstrip(os.sep) + os.sep
        self.folders: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        text = os.fspath(path)
        if os.path.islink(text):
            real = os.path.realpath(text)
        else:
            folder, name = os.path.split(text)
            if folder not in self.folders:
                self.folders[folder] = os.path.realpath(folder or ".")
            real = os.path.join(self.folders[folder], name)
        if not real.startswith(self.prefix):
            return _display(path, Path(self.root))  # outside the root, or the root itself: as before
        return real[len(self.prefix) :].replace(os.sep, "/")


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()

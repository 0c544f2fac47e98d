"""Command line: ``eksempelbank sjekk`` (validate) and ``eksempelbank ny`` (scaffold)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import EXAMPLES_DIR, ROOT
from .guide import contributing
from .problems import summary
from .scaffold import NewExample, ScaffoldError, create_example
from .schema import load_schema
from .validate import example_paths, load_examples


def check(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.filer] or None
    missing = [f for f in files or [] if not f.is_file()]
    if missing:
        for f in missing:
            print(f"{f}: finnes ikke", file=sys.stderr)
        return 2
    catalog = load_examples(EXAMPLES_DIR, root=Path.cwd() if files else ROOT, files=files)
    github = args.format == "github" or (args.format == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")
    # GitHub shows only the first ten annotations of a step: keep them for the files the pull request
    # changes (--merk); problems elsewhere are still checked and printed, as plain lines.
    marked = {Path(f).as_posix() for f in args.merk} if args.merk is not None else None
    for problem in catalog.problems:
        annotate = github and (marked is None or problem.file in marked)
        print(problem.github() if annotate else problem.human())
    checked = len(files) if files else len(example_paths(EXAMPLES_DIR))
    status = summary(catalog.problems)
    print(f"Sjekket {checked} {'eksempel' if checked == 1 else 'eksempler'}: {status}.", file=sys.stderr)
    return 1 if catalog.errors else 0


def _ask(prompt: str, choices: list[tuple[str, str]] | None = None, many: bool = False) -> list[str]:
    """Ask on the terminal; with choices, show them numbered and accept numbers or identifiers."""
    if choices:
        print(prompt)
        for number, (value, label) in enumerate(choices, start=1):
            print(f"  {number:2}. {label} ({value})")
        prompt = "Velg " + ("ett eller flere nummer, skilt med komma" if many else "et nummer") + ": "
    while True:
        answer = input(prompt).strip()
        if not answer:
            continue
        if not choices:
            return [answer]
        picked = []
        for part in answer.split(",") if many else [answer]:
            part = part.strip()
            if part.isdigit() and 1 <= int(part) <= len(choices):
                picked.append(choices[int(part) - 1][0])
            elif part in dict(choices):
                picked.append(part)
            else:
                print(f"«{part}» er ikke et av valgene.")
                break
        else:
            return picked


def new_example(args: argparse.Namespace) -> int:
    schema = load_schema()
    interactive = sys.stdin.isatty()

    def choices(name: str) -> list[tuple[str, str]]:
        return [(t.id, t.label) for t in schema.vocabularies[name]]

    def value(current, prompt, vocabulary=None, many=False):
        if current:
            return current
        if not interactive:
            raise ScaffoldError(f"Mangler {prompt.rstrip(': ').lower()}. Se «eksempelbank ny --help».")
        return _ask(prompt, choices(vocabulary) if vocabulary else None, many)

    try:
        new = NewExample(
            title=value([args.tittel] if args.tittel else None, "Tittel: ")[0],
            municipalities=value(args.kommune, "Kommune (navn eller nummer): "),
            county=args.fylke,
            size=value([args.kommunestorrelse] if args.kommunestorrelse else None, "Kommunestørrelse:",
                       "kommunestorrelser")[0],
            factors=value(_split(args.suksessfaktorer), "Suksessfaktorer:", "suksessfaktorer", many=True),
            target_groups=value(_split(args.malgrupper), "Målgrupper:", "malgrupper", many=True),
            themes=_split(args.tema) or [],
            language=args.sprak,
        )
        path = create_example(new, schema, Path(args.mappe))
    except ScaffoldError as error:
        print(f"Feil: {error}", file=sys.stderr)
        return 1
    print(f"Laget {path}. Fyll inn avsnittene, og sjekk med: eksempelbank sjekk {path}")
    return 0


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def write_guide(args: argparse.Namespace) -> int:
    target = ROOT / "CONTRIBUTING.md"
    text = contributing(load_schema(), ROOT / "docs" / "bidra" / "index.md")
    if args.sjekk:
        if target.read_text(encoding="utf-8") != text:
            print("CONTRIBUTING.md er utdatert: kjør «eksempelbank veiledning».", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"Skrev {target.relative_to(ROOT)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eksempelbank", description="Verktøy for den boligsosiale eksempelbanken.")
    commands = parser.add_subparsers(dest="kommando", required=True)
    sjekk = commands.add_parser("sjekk", help="Sjekk eksempler med de samme reglene som byggingen av nettstedet.")
    sjekk.add_argument("filer", nargs="*", help="Filer som skal sjekkes (standard: alle i examples/).")
    sjekk.add_argument("--format", choices=["auto", "tekst", "github"], default="auto",
                       help="tekst for mennesker, github for merknader i pull requests (standard: github i GitHub Actions).")
    sjekk.add_argument("--merk", nargs="*", metavar="FIL",
                       help="Med --format github: lag merknader bare for disse filene (de som er endret i en pull "
                            "request); alle filer sjekkes likevel.")
    sjekk.set_defaults(run=check)

    ny = commands.add_parser("ny", help="Lag en ny eksempelfil med alle standardavsnittene.",
                             description="Lag en ny eksempelfil. Det du ikke oppgir, blir du spurt om.")
    ny.add_argument("--tittel")
    ny.add_argument("--kommune", action="append", help="Kommunenavn eller -nummer (kan gjentas).")
    ny.add_argument("--fylke", help="Valgfritt; må stemme med kommunen.")
    ny.add_argument("--kommunestorrelse", help="liten, mellomstor eller stor.")
    ny.add_argument("--suksessfaktorer", help="Kommaseparert, f.eks. kompetanse,brukermedvirkning.")
    ny.add_argument("--malgrupper", help="Kommaseparert, f.eks. bostedslose,ungdom.")
    ny.add_argument("--tema", help="Valgfritt, kommaseparert.")
    ny.add_argument("--sprak", default="nb", choices=["nb", "nn"])
    ny.add_argument("--mappe", default=str(EXAMPLES_DIR), help="Hvor fila skal lagres (standard: examples/).")
    ny.set_defaults(run=new_example)

    veiledning = commands.add_parser("veiledning", help="Skriv CONTRIBUTING.md på nytt fra docs/bidra/ og data/.")
    veiledning.add_argument("--sjekk", action="store_true", help="Bare sjekk at CONTRIBUTING.md er oppdatert.")
    veiledning.set_defaults(run=write_guide)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)

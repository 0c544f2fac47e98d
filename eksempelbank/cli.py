"""Command line: ``eksempelbank sjekk`` (validate) and ``eksempelbank ny`` (scaffold)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import EXAMPLES_DIR, ROOT
from .problems import summary
from .validate import load_examples


def check(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.filer] or None
    missing = [f for f in files or [] if not f.is_file()]
    if missing:
        for f in missing:
            print(f"{f}: finnes ikke", file=sys.stderr)
        return 2
    catalog = load_examples(EXAMPLES_DIR, root=Path.cwd() if files else ROOT, files=files)
    github = args.format == "github" or (args.format == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")
    for problem in catalog.problems:
        print(problem.github() if github else problem.human())
    checked = len(files) if files else len(list(EXAMPLES_DIR.glob("*.md")))
    status = summary(catalog.problems)
    print(f"Sjekket {checked} {'eksempel' if checked == 1 else 'eksempler'}: {status}.", file=sys.stderr)
    return 1 if catalog.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eksempelbank", description="Verktøy for den boligsosiale eksempelbanken.")
    commands = parser.add_subparsers(dest="kommando", required=True)
    sjekk = commands.add_parser("sjekk", help="Sjekk eksempler med de samme reglene som byggingen av nettstedet.")
    sjekk.add_argument("filer", nargs="*", help="Filer som skal sjekkes (standard: alle i examples/).")
    sjekk.add_argument("--format", choices=["auto", "tekst", "github"], default="auto",
                       help="tekst for mennesker, github for merknader i pull requests (standard: github i GitHub Actions).")
    sjekk.set_defaults(run=check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)

"""Command line: ``eksempelbank sjekk`` (validate), ``ny`` (scaffold), ``veiledning``, ``ferskhet``
(examples due for review) and ``lenker`` (addresses for the link check).

Every command works on the project found from the working directory (or ``--prosjekt``), not on
the folder the package is installed in."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .editors.freshness import due_for_review, render_json, render_markdown, render_text
from .editors.issue_form import CHOOSER_PATH, issue_chooser, issue_form
from .editors.issue_form import PATH as ISSUE_FORM_PATH
from .editors.links import external_links, render_links
from .editors.pr_summary import file_title, guide_url, summary_markdown
from .editors.scaffold import NewExample, ScaffoldError, create_example
from .reading.problems import log_safe, summary
from .reading.project import Project, ProjectNotFound, github_blob_base, open_project, published_address, site_name
from .reading.schema import load_schema
from .reading.validate import _Displays, example_paths, load_examples
from .website.guide import contributing
from .website.publishing import page_values


def check(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.filer] or None
    missing = [f for f in files or [] if not f.is_file()]
    if missing:
        for f in missing:
            print(log_safe(f"{f}: finnes ikke"), file=sys.stderr)
        return 2
    project: Project = args.project
    schema = load_schema(project.data_dir)
    root = Path.cwd() if files else project.root  # files are named as given; the whole bank from its root
    catalog = load_examples(project.examples_dir, schema, root=root, files=files)
    display = _Displays(root)  # how load_examples names a file in its problems
    github = args.format == "github" or (args.format == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")
    # GitHub shows only the first ten annotations of a step: keep them for the files the pull request
    # changes (--merk); problems elsewhere are still checked and printed, as plain lines.
    marked = [display(Path(f)) for f in args.merk] if args.merk is not None else None
    for problem in catalog.problems:
        annotate = github and (marked is None or problem.file in marked)
        print(problem.github() if annotate else problem.human())
    paths = files or example_paths(project.examples_dir)
    status = summary(catalog.problems)
    print(f"Sjekket {len(paths)} {'eksempel' if len(paths) == 1 else 'eksempler'}: {status}.", file=sys.stderr)
    if args.sammendrag:
        # The summary is about the changed files (--merk), or else the files checked.
        shown = marked if marked is not None else [display(p) for p in paths]
        by_display = {display(p): p for p in [Path(f) for f in args.merk or []] + list(paths)}
        passed = {e.source_path for e in catalog.examples}
        titles = {
            d: t
            for d in shown
            if d not in passed and d in by_display and (t := file_title(by_display[d], d, schema)) is not None
        }
        text = summary_markdown(
            shown, catalog, schema, titles=titles, guide=guide_url(github_blob_base(project.settings()))
        )
        try:
            with open(args.sammendrag, "a", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            print(f"Kunne ikke skrive sammendraget til {args.sammendrag}: {error.strerror}.", file=sys.stderr)
            return 2
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
    schema = load_schema(args.project.data_dir)
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
            size=value(
                [args.kommunestorrelse] if args.kommunestorrelse else None, "Kommunestørrelse:", "kommunestorrelser"
            )[0],
            factors=value(_split(args.suksessfaktorer), "Suksessfaktorer:", "suksessfaktorer", many=True),
            target_groups=value(_split(args.malgrupper), "Målgrupper:", "malgrupper", many=True),
            themes=_split(args.tema) or [],
            language=args.sprak,
        )
        path = create_example(new, schema, Path(args.mappe) if args.mappe else args.project.examples_dir)
    except ScaffoldError as error:
        print(f"Feil: {error}", file=sys.stderr)
        return 1
    print(f"Laget {path}. Fyll inn avsnittene, og sjekk med: eksempelbank sjekk {path}")
    return 0


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def write_guide(args: argparse.Namespace) -> int:
    """CONTRIBUTING.md and the GitHub issue form, both generated from the format."""
    root = args.project.root
    schema = load_schema(args.project.data_dir)
    values = page_values(args.project.settings(), site_name(root))
    generated = {
        root / "CONTRIBUTING.md": contributing(schema, root / "docs" / "bidra" / "index.md", values),
        root / ISSUE_FORM_PATH: issue_form(schema),
        root / CHOOSER_PATH: issue_chooser(published_address(root)),
    }
    if args.sjekk:
        stale = [
            path for path, text in generated.items() if not path.is_file() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"{path.relative_to(root)} er utdatert: kjør «eksempelbank veiledning».", file=sys.stderr)
        return 1 if stale else 0
    for path, text in generated.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Skrev {path.relative_to(root)}")
    return 0


def _valid_catalog(project: Project):
    """Every example, or None after printing why they cannot be read (a report needs them all)."""
    catalog = load_examples(project.examples_dir, load_schema(project.data_dir), root=project.root)
    if catalog.errors:
        for problem in catalog.problems:
            print(problem.human(), file=sys.stderr)
        print(
            f"Eksemplene kan ikke leses: {summary(catalog.problems)}. Rett feilene (se «eksempelbank sjekk») "
            "og prøv igjen.",
            file=sys.stderr,
        )
        return None
    return catalog


def freshness(args: argparse.Namespace) -> int:
    catalog = _valid_catalog(args.project)
    if catalog is None:
        return 1
    schema = load_schema(args.project.data_dir)
    today = args.dato or date.today()
    stale, soon = due_for_review(catalog.examples, schema, today)
    if args.format == "json":
        sys.stdout.write(render_json(stale, soon, today))
    elif args.format == "markdown":
        base = github_blob_base(args.project.settings())
        sys.stdout.write(render_markdown(stale, soon, schema, today, link_base=base))
    else:
        sys.stdout.write(render_text(stale, soon, schema, today))
    return 0


def links(args: argparse.Namespace) -> int:
    catalog = _valid_catalog(args.project)
    if catalog is None:
        return 1
    sys.stdout.write(render_links(external_links(catalog.examples), with_file=args.med_fil))
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{text}» er ikke en dato. Skriv ÅÅÅÅ-MM-DD, for eksempel 2026-11-21."
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eksempelbank", description="Verktøy for den boligsosiale eksempelbanken.")
    parser.add_argument(
        "--prosjekt",
        metavar="MAPPE",
        help="Mappa med eksempelbanken (der data/ og examples/ ligger). Standard: denne mappa "
        "eller den nærmeste over den som har data/eksempelformat.yml.",
    )
    commands = parser.add_subparsers(dest="kommando", required=True)
    sjekk = commands.add_parser("sjekk", help="Sjekk eksempler med de samme reglene som byggingen av nettstedet.")
    sjekk.add_argument("filer", nargs="*", help="Filer som skal sjekkes (standard: alle i examples/).")
    sjekk.add_argument(
        "--format",
        choices=["auto", "tekst", "github"],
        default="auto",
        help="tekst for mennesker, github for merknader i pull requests (standard: github i GitHub Actions).",
    )
    sjekk.add_argument(
        "--merk",
        nargs="*",
        metavar="FIL",
        help="Med --format github: lag merknader bare for disse filene (de som er endret i en pull "
        "request); alle filer sjekkes likevel.",
    )
    sjekk.add_argument(
        "--sammendrag",
        metavar="FIL",
        help="Legg et sammendrag i Markdown til FIL (i GitHub Actions: $GITHUB_STEP_SUMMARY): hver "
        "fil i --merk (ellers hver fil som sjekkes) med feil, hvordan de rettes, og en "
        "forhåndsvisning av dem som består.",
    )
    sjekk.set_defaults(run=check)

    ny = commands.add_parser(
        "ny",
        help="Lag en ny eksempelfil med alle standardavsnittene.",
        description="Lag en ny eksempelfil. Det du ikke oppgir, blir du spurt om.",
    )
    ny.add_argument("--tittel")
    ny.add_argument("--kommune", action="append", help="Kommunenavn eller -nummer (kan gjentas).")
    ny.add_argument("--fylke", help="Valgfritt; må stemme med kommunen.")
    ny.add_argument("--kommunestorrelse", help="liten, mellomstor eller stor.")
    ny.add_argument("--suksessfaktorer", help="Kommaseparert, f.eks. kompetanse,brukermedvirkning.")
    ny.add_argument("--malgrupper", help="Kommaseparert, f.eks. bostedslose,ungdom.")
    ny.add_argument("--tema", help="Valgfritt, kommaseparert.")
    ny.add_argument("--sprak", default="nb", choices=["nb", "nn"])
    ny.add_argument("--mappe", help="Hvor fila skal lagres (standard: examples/ i eksempelbanken).")
    ny.set_defaults(run=new_example)

    veiledning = commands.add_parser(
        "veiledning",
        help="Skriv CONTRIBUTING.md og saksskjemaet for GitHub (.github/ISSUE_TEMPLATE/) på nytt "
        "fra docs/bidra/ og data/.",
    )
    veiledning.add_argument(
        "--sjekk", action="store_true", help="Bare sjekk at CONTRIBUTING.md og saksskjemaet er oppdatert."
    )
    veiledning.set_defaults(run=write_guide)

    ferskhet = commands.add_parser(
        "ferskhet",
        help="List eksemplene som bør vurderes på nytt (sist_vurdert for gammel eller snart for gammel).",
        description="List eksempler der sist_vurdert er eldre enn grensen i data/eksempelformat.yml, og for seg "
        "dem som passerer grensen snart. Avslutter med 0 også når noen står på lista.",
    )
    ferskhet.add_argument(
        "--format",
        choices=["tekst", "markdown", "json"],
        default="tekst",
        help="tekst for terminalen, markdown for en sak (issue) på GitHub, json for arbeidsflyter (antall og liste).",
    )
    ferskhet.add_argument("--dato", type=_date, metavar="ÅÅÅÅ-MM-DD", help="Regn fra denne datoen (standard: i dag).")
    ferskhet.set_defaults(run=freshness)

    lenker = commands.add_parser(
        "lenker", help="Skriv alle nettadresser i kilder og lenker, én per linje (uten dem som er merket nedlagt)."
    )
    lenker.add_argument("--med-fil", action="store_true", help="Skriv «adresse<TAB>fil» for hver fil adressen står i.")
    lenker.set_defaults(run=links)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.project = open_project(args.prosjekt)
    except ProjectNotFound as error:
        print(f"Feil: {error}", file=sys.stderr)
        return 2
    return args.run(args)

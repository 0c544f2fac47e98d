"""The job summary of the pull-request check (``eksempelbank sjekk --sammendrag``), for a new editor.

For each changed example: its title, whether it passes, every problem (line, field, message) and how
to fix it; then a preview of each example that passes. Everything from an example is untrusted:
values are escaped (:mod:`markdown_text`), and the preview's body is only the HTML that body.py
rendered, checked and rebuilt with nh3 (``Example.sections``), never the file's own Markdown or HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..reading.document import read_document
from ..reading.model import Example
from ..reading.problems import Problem
from ..reading.schema import Schema
from ..reading.validate import Catalog
from ..website.facets import label
from .markdown_text import html_text, markdown_text, one_line

#: The guide's section on a failing check (docs/bidra/index.md); linked from the summary.
GUIDE_PATH = "docs/bidra/index.md"
GUIDE_SECTION = "Når sjekken av pull requesten feiler"
PREVIEW_LIMIT = 60_000  # bytes of preview per example
TOTAL_LIMIT = 900_000  # GitHub takes at most 1 MiB per step's summary
PROBLEMS_SHOWN = 60  # per file; the log has them all
RESERVED = 20_000  # room kept for the closing text (how to fix) under TOTAL_LIMIT

_BLANK_LINE = re.compile(r"\n([ \t]*)\n")
_FACT_FIELDS = (
    "ansvarlig_aktor",
    "ansvarlig_enhet",
    "fylke",
    "kommunestorrelse",
    "program",
    "suksessfaktorer",
    "malgrupper",
    "tema",
    "lovplikter",
    "pris",
)


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading in a Markdown file (lower case, punctuation dropped)."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def guide_url(blob_base: str | None) -> str | None:
    """``https://github.com/eier/navn/blob/main/docs/bidra/index.md#når-…``, or None without a repository."""
    return f"{blob_base}{GUIDE_PATH}#{github_anchor(GUIDE_SECTION)}" if blob_base else None


def file_title(path: Path, display: str, schema: Schema) -> str | None:
    """The ``tittel`` written in a file that did not pass, when its front matter can be read at all."""
    try:
        document, _ = read_document(
            path,
            display,
            max_bytes=schema.limits["maks_bytes"],
            max_depth=schema.limits["maks_dybde"],
            max_values=schema.limits["maks_verdier"],
        )
    except OSError:
        return None
    if document is None or document.front.kind != "map":
        return None
    node = document.front.value.get("tittel")
    if node is None or not node.is_scalar:
        return None
    return str(node.value).strip() or None


def _cut(text: str, length: int) -> str:
    """Messages and titles quote the file, which may be long: keep the summary bounded."""
    text = one_line(text)
    return text if len(text) <= length else text[:length] + " …"


def _problem_line(problem: Problem) -> str:
    kind = "Feil" if problem.is_error else "Advarsel"
    field = f", felt «{markdown_text(_cut(problem.field, 100))}»" if problem.field else ""
    return f"- **{kind}** på linje {problem.line}{field}: {markdown_text(_cut(problem.message, 1000))}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _no_blank_lines(markup: str) -> str:
    """An HTML block in Markdown ends at a blank line, and GitHub would read what follows as Markdown.
    Writing such a line break as a character reference keeps the same text in one block."""
    return _BLANK_LINE.sub(lambda m: "\n" + m.group(1) + "&#10;", markup.strip())


def _facts(example: Example, schema: Schema) -> list[tuple[str, str]]:
    facet_by_field = {f.field: f for f in schema.facets}
    rows = [("Kommune", example.municipality_label)]
    for name in _FACT_FIELDS:
        spec = schema.fields.get(name)
        facet = facet_by_field.get(name)
        values = example.facet_values(name)
        if spec is None or not values:
            continue
        shown = [label(schema, facet, v) if facet else str(v) for v in values]
        rows.append((spec.label, ", ".join(shown)))
        if name == "kommunestorrelse":
            rows.append(("Periode", example.period_label))
    rows.append(("Sist vurdert", example.reviewed.isoformat()))
    return rows


def preview(example: Example, schema: Schema, limit: int = PREVIEW_LIMIT) -> str:
    """The example's page text as one HTML block: escaped values and the checked section HTML."""
    head = [
        f"<details>\n<summary>Forhåndsvisning: {html_text(example.title)}</summary>",
        f"<h1>{html_text(example.title)}</h1>",  # the page's levels: sections h2, their headings h3
        f"<p><em>{html_text(example.summary)}</em></p>",
        "<dl>"
        + "".join(f"<dt>{html_text(k)}</dt><dd>{html_text(v)}</dd>" for k, v in _facts(example, schema))
        + "</dl>",
    ]
    parts, size = list(head), sum(len(p.encode("utf-8")) for p in head)
    for section in example.sections:
        block = f"<h2>{html_text(section.title)}</h2>\n{_no_blank_lines(section.html)}"
        size += len(block.encode("utf-8"))
        if size > limit:
            parts.append(
                f"<p><em>Forhåndsvisningen stopper her (over {limit // 1000} kB). Hele siden vises når "
                "nettstedet bygges.</em></p>"
            )
            break
        parts.append(block)
    else:
        items = []
        for source in example.values.get("kilder", []) + example.values.get("lenker", []):
            text = html_text(source["tittel"])
            if source.get("url"):
                text += f" – {html_text(source['url'])}"
            items.append(f"<li>{text}</li>")
        if items:
            parts.append("<h2>Kilder og lenker</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>")
    parts.append("</details>")
    return "\n".join(parts) + "\n"


def summary_markdown(
    files: list[str],
    catalog: Catalog,
    schema: Schema,
    *,
    titles: dict[str, str] | None = None,
    guide: str | None = None,
    preview_limit: int = PREVIEW_LIMIT,
    total_limit: int = TOTAL_LIMIT,
) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``. ``files`` are the changed files as the problems name them;
    ``titles`` the titles written in files that did not pass (see :func:`file_title`)."""
    titles = titles or {}
    examples = {e.source_path: e for e in catalog.examples}
    by_file: dict[str, list[Problem]] = {}
    for problem in catalog.problems:
        by_file.setdefault(problem.file, []).append(problem)
    files = list(dict.fromkeys(files))
    failing = [f for f in files if any(p.is_error for p in by_file.get(f, []))]
    passing = [f for f in files if f in examples and f not in failing]

    out = ["## Sjekk av eksemplene", ""]
    if not files:
        out += ["Pull requesten endrer ingen eksempelfiler.", ""]
    elif failing:
        out += [
            f"❌ {len(failing)} av {_count(len(files), 'endret eksempel', 'endrede eksempler')} har feil som "
            "må rettes før eksemplene kan publiseres.",
            "",
        ]
    elif len(passing) < len(files):
        # ✅ is said only of files that were checked and passed: a name that matched no checked file (a
        # name quoted by git, a file outside examples/) is never counted as passing (issue 18).
        out += [
            f"⚠️ {len(files) - len(passing)} av {_count(len(files), 'endret fil', 'endrede filer')} ble ikke "
            "sjekket som eksempel. Se loggen for steget.",
            "",
        ]
    else:
        out += [
            f"✅ {'Det endrede eksempelet' if len(files) == 1 else f'Alle de {len(files)} endrede eksemplene'} "
            "består sjekken.",
            "",
        ]

    def size(lines: list[str]) -> int:
        return sum(len(line.encode("utf-8")) + 1 for line in lines)

    used = size(out)
    for index, file in enumerate(files):
        if used > total_limit - RESERVED:  # many files with many problems: the log has the rest
            out += [f"… og {_count(len(files) - index, 'fil', 'filer')} til. Se loggen for steget.", ""]
            break
        start = len(out)
        problems = by_file.get(file, [])
        example = examples.get(file)
        title = example.title if example else titles.get(file) or Path(file).name
        mark = "❌" if file in failing else "✅" if example else "⚠️"
        out += [f"### {mark} {markdown_text(_cut(title, 200))}", "", f"Fil: {markdown_text(file)}", ""]
        errors = [p for p in problems if p.is_error]
        warnings = [p for p in problems if not p.is_error]
        if file in failing:
            out.append(
                f"{_count(len(errors), 'feil', 'feil')} må rettes"
                + (f", og {_count(len(warnings), 'advarsel', 'advarsler')} bør sees på:" if warnings else ":")
            )
        elif example is None:
            out.append("Fila ble ikke sjekket (den finnes ikke, eller er ikke en eksempelfil i examples/).")
        elif warnings:
            out.append(f"Ingen feil. {_count(len(warnings), 'advarsel', 'advarsler')} (stopper ikke publiseringen):")
        else:
            out.append("Ingen feil eller advarsler.")
        shown = errors + warnings
        if shown:
            out.append("")
            out += [_problem_line(p) for p in shown[:PROBLEMS_SHOWN]]
            if len(shown) > PROBLEMS_SHOWN:
                out.append(f"- … og {len(shown) - PROBLEMS_SHOWN} til. Se loggen for steget «Sjekk eksemplene».")
        out.append("")
        used += size(out[start:])

    others = sorted({p.file for p in catalog.errors} - set(files))
    if others:
        out += [
            f"Det er også feil i {_count(len(others), 'annen eksempelfil', 'andre eksempelfiler')} enn dem pull "
            "requesten endrer; se loggen for steget.",
            "",
        ]

    if failing:
        out += [
            "### Slik retter du feilene",
            "",
            "1. Åpne fanen «Files changed» i pull requesten. Ved fila trykker du på «…» og velger «Edit file» "
            "(eller blyanten).",
            "2. Rett linjene som er nevnt over. Linjenummeret står til venstre i redigeringen.",
            "3. Trykk «Commit changes» og lagre i den samme grenen (branch) som pull requesten. Sjekken kjører "
            "da på nytt av seg selv, og denne oppsummeringen lages på nytt.",
            "",
        ]
        if guide:
            out += [f"Veiledningen forklarer hvert felt og de tillatte verdiene: [{GUIDE_SECTION}]({guide}).", ""]
        out += ["Advarsler stopper ikke publiseringen, men se gjerne på dem.", ""]

    if passing:
        out += [
            "### Forhåndsvisning",
            "",
            "Slik blir teksten i eksempelet på nettstedet (uten nettstedets utforming). Trykk på tittelen for å "
            "åpne den.",
            "",
        ]
        used = size(out)
        for file in passing:
            block = preview(examples[file], schema, preview_limit)
            if used + len(block.encode("utf-8")) > total_limit:
                out += [
                    "Flere forhåndsvisninger får ikke plass her. Se eksemplene med «make serve», eller i "
                    "nettstedet når pull requesten er slått sammen.",
                    "",
                ]
                break
            used += len(block.encode("utf-8"))
            out += [block]
    return "\n".join(out).rstrip("\n") + "\n"

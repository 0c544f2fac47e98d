"""Publishing and upkeep from the command line: the freshness list, the link list, the pull-request
job summary, and an installed package finding the project from the working directory."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from eksempelbank import ROOT
from eksempelbank.editors.freshness import NOTHING_DUE, due_for_review, render_markdown, render_text
from eksempelbank.editors.links import external_links
from eksempelbank.editors.pr_summary import GUIDE_PATH, GUIDE_SECTION, summary_markdown
from eksempelbank.reading.problems import Problem
from eksempelbank.reading.staleness import is_stale
from eksempelbank.reading.validate import Catalog, load_examples, validate_file

from .conftest import CORPUS

DAY = date(2026, 6, 1)  # "today" for the freshness list (--dato)
REVIEWED = {  # file -> sist_vurdert; the limit is 3 years (1096 days later), the warning window 90 days
    "gammel": date(2019, 1, 15),  # past the limit since 2022-01-15
    "akkurat": date(2023, 6, 1),  # past it from today, 2026-06-01
    "snart": date(2023, 6, 2),  # passes it tomorrow
    "kanten": date(2023, 8, 30),  # passes it in 90 days: the last day of the window
    "fersk": date(2023, 8, 31),  # in 91 days: not listed
}
HOSTILE_TITLE = "Tittel <img src=x onerror=alert(1)> og [x](javascript:alert(1)) *fet*"
MINIMAL_MKDOCS = "extra:\n  eksempelbank:\n    repository: eier/eksempelbank\n    branch: main\n"


def run(*args, cwd, env=None):
    return subprocess.run(
        [sys.executable, "-m", "eksempelbank", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
        timeout=120,
    )


def example_text(
    title: str, reviewed: date, *, kilder: str | None = None, body_extra: str = "", kommune: str = "Stord"
) -> str:
    """The corpus' valid example with another title, date, sources or body."""
    text = (CORPUS / "valid" / "gyldig-eksempel.md").read_text(encoding="utf-8")
    text = text.replace("tittel: Boligkontor i Stord", f"tittel: {_yaml_quoted(title)}")
    text = text.replace("sist_vurdert: 2026-11-01", f"sist_vurdert: {reviewed.isoformat()}")
    text = text.replace("kommune: Stord", f"kommune: {kommune}")
    if kilder is not None:
        text = re.sub(r"(?ms)^kilder:\n.*?(?=^sist_vurdert:)", kilder, text)
    return text.replace("Kommunen opprettet et boligkontor.\n", "Kommunen opprettet et boligkontor.\n" + body_extra)


def _yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_project(root: Path, files: dict[str, str], mkdocs: str | None = MINIMAL_MKDOCS) -> Path:
    """A checkout to work in: the real format in data/ and the given examples."""
    shutil.copytree(ROOT / "data", root / "data")
    (root / "examples").mkdir()
    for name, text in files.items():
        (root / "examples" / f"{name}.md").write_text(text, encoding="utf-8")
    if mkdocs is not None:
        (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    return root


@pytest.fixture
def freshness_project(tmp_path):
    return make_project(
        tmp_path / "bank", {name: example_text(f"Boligkontor {name}", reviewed) for name, reviewed in REVIEWED.items()}
    )


# -- freshness -----------------------------------------------------------------------------------


def test_freshness_picks_the_stale_and_the_soon_stale_with_their_dates(freshness_project, schema):
    catalog = load_examples(freshness_project / "examples", schema, root=freshness_project)
    assert catalog.errors == []
    stale, soon = due_for_review(catalog.examples, schema, DAY)
    assert [(d.example.source_path, d.limit) for d in stale] == [
        ("examples/gammel.md", date(2022, 1, 15)),
        ("examples/akkurat.md", date(2026, 6, 1)),
    ]
    assert [(d.example.source_path, d.limit) for d in soon] == [
        ("examples/snart.md", date(2026, 6, 2)),
        ("examples/kanten.md", date(2026, 8, 30)),
    ]

    text = render_text(stale, soon, schema, DAY)
    assert (
        text.index("Sist vurdert for mer enn 3 år siden (2 eksempler)")
        < text.index("Boligkontor gammel")
        < text.index("Boligkontor akkurat")
        < text.index("Passerer grensen innen 90 dager (2 eksempler)")
        < text.index("Boligkontor snart")
        < text.index("Boligkontor kanten")
    )
    assert ("examples/gammel.md · Stord · sist vurdert 2019-01-15 · over grensen siden 2022-01-15") in text
    assert "sist vurdert 2023-06-02 · passerer grensen 2026-06-02 (om 1 dag)" in text
    assert "passerer grensen 2026-08-30 (om 90 dager)" in text
    assert "fersk" not in text


def test_freshness_uses_the_same_rule_as_the_checks_warning(freshness_project, schema):
    """An example is on the stale list exactly when `eksempelbank sjekk` warns that it is old."""
    stale_names = {"gammel", "akkurat"}
    for name in REVIEWED:
        _, problems = validate_file(freshness_project / "examples" / f"{name}.md", schema, today=DAY)
        warned = any(p.field == "sist_vurdert" and not p.is_error for p in problems)
        assert warned == (name in stale_names), name
        assert is_stale(REVIEWED[name], DAY, 3) == (name in stale_names), name


def test_freshness_markdown_is_an_issue_body_with_a_task_list(freshness_project):
    result = run("ferskhet", "--format", "markdown", "--dato", DAY.isoformat(), cwd=freshness_project)
    assert result.returncode == 0, result.stderr
    body = result.stdout
    assert body.startswith("## Eksempler som bør vurderes på nytt\n")
    assert "sett `sist_vurdert`" in body and "pull request" in body and "kildene" in body
    tasks = [line for line in body.splitlines() if line.startswith("- [ ] ")]
    assert len(tasks) == 4
    assert tasks[0].startswith(
        "- [ ] [Boligkontor gammel](https://github.com/eier/eksempelbank/blob/main/"
        "examples/gammel.md) – `examples/gammel.md` – Stord – sist vurdert 2019-01-15, "
        "over grensen siden 2022-01-15"
    )
    assert (
        body.index("### Sist vurdert for mer enn 3 år siden (2)")
        < body.index("gammel.md")
        < body.index("### Passerer grensen innen 90 dager (2)")
        < body.index("snart.md")
    )
    assert "Ingen eksempler" not in body


def test_freshness_says_ingen_eksempler_when_nothing_is_due(freshness_project):
    for fmt in ("tekst", "markdown"):
        result = run("ferskhet", "--format", fmt, "--dato", "2020-01-01", cwd=freshness_project)
        assert result.returncode == 0
        assert result.stdout == NOTHING_DUE + "\n"
        assert "Ingen eksempler" in result.stdout


def test_freshness_reads_the_limits_from_the_format(freshness_project, schema):
    spec = schema.fields["sist_vurdert"]
    assert (spec.stale_after_years, spec.warn_before_days) == (3, 90)
    catalog = load_examples(freshness_project / "examples", schema, root=freshness_project)
    longer = replace(
        schema, fields={**schema.fields, "sist_vurdert": replace(spec, stale_after_years=5, warn_before_days=10)}
    )
    stale, soon = due_for_review(catalog.examples, longer, DAY)
    assert [d.example.source_path for d in stale] == ["examples/gammel.md"]  # 2019 + 5 years: 2024
    assert soon == []
    assert "Sist vurdert for mer enn 5 år siden" in render_markdown(stale, soon, longer, DAY)


def test_freshness_fails_only_when_the_examples_cannot_be_read(freshness_project):
    (freshness_project / "examples" / "ødelagt.md").write_text(
        example_text("Ødelagt", date(2024, 1, 1), kommune="Stordd"), encoding="utf-8"
    )
    result = run("ferskhet", "--dato", DAY.isoformat(), cwd=freshness_project)
    assert result.returncode == 1
    assert "«Stordd» er ikke en kommune" in result.stderr
    assert "Traceback" not in result.stderr
    bad_date = run("ferskhet", "--dato", "1. juni", cwd=freshness_project)
    assert bad_date.returncode == 2 and "Skriv ÅÅÅÅ-MM-DD" in bad_date.stderr


# -- link list -----------------------------------------------------------------------------------

LINK_SOURCES = """kilder:
  - tittel: Eksempelside på et nettsted som er lagt ned
    utgiver: Veiviseren.no
    url: https://veiviseren.example.no/eksempel
    nedlagt: 2023-04-01
  - tittel: Rapporten
    url: https://www.example.no/rapport.pdf
lenker:
  - tittel: Handlingsplan
    url: https://www.example.no/plan.pdf
"""


@pytest.fixture
def links_project(tmp_path, schema):
    if "nedlagt" not in schema.entries["kilder"]["keys"]:
        pytest.skip("data/eksempelformat.yml godtar ennå ikke «nedlagt» i kilder (entries.kilder.keys)")
    return make_project(
        tmp_path / "bank",
        {
            "a-plan": example_text("Plan og rapport", date(2026, 1, 1), kilder=LINK_SOURCES),
            "b-rapport": example_text(
                "Bare rapporten",
                date(2026, 1, 1),
                kilder=(
                    "kilder:\n  - tittel: Rapporten\n    url: https://www.example.no/rapport.pdf\n"
                    "  - tittel: Trykt\n    dokument: Stord kommune, 2019\n    uten_nettadresse: 2026-01-01\n"
                ),
            ),
        },
    )


def test_links_lists_each_address_once_and_leaves_out_closed_sites(links_project, schema):
    result = run("lenker", cwd=links_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["https://www.example.no/plan.pdf", "https://www.example.no/rapport.pdf"]
    assert "veiviseren" not in result.stdout
    with_file = run("lenker", "--med-fil", cwd=links_project)
    assert with_file.stdout.splitlines() == [
        "https://www.example.no/plan.pdf\texamples/a-plan.md",
        "https://www.example.no/rapport.pdf\texamples/a-plan.md",
        "https://www.example.no/rapport.pdf\texamples/b-rapport.md",
    ]
    catalog = load_examples(links_project / "examples", schema, root=links_project)
    assert ("https://veiviseren.example.no/eksempel", "examples/a-plan.md") not in external_links(catalog.examples)


# -- pull-request summary ------------------------------------------------------------------------

GOOD_BODY = (
    "\nDette er **fet** tekst og koden `<b>kode</b>`.\n\n<!-- hemmelig-kommentar -->\n\n"
    "    linje en\n\n    linje tre etter en tom linje\n"
)


@pytest.fixture
def summary_project(tmp_path):
    return make_project(
        tmp_path / "bank",
        {
            "godt": example_text("Godt " + HOSTILE_TITLE, date(2026, 1, 1), body_extra=GOOD_BODY),
            "ugyldig": example_text("Ugyldig " + HOSTILE_TITLE, date(2026, 1, 1), kommune="Stordd"),
            "urort": example_text("Ikke endret", date(2026, 1, 1)),
        },
    )


class _Rendered(HTMLParser):
    """What a Markdown renderer makes of the summary: no images, no script links, no handlers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "script", "iframe"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag} {name}={value}")


def _as_text(markdown_line: str) -> str:
    """A line of escaped Markdown as GitHub shows it (CommonMark backslash escapes, then entities)."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown_line))


def test_summary_names_file_line_field_and_fix_and_escapes_hostile_titles(summary_project):
    path = summary_project / "sammendrag.md"
    path.write_text("Fra før\n", encoding="utf-8")  # GitHub's file may hold other steps' summaries: append
    result = run(
        "sjekk",
        "--format",
        "tekst",
        "--sammendrag",
        str(path),
        "examples/ugyldig.md",
        "examples/godt.md",
        cwd=summary_project,
    )
    assert result.returncode == 1
    assert "examples/ugyldig.md:3: kommune: «Stordd» er ikke en kommune" in result.stdout  # the log as before
    text = path.read_text(encoding="utf-8")
    assert text.startswith("Fra før\n## Sjekk av eksemplene\n")
    lines = text.splitlines()

    heading = next(line for line in lines if line.startswith("### ❌"))
    assert _as_text(heading) == "### ❌ Ugyldig " + HOSTILE_TITLE
    assert _as_text(next(line for line in lines if line.startswith("### ✅"))) == "### ✅ Godt " + HOSTILE_TITLE
    assert "Fil: examples\\/ugyldig\\.md" in lines
    problem = next(line for line in lines if line.startswith("- **Feil**"))
    assert _as_text(problem).startswith("- **Feil** på linje 3, felt «kommune»: «Stordd» er ikke en kommune")
    assert "«Files changed»" in text and "«Edit file»" in text and "«Commit changes»" in text
    assert "samme grenen" in text and "kjører da på nytt" in text
    assert f"(https://github.com/eier/eksempelbank/blob/main/{GUIDE_PATH}#når-sjekken-av-pull-requesten-feiler)" in text
    assert "Ikke endret" not in text  # only the files named

    # Nothing from a title becomes markup: not as Markdown, not as HTML. (In the preview, an HTML block,
    # Markdown is not read: there the title is only HTML-escaped, checked below.)
    assert "<img" not in text
    markdown_part = text[: text.index("<details>")]
    assert "](javascript" not in markdown_part and "*fet*" not in markdown_part
    rendered = _Rendered()
    rendered.feed(markdown.markdown(text, extensions=["tables"]))
    assert rendered.bad == []


def test_summary_previews_a_passing_file_from_its_checked_html_only(summary_project, schema):
    path = summary_project / "sammendrag.md"
    result = run("sjekk", "--sammendrag", str(path), "examples/ugyldig.md", "examples/godt.md", cwd=summary_project)
    assert result.returncode == 1
    text = path.read_text(encoding="utf-8")
    preview = text[text.index("<details>") : text.index("</details>") + len("</details>")]
    assert text.count("<details>") == 1  # only the passing file
    assert "<h1>Godt Tittel &lt;img src=x onerror=alert(1)&gt; og [x](javascript:alert(1)) *fet*</h1>" in preview
    assert "<dt>Kommune</dt><dd>Stord</dd>" in preview and "<dt>Sist vurdert</dt><dd>2026-01-01</dd>" in preview
    assert "<h2>Oppsummert</h2>\n<p>Et testeksempel.</p>" in preview
    # The body as body.py published it: Markdown rendered, code escaped, comments gone.
    assert "<strong>fet</strong>" in preview and "**fet**" not in preview
    assert "&lt;b&gt;kode&lt;/b&gt;" in preview and "<b>" not in preview
    assert "hemmelig-kommentar" not in text
    # One HTML block: a blank line would end it and GitHub would read the rest as Markdown.
    assert "\n\n" not in preview.replace("\n&#10;", "") and "linje en\n&#10;linje tre" in preview

    catalog = load_examples(summary_project / "examples", schema, root=summary_project)
    good = next(e for e in catalog.examples if e.source_path == "examples/godt.md")
    for section in good.sections:
        assert section.html.replace("\n\n", "\n&#10;") in preview
    # The file's own Markdown or HTML is never used, whatever it holds.
    good.body = "<script>alert(1)</script> **rå markdown**"
    again = summary_markdown(["examples/godt.md"], catalog, schema)
    assert "<script" not in again and "rå markdown" not in again and "<strong>fet</strong>" in again


def test_summary_covers_the_changed_files_and_keeps_annotations_for_them(summary_project):
    path = summary_project / "sammendrag.md"
    result = run(
        "sjekk", "--format", "github", "--sammendrag", str(path), "--merk", "examples/ugyldig.md", cwd=summary_project
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=examples/ugyldig.md,line=3,title=kommune::")
    text = path.read_text(encoding="utf-8")
    assert "❌ 1 av 1 endret eksempel har feil" in text
    assert "Ugyldig" in text and "Godt" not in text and "<details>" not in text


def test_summary_preview_is_bounded(summary_project, schema):
    catalog = load_examples(summary_project / "examples", schema, root=summary_project)
    text = summary_markdown(["examples/godt.md"], catalog, schema, preview_limit=1000)
    assert "Forhåndsvisningen stopper her" in text and text.count("</details>") == 1
    assert len(text.encode("utf-8")) < 4000


def test_summary_stays_under_githubs_limit_with_many_broken_files(schema):
    files = [f"examples/fil-{n}.md" for n in range(400)]
    problems = [
        Problem(file, line, "kommune", "«" + "x" * 5000 + "» er ikke en kommune.")
        for file in files
        for line in range(1, 80)
    ]
    text = summary_markdown(files, Catalog(problems=problems), schema)
    assert len(text.encode("utf-8")) < 1024 * 1024
    assert "Slik retter du feilene" in text and "filer til. Se loggen" in text


def test_guide_has_the_section_the_summary_links_to():
    guide = (ROOT / GUIDE_PATH).read_text(encoding="utf-8")
    assert f"\n## {GUIDE_SECTION}\n" in guide
    for button in (
        "«Details»",
        "«Files changed»",
        "«Edit file»",
        "«Commit changes»",
        "«Approve and run»",
        "«New issue»",
        "«Nytt eksempel»",
    ):
        assert button in guide, button


# -- installed package ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """``pip install .`` into a folder of its own (the venv already has the dependencies)."""
    base = tmp_path_factory.mktemp("installert")
    source = base / "eksempelbank-kilde"  # a copy: building in the checkout would leave build/ behind
    source.mkdir()
    for part in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / part, source / part)
    shutil.copytree(ROOT / "eksempelbank", source / "eksempelbank", ignore=shutil.ignore_patterns("__pycache__"))
    target = base / "site-packages"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def test_installed_package_finds_the_project_from_the_working_directory(installed, tmp_path):
    assert not (installed / "data").exists() and not (installed / "eksempelbank" / "data").exists()
    env = {"PYTHONPATH": str(installed)}
    checkout = make_project(
        tmp_path / "kopi",
        {
            "stord-bustadkontor": (ROOT / "examples" / "stord-bustadkontor.md").read_text(encoding="utf-8"),
            "bergen-leige-til-eige": (ROOT / "examples" / "bergen-leige-til-eige.md").read_text(encoding="utf-8"),
            "ugyldig": example_text("Ugyldig", date(2026, 1, 1), kommune="Stordd"),
        },
        mkdocs=None,
    )
    origin = subprocess.run(
        [sys.executable, "-c", "import eksempelbank; print(eksempelbank.__file__)"],
        cwd=checkout,
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
    )
    assert origin.stdout.startswith(str(installed)), origin.stdout + origin.stderr

    for cwd in (checkout, checkout / "examples"):
        result = run("sjekk", "--format", "tekst", cwd=cwd, env=env)
        assert result.returncode == 1, result.stderr
        assert result.stdout.startswith("examples/ugyldig.md:3: kommune: «Stordd» er ikke en kommune")
        assert "Sjekket 3 eksempler: 1 feil i 1 fil." in result.stderr
        assert "Traceback" not in result.stderr

    (checkout / "examples" / "ugyldig.md").unlink()
    assert run("sjekk", cwd=checkout / "examples", env=env).returncode == 0
    listed = run("lenker", cwd=checkout, env=env)
    assert listed.returncode == 0 and "https://" in listed.stdout

    nowhere = tmp_path / "ingen-eksempelbank"
    nowhere.mkdir()
    lost = run("sjekk", cwd=nowhere, env=env)
    assert lost.returncode == 2
    assert lost.stderr.startswith(f"Feil: Fant ikke eksempelbanken i {nowhere.resolve()}")
    assert "--prosjekt" in lost.stderr and "Traceback" not in lost.stderr
    chosen = run("--prosjekt", str(checkout), "sjekk", cwd=nowhere, env=env)
    assert chosen.returncode == 0, chosen.stdout + chosen.stderr
    assert "Sjekket 2 eksempler: ingen feil." in chosen.stderr
    wrong = run("--prosjekt", str(nowhere), "sjekk", cwd=checkout, env=env)
    assert wrong.returncode == 2 and "er ikke mappa med eksempelbanken" in wrong.stderr


def test_freshness_json_counts_what_is_due_whatever_the_titles_say(tmp_path):
    """The workflow decides from these counts: a title «Ingen eksempler …» cannot close the issue."""
    project = make_project(
        tmp_path / "bank",
        {
            "gammel": example_text("Ingen eksempler må vurderes på nytt", date(2019, 1, 15)),
            "fersk": example_text("Boligkontor fersk", date(2026, 5, 1)),
        },
    )
    result = run("ferskhet", "--format", "json", "--dato", DAY.isoformat(), cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["antall_for_gamle"], data["antall_snart"]) == (1, 0)
    assert data["for_gamle"][0]["fil"] == "examples/gammel.md"
    assert data["for_gamle"][0]["tittel"] == "Ingen eksempler må vurderes på nytt"


def test_scheduled_workflows_decide_from_structured_output_reach_people_and_stay_enabled():
    workflows = ROOT / ".github" / "workflows"
    freshness = (workflows / "ferskhet.yml").read_text(encoding="utf-8")
    assert "--format json" in freshness and "jq" in freshness
    assert 'grep -qF "Ingen eksempler"' not in freshness
    links = yaml.safe_load((workflows / "lenkesjekk.yml").read_text(encoding="utf-8"))
    steps = links["jobs"]["lenker"]["steps"]
    issue_step = next(s for s in steps if "gh issue create" in s.get("run", ""))
    assert "gh issue edit" in issue_step["run"] and "gh issue close" in issue_step["run"]
    assert "EXIT_CODE" in issue_step["env"] and links["jobs"]["lenker"]["permissions"]["issues"] == "write"
    for path in workflows.glob("*.yml"):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "schedule" not in workflow[True]:  # YAML 1.1 reads the key «on» as True
            continue
        keep = workflow["jobs"]["holdes-i-live"]
        assert keep["permissions"] == {"actions": "write"}, path.name
        assert f"actions/workflows/{path.name}/enable" in keep["steps"][0]["run"], path.name

"""Issue 18: hostile files that once raised a traceback, hung the build, forged CI output, hid personal
data, blanked required fields through YAML tags or slipped past smaller checks.

Each case asserts what the contributor sees: a Norwegian message naming the file, the line and the
field (never a traceback), or inert text where the value is published."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from eksempelbank import ROOT
from eksempelbank.editors.pr_summary import summary_markdown
from eksempelbank.reading import validate as validate_module
from eksempelbank.reading.problems import Problem, log_safe
from eksempelbank.reading.schema import load_schema
from eksempelbank.reading.validate import load_examples
from eksempelbank.website.csp import ThemeScripts, add_policy, inline_scripts, sha256_source
from eksempelbank.website.open_data import csv_cell

from .conftest import CORPUS, TODAY
from .test_hostile_corpus import VALID, with_body, with_field

BODY_LINE = VALID.split("\n").index("Flere fikk hjelp.") + 1  # the line with_body's text starts on


def source_with(line: str) -> str:
    """The valid example with its one source's title line replaced by ``line``."""
    return VALID.replace("  - tittel: Helhetlig boligsosialt arbeid i Stord", line)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _deep_list(levels: int) -> str:
    return "\n".join("    " * i + "- punkt" for i in range(levels))


# (case id, file text, field the problem names, line it names or None for «any line», words in the message)
CASES = [
    # 1. Tracebacks: nesting the renderer recursed into, an empty source title.
    ("nested-lists-300", with_body(_deep_list(300)), "innhold", BODY_LINE + 8, "nivåer inn"),
    ("nested-quotes", with_body("> " * 60 + "sitat"), "innhold", BODY_LINE, "nivåer inn"),
    ("nested-compact-list", with_body("- " * 60 + "x"), "innhold", BODY_LINE, "nivåer inn"),
    (
        "nested-tabs",
        with_body("\n".join("\t" * i + "- punkt" for i in range(30))),
        "innhold",
        BODY_LINE + 8,
        "nivåer inn",
    ),
    (
        "nested-mixed",
        with_body("\n".join("> " * (i % 3) + "    " * i + "1. punkt" for i in range(40))),
        "innhold",
        None,
        "nivåer inn",
    ),
    (
        "source-title-empty-quoted",
        source_with('  - tittel: ""'),
        "kilder.tittel",
        line_of(VALID, "  - tittel: H"),
        "tomt",
    ),
    ("source-title-null", source_with("  - tittel:"), "kilder.tittel", line_of(VALID, "  - tittel: H"), "tomt"),
    (
        "link-title-empty",
        with_field("lenker", 'lenker:\n  - tittel: ""\n    url: https://www.example.no/x'),
        "lenker.tittel",
        None,
        "tomt",
    ),
    # 2. Hangs: runs of openers that made inline parsing quadratic.
    ("brackets-16k", with_body("[" * 16000), "innhold", BODY_LINE, "klammer"),
    ("brackets-170k", with_body("[" * 170000), "innhold", BODY_LINE, "klammer"),
    ("link-openers", with_body("[x](" * 4000), "innhold", BODY_LINE, "klammer"),
    ("image-openers", with_body("![" * 5000), "innhold", BODY_LINE, "klammer"),
    ("angle-openers", with_body("<a " * 5000), "innhold", BODY_LINE, "klammer"),
    ("nested-brackets", with_body("[" * 3000 + "]" * 3000), "innhold", BODY_LINE, "klammer"),
    ("spread-brackets", with_body(("[" + "a" * 1500) * 100), "innhold", BODY_LINE, "klammer"),
    ("brackets-in-second-paragraph", with_body("Vanlig tekst.\n\n" + "[" * 5000), "innhold", BODY_LINE + 2, "klammer"),
    # ... and runs of lines that make the renderer cut a block and read the rest again (found while
    # fixing the above: 8,000 definition lines took 16 s, 16,000 rules 33 s).
    ("definition-lines", with_body("term\n" + ": def\n" * 30000), "innhold", BODY_LINE, "overskrift"),
    ("setext-underlines", with_body("a\n" + "===\n" * 40000), "innhold", BODY_LINE, "overskrift"),
    ("hash-headings", with_body("# a\n" * 40000), "innhold", BODY_LINE, "overskrift"),
    ("rule-lines", with_body("a\n" + "***\n" * 40000), "innhold", BODY_LINE, "skillelinje"),
    # 3. Forged CI output: a value with a line break.
    (
        "source-title-newline",
        source_with('  - tittel: "Rapport\\n::error file=README.md,line=1::falsk"'),
        "kilder.tittel",
        line_of(VALID, "  - tittel: H"),
        "flere linjer",
    ),
    ("title-newline", with_field("tittel", 'tittel: "Boligkontor\\n::warning::falsk"'), "tittel", None, "flere linjer"),
    (
        "summary-carriage-return",
        with_field(
            "oppsummering",
            'oppsummering: "Kommunen samlet bostøtte og startlån i ett '
            'boligkontor,\\r::error::slik at alle får hjelp der."',
        ),
        "oppsummering",
        None,
        "kontrolltegn",
    ),
    (
        "source-part-folded-paragraphs",
        source_with(
            "  - tittel: Rapport\n    del: |\n      Kapittel 1\n\n      ::error::falsk\n    dokument: Rapport 2015"
        ),
        "kilder.del",
        None,
        "flere linjer",
    ),
    # 4. Personal data split by invisible characters, or written in fullwidth forms.
    ("phone-zero-width-space", with_body("Ring 912\u200b34\u200b567."), "personvern", BODY_LINE, "telefonnummer"),
    ("phone-soft-hyphen", with_body("Ring 91\u00ad23\u00ad45\u00ad67."), "personvern", BODY_LINE, "telefonnummer"),
    ("phone-word-joiner", with_body("Ring +47\u2060912\u206034\u2060567."), "personvern", BODY_LINE, "telefonnummer"),
    ("phone-fullwidth-digits", with_body("Ring ９１２３４５６７."), "personvern", BODY_LINE, "telefonnummer"),
    ("phone-bom-between", with_body("Ring 9123\ufeff4567."), "personvern", BODY_LINE, "telefonnummer"),
    (
        "email-zero-width",
        with_body("Skriv til ola.nord\u200bmann@kommune.no."),
        "personvern",
        BODY_LINE,
        "e-postadresse",
    ),
    ("email-fullwidth-at", with_body("Skriv til ola.nordmann＠kommune.no."), "personvern", BODY_LINE, "e-postadresse"),
    (
        "email-soft-hyphen-in-field",
        with_field("ansvarlig_enhet", "ansvarlig_enhet: Kari\u00adNordmann@kommune.no"),
        "personvern",
        None,
        "e-postadresse",
    ),
    (
        "phone-in-field-zero-width",
        with_field("pris", "pris: Ring 912\u200b34\u200b567"),
        "personvern",
        None,
        "telefonnummer",
    ),
    # 5. YAML tags.
    ("tag-unknown", with_field("oppsummering", "oppsummering: !x"), "oppsummering", None, "YAML-merkelapper"),
    ("tag-python-name", with_field("tittel", "tittel: !!python/name:os.system"), "tittel", None, "YAML-merkelapper"),
    ("tag-str", with_field("tittel", "tittel: !!str Boligkontor i Stord"), "tittel", None, "YAML-merkelapper"),
    ("tag-on-list", with_field("tema", "tema: !liste [boligkontor]"), "tema", None, "YAML-merkelapper"),
    (
        "tag-non-specific",
        with_field("ansvarlig_aktor", "ansvarlig_aktor: ! Stord kommune"),
        "ansvarlig_aktor",
        None,
        "YAML-merkelapper",
    ),
    (
        "tag-in-source",
        source_with("  - tittel: !!binary aGVp"),
        "kilder.tittel",
        line_of(VALID, "  - tittel: H"),
        "YAML-merkelapper",
    ),
    # 8. Smaller: bidi controls in the body, links that leave the site, lengths at every depth, images.
    ("body-bidi-override", with_body("Tekst \u202e fdp.exe"), "innhold", BODY_LINE, "retningstegn"),
    ("body-bidi-isolate", with_body("Tekst \u2066skjult\u2069"), "innhold", BODY_LINE, "retningstegn"),
    ("body-rtl-embedding", with_body("Linje en.\nTekst \u202b her."), "innhold", BODY_LINE + 1, "retningstegn"),
    ("link-protocol-relative", with_body("[kommunen](//evil.example/side)"), "innhold", BODY_LINE, "annet nettsted"),
    ("link-slash-backslash", with_body("[kommunen](/\\evil.example/side)"), "innhold", BODY_LINE, "annet nettsted"),
    (
        "link-reference-protocol-relative",
        with_body("[kommunen][r]\n\n[r]: //evil.example/"),
        "innhold",
        BODY_LINE + 2,
        "annet nettsted",
    ),
    ("source-title-144k", source_with("  - tittel: " + "x" * 144_000), "kilder.tittel", None, "høyst"),
    ("source-title-301", source_with("  - tittel: " + "x" * 301), "kilder.tittel", None, "høyst 300"),
    (
        "source-document-long",
        VALID.replace("    url: https://www.example.no/stord", "    dokument: " + "d" * 700),
        "kilder.dokument",
        None,
        "høyst 600",
    ),
    (
        "link-title-long",
        with_field("lenker", "lenker:\n  - tittel: " + "t" * 400 + "\n    url: https://www.example.no/x"),
        "lenker.tittel",
        None,
        "høyst 300",
    ),
    (
        "source-publisher-over-general-limit",
        VALID.replace("    utgiver: Veiviseren.no", "    utgiver: " + "u" * 1200),
        "kilder.utgiver",
        None,
        "høyst 1000",
    ),
    (
        "markdown-image-own-line",
        with_body("Først en linje.\n\nSå en til.\n\n![piksel](https://sporing.example.com/x.gif)"),
        "innhold",
        BODY_LINE + 4,
        "Bilder",
    ),
]


def check(folder: Path, name: str, text: str, files: bool = True):
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return load_examples(folder, root=folder.parent, today=TODAY, files=[path] if files else None)


def test_there_are_at_least_forty_new_cases():
    assert len(CASES) + len(OTHER_CASES) >= 40


@pytest.mark.parametrize("name, text, field, line, words", CASES, ids=[c[0] for c in CASES])
def test_refused_with_a_norwegian_message_naming_file_line_and_field(tmp_path, name, text, field, line, words):
    folder = tmp_path / "examples"
    folder.mkdir()
    started = time.perf_counter()
    catalog = check(folder, name, text)
    assert time.perf_counter() - started < 5, "sjekken tok for lang tid"
    assert catalog.examples == [], "et fiendtlig eksempel ble godtatt"
    matching = [p for p in catalog.errors if words in p.message]
    assert matching, [p.human() for p in catalog.errors]
    for problem in catalog.errors:
        assert problem.file == f"examples/{name}.md"
        assert problem.line >= 1
        assert "Traceback" not in problem.message and "Error" not in problem.message
    assert any(p.field == field for p in matching), [p.human() for p in matching]
    if line is not None:
        assert any(p.line == line for p in matching), [p.human() for p in matching]


def test_sjekk_prints_every_case_without_a_traceback_and_in_time(tmp_path):
    folder = tmp_path / "fiendtlig"
    folder.mkdir()
    for name, text, *_ in CASES:
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "eksempelbank", "sjekk", *sorted(str(p) for p in folder.iterdir())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, GITHUB_ACTIONS="false"),
    )
    assert time.perf_counter() - started < 60
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    for name, *_ in CASES:
        assert re.search(rf"{re.escape(name)}\.md:\d+: ", output), name
    for line in output.splitlines():
        assert not line.lstrip().startswith(("::", "##[")), line


# -- the budget behind the bounds ---------------------------------------------------------------------


def test_a_render_past_the_time_budget_is_stopped_with_a_message(tmp_path, monkeypatch):
    """What the structural bounds do not foresee, the clock stops: nothing can hold the build for longer."""
    schema = load_schema()
    schema = replace(schema, limits={**schema.limits, "maks_sekunder_per_fil": 0.2})

    def slow(*args, **kwargs):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(validate_module, "render_body", slow)
    path = tmp_path / "treg.md"
    path.write_text(VALID, encoding="utf-8")
    started = time.perf_counter()
    example, problems = validate_module.validate_file(path, schema, display="examples/treg.md", today=TODAY)
    assert time.perf_counter() - started < 2
    assert example is None
    [problem] = [p for p in problems if p.is_error]
    assert (problem.file, problem.field) == ("examples/treg.md", "innhold")
    assert "mer enn 0.2 sekunder" in problem.message


def test_recursion_in_the_renderer_is_a_message(tmp_path, monkeypatch):
    def deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(validate_module, "render_body", deep)
    path = tmp_path / "dyp.md"
    path.write_text(VALID, encoding="utf-8")
    example, problems = validate_module.validate_file(path, display="examples/dyp.md", today=TODAY)
    assert example is None
    assert [p.field for p in problems if p.is_error] == ["innhold"]
    assert "for dypt nøstet" in problems[0].message and "Recursion" not in problems[0].message


def test_ordinary_text_with_links_is_far_below_the_bound():
    """The bound must not refuse real writing: a long paragraph with many links is well inside it."""
    from eksempelbank.reading.body_limits import inline_cost_problem

    paragraph = " ".join(f"Se [rapport {i}](https://www.example.no/{i}) om tiltaket." for i in range(40))
    assert (
        inline_cost_problem("\n\n".join([paragraph] * 20), 1, load_schema().limits["maks_klammer_ganger_lengde"], "x")
        is None
    )


# -- 3. logs and the job summary -------------------------------------------------------------------------


def test_log_lines_cannot_start_a_workflow_command():
    problem = Problem(
        "examples/a\n::error file=README.md::x.md",
        3,
        "kilder",
        "Kilden «a\r\n::error file=README.md,line=1::falsk\u2028##[error]b\x1b[31m» mangler url",
    )
    for line in problem.human().split("\n"):
        assert not line.lstrip().startswith(("::", "##[")), line
    assert "\x1b" not in problem.human()
    annotation = problem.github()
    assert "\n" not in annotation and "\r" not in annotation
    assert annotation.startswith("::error file=examples/a%0A%3A%3Aerror file=README.md%3A%3Ax.md,line=3,")
    assert log_safe("::warning::x").lstrip().startswith("|")


def test_a_file_name_with_a_line_break_prints_no_command(tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    name = "ny\n::error file=README.md,line=1::falsk.md"
    (folder / name).write_text(VALID, encoding="utf-8")
    for form in ("tekst", "github"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "eksempelbank",
                "--prosjekt",
                str(ROOT),
                "sjekk",
                "--format",
                form,
                str(folder / name),
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr
        for line in (result.stdout + result.stderr).splitlines():
            assert "file=README.md" not in line or not line.lstrip().startswith("::") or "%0A" in line, line
            assert not line.lstrip().startswith("::") or line.startswith("::error file=")


def test_summary_says_no_check_mark_for_a_file_that_matched_nothing(schema):
    """A name git quoted («"examples/\\303\\245.md"») matches no checked file: that is not a pass."""
    catalog = load_examples(
        CORPUS / "valid", schema, root=CORPUS, today=TODAY, files=[CORPUS / "valid" / "gyldig-eksempel.md"]
    )
    text = summary_markdown(['"examples/\\303\\245.md"'], catalog, schema)
    assert "✅" not in text.split("\n### ")[0]
    assert "ble ikke sjekket" in text


def test_a_new_file_checked_alone_is_compared_with_the_bank(tmp_path, schema):
    """The duplicate title is the new file's error, so its summary cannot say it passed."""
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "gammel.md").write_text(VALID, encoding="utf-8")
    new = folder / "ny.md"
    new.write_text(VALID.replace("Boligkontor i Stord", "boligkontor  I STORD"), encoding="utf-8")
    catalog = load_examples(folder, schema, root=tmp_path, today=TODAY, files=[new])
    [problem] = catalog.errors
    assert (problem.file, problem.line, problem.field) == ("examples/ny.md", 2, "tittel")
    assert "Samme tittel som examples/gammel.md" in problem.message
    text = summary_markdown(["examples/ny.md"], catalog, schema)
    assert "✅" not in text and "❌" in text


def test_sjekk_of_one_new_file_reports_the_duplicate_on_it(tmp_path):
    project = tmp_path / "bank"
    (project / "examples").mkdir(parents=True)
    (project / "data").symlink_to(ROOT / "data")
    (project / "examples" / "gammel.md").write_text(VALID, encoding="utf-8")
    (project / "examples" / "ny.md").write_text(VALID, encoding="utf-8")
    summary = tmp_path / "sammendrag.md"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "eksempelbank",
            "sjekk",
            "--format",
            "tekst",
            "--sammendrag",
            str(summary),
            "examples/ny.md",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "examples/ny.md:2: tittel: Samme tittel som examples/gammel.md" in result.stdout
    assert "✅" not in summary.read_text(encoding="utf-8")


def test_the_workflow_reads_changed_names_nul_separated():
    workflow = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "git diff -z --name-only" in workflow and "mapfile -d ''" in workflow
    assert "git diff --name-only" not in workflow


# -- 8. the CSV ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ['＝HYPERLINK("https://example.com")', "\u200b=1+1", "  +SUM(A1)", "﹦1", "－1", "＠SUM(A1)"]
)
def test_a_cell_that_a_spreadsheet_could_read_as_a_formula_is_guarded(title):
    cell = csv_cell(title)
    assert cell.startswith("'")
    [[read]] = list(csv.reader(io.StringIO(cell)))
    assert read == "'" + title


def test_ordinary_cells_are_left_alone():
    assert [csv_cell(v) for v in ["Møre og Romsdal", "2011–2015", "Bolig – for alle"]] == [
        "Møre og Romsdal",
        "2011–2015",
        "Bolig – for alle",
    ]


# -- 7. CSP: the theme's scripts alone -------------------------------------------------------------------


@pytest.fixture(scope="module")
def theme():
    import material

    return ThemeScripts.from_dirs([ROOT / "overrides", Path(material.__file__).parent / "templates"])


def test_the_policy_does_not_depend_on_the_page(theme):
    """A script that a template printed without escaping gets no hash, however the page is written."""
    page = "<html><head><title><script>alert(1)</script></title></head><body><script>alert(2)</script></body></html>"
    written = add_policy(page, theme.hashes(".."))
    policy = re.search(r'content="([^"]*)"', written).group(1)
    for script in inline_scripts(page):
        assert sha256_source(script) not in policy
    assert theme.hashes("..") == theme.hashes("..")
    assert add_policy("<html><head></head></html>", theme.hashes("..")).count("sha256-") == len(theme.hashes(".."))


def test_the_theme_scripts_are_found_and_depend_only_on_base_url(theme):
    assert len(theme.templates) >= 3  # Material's first script, the palette, the content tabs at least
    first = next(t for t in theme.templates if "__md_scope" in t.render(base_url="x", config={"extra": {}}))
    assert sha256_source(first.render(base_url="../..", config={"extra": {}})) in theme.hashes("../..")
    assert sha256_source(first.render(base_url="../..", config={"extra": {}})) not in theme.hashes(".")


OTHER_CASES = [
    "time-budget",
    "recursion",
    "log-lines",
    "file-name-newline",
    "summary-unmatched",
    "new-file-duplicate",
    "sjekk-new-file",
    "workflow-z",
    "csv-guard",
    "csp-page-independent",
    "csp-base-url",
]


def test_entry_lengths_come_from_the_format_into_the_schema_and_the_guide(schema):
    """One declaration (data/eksempelformat.yml) for the validator, the JSON Schema and the guide."""
    from eksempelbank.website.export_schema import json_schema
    from eksempelbank.website.guide import field_reference

    reference = field_reference(schema)
    for name in ("kilder", "lenker"):
        exported = json_schema(schema)["properties"][name]["items"]["properties"]
        for key, longest in schema.entries[name]["max_length"].items():
            assert exported[key]["maxLength"] == longest
            assert f"(høyst {longest} tegn)" in reference
    assert json_schema(schema)["properties"]["kilder"]["items"]["properties"]["aar"].get("maxLength") is None


def test_the_build_refuses_hostile_bodies_quickly_with_the_same_messages(tmp_path):
    """The build runs the same check: hostile files stop it with their problems, never a traceback, and
    they cannot make it take much longer (two such files once took a 2.8 s build to 48.5 s)."""
    from .sitebuild import copy_project, mkdocs_build

    project = copy_project(tmp_path / "prosjekt")
    chosen = {"brackets-170k", "nested-lists-300", "source-title-empty-quoted", "tag-unknown", "link-openers"}
    for name, text, *_ in CASES:
        if name in chosen:
            (project / "examples" / f"{name}.md").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = mkdocs_build(project, tmp_path / "site")
    assert time.perf_counter() - started < 90
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "RecursionError" not in output and "KeyError" not in output
    for name in chosen:
        assert re.search(rf"examples/{re.escape(name)}\.md:\d+: ", output), name


def test_every_inline_script_the_theme_writes_has_its_hash(real_site):
    """The hashes come from the templates, not the pages: this is what keeps them in step with the
    theme. A theme upgrade that wrote a script some other way would show up here (and in the browser
    tests, which fail on any policy violation)."""
    site, _ = real_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        text = path.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
        assert policy, path
        for script in inline_scripts(text):
            assert sha256_source(script) in policy.group(1), (path, script[:80])


def test_many_files_with_one_title_keep_each_message_short(tmp_path, schema):
    folder = tmp_path / "examples"
    folder.mkdir()
    for number in range(30):
        (folder / f"kopi-{number:02}.md").write_text(VALID, encoding="utf-8")
    catalog = load_examples(folder, schema, root=tmp_path, today=TODAY)
    titles = [p for p in catalog.errors if p.field == "tittel"]
    assert len(titles) == 30
    assert all(len(p.message) < 300 and "og 26 til" in p.message for p in titles)


def test_a_tag_the_scan_missed_is_still_refused(tmp_path, monkeypatch):
    """Second line: should the quick scan ever miss a tag, building the values refuses it too."""
    from eksempelbank.reading import yamlnodes

    monkeypatch.setattr(yamlnodes, "_TAG_HINT", re.compile(r"(?!)"))
    folder = tmp_path / "examples"
    folder.mkdir()
    catalog = check(folder, "merkelapp", with_field("oppsummering", "oppsummering: !x"))
    assert catalog.examples == []
    assert any(p.field == "oppsummering" and "YAML-merkelapper" in p.message for p in catalog.errors)

"""A broken example must stop the build, list every problem, and leave no site behind."""

from eksempelbank.reading.validate import validate_file

from .conftest import CORPUS
from .sitebuild import copy_project, mkdocs_build

BROKEN = ["gammelt-fylke", "ukjent-avsnitt", "html-script", "kommunenummer-oktal"]


def test_broken_examples_fail_the_build_with_every_problem_listed(tmp_path, schema):
    project = copy_project(tmp_path / "project")
    for name in BROKEN:
        (project / "examples" / f"{name}.md").write_text(
            (CORPUS / "broken" / f"{name}.md").read_text(encoding="utf-8"), encoding="utf-8"
        )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gammel side")  # a previous build must not look current

    result = mkdocs_build(project, site)

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "Eksempelbanken kan ikke bygges" in output
    for name in BROKEN:
        _, problems = validate_file(project / "examples" / f"{name}.md", schema, display=f"examples/{name}.md")
        for problem in problems:
            if problem.is_error:
                assert problem.human() in output
    assert not site.exists() or not any(site.iterdir())


def test_a_warning_in_strict_mode_leaves_no_half_built_site(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "ny-side.md").write_text("# Ny side\n\n[Død lenke](finnes-ikke.md)\n", encoding="utf-8")
    site = tmp_path / "site"

    result = mkdocs_build(project, site)

    assert result.returncode != 0
    assert "finnes-ikke.md" in result.stderr
    assert not site.exists() or not any(site.iterdir())

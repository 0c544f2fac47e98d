"""The repository's GitHub side: workflows that GitHub accepts and that publish only green runs,
pinned actions, Dependabot, the generated issue form, and a domain package that does not need MkDocs."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from eksempelbank import ROOT
from eksempelbank.cli import main
from eksempelbank.editors.issue_form import PATH as ISSUE_FORM_PATH
from eksempelbank.editors.issue_form import issue_form

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ISSUE_FORM = ROOT / ISSUE_FORM_PATH


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs(path: Path) -> dict:
    return load(path)["jobs"]


# -- workflows ----------------------------------------------------------------------------


def test_workflows_pass_actionlint():
    """actionlint reads workflows as GitHub does: keys, expressions, needs, reusable-workflow calls
    and (with shellcheck on PATH, as on GitHub's runners) the scripts."""
    binary = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    if binary is None:
        message = (
            "actionlint is not installed: pip install -r requirements-lint.txt (it fetches the "
            "binary from GitHub, so make test does not install it)"
        )
        if os.environ.get("GITHUB_ACTIONS") == "true":
            pytest.fail(message)  # the pull-request workflow installs it; never skip there
        pytest.skip(message)
    assert WORKFLOWS, "no workflows found"
    result = subprocess.run(
        [binary, "-no-color", *[str(w.relative_to(ROOT)) for w in WORKFLOWS]], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is missing: it is in requirements-test.txt (make test installs it)"
    return found


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", [str(w.relative_to(ROOT)) for w in WORKFLOWS]),
        ("vendor.dependabot", [".github/dependabot.yml"]),
        ("vendor.github-issue-forms", [str(ISSUE_FORM.relative_to(ROOT))]),
    ],
)
def test_github_files_follow_githubs_schemas(schema, files):
    """The published JSON schemas for workflows, Dependabot and issue forms (vendored in
    check-jsonschema, so nothing is fetched): a misspelt key or a wrong type fails here, not on GitHub."""
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", schema, *files], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_zizmor():
    """zizmor, a maintained linter for GitHub Actions, offline: excessive permissions, unpinned
    actions, template injection, credentials left in checkouts. Runs everywhere (wheels on PyPI)."""
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", ".github/workflows"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_or_an_exact_version():
    """A tag like @v4 or a branch like @main can be moved to other code; a SHA cannot. Each SHA
    carries its version in a comment, for people and for Dependabot."""
    pinned = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(?P<ref>[0-9a-f]{40}|v?\d+\.\d+\.\d+)$")
    seen = 0
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), start=1):
            found = re.match(r"^\s*(?:-\s+)?uses:\s*(?P<action>\S+)(?P<rest>.*)$", line)
            if not found or found["action"].startswith("./"):
                continue
            seen += 1
            where = f"{workflow.name}:{number}: {found['action']}"
            match = pinned.match(found["action"])
            assert match, f"{where} is not pinned to a full commit SHA or an exact version (vX.Y.Z)"
            if len(match["ref"]) == 40:
                assert re.search(r"#\s*v\d+\.\d+\.\d+\b", found["rest"]), f"{where}: add «# vX.Y.Z» after the SHA"
    assert seen


def test_jobs_have_timeouts_and_checkouts_keep_no_token():
    for workflow in WORKFLOWS:
        for name, job in jobs(workflow).items():
            if "uses" in job:  # a called workflow; GitHub allows no timeout here, the callee has its own
                continue
            assert isinstance(job.get("timeout-minutes"), int), f"{workflow.name}: job {name} has no timeout-minutes"
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, (
                        f"{workflow.name}: job {name} leaves the token in .git/config"
                    )


def test_only_a_green_run_of_the_pull_request_checks_is_published():
    deploy_jobs = jobs(ROOT / ".github" / "workflows" / "deploy.yml")
    checks = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    triggers = checks[True]  # PyYAML reads the key «on» as True
    assert "workflow_call" in triggers and "pull_request" in triggers and "push" not in triggers
    assert deploy_jobs["test"]["uses"] == "./.github/workflows/pull-request.yml"
    assert deploy_jobs["build"]["needs"] == "test"
    assert deploy_jobs["deploy"]["needs"] == "build"
    build_steps = " ".join(str(step.get("run", "")) for step in deploy_jobs["build"]["steps"])
    assert "make build" in build_steps
    # Only the deploying job may write to Pages or mint an identity token.
    for workflow in WORKFLOWS:
        for name, job in jobs(workflow).items():
            permissions = job.get("permissions") or {}
            if (workflow.name, name) != ("deploy.yml", "deploy"):
                assert permissions.get("pages") != "write" and "id-token" not in permissions, (workflow.name, name)
        assert "write-all" not in str(load(workflow).get("permissions"))


def test_dependabot_covers_python_npm_and_actions():
    config = load(ROOT / ".github" / "dependabot.yml")
    updates = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert {("pip", "/"), ("npm", "/tests/browser"), ("github-actions", "/")} <= updates
    assert (ROOT / "tests" / "browser" / "package-lock.json").is_file()


# -- the issue form -----------------------------------------------------------------------

ISSUE_FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_issue_form_is_current(schema):
    assert ISSUE_FORM.read_text(encoding="utf-8") == issue_form(schema), "kjør: eksempelbank veiledning"


def test_issue_form_is_a_valid_github_issue_form_with_every_field_and_section(schema):
    form = load(ISSUE_FORM)
    assert form["name"] and form["description"] and isinstance(form["body"], list)
    assert isinstance(form.get("labels", []), list) and isinstance(form.get("title", ""), str)
    ids, labels, required = [], [], {}
    for item in form["body"]:
        assert item["type"] in ISSUE_FORM_TYPES, item
        attributes = item["attributes"]
        if item["type"] == "markdown":
            assert attributes["value"].strip()
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", item["id"]), item["id"]
        assert attributes["label"].strip()
        ids.append(item["id"])
        labels.append(attributes["label"])
        required[item["id"]] = item.get("validations", {}).get("required", False)
        assert set(item.get("validations", {})) <= {"required"}
        if item["type"] == "dropdown":
            options = attributes["options"]
            assert options and all(isinstance(o, str) and o.strip() for o in options), item["id"]
            assert len(set(options)) == len(options), item["id"]
            assert "None" not in options  # GitHub adds «None» itself to optional dropdowns
    assert len(set(ids)) == len(ids), "ids must be unique"
    assert len(set(labels)) == len(labels), "labels must be unique"
    # The same fields as the format, required where the format requires them.
    for spec in schema.fields.values():
        assert spec.name in required, f"the form lacks the field {spec.name}"
        assert required[spec.name] == spec.required, spec.name
    section_ids = [i for i in ids if i.startswith("avsnitt-")]
    assert len(section_ids) == len(schema.sections)
    for section_id, section in zip(section_ids, schema.sections, strict=True):
        assert required[section_id] == section.required, section_id
    assert set(ids) - set(schema.fields) == set(section_ids)


def test_issue_form_offers_the_vocabulary_labels(schema):
    items = {item.get("id"): item for item in load(ISSUE_FORM)["body"]}
    for spec in schema.fields.values():
        if spec.vocabulary:
            item = items[spec.name]
            assert item["type"] == "dropdown"
            assert item["attributes"]["options"] == [t.label for t in schema.vocabularies[spec.vocabulary]]
            assert item["attributes"].get("multiple", False) == (spec.type == "valgliste")


def test_issue_form_says_it_is_public_and_warns_about_personal_data():
    intro = load(ISSUE_FORM)["body"][0]["attributes"]["value"]
    assert "offentlig" in intro and "personopplysninger" in intro and "redaktør" in intro


def test_issue_chooser_config():
    config = load(ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml")
    assert config["blank_issues_enabled"] is True
    for link in config.get("contact_links", []):
        assert link["name"] and link["about"] and link["url"].startswith("https://")


def test_veiledning_writes_the_issue_form_and_sjekk_notices_when_it_is_stale(tmp_path, capsys):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs" / "bidra").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "bidra" / "index.md", tmp_path / "docs" / "bidra" / "index.md")
    project = ["--prosjekt", str(tmp_path)]
    assert main([*project, "veiledning", "--sjekk"]) == 1  # nothing written yet
    assert main([*project, "veiledning"]) == 0
    form = tmp_path / ISSUE_FORM_PATH
    assert form.read_text(encoding="utf-8") == ISSUE_FORM.read_text(encoding="utf-8")
    assert main([*project, "veiledning", "--sjekk"]) == 0
    form.write_text(form.read_text(encoding="utf-8").replace("Nytt eksempel", "Gammelt"), encoding="utf-8")
    capsys.readouterr()
    assert main([*project, "veiledning", "--sjekk"]) == 1
    assert f"{ISSUE_FORM_PATH} er utdatert: kjør «eksempelbank veiledning»" in capsys.readouterr().err


# -- independence from MkDocs ---------------------------------------------------------------


def test_the_package_does_not_import_mkdocs_or_material():
    """Material for MkDocs reaches end of life on 2027-05-05. The domain code must not depend on it,
    so a move only needs a new home for hooks/eksempelbank_hook.py and the templates."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import eksempelbank\n"
        "for module in pkgutil.walk_packages(eksempelbank.__path__, 'eksempelbank.'):\n"
        "    if module.name != 'eksempelbank.__main__':\n"  # __main__ runs the command line
        "        importlib.import_module(module.name)\n"
        "print(' '.join(sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'material', 'materialx'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"eksempelbank imports {result.stdout.strip()}"

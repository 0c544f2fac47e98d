"""`pip install .` works: in a clean virtual environment, the installed package (not editable, not
the checkout's source) checks the examples and builds the site. Versions are held to
requirements.txt (as constraints, so a dependency missing from pyproject.toml is not installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import venv

from eksempelbank import ROOT

from .sitebuild import SITE_PARTS


def test_the_installed_package_checks_examples_and_builds_the_site(tmp_path):
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "requirements.txt"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]

    # A project folder without the package's source: what runs is what pip installed.
    project = tmp_path / "prosjekt"
    project.mkdir()
    for part in SITE_PARTS:
        if part == "eksempelbank":
            continue
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", PATH=f"{environment / 'bin'}:{env.get('PATH', '')}")

    where = subprocess.run(
        [str(python), "-c", "import eksempelbank; print(eksempelbank.__file__)"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert str(environment) in where.stdout, where.stdout + where.stderr

    check = subprocess.run(
        [str(environment / "bin" / "eksempelbank"), "sjekk"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Traceback" not in check.stderr

    build = subprocess.run(
        [str(environment / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "pagefind").is_dir()

"""After Material's end of life (2027-05-05) and with MkDocs 1.x no longer developed: ProperDocs,
MkDocs' continuation, builds the same site from the same mkdocs.yml, and `make serve` works with it
(`make serve BUILDER=properdocs`). README, «Etter Materials levetid»."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from eksempelbank import ROOT

from .sitebuild import copy_project, free_port, mkdocs_build
from .test_serve import wait_for


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the search index too."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    """Two builds of the same sources, one with each builder, give the same files byte for byte,
    Pagefind's index included (its filter files are written in a fixed order: pagefind_files.py),
    so a deploy uploads only what changed."""
    built = {}
    for builder in ("mkdocs", "properdocs"):
        result = mkdocs_build(ROOT, tmp_path / builder, builder=builder)
        assert result.returncode == 0, f"{builder}: {result.stderr[-2000:]}"
        assert (tmp_path / builder / "pagefind" / "pagefind.js").is_file(), builder
        built[builder] = site_files(tmp_path / builder)
    assert len(built["mkdocs"]) > 100
    assert sorted(built["mkdocs"]) == sorted(built["properdocs"])
    different = [path for path in built["mkdocs"] if built["mkdocs"][path] != built["properdocs"][path]]
    assert different == [], f"{len(different)} filer er ulike: {different[:5]}"


def test_properdocs_fails_a_broken_bank_with_the_same_message(tmp_path):
    project = copy_project(tmp_path / "prosjekt")
    example = project / "examples" / "stord-bustadkontor.md"
    example.write_text(
        example.read_text(encoding="utf-8").replace("kommunestorrelse: mellomstor", "kommunestorrelse: enorm"),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site", builder="properdocs")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "examples/stord-bustadkontor.md:4: kommunestorrelse: «enorm» er ikke en tillatt verdi" in result.stderr


def test_make_serve_works_with_properdocs(tmp_path):
    """`properdocs serve --dirty`, as `make serve BUILDER=properdocs` runs it: no «Aborted … in strict
    mode» (the hook quiets the dirty-build warning under either builder's logger), and a saved
    example is served again."""
    project = copy_project(tmp_path / "prosjekt")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "properdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=output,
        )
        try:
            wait_for(base, 'id="finn-eksempler"')
            edited = project / "examples" / "stord-bustadkontor.md"
            text = edited.read_text(encoding="utf-8")
            edited.write_text(
                re.sub(r"(?m)^tittel: .*$", 'tittel: "Omdøpt bustadkontor i Stord"', text, count=1), encoding="utf-8"
            )
            wait_for(f"{base}eksempler/stord-bustadkontor/", "Omdøpt bustadkontor i Stord")
            assert server.poll() is None, log.read_text(encoding="utf-8")[-2000:]
            wait_for(f"{base}fylker/vestland/", "Omdøpt bustadkontor i Stord")  # the lists follow
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert "Aborted" not in log.read_text(encoding="utf-8")

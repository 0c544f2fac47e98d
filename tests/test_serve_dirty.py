"""`make serve` (`mkdocs serve --dirty`) renders only the pages a saved example changes (issue 12.5).
What it serves must still be exactly the site a clean build makes of the same files: the edited
example, the lists and other examples that show it, and no page of an example that was deleted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from .sitebuild import copy_project, fetch, free_port, mkdocs_build
from .test_serve import wait_for

# What the server adds to each page it serves: MkDocs' reload script, and the hook's (serve only).
_LIVERELOAD = re.compile(
    r'<script>\s*var livereload = function.*?</script>|<script src="[./]*assets/eb-livereload\.js">'
    r"</script>",
    re.DOTALL,
)


def served_pages(base: str, site: Path) -> dict[str, str]:
    """Every page of the clean build ``site``, as the server answers for it (live reload script left out)."""
    pages = {}
    for file in sorted(site.rglob("index.html")):
        relative = file.relative_to(site).as_posix()[: -len("index.html")]
        pages[relative] = _LIVERELOAD.sub("", fetch(base + relative))
    return pages


def served_files(base: str, site: Path) -> dict[str, str]:
    """Every generated data file of the clean build ``site`` (JSON, the finder's cards, feeds, CSV,
    sitemap), as the server answers for it. Pagefind's index is left out: it is built after the
    pages, in the background, and its file names change with every build."""
    return {
        path: fetch(base + path)
        for path in sorted(
            f.relative_to(site).as_posix()
            for f in site.rglob("*")
            if f.is_file()
            and f.suffix in {".json", ".atom", ".xml", ".csv", ".txt"}
            and not f.relative_to(site).as_posix().startswith("pagefind/")
        )
    }


def test_dirty_serve_serves_what_a_clean_build_makes(tmp_path):
    project = copy_project(tmp_path / "prosjekt")
    examples = sorted((project / "examples").glob("*.md"))
    edited, deleted = examples[0], examples[-1]
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(base, 'id="finn-eksempler"')
        old_table = re.search(r'data-table="([^"]+)"', fetch(base + "finn/")).group(1)
        assert fetch(f"{base}finn/{old_table}") != ""
        text = edited.read_text(encoding="utf-8")
        title = re.search(r"(?m)^tittel: (.*)$", text).group(1).strip().strip('"')
        new_title = "Omdøpt: " + title
        edited.write_text(re.sub(r"(?m)^tittel: .*$", f'tittel: "{new_title}"', text, count=1), encoding="utf-8")
        wait_for(f"{base}eksempler/{edited.stem}/", new_title)
        # The lists follow. The full list is paged (extra.eksempelbank.per_page), so with many examples the
        # renamed title can land on a later page than the first.
        pages = [f"{base}alle-eksempler/"] + [
            f"{base}alle-eksempler/side-{n}/" for n in range(2, len(examples) // 10 + 2)
        ]
        deadline = time.monotonic() + 90
        while not any(new_title in fetch(page) for page in pages):
            assert time.monotonic() < deadline, f"«{new_title}» kom ikke på noen side av alle-eksempler innen 90 s"
            time.sleep(0.5)
        gone = f"{base}eksempler/{deleted.stem}/"
        assert fetch(gone) != ""
        deleted.unlink()
        deadline = time.monotonic() + 90
        while fetch(gone) != "" and time.monotonic() < deadline:
            time.sleep(0.5)
        assert fetch(gone) == "", "the deleted example's page is still served"

        clean = tmp_path / "ren"
        result = mkdocs_build(project, clean, site_url=base)
        assert result.returncode == 0, result.stderr[-2000:]
        served = served_pages(base, clean)
        expected = {path: (clean / path / "index.html").read_text(encoding="utf-8") for path in served}
        different = [path for path in served if served[path] != expected[path]]
        assert different == [], f"{len(different)} sider er ikke som i en ren bygging: {different[:5]}"
        # The data files too (the finder's table and cards among them), and no table of an earlier build.
        files = served_files(base, clean)
        assert any("/utvalg-" in path for path in files)
        different = [path for path in files if files[path] != (clean / path).read_text(encoding="utf-8")]
        assert different == [], f"{len(different)} filer er ikke som i en ren bygging: {different[:5]}"
        assert f"finn/{old_table}" not in files and fetch(f"{base}finn/{old_table}") == "", "an earlier table is served"
    finally:
        server.terminate()
        server.wait(timeout=30)

"""`make serve` (`mkdocs serve --dirty`) renders only the pages a saved example changes (issue 12.5).
What it serves must still be exactly the site a clean build makes of the same files: the edited
example, the lists and other examples that show it, and no page of an example that was deleted.
Since issue 21 a rebuild takes every part made from unchanged inputs from the last one (reuse.py):
a retitled, moved, renamed or deleted example must still change every page and file it is on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from eksempelbank import ROOT
from eksempelbank.reading.validate import load_examples
from eksempelbank.website.build import site_options
from eksempelbank.website.related import related_examples
from eksempelbank.website.reuse import LastRebuild
from eksempelbank.website.site import _STAND_IN_SOURCE, GeneratedSite, generate_site

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
        # Another moves to another size of municipality (off one list, onto another), and a third is
        # renamed: its page, cards, records and list entries move to the new address.
        moved, renamed = examples[1], examples[2]
        text = moved.read_text(encoding="utf-8")
        size = re.search(r"(?m)^kommunestorrelse: (\S+)", text).group(1)
        other = "liten" if size != "liten" else "stor"
        moved.write_text(re.sub(r"(?m)^kommunestorrelse: \S+", f"kommunestorrelse: {other}", text), encoding="utf-8")
        old_address = f"{base}eksempler/{renamed.stem}/"
        assert fetch(old_address) != ""
        renamed.rename(renamed.with_name(f"{renamed.stem}-nytt.md"))
        wait_for(f"{base}eksempler/{renamed.stem}-nytt/", "eb-keyfacts")
        deadline = time.monotonic() + 90
        while fetch(old_address) != "" and time.monotonic() < deadline:
            time.sleep(0.5)
        assert fetch(old_address) == "", "the renamed example's old page is still served"
        # Last, a change to an example's text alone: the finder's cards stay as they are (on disk).
        body_edited = examples[3]
        table = re.search(r'data-table="([^"]+)"', fetch(base + "finn/")).group(1)
        body_edited.write_text(
            body_edited.read_text(encoding="utf-8") + "\nEn ny setning til slutt.\n", encoding="utf-8"
        )
        wait_for(f"{base}eksempler/{body_edited.stem}/", "En ny setning til slutt.")
        assert re.search(r'data-table="([^"]+)"', fetch(base + "finn/")).group(1) == table

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


def _as_published(site: GeneratedSite) -> tuple[dict, dict, dict]:
    """The site's pages with their HTML put in, its files, and its tables of contents."""
    pages = {uri: _STAND_IN_SOURCE.sub(lambda m: site.fragments[m.group(0)], md) for uri, md in site.pages.items()}
    return pages, dict(site.files), {uri: repr(toc) for uri, toc in site.toc.items()}


def test_parts_kept_from_the_last_rebuild_follow_every_change(schema):
    """In-process, with the changes a save makes: each rebuild that keeps parts (reuse.py) generates
    exactly what a fresh generation of the same examples does, with equal fingerprints."""

    examples = load_examples(ROOT / "examples", schema).examples
    options = site_options({"repository": "husbanken/eksempelbank", "per_page": 10}, "http://127.0.0.1/")
    kept = LastRebuild()

    def rebuild(bank):
        made = generate_site(bank, schema, options, related_examples(bank, schema), kept)
        fresh = generate_site(bank, schema, options, related_examples(bank, schema))
        assert _as_published(made) == _as_published(fresh)
        assert made.fingerprints() == fresh.fingerprints()
        return _as_published(made)

    rebuild(examples)
    retitled, moved, renamed, deleted = examples[0], examples[1], examples[2], examples[-1]
    size = moved.values["kommunestorrelse"]
    sizes = schema.vocabulary_for(schema.facet("kommunestorrelse")).terms
    other_size = next(term.id for term in sizes if term.id != size)
    changed = [
        replace(retitled, title="Omdøpt: " + retitled.title),
        replace(moved, values={**moved.values, "kommunestorrelse": other_size}),
        replace(renamed, slug=renamed.slug + "-nytt", source_path=renamed.source_path[:-3] + "-nytt.md"),
        *examples[3:-1],
    ]
    pages, files, _ = rebuild(changed)
    everything = "\n".join([*pages.values(), *files.values()])
    assert "Omdøpt: " + retitled.title in pages["alle-eksempler/index.md"] + "".join(
        text for uri, text in pages.items() if uri.startswith("alle-eksempler/")
    )
    for gone in (renamed.slug, deleted.slug):
        assert f"/{gone}/" not in everything and f"eksempler/{gone}/" not in everything
        assert f"eksempler/{gone}.md" not in pages
    assert f"eksempler/{renamed.slug}-nytt.md" in pages
    rebuild(examples)  # and back: the parts of two rebuilds ago are not taken for the last one's

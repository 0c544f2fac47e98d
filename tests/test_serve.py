"""`make serve` for an editor: a broken example shows its problems in the browser, and saving the
fixed file brings the site back, without restarting the server."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from .sitebuild import copy_project, fetch, free_port


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"«{text}» kom ikke på {url} innen {seconds} s; siste svar: {page[:300]}")


def test_serve_shows_the_problems_and_recovers_when_the_file_is_fixed(tmp_path):
    project = copy_project(tmp_path / "prosjekt")
    example = project / "examples" / "stord-bustadkontor.md"
    good = example.read_text(encoding="utf-8")
    example.write_text(good.replace("kommune: Stord", "kommune: Stordd"), encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/"),  # as make serve
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        page = wait_for(url, "Eksempelbanken kan ikke bygges")
        assert "examples/stord-bustadkontor.md:" in page and "kommune: «Stordd» er ikke en kommune" in page
        assert 'http-equiv="Content-Security-Policy"' in page
        example.write_text(good, encoding="utf-8")
        page = wait_for(url, 'id="finn-eksempler"')  # the front page's own section
        assert "Eksempelbanken kan ikke bygges" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)

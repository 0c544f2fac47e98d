#!/usr/bin/env python3
"""`make serve` for an editor (issue 12): from saving one example to the reloaded page.

For each bank (``real``: the examples in examples/; a number: that many synthetic examples from
benchmarks.synthetic, as the benchmark makes them) the script copies the site sources into a
temporary folder, starts `mkdocs serve` there exactly as `make serve` does, waits for the first
build, and then, ``--repeat`` times: edits one example (a new sentence in its «Oppsummert»),
saves it, and waits for the server to answer with the changed page. It prints, per bank:

- the first build (start to the first page served);
- from saving to the changed example page served (what the editor's browser reloads to), each
  edit and the median; with ``--browser``, measured in headless Chromium instead: the page is
  open, and the time is taken when MkDocs' live reload has brought the new sentence into it;
- from saving to the search index rebuilt (the page's new sentence found in Pagefind's index files
  is not checked; the figure is when ``pagefind/pagefind-entry.json`` was written again).

Usage:

    .venv/bin/python scripts/serve_timing.py [--banks real,1000] [--repeat 3] [--browser]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import DEFAULT_SEED, write_examples  # noqa: E402
from tests.sitebuild import copy_project, free_port  # noqa: E402
from tests.sitebuild import fetch as _fetch  # noqa: E402

#: As the Makefile's `serve` target runs it.
SERVE_OPTIONS = ["--dirty"]


def fetch(url: str) -> str:
    return _fetch(url, timeout=10)


def wait_until(check, timeout: float, step: float = 0.05) -> float | None:
    """Seconds until ``check()`` is true (polled every ``step``), or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(step)
    return None


def make_project(target: Path, bank: str, seed: int) -> Path:
    copy_project(target)
    if bank != "real":
        shutil.rmtree(target / "examples")
        write_examples(target / "examples", int(bank), seed)
    return target


def edit(path: Path, marker: str) -> None:
    """A new sentence at the end of the example's first section (the summary)."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n## ", 1)  # front matter and anything before the first section
    title, body = rest.split("\n", 1)
    following = body.find("\n## ")
    first, after = (body, "") if following == -1 else (body[:following], body[following:])
    first = re.sub(r"\n*(Redigert [a-z0-9]+\.)?\s*$", "", first) + f"\n\nRedigert {marker}.\n"
    path.write_text(f"{head}\n## {title}\n{first}{after}", encoding="utf-8")


def measure_bank(bank: str, repeat: int, seed: int, workdir: Path, browser) -> dict:
    project = make_project(workdir / f"bank-{bank}", bank, seed)
    example = sorted((project / "examples").glob("*.md"))[0]
    slug = example.stem
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (workdir / f"serve-{bank}.log").open("w")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *SERVE_OPTIONS, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    figures: dict = {
        "bank": bank,
        "examples": len(list((project / "examples").glob("*.md"))),
        "edits": [],
        "index_edits": [],
    }
    try:
        first = wait_until(lambda: 'id="finn-eksempler"' in fetch(base), timeout=900, step=0.25)
        if first is None:
            raise RuntimeError(f"the first build did not finish; see {log.name}")
        figures["first_build"] = time.perf_counter() - start
        page_url = f"{base}eksempler/{slug}/"
        entry = f"{base}pagefind/pagefind-entry.json"
        page = browser.new_page() if browser else None
        if page:
            page.goto(page_url)
        for number in range(repeat):
            marker = f"m{number}x{int(time.time() * 1000) % 100000}"
            # The server is idle: the search index of the last build is written (it is built in the
            # background while serving), and nothing else is being rebuilt.
            wait_until(lambda: fetch(entry) != "", timeout=600, step=0.2)
            old_entry = fetch(entry)
            time.sleep(0.5)
            edit(example, marker)
            saved = time.perf_counter()
            if page:
                page.wait_for_function(
                    "m => document.body && document.body.innerText.includes(m)", arg=marker, timeout=600_000, polling=50
                )
                seconds = time.perf_counter() - saved
            else:
                waited = wait_until(lambda marker=marker: marker in fetch(page_url), timeout=600)
                if waited is None:
                    raise RuntimeError(f"the saved page did not come back within 10 minutes; see {log.name}")
                seconds = waited
            figures["edits"].append(seconds)
            # The search index: written again after the page (in the background while serving).
            index_seconds = wait_until(
                lambda marker=marker, old_entry=old_entry: (
                    fetch(entry) not in ("", old_entry) or marker in fetch(entry)
                ),
                timeout=600,
                step=0.1,
            )
            figures["index_edits"].append(None if index_seconds is None else time.perf_counter() - saved)
            time.sleep(0.5)
        if page:
            page.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--banks", default="real,1000", help="comma-separated: real and/or numbers of examples")
    parser.add_argument("--repeat", type=int, default=3, help="edits per bank (default 3)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--browser", action="store_true", help="wait for the live reload in headless Chromium")
    args = parser.parse_args(argv)
    banks = [b.strip() for b in args.banks.split(",") if b.strip()]
    print(
        f"`make serve`: saving one example until the reloaded page; banks {', '.join(banks)}, "
        f"{args.repeat} edits each; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    playwright = browser = None
    if args.browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="eksempelbank-serve-") as tmp:
            for bank in banks:
                figures = measure_bank(bank, args.repeat, args.seed, Path(tmp), browser)
                results.append(figures)
                edits = figures["edits"]
                index = [s for s in figures["index_edits"] if s is not None]
                print(
                    f"\n{bank} ({figures['examples']:,} examples)\n"
                    f"  first build, start to first page served: {figures['first_build']:.1f} s\n"
                    f"  saved to reloaded page: {', '.join(f'{s:.2f}' for s in edits)} s "
                    f"(median {statistics.median(edits):.2f} s)\n"
                    f"  saved to search index written: "
                    + (
                        f"{', '.join(f'{s:.2f}' for s in index)} s (median {statistics.median(index):.2f} s)"
                        if index
                        else "n/a"
                    ),
                    flush=True,
                )
    finally:
        if browser:
            browser.close()
        if playwright:
            playwright.stop()
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

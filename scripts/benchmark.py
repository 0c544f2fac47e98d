#!/usr/bin/env python3
"""How the site scales with the number of examples (issues 5 and 12). Run on demand: `make benchmark`.

For each N (default 200, 1,000 and 3,000; issue 12 adds a run at 10,000) the script copies the site
sources into a temporary folder, replaces examples/ with N synthetic examples (benchmarks.synthetic:
the real vocabularies and register, a fixed seed, ~1,500 words each) and measures:

- the production build: `mkdocs build --strict` exactly as `make build` runs it (hooks, every
  page, the search index), wall time and peak memory of the build process and its children;
- stock Material: the same example files in a docs folder of their own, built by MkDocs + Material
  in its default configuration (no overrides, no extra Markdown extensions, no hooks), examples out
  of the menu, Material's built-in search; the ratio (issue 12's target: at most 1.5×);
- the baseline: the same pages (eksempelbank.website.site.generate_site, with the HTML the hook puts in
  written into the Markdown, and each example's own Markdown body) built by MkDocs + Material with
  our theme setup (overrides, Markdown extensions, menu) and Material's built-in search, without
  the project's hooks, examples kept out of the menu; the ratio;
- Pagefind alone, run again over the built site: time and peak memory (issue 12: at most 1 GB);
- the hooks alone: eksempelbank.website.build.prepare_build (validate, relate, generate) timed
  in-process, as a share of the baseline build;
- the validator over all examples (load_examples) against a bare python-frontmatter parse;
- the site on disk, and the median and largest example page (raw and gzip);
- the largest page that is not an example page, and the page with the most example links;
- bytes transferred to open the finder and for the first search query, in headless Chromium
  (scripts/search_payload.py, when it exists);
- the time to compute «Lignende eksempler» (eksempelbank.website.related), and its growth from N/2 to N.

Then a summary against the targets of issue 5. Usage:

    .venv/bin/python scripts/benchmark.py [--sizes 200,1000,3000,10000] [--seed N] [--repeat 2]
                                          [--keep DIR] [--markdown FILE] [--json FILE] [--no-browser]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib.metadata
import importlib.util
import json
import os
import platform
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape as html_escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import frontmatter  # noqa: E402
import yaml  # noqa: E402

from benchmarks.synthetic import DEFAULT_SEED, write_examples  # noqa: E402
from eksempelbank.reading.schema import _load_schema_cached, load_schema  # noqa: E402
from eksempelbank.reading.validate import load_examples  # noqa: E402
from eksempelbank.website.build import prepare_build  # noqa: E402
from eksempelbank.website.related import related_examples  # noqa: E402
from eksempelbank.website.search_index import pagefind_command  # noqa: E402
from tests.sitebuild import SITE_PARTS  # noqa: E402

DEFAULT_SIZES = (200, 1000, 3000)
KB = 1024

# Targets of issue 5.
MAX_BUILD_RATIO = 1.5
# Issue 12: against stock Material at 3,000 examples, and Pagefind's memory there.
MAX_STOCK_RATIO = 1.5
STOCK_RATIO_AT = 3000
MAX_PAGEFIND_MB = 1024
MAX_HOOK_SHARE = 0.15
MAX_PAGE_GROWTH = 0.10
MAX_VALIDATOR_RATIO = 2.0
MAX_TRANSFER_GZIP = 300 * KB
ISSUE_11_N = 3000
ISSUE_11_OPEN = 100 * KB
ISSUE_11_QUERY = 200 * KB
MAX_RELATED_DOUBLING = 2.3

_HREF = re.compile(r'href="([^"#?]*)')
_EXAMPLE_PATH = re.compile(r"eksempler/([a-z0-9-]+)/(?:index\.html)?")


# -- running and measuring ----------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_rss_kb: int  # of the largest process: the build or a child it waited for
    returncode: int
    stderr: str
    cpu_seconds: float = 0.0  # user + system, the build and its children

    def best(self, other: Run | None) -> Run:
        """The faster of two runs of the same build (peak memory: the larger)."""
        if other is None:
            return self
        fastest = self if self.seconds <= other.seconds else other
        return Run(
            fastest.seconds,
            max(self.peak_rss_kb, other.peak_rss_kb),
            fastest.returncode,
            fastest.stderr,
            min(self.cpu_seconds, other.cpu_seconds),
        )


def run_measured(command: list[str], cwd: Path) -> Run:
    """Run ``command``: wall time, and the peak resident memory of the largest process in it.

    os.wait4 gives the rusage of this child alone (not of the earlier builds), including the
    processes it waited for, such as Pagefind started by the hook.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss, process.returncode, stderr, usage.ru_utime + usage.ru_stime)


def timed(function: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Best wall time of ``repeat`` calls, and the last result.

    Like timeit: garbage collected before and switched off during each call, so a big heap left by
    an earlier step (the generated pages) does not slow down whatever is measured next.
    """
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = function()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best, result


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def tree_size(directory: Path) -> tuple[int, int]:
    total = count = 0
    for path in directory.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            count += 1
    return total, count


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", *args]


# -- the project copy and the baseline -------------------------------------------------------------


def copy_sources(target: Path, source_root: Path = ROOT) -> None:
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        source = source_root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)


def read_config(path: Path) -> dict[str, Any]:
    from mkdocs.utils.yaml import yaml_load

    with path.open("rb") as handle:
        return yaml_load(handle)


_STAND_IN = re.compile(r"^eb-html-[0-9a-f]{16}-\d+$", re.MULTILINE)


def as_plain_markdown(page: str, site) -> str:
    """The production page carries a stand-in for each piece of HTML the generator wrote, which the
    hook puts in after rendering (GeneratedSite.fill): write the HTML itself into the Markdown."""
    return _STAND_IN.sub(lambda m: "\n" + site.fragments[m.group(0)] + "\n", page)


def with_markdown_body(page: str, example) -> str:
    """Production puts an example's checked HTML into its page; a plain build renders the example's
    own Markdown: put that in instead of the sections (between the first section's heading and the
    sources' heading)."""
    if not example.sections:
        return page
    start = page.index(f">{html_escape(example.sections[0].title)}</h2>")
    start = page.rindex("<h2 ", 0, start)
    end = page.index('<h2 id="kjelder">' if example.language == "nn" else '<h2 id="kilder">', start)
    return page[:start] + "\n\n" + example.body.strip() + "\n\n" + page[end:]


def write_stock(project: Path) -> Path:
    """Stock Material (issue 12): the example files as they are, in a docs folder of their own, with
    a front page; MkDocs + Material in the default configuration, examples out of the menu, the
    built-in search (what a stock Material site builds)."""
    stock = project / "stock"
    docs = stock / "docs"
    (docs / "eksempler").mkdir(parents=True)
    for path in sorted((project / "examples").glob("*.md")):
        shutil.copy2(path, docs / "eksempler" / path.name)
    (docs / "index.md").write_text("# Eksempler\n\nStock Material over the example files.\n", encoding="utf-8")
    config = {
        "site_name": "Stock Material",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "nav": ["index.md"],
        "not_in_nav": "/eksempler/\n",
    }
    (stock / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return stock


def write_baseline(project: Path, result, config: dict[str, Any]) -> Path:
    """Plain Markdown of the same pages, and a config that inherits mkdocs.yml without hooks.

    Material's built-in search (what a stock Material site has) instead of the production
    search; the production menu (with the hook's sub-menus); every generated page outside it
    is marked not_in_nav, as the hook does.
    """
    docs = project / "baseline-docs"
    shutil.copytree(project / config.get("docs_dir", "docs"), docs)
    generated = {
        **{uri: as_plain_markdown(page, result.site) for uri, page in result.site.pages.items()},
        **getattr(result.site, "files", {}),
    }  # pages, and JSON, CSV, feeds
    for example in result.catalog.examples:  # the example's own Markdown, for MkDocs to render
        generated[f"eksempler/{example.slug}.md"] = with_markdown_body(
            generated[f"eksempler/{example.slug}.md"], example
        )
    for uri, markdown in generated.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    nav = result.expand_nav(config.get("nav"))
    in_nav = result.pages_in_nav(nav)
    not_in_nav = sorted(
        {"/" + uri.split("/")[0] + ("/" if "/" in uri else "") for uri in result.site.pages if uri not in in_nav}
        | set(str(config.get("not_in_nav") or "").split())
    )  # and mkdocs.yml's own
    search = next(
        (p for p in config.get("plugins") or [] if p == "search" or (isinstance(p, dict) and "search" in p)),
        {"search": {"lang": ["no"]}},
    )
    baseline = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": docs.name,
        "hooks": [],
        "plugins": [search],
        "watch": [],
        "nav": nav,
        "not_in_nav": "\n".join(not_in_nav) + "\n",
    }
    path = project / "mkdocs-baseline.yml"
    path.write_text(yaml.safe_dump(baseline, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# -- the built site -----------------------------------------------------------------------------


@dataclass
class SiteFigures:
    bytes: int = 0
    files: int = 0
    example_pages: int = 0
    example_median: int = 0
    example_median_gz: int = 0
    example_max: int = 0
    example_max_gz: int = 0
    largest_other: str = ""
    largest_other_bytes: int = 0
    most_links_page: str = ""
    most_links: int = 0
    search_index_bytes: int = 0


def example_links(page: str, html: str, slugs: set[str]) -> set[str]:
    """Slugs of the example pages that ``page`` (e.g. ``fylker/agder/index.html``) links to."""
    folder = posixpath.dirname(page)
    found = set()
    for href in set(_HREF.findall(html)):
        if not href or ":" in href or href.startswith("/"):
            continue  # other sites, mailto:, or (not produced by MkDocs) root-relative links
        match = _EXAMPLE_PATH.fullmatch(posixpath.normpath(posixpath.join(folder, href)) + "/")
        if match is None:
            match = _EXAMPLE_PATH.fullmatch(posixpath.normpath(posixpath.join(folder, href)))
        if match and match.group(1) in slugs:
            found.add(match.group(1))
    return found


def site_figures(site: Path, slugs: set[str]) -> SiteFigures:
    figures = SiteFigures()
    figures.bytes, figures.files = tree_size(site)
    raw, zipped = [], []
    for page in site.rglob("*.html"):
        relative = page.relative_to(site).as_posix()
        data = page.read_bytes()
        parts = relative.split("/")
        is_example = len(parts) == 3 and parts[0] == "eksempler" and parts[1] in slugs
        if is_example:
            raw.append(len(data))
            zipped.append(gzip_size(data))
        elif len(data) > figures.largest_other_bytes:
            figures.largest_other, figures.largest_other_bytes = relative, len(data)
        links = example_links(relative, data.decode("utf-8", "replace"), slugs)
        if is_example:
            links.discard(parts[1])
        if len(links) > figures.most_links:
            figures.most_links_page, figures.most_links = relative, len(links)
    figures.example_pages = len(raw)
    if raw:
        figures.example_median = int(statistics.median(raw))
        figures.example_median_gz = int(statistics.median(zipped))
        figures.example_max, figures.example_max_gz = max(raw), max(zipped)
    for index in (site / "search" / "search_index.json", site / "pagefind"):
        if index.is_file():
            figures.search_index_bytes += index.stat().st_size
        elif index.is_dir():
            figures.search_index_bytes += tree_size(index)[0]
    return figures


# -- the finder and search (scripts/search_payload.py, by the search work) ---------------------------


def load_search_payload():
    path = ROOT / "scripts" / "search_payload.py"
    if not path.is_file():
        return None, "scripts/search_payload.py does not exist yet"
    spec = importlib.util.spec_from_file_location("search_payload", path)
    if spec is None or spec.loader is None:
        return None, "scripts/search_payload.py cannot be loaded"
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # report, do not lose the other figures
        return None, f"scripts/search_payload.py failed to import: {exc!r}"
    if not callable(getattr(module, "measure", None)):
        return None, "scripts/search_payload.py has no measure(site_dir)"
    return module.measure, ""


def payload_figures(measure, site: Path) -> dict[str, Any]:
    """{'finder', 'search', 'query_after_opening', 'choice_after_opening': bytes} from search_payload.measure."""
    result = measure(site)
    names = {
        "finder": "finder_transfer_gz",
        "search": "search_transfer_gz",
        "query_after_opening": "query_after_opening_bytes",
        "choice_after_opening": "choice_after_opening_bytes",
    }
    figures: dict[str, Any] = {
        key: int(getattr(result, name)) for key, name in names.items() if getattr(result, name, None) is not None
    }
    if "finder" not in figures or "search" not in figures:
        raise TypeError(f"unexpected result from search_payload.measure: {result!r:.300}")
    figures["query"] = getattr(result, "query", "")
    return figures


# -- one size -------------------------------------------------------------------------------------


@dataclass
class Result:
    n: int
    generate_s: float = 0.0
    build: Run | None = None
    baseline: Run | None = None
    stock: Run | None = None
    pagefind: Run | None = None  # Pagefind alone, run again over the built site
    hooks_s: float = 0.0
    validate_s: float = 0.0
    parse_s: float = 0.0
    related_s: float = 0.0
    related_half_s: float = 0.0
    site: SiteFigures = field(default_factory=SiteFigures)
    baseline_site: SiteFigures = field(default_factory=SiteFigures)
    stock_site: SiteFigures = field(default_factory=SiteFigures)
    payload: dict[str, Any] = field(default_factory=dict)
    payload_note: str = ""
    per_page: int = 50
    failure: str = ""
    load_after: float = 0.0  # 1-minute load average when this size was done (other work slows builds)
    others: str = ""  # what else was running then (ps), other than this benchmark


def measure_size(n: int, seed: int, workdir: Path, payload: tuple[Callable | None, str], repeat: int = 1) -> Result:
    result = Result(n)
    project = workdir / f"n{n}"
    copy_sources(project, workdir / "sources")  # the snapshot taken at the start: every N builds the same code
    shutil.rmtree(project / "examples")
    start = time.perf_counter()
    write_examples(project / "examples", n, seed)
    result.generate_s = time.perf_counter() - start
    config = read_config(project / "mkdocs.yml")
    settings = (config.get("extra") or {}).get("eksempelbank") or {}
    result.per_page = int(settings.get("per_page", 50))
    print(f"  N={n}: {n} synthetic examples written in {result.generate_s:.1f} s; production build ...", flush=True)

    production = mkdocs("--site-dir", "site")
    result.build = run_measured(production, project)
    if result.build.returncode != 0:
        result.failure = "production build failed:\n" + result.build.stderr[-3000:]
        return result

    # The hooks' work, in-process, as the build's on_config does it (the schema read afresh each time).
    def hooks():
        _load_schema_cached.cache_clear()
        return prepare_build(project, settings)

    result.hooks_s, prepared = timed(hooks, repeat=2)
    if prepared.errors:
        result.failure = "examples do not validate:\n" + prepared.error_report()[:3000]
        return result
    print(f"  N={n}: baseline build ...", flush=True)
    baseline_config = write_baseline(project, prepared, config)
    del prepared  # the generated pages: not kept in memory while the rest is measured
    plain = mkdocs("-f", baseline_config.name, "--site-dir", "baseline-site")
    result.baseline = run_measured(plain, project)
    if result.baseline.returncode != 0:
        result.failure = "baseline build failed:\n" + result.baseline.stderr[-3000:]
        return result
    print(f"  N={n}: stock Material build ...", flush=True)
    stock_project = write_stock(project)
    stock = mkdocs("--site-dir", "site")
    result.stock = run_measured(stock, stock_project)
    if result.stock.returncode != 0:
        result.failure = "stock Material build failed:\n" + result.stock.stderr[-3000:]
        return result
    for _ in range(repeat - 1):  # taking turns, so that a busy moment does not favour one of them
        print(f"  N={n}: production, baseline and stock build again ...", flush=True)
        result.build = run_measured(production, project).best(result.build)
        result.baseline = run_measured(plain, project).best(result.baseline)
        result.stock = run_measured(stock, stock_project).best(result.stock)
    print(f"  N={n}: Pagefind alone ...", flush=True)
    language = (config.get("theme") or {}).get("language", "nb")
    # Into an empty folder, as in a clean build: Pagefind skips writing the files it finds already
    # written (their names are hashes of their content), which takes half the time off.
    shutil.rmtree(project / "site" / "pagefind")
    result.pagefind = run_measured(pagefind_command(project / "site", language), project)

    # Both list the folder and read every file; the validator then checks everything, the bare parse
    # only splits off and parses the YAML.
    schema = load_schema(project / "data")
    examples_dir = project / "examples"
    result.validate_s = result.parse_s = float("inf")
    for _ in range(5 if n <= 3000 else 2):  # in turns, so that a busy moment does not count against one of the two
        seconds, catalog = timed(lambda: load_examples(examples_dir, schema, root=project))
        result.validate_s = min(result.validate_s, seconds)
        seconds, _ = timed(lambda: [frontmatter.load(p) for p in sorted(examples_dir.glob("*.md"))])
        result.parse_s = min(result.parse_s, seconds)
    examples = catalog.examples
    half = examples[::2]
    result.related_half_s, result.related_s = float("inf"), float("inf")
    for _ in range(15):  # in turns, so that a busy moment does not count against one of the two
        result.related_half_s = min(result.related_half_s, timed(lambda: related_examples(half, schema))[0])
        result.related_s = min(result.related_s, timed(lambda: related_examples(examples, schema))[0])

    slugs = {example.slug for example in examples}
    print(f"  N={n}: measuring pages ...", flush=True)
    result.site = site_figures(project / "site", slugs)
    result.baseline_site = site_figures(project / "baseline-site", slugs)
    result.stock_site = site_figures(stock_project / "site", slugs)
    if result.site.example_pages != n or len(examples) != n:  # never measure a site with examples missing
        result.failure = (
            f"{n} examples generated, {len(examples)} validated, {result.site.example_pages} example pages built"
        )
        return result

    measure, note = payload
    result.payload_note = note
    if measure is not None:
        try:
            result.payload = payload_figures(measure, project / "site")
        except Exception as exc:  # report, keep the other figures
            result.payload_note = f"search_payload failed: {exc!r}"
    return result


# -- reporting ------------------------------------------------------------------------------------


def kb(value: float | int | None) -> str:
    return "n/a" if value is None else f"{value / KB:,.1f} KB"


def mb(value: float | int) -> str:
    return f"{value / KB / KB:,.1f} MB"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def rows_for(r: Result) -> list[tuple[str, str]]:
    b, base, stock = r.build, r.baseline, r.stock
    assert b and base and stock, "a size measured without a failure has all three builds"
    payload_note = f" ({r.payload_note})" if r.payload_note else ""
    rows = [
        (
            "Production build (hooks + pages + search index)",
            f"{b.seconds:.1f} s ({b.cpu_seconds:.1f} s CPU), peak {b.peak_rss_kb / KB:,.0f} MB",
        ),
        (
            "Stock Material: default config, the example files, built-in search, examples out of the menu",
            f"{stock.seconds:.1f} s ({stock.cpu_seconds:.1f} s CPU), peak {stock.peak_rss_kb / KB:,.0f} MB",
        ),
        (
            "Production / stock Material",
            f"{ratio(b.seconds, stock.seconds)} (CPU time {ratio(b.cpu_seconds, stock.cpu_seconds)})",
        ),
        (
            "Baseline: our theme setup and pages, no hooks, built-in search, examples out of the menu",
            f"{base.seconds:.1f} s ({base.cpu_seconds:.1f} s CPU), peak {base.peak_rss_kb / KB:,.0f} MB",
        ),
        (
            "Production / baseline",
            f"{ratio(b.seconds, base.seconds)} (CPU time {ratio(b.cpu_seconds, base.cpu_seconds)})",
        ),
        (
            "Pagefind alone, run again over the built site",
            f"{r.pagefind.seconds:.1f} s ({r.pagefind.cpu_seconds:.1f} s CPU), peak {r.pagefind.peak_rss_kb / KB:,.0f} MB"
            if r.pagefind
            else "n/a",
        ),
        (
            "Hooks alone (prepare_build: validate + related + generate)",
            f"{r.hooks_s:.2f} s = {100 * r.hooks_s / base.seconds:.1f} % of baseline",
        ),
        ("Validator over all examples (load_examples)", f"{r.validate_s:.2f} s"),
        ("Bare front-matter parse (python-frontmatter)", f"{r.parse_s:.2f} s"),
        ("Validator / bare parse", ratio(r.validate_s, r.parse_s)),
        (
            "Site on disk",
            f"{mb(r.site.bytes)} in {r.site.files:,} files (baseline {mb(r.baseline_site.bytes)}, "
            f"stock {mb(r.stock_site.bytes)})",
        ),
        ("Search index on disk", mb(r.site.search_index_bytes) if r.site.search_index_bytes else "none found"),
        (
            "Example page HTML, median",
            f"{kb(r.site.example_median)} ({kb(r.site.example_median_gz)} gzip; "
            f"baseline {kb(r.baseline_site.example_median)})",
        ),
        ("Example page HTML, largest", f"{kb(r.site.example_max)} ({kb(r.site.example_max_gz)} gzip)"),
        ("Largest other page", f"{r.site.largest_other} {kb(r.site.largest_other_bytes)}"),
        ("Most example links on one page", f"{r.site.most_links} ({r.site.most_links_page})"),
        ("Open the finder, transferred (gzip)", kb(r.payload.get("finder")) + payload_note),
        ("First search query, transferred (gzip)", kb(r.payload.get("search")) + payload_note),
        (
            "Then the same query typed into the open finder (gzip)",
            kb(r.payload.get("query_after_opening")) + payload_note,
        ),
        (
            "Or a first choice (a size class) in the open finder (gzip)",
            kb(r.payload.get("choice_after_opening")) + payload_note,
        ),
        ("Related examples (N)", f"{r.related_s * 1000:.0f} ms"),
        (
            "Related examples (N/2) → doubling factor",
            f"{r.related_half_s * 1000:.0f} ms → {ratio(r.related_s, r.related_half_s)}",
        ),
        (
            "Machine load (1-min average) when done",
            f"{r.load_after:.1f}" + (f"; also running: {r.others}" if r.others else ""),
        ),
    ]
    return rows


def print_table(r: Result) -> None:
    title = f"N = {r.n:,} examples"
    print(f"\n{title}\n{'=' * len(title)}")
    if r.failure:
        print(r.failure)
        return
    width = max(len(name) for name, _ in rows_for(r))
    for name, value in rows_for(r):
        print(f"{name:<{width}}  {value}")


def checks(results: list[Result]) -> list[tuple[str, bool | None, str]]:
    """(target, met?, figures) for the summary; None when it could not be measured."""
    done = [r for r in results if not r.failure]
    if not done:
        return []
    largest, smallest = max(done, key=lambda r: r.n), min(done, key=lambda r: r.n)
    out: list[tuple[str, bool | None, str]] = []
    at = next((r for r in done if r.n == STOCK_RATIO_AT), largest)
    assert at.build and at.stock and largest.build and largest.baseline, "sizes done have all their builds"
    stock_ratio = at.build.seconds / at.stock.seconds
    out.append(
        (
            f"Production build ≤ {MAX_STOCK_RATIO}× stock Material (N={at.n:,}, issue 12)",
            stock_ratio <= MAX_STOCK_RATIO,
            f"{at.build.seconds:.1f} s / {at.stock.seconds:.1f} s = {stock_ratio:.2f}× (CPU time: "
            f"{at.build.cpu_seconds:.1f} s / {at.stock.cpu_seconds:.1f} s = "
            f"{ratio(at.build.cpu_seconds, at.stock.cpu_seconds)}); "
            + ", ".join(f"N={r.n:,}: {ratio(r.build.seconds, r.stock.seconds)}" for r in done if r.build and r.stock),
        )
    )
    if at.pagefind:
        peak = at.pagefind.peak_rss_kb / KB
        out.append(
            (
                f"Pagefind's peak memory ≤ {MAX_PAGEFIND_MB / KB:.0f} GB (N={at.n:,}, issue 12)",
                peak <= MAX_PAGEFIND_MB,
                ", ".join(f"N={r.n:,}: {r.pagefind.peak_rss_kb / KB:,.0f} MB" for r in done if r.pagefind),
            )
        )
    build_ratio = largest.build.seconds / largest.baseline.seconds
    out.append(
        (
            f"Production build ≤ {MAX_BUILD_RATIO}× baseline (N={largest.n:,})",
            build_ratio <= MAX_BUILD_RATIO,
            f"{largest.build.seconds:.1f} s / {largest.baseline.seconds:.1f} s = {build_ratio:.2f}× "
            f"(CPU time: {largest.build.cpu_seconds:.1f} s / {largest.baseline.cpu_seconds:.1f} s = "
            f"{ratio(largest.build.cpu_seconds, largest.baseline.cpu_seconds)})",
        )
    )
    share = largest.hooks_s / largest.baseline.seconds
    out.append(
        (
            f"Hooks ≤ {MAX_HOOK_SHARE:.0%} of baseline (N={largest.n:,})",
            share <= MAX_HOOK_SHARE,
            f"{largest.hooks_s:.2f} s = {share:.1%}",
        )
    )
    growth = largest.site.example_median / smallest.site.example_median - 1
    out.append(
        (
            f"Example page at N={largest.n:,} within {MAX_PAGE_GROWTH:.0%} of N={smallest.n:,}",
            abs(growth) <= MAX_PAGE_GROWTH,
            f"median {kb(smallest.site.example_median)} → {kb(largest.site.example_median)} ({growth:+.1%}); "
            f"largest {kb(smallest.site.example_max)} → {kb(largest.site.example_max)}",
        )
    )
    links_ok = all(r.site.most_links <= r.per_page for r in done)
    out.append(
        (
            f"No page lists more than {largest.per_page} examples (lists paged)",
            links_ok,
            "; ".join(
                f"N={r.n:,}: {r.site.most_links} on {r.site.most_links_page}, largest other page "
                f"{r.site.largest_other} {kb(r.site.largest_other_bytes)}"
                for r in done
            ),
        )
    )
    validator = largest.validate_s / largest.parse_s
    out.append(
        (
            f"Validator ≤ {MAX_VALIDATOR_RATIO:.0f}× bare front-matter parse (N={largest.n:,})",
            validator <= MAX_VALIDATOR_RATIO,
            f"{largest.validate_s:.2f} s / {largest.parse_s:.2f} s = {validator:.2f}×",
        )
    )
    for key, label in (
        ("finder", "Opening the finder"),
        ("search", "First search query"),
        ("query_after_opening", "First query in the open finder"),
    ):
        measured = [r for r in done if key in r.payload]
        if not measured:
            out.append(
                (
                    f"{label} ≤ {MAX_TRANSFER_GZIP // KB} KB gzip",
                    None,
                    f"n/a: {largest.payload_note or 'not reported by search_payload'}",
                )
            )
            continue
        worst = max(measured, key=lambda r: r.payload[key])
        out.append(
            (
                f"{label} ≤ {MAX_TRANSFER_GZIP // KB} KB gzip",
                worst.payload[key] <= MAX_TRANSFER_GZIP,
                ", ".join(f"N={r.n:,}: {kb(r.payload[key])}" for r in measured),
            )
        )
    # Issue 11's targets at 3,000 examples: opening the finder ≤ 100 KB, its first typed query ≤ 200 KB.
    at_3000 = [r for r in done if r.n == ISSUE_11_N and r.payload]
    for key, label, limit in (
        ("finder", "Opening the finder", ISSUE_11_OPEN),
        ("query_after_opening", "First query typed in the open finder", ISSUE_11_QUERY),
        ("choice_after_opening", "First choice in the open finder", ISSUE_11_QUERY),
    ):
        name = f"{label} ≤ {limit // KB} KB gzip (N={ISSUE_11_N:,}, issue 11)"
        if not at_3000 or key not in at_3000[0].payload:
            out.append((name, None, f"n/a: N={ISSUE_11_N:,} not measured"))
        else:
            value = at_3000[0].payload[key]
            out.append((name, value <= limit, kb(value)))
    doubling = max(r.related_s / r.related_half_s for r in done)
    out.append(
        (
            f"Related examples: doubling N ≤ {MAX_RELATED_DOUBLING}× time",
            doubling <= MAX_RELATED_DOUBLING,
            ", ".join(
                f"N={r.n // 2:,}→{r.n:,}: {r.related_s / r.related_half_s:.2f}× ({r.related_s * 1000:.0f} ms)"
                for r in done
            ),
        )
    )
    return out


def print_summary(results: list[Result]) -> None:
    print("\nSummary against the targets of issues 5 and 12\n" + "=" * 46)
    for target, met, figures in checks(results):
        mark = "n/a " if met is None else "ok  " if met else "MISS"
        print(f"[{mark}] {target}: {figures}")


def other_work(limit: int = 4) -> str:
    """The busiest processes besides this benchmark and its builds (ps), to judge the timings by."""
    try:
        listing = subprocess.run(
            ["ps", "-eo", "pid,ppid,pcpu,args", "--sort=-pcpu", "--no-headers"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return ""
    ours, busy = {os.getpid()}, []
    rows = [line.split(None, 3) for line in listing if len(line.split(None, 3)) == 4]
    for pid, ppid, _, _ in rows:  # this process and everything it started
        if int(ppid) in ours:
            ours.add(int(pid))
    for pid, _, cpu, args in rows:
        if int(pid) not in ours and float(cpu) >= 5:
            busy.append(f"{args.split()[0].rsplit('/', 1)[-1]} {' '.join(args.split()[1:3])[:60]} ({float(cpu):.0f} %)")
    return "; ".join(busy[:limit])


def machine() -> str:
    memory = ""
    try:
        kib = int(
            next(
                line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
            ).split()[1]
        )
        memory = f", {kib / KB / KB:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    import markdown
    import material  # type: ignore[import-untyped]  # Material for MkDocs ships no type information
    import mkdocs

    try:
        pagefind = f", Pagefind {importlib.metadata.version('pagefind-bin')}"
    except importlib.metadata.PackageNotFoundError:
        pagefind = ""
    return (
        f"{os.cpu_count()} CPU cores{memory}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
        f"Material {getattr(material, '__version__', '?')}, Markdown {markdown.__version__}{pagefind}, "
        f"{date.today().isoformat()}"
    )


def markdown_report(results: list[Result], seed: int, repeat: int) -> str:
    done = [r for r in results if not r.failure]
    builds = "each build run once" if repeat == 1 else f"fastest of {repeat} runs of each build, in turns"
    lines = [
        f"Machine: {machine()}. Seed {seed}; {builds}.",
        "",
        "| | " + " | ".join(f"N = {r.n:,}" for r in done) + " |",
        "|---|" + "---|" * len(done),
    ]
    names = [name for name, _ in rows_for(done[0])] if done else []
    for index, name in enumerate(names):
        lines.append(f"| {name} | " + " | ".join(rows_for(r)[index][1].replace("|", "\\|") for r in done) + " |")
    lines += ["", "| Target | Met | Figures |", "|---|---|---|"]
    for target, met, figures in checks(results):
        lines.append(f"| {target} | {'n/a' if met is None else 'yes' if met else '**no**'} | {figures} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated numbers of examples (default: 200,1000,3000)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the synthetic examples")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown to this file")
    parser.add_argument("--json", type=Path, help="also write the raw figures as JSON to this file")
    parser.add_argument("--no-browser", action="store_true", help="skip the finder and search measurements")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="build production and baseline this many times each, in turns, and keep the fastest "
        "(steadier figures on a busy machine; default 1)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]

    print(
        f"Benchmark: sizes {', '.join(map(str, sizes))}, seed {args.seed}, builds x{max(1, args.repeat)}\n{machine()}",
        flush=True,
    )
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        workdir_context = None
        workdir = Path(tempfile.mkdtemp(prefix="benchmark-", dir=args.keep))
    else:
        workdir_context = tempfile.TemporaryDirectory(prefix="eksempelbank-benchmark-")
        workdir = Path(workdir_context.name)
    results = []
    try:
        # One snapshot of the sources and of search_payload, so that edits made while the benchmark runs
        # (it takes minutes) cannot make the sizes measure different code.
        copy_sources(workdir / "sources")
        payload = load_search_payload() if not args.no_browser else (None, "skipped (--no-browser)")
        print(f"Load average (1 min) at the start: {os.getloadavg()[0]:.1f}", flush=True)
        for n in sizes:
            result = measure_size(n, args.seed, workdir, payload, repeat=max(1, args.repeat))
            result.load_after = os.getloadavg()[0]
            result.others = other_work()
            results.append(result)
            print_table(result)
            if not args.keep:
                shutil.rmtree(workdir / f"n{n}", ignore_errors=True)
    finally:
        if workdir_context is not None:
            workdir_context.cleanup()
    print_summary(results)
    if args.markdown:
        args.markdown.write_text(markdown_report(results, args.seed, max(1, args.repeat)), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([_as_dict(r) for r in results], indent=2, default=str), encoding="utf-8")
    if args.keep:
        print(f"\nBuilt sites kept in {workdir}")
    return 1 if any(r.failure for r in results) else 0


def _as_dict(r: Result) -> dict[str, Any]:
    from dataclasses import asdict

    data = asdict(r)
    for key in ("build", "baseline", "stock", "pagefind"):
        if data.get(key):
            data[key].pop("stderr", None)
    return data


if __name__ == "__main__":
    sys.exit(main())

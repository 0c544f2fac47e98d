#!/usr/bin/env python3
"""Lighthouse on the built site, mobile, as issue 11 measures it. Run on demand, not in `make test`.

Builds the site (production build, `SITE_URL` set to the local address so canonical links point
at the pages measured), serves it on 127.0.0.1 with gzip for text files (as any web server
would), and runs the npm package `lighthouse` (scripts/lighthouse/package-lock.json, installed
here with `npm ci` the first time) against Debian's Chromium, with Lighthouse's default mobile
settings (emulated phone, simulated slow 4G and CPU). Prints the four scores per page, the
metrics behind performance, and every audit that cost a category points.

    .venv/bin/python scripts/lighthouse.py [--site DIR --port N] [--pages /,finn/] [--runs 3]
                                           [--desktop] [--json FILE]

With --runs N, each page is measured N times and the median performance is shown (Lighthouse's
own advice: performance varies from run to run, the other categories do not).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.sitebuild import free_port, gzip_site_handler  # noqa: E402  (the same server as search_payload.py)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


TOOL = Path(__file__).resolve().parent / "lighthouse"
CLI = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
# A page of every kind (issue 19, point 8): the front page, an example, a list and its value pages,
# the finder as it opens (plain, with a query, with a municipality), the form and a text page.
PAGES = [
    "",
    "eksempler/drammen-fra-leie-til-eie/",
    "alle-eksempler/",
    "fylker/",
    "fylker/vestland/",
    "finn/",
    "finn/?q=startl%C3%A5n",
    "finn/?kommune=stord",
    "bidra/send-inn/",
    "om/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
]


def install() -> None:
    if CLI.is_file():
        return
    if not shutil.which("npm"):
        sys.exit("npm mangler: installer Node.js og npm (Debian: apt-get install npm).")
    subprocess.run(
        ["npm", "ci", "--prefix", str(TOOL), "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        check=True,
    )


def build(site: Path, address: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=address)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(result.stderr)


def lighthouse(url: str, out: Path, desktop: bool = False) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROME)
    preset = ["--preset=desktop"] if desktop else []
    subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            *preset,
        ],
        check=True,
        env=env,
        timeout=300,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def lost_points(report: dict) -> dict[str, list[str]]:
    """Per category, the audits that counted and did not score full marks."""
    found: dict[str, list[str]] = {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.setdefault(category, []).append(f"{ref['id']}: {audit['score']}{value}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site built for http://127.0.0.1:PORT/ (default: build one)")
    parser.add_argument("--port", type=int, help="port the --site was built for")
    parser.add_argument("--pages", help="comma-separated paths (default: a page of every kind, PAGES)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop settings instead of mobile")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--no-gzip", action="store_true", help="serve without compression (a host that compresses nothing)"
    )
    args = parser.parse_args(argv)
    install()
    pages = args.pages.split(",") if args.pages else PAGES
    pages = [p.lstrip("/") for p in pages]
    port = args.port or free_port()
    address = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="eb-lighthouse-") as work:
        work_dir = Path(work)
        site = args.site.resolve() if args.site else work_dir / "site"
        if not args.site:
            build(site, address)
        handler = functools.partial(_QuietHandler, directory=str(site)) if args.no_gzip else gzip_site_handler(site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        version = json.loads((CLI.parent.parent / "package.json").read_text())["version"]
        chrome = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
        device = "skrivebord (--preset=desktop)" if args.desktop else "mobil (standardinnstillinger)"
        device += ", uten komprimering" if args.no_gzip else ", gzip"
        print(f"Lighthouse {version}, {chrome}, {device}, {args.runs} kjøring(er) per side")
        print(f"{'side':42} {'ytelse':>6} {'tilgj.':>6} {'praksis':>7} {'SEO':>4}   FCP    LCP    TBT    CLS    SI")
        figures: dict[str, dict[str, Any]] = {}
        try:
            for path in pages:
                runs = [lighthouse(address + path, work_dir / f"run-{i}.json", args.desktop) for i in range(args.runs)]
                scores = {c: [round(r["categories"][c]["score"] * 100) for r in runs] for c in CATEGORIES}
                middle = sorted(runs, key=lambda r: r["categories"]["performance"]["score"])[len(runs) // 2]
                metrics = {m: middle["audits"][m]["numericValue"] for m in METRICS}
                row = {c: int(statistics.median(v)) for c, v in scores.items()}
                figures["/" + path] = {
                    "scores": row,
                    "all_runs": scores,
                    "metrics": metrics,
                    "lost": lost_points(middle),
                }
                print(
                    f"{'/' + path:42} {row['performance']:>6} {row['accessibility']:>6} "
                    f"{row['best-practices']:>7} {row['seo']:>4}  "
                    f"{metrics['first-contentful-paint'] / 1000:4.1f}s {metrics['largest-contentful-paint'] / 1000:4.1f}s "
                    f"{metrics['total-blocking-time']:4.0f}ms {metrics['cumulative-layout-shift']:.3f} "
                    f"{metrics['speed-index'] / 1000:4.1f}s"
                )
                for category, audits in lost_points(middle).items():
                    print(f"    {category}: " + "; ".join(audits))
        finally:
            server.shutdown()
    if args.json:
        args.json.write_text(
            json.dumps(
                {"lighthouse": version, "chrome": chrome, "device": device, "pages": figures},
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    below = [
        p
        for p, f in figures.items()
        if f["scores"]["performance"] < 95 or any(f["scores"][c] < 100 for c in CATEGORIES[1:])
    ]
    print(
        "Mål (ytelse ≥ 95, tilgjengelighet, beste praksis og SEO 100): "
        + ("nådd på alle sidene" if not below else "ikke nådd på " + ", ".join(below))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

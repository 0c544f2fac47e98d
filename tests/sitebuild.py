"""Build the site the way production does (`mkdocs build --strict`), for tests."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import os
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from eksempelbank import ROOT

SITE_PARTS = ["mkdocs.yml", "docs", "examples", "data", "hooks", "overrides", "eksempelbank"]


#: Where the test server puts the built site: the root of a local address (any port).
LOCAL_SITE_URL = "http://127.0.0.1/"


def mkdocs_build(
    project: Path, site_dir: Path, site_url: str = LOCAL_SITE_URL, builder: str = "mkdocs"
) -> subprocess.CompletedProcess:
    """Build as production does, for a site published at ``site_url`` (mkdocs.yml reads SITE_URL),
    with MkDocs or ProperDocs (``builder``), which read the same mkdocs.yml."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", builder, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A throwaway copy of the site sources, to break on purpose."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for a test server or `mkdocs serve`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    """The page's text, or "" while the server is not (yet) answering."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


#: Files a web server sends gzip-compressed. Pagefind's index files are gzip files already.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".atom", ".map"}


def gzip_site_handler(site: Path, sent: Callable[[str, int, int], None] | None = None):
    """A request handler that serves the built ``site`` as a web server would: text gzip-compressed
    when the browser accepts it, the site's 404 page for what is not there, nothing outside the
    folder. ``sent(path, status, body_bytes)`` is told of every response (the measuring scripts)."""
    site = Path(site).resolve()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = unquote(urlparse(self.path).path)
            target = (site / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            status = 200
            if not (target == site or site in target.parents) or not target.is_file():
                target, status = site / "404.html", 404
            body = target.read_bytes() if target.is_file() else b"Not found"
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if target.suffix in {".js", ".mjs"}:
                ctype = "text/javascript"
            if ctype.startswith("text/") or ctype in {"application/json", "application/xml", "image/svg+xml"}:
                ctype += "; charset=utf-8"
            encoded = target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
            if encoded:
                body = gzip.compress(body, compresslevel=6)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            if encoded:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            if sent is not None:
                sent(path, status, len(body))

        def do_HEAD(self):  # Lighthouse asks for robots.txt and the like
            self.do_GET()

    return Handler

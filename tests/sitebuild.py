"""Build the site the way production does (`mkdocs build --strict`), for tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from eksempelbank import ROOT

SITE_PARTS = ["mkdocs.yml", "docs", "examples", "data", "hooks", "overrides", "eksempelbank"]


#: Where the test server puts the built site: the root of a local address (any port).
LOCAL_SITE_URL = "http://127.0.0.1/"


def mkdocs_build(project: Path, site_dir: Path, site_url: str = LOCAL_SITE_URL) -> subprocess.CompletedProcess:
    """Build as production does, for a site published at ``site_url`` (mkdocs.yml reads SITE_URL)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
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

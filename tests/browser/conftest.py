"""Headless Chromium (Debian's /usr/bin/chromium) driving the built site over HTTP on 127.0.0.1.

Skipped on a machine without Chromium, except in CI (CI=true), where a missing browser fails.
Every page is watched: a request to any host but 127.0.0.1 fails the test, and so does a file the
page loads that the site does not have (the build publishes only what pages load: published_files.py).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
MOBILE: ViewportSize = {"width": 390, "height": 844}
# axe-core from npm, exact version and checksum in tests/browser/package-lock.json (`make test`).
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


def _require_chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium mangler ({CHROMIUM}); i CI skal nettlesertestene kjøre.")
        pytest.skip("Chromium er ikke installert (kjør scripts/install-chromium.sh som root)")


FORGET_PALETTE = (
    "for (const key of Object.keys(localStorage)) if (key.endsWith('__palette')) localStorage.removeItem(key);"
)


def follow_system_scheme(page):
    """Material remembers the light/dark choice in localStorage, which the test pages share: forget
    it before every load, so the page follows the emulated prefers-color-scheme."""
    page.add_init_script(FORGET_PALETTE)


@pytest.fixture(scope="session")
def axe_source():
    """The source of axe.min.js, to inject into pages. Missing: skip, except in CI (fail)."""
    if not AXE_JS.exists():
        message = f"axe-core mangler ({AXE_JS}); «make test» installerer den (scripts/install-axe.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE_JS.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(real_site):
    site, _ = real_site
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    with sync_playwright() as playwright:
        # A persistent context gives Chromium the fresh --user-data-dir it needs as root.
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport=DESKTOP,
        )
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


class Visit:
    """A page plus the guard that records requests leaving 127.0.0.1."""

    def __init__(self, context, viewport):
        self.page = context.new_page()
        self.page.set_viewport_size(viewport)
        self.outside: list[str] = []
        self.mail: list[str] = []  # mailto: addresses the page opened
        self.page.on("request", self._watch)
        self.missing: list[str] = []  # scripts, styles, images, data the page asked for and did not get
        self.page.on("response", self._response)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.errors: list[str] = []
        # Chromium reports every Content-Security-Policy violation on the console («Refused to …»).
        self.csp: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp.append(message.text)

    def _watch(self, request):
        url = request.url
        if url.startswith("mailto:"):  # handed to the visitor's e-mail program, not fetched from a host
            self.mail.append(url)
        elif not (
            url.startswith("http://127.0.0.1:")
            or url.startswith("data:")
            or url.startswith("blob:")
            or url.startswith("about:")
        ):
            self.outside.append(url)

    def _response(self, response):
        # Pages themselves may be missing (the 404 tests ask for one on purpose); what they load may not.
        if response.status >= 400 and response.request.resource_type != "document":
            self.missing.append(f"{response.status} {response.url}")

    def close(self):
        self.page.close()
        assert self.outside == [], f"forespørsler til andre verter: {self.outside}"
        assert self.missing == [], f"filer siden lastet, som nettstedet ikke har: {self.missing}"
        assert self.errors == [], f"JavaScript-feil: {self.errors}"
        assert self.csp == [], f"brudd på Content-Security-Policy: {self.csp}"


@pytest.fixture
def visit(browser):
    """``visit()`` opens a desktop page, ``visit(MOBILE)`` a phone-sized one; both are checked on close."""
    opened: list[Visit] = []

    def open_page(viewport=DESKTOP):
        v = Visit(browser, viewport)
        opened.append(v)
        return v.page

    yield open_page
    for v in opened:
        v.close()

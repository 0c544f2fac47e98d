"""What a visitor's browser transfers for search: opening «Finn eksempel» and a first query.

Serves a built site on 127.0.0.1 (text files gzip-compressed, as any web server would; Pagefind's
index files are already gzip files and are sent as they are), drives headless Chromium with the
test suite's flags, and counts the bytes the server sends, request by request:

- ``finder_transfer_gz``: a first visit (empty cache) to /finn/, until the list of examples is
  shown: the page (built with every value's count and the newest examples), CSS and scripts.
  Pagefind is loaded only once the visitor chooses, types, sorts or asks for more.
- ``search_transfer_gz``: a first search from the header of a content page (empty cache), from
  the click on «Søk» until the results are shown: Pagefind's runtime and WebAssembly, the index
  metadata, the index chunks for the query and the shown results' fragments. The page itself
  is not counted.
- ``query_after_opening_bytes``: the same query typed into the finder once it is open (what the
  query adds to the open page: Pagefind's runtime, WebAssembly and metadata, the filter chunks
  for the counts, the index chunks and the shown results' fragments).
- ``choice_after_opening_bytes``: on the open finder (a new first visit), the first choice without
  text (the first size class) until its results are shown: the selection table and the cards of the
  results shown (no search index: Pagefind answers text only).
- ``miss_transfer_gz`` (with ``miss_query``, e.g. «Holmestarnd»): a first search from the header for
  a word the index does not know, until «Mente du …?» is shown: the same runtime, and the
  suggestion list (/sok/forslag.json), which only such a search fetches.

Used by scripts/benchmark.py (``measure(site_dir)``); run alone:

    .venv/bin/python scripts/search_payload.py site/ [--query startlånet] [--miss Holmestarnd] [--details] [--json]
"""

# No `from __future__ import annotations`: scripts/benchmark.py loads this file without putting it
# in sys.modules, and dataclasses with string annotations need that.
import argparse
import contextlib
import http.server
import json
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, DESKTOP  # noqa: E402  (same browser as the tests)
from tests.sitebuild import gzip_site_handler  # noqa: E402  (the same server as scripts/lighthouse.py)

DEFAULT_QUERY = "startlånet"
DEFAULT_MISS = "Holmestarnd"  # «Holmestrand» mistyped: no result, a suggestion


@dataclass
class Transfer:
    path: str
    status: int
    bytes: int  # body bytes on the wire (gzip where the server compresses)


@dataclass
class SearchPayload:
    finder_transfer_gz: int
    search_transfer_gz: int
    query_after_opening_bytes: int
    query: str
    finder_requests: list[Transfer] = field(default_factory=list)
    search_requests: list[Transfer] = field(default_factory=list)
    query_requests: list[Transfer] = field(default_factory=list)
    miss_transfer_gz: int | None = None
    miss_query: str | None = None
    miss_requests: list[Transfer] = field(default_factory=list)
    choice_after_opening_bytes: int | None = None
    choice_requests: list[Transfer] = field(default_factory=list)


class _Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: list[Transfer] = []
        self.last = time.monotonic()

    def add(self, entry: Transfer):
        with self.lock:
            self.entries.append(entry)
            self.last = time.monotonic()

    def mark(self) -> int:
        with self.lock:
            return len(self.entries)

    def since(self, mark: int) -> list[Transfer]:
        with self.lock:
            return list(self.entries[mark:])

    def settle(self, quiet: float = 0.6, timeout: float = 60.0):
        """Wait until no request has come for ``quiet`` seconds."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            with self.lock:
                idle = time.monotonic() - self.last
            if idle >= quiet:
                return
            time.sleep(0.05)


def _total(entries: list[Transfer]) -> int:
    return sum(e.bytes for e in entries)


def measure(
    site_dir: str | Path, query: str = DEFAULT_QUERY, content_page: str = "om/", miss_query: str | None = None
) -> SearchPayload:
    """Serve ``site_dir`` on 127.0.0.1 and measure the finder and a first query in Chromium (and, with
    ``miss_query``, a first query that finds nothing)."""
    from playwright.sync_api import expect, sync_playwright

    site = Path(site_dir).resolve()
    if not (site / "finn" / "index.html").is_file() or not (site / "pagefind" / "pagefind.js").is_file():
        raise FileNotFoundError(f"{site} er ikke et bygget nettsted med «Finn eksempel» og søkeindeks")
    log = _Log()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), gzip_site_handler(site, lambda path, status, size: log.add(Transfer(path, status, size)))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    outside: list[str] = []

    @contextlib.contextmanager
    def fresh_page(playwright, start: str | None = None):
        """A page in a new browser profile (an empty cache, as on a first visit), opened at ``start``."""
        profile = tempfile.mkdtemp(prefix="search-payload-")
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True, viewport=DESKTOP
        )

        def guard(route):
            if route.request.url.startswith(base):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        try:
            page = context.new_page()
            if start is not None:
                page.goto(base + start)
                log.settle()
            yield page
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)

    def transfers(act) -> list[Transfer]:
        """The requests from ``act()`` until the page is quiet."""
        mark = log.mark()
        act()
        log.settle()
        return log.since(mark)

    def header_search(page, text: str, done) -> None:
        page.locator("[data-eb-search-button]").click()
        page.locator("#eb-search-input").press_sequentially(text)
        expect(done(page)).to_be_visible(timeout=60_000)

    def open_finder(page) -> None:
        page.goto(base + "finn/")
        expect(page.locator("#eb-finder-status")).to_contain_text("passer", timeout=60_000)

    def type_in_finder(page) -> None:
        page.locator("#eb-finder-q").press_sequentially(query)
        expect(page.locator("#eb-finder-status")).to_contain_text(f"«{query}»", timeout=60_000)

    def choose_a_size(page) -> None:
        group = page.locator('fieldset[data-facet="kommunestorrelse"]')
        if group.locator(".eb-facet__toggle").get_attribute("aria-expanded") != "true":
            group.locator(".eb-facet__toggle").click()
        group.locator("input[type=checkbox]:not([disabled])").first.check()
        expect(page.locator("#eb-finder-status")).to_contain_text("1 valg", timeout=60_000)
        expect(page.locator("#eb-finder[aria-busy]")).to_have_count(0, timeout=60_000)

    try:
        with sync_playwright() as playwright:
            # (1) A first search from the header of a content page.
            with fresh_page(playwright, content_page) as page:
                search_requests = transfers(
                    lambda: header_search(
                        page, query, lambda p: p.locator("[data-eb-search-status]", has_text=f"«{query}»")
                    )
                )
            # (1b) A first search for a word the index does not know, until a suggestion is shown.
            miss_requests: list[Transfer] = []
            if miss_query:
                with fresh_page(playwright, content_page) as page:
                    miss_requests = transfers(
                        lambda: header_search(page, miss_query, lambda p: p.locator(".eb-search__suggestion").first)
                    )
            # (2) Opening the finder on a first visit, then (3) the query typed into it.
            with fresh_page(playwright) as page:
                finder_requests = transfers(lambda: open_finder(page))
                query_requests = transfers(lambda: type_in_finder(page))
            # (4) On a newly opened finder (first visit), the first choice without text.
            with fresh_page(playwright) as page:
                open_finder(page)
                log.settle()
                choice_requests = transfers(lambda: choose_a_size(page))
    finally:
        server.shutdown()
        server.server_close()
    if outside:
        raise RuntimeError(f"forespørsler til andre verter: {outside}")
    return SearchPayload(
        _total(finder_requests),
        _total(search_requests),
        _total(query_requests),
        query,
        finder_requests,
        search_requests,
        query_requests,
        _total(miss_requests) if miss_query else None,
        miss_query,
        miss_requests,
        _total(choice_requests),
        choice_requests,
    )


def _kb(n: int | None) -> str:
    return "ikke målt" if n is None else f"{n / 1024:,.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="bygget nettsted (mkdocs build)")
    parser.add_argument("--query", default=DEFAULT_QUERY)
    parser.add_argument("--miss", default=DEFAULT_MISS, help="ord uten treff (tom: ikke mål det)")
    parser.add_argument("--details", action="store_true", help="vis hver forespørsel")
    parser.add_argument("--json", action="store_true", help="skriv tallene som JSON")
    args = parser.parse_args(argv)
    result = measure(args.site, args.query, miss_query=args.miss or None)
    if args.json:
        print(json.dumps(asdict(result), ensure_ascii=False, indent=1))
        return 0
    rows = [
        ("Åpne «Finn eksempel» (første besøk)", result.finder_transfer_gz, result.finder_requests),
        (f"Første søk fra toppen av en side («{result.query}»)", result.search_transfer_gz, result.search_requests),
        ("Samme søk i «Finn eksempel», når siden er åpen", result.query_after_opening_bytes, result.query_requests),
        (
            "Første valg i «Finn eksempel» uten tekst (en kommunestørrelse)",
            result.choice_after_opening_bytes,
            result.choice_requests,
        ),
    ]
    if result.miss_query:
        rows.append(
            (
                f"Første søk uten treff, til «Mente du …?» («{result.miss_query}»)",
                result.miss_transfer_gz,
                result.miss_requests,
            )
        )
    for title, total, requests in rows:
        print(f"{title}: {_kb(total)} i {len(requests)} forespørsler (gzip)")
        if args.details:
            for r in sorted(requests, key=lambda r: -r.bytes):
                print(f"    {r.bytes:>9,}  {r.status}  {r.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

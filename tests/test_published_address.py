"""The site as published: at a domain's root and under a sub-path (GitHub Pages without its own
domain), every internal link and asset resolves, and the sitemap, robots.txt, canonical links,
Open Graph, citation tags, the feed and the footer all name the published address."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from eksempelbank import ROOT

from .sitebuild import LOCAL_SITE_URL, mkdocs_build

SUB_PATH_URL = "https://husbanken.github.io/boligsosial-eksempelbank/"
FOOTER_PAGES = ["om/", "tilgjengelighet/", "personvern/", "apne-data/"]


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("underadresse")
    result = mkdocs_build(ROOT, site, site_url=SUB_PATH_URL)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module", params=["rot", "underadresse"])
def published(request, real_site, sub_path_site):
    """(site folder, the address it is published at)."""
    if request.param == "rot":
        return real_site[0], LOCAL_SITE_URL
    return sub_path_site, SUB_PATH_URL


class _Page(HTMLParser):
    """Links, assets and <meta>/<link rel> of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.meta: dict[str, str] = {}
        self.rel: dict[str, list[str]] = {}
        self.footer_links: list[str] = []
        self.anchors: list[tuple[str, str, bool]] = []  # (href, text, in the footer)
        self.title = ""
        self._in_footer = 0
        self._in_title = False
        self._anchor: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._in_title = tag == "title"
        if tag == "div" and "eb-footer" in (a.get("class") or ""):
            self._in_footer = 1
        elif self._in_footer and tag == "div":
            self._in_footer += 1
        for name in ("href", "src"):
            if a.get(name) and tag in ("a", "link", "script", "img", "source"):
                self.references.append(a[name])
                if tag == "a" and self._in_footer:
                    self.footer_links.append(a[name])
        if tag == "a":
            self._anchor = [a.get("href") or "", "", bool(self._in_footer)]
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content") or ""
        if tag == "link" and a.get("rel"):
            for rel in a["rel"].split():  # a set of link types, as browsers read it
                self.rel.setdefault(rel, []).append(a.get("href") or "")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._anchor is not None:
            self._anchor[1] += data

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "a" and self._anchor is not None:
            href, text, in_footer = self._anchor
            self.anchors.append((href, text.strip(), in_footer))
            self._anchor = None
        if self._in_footer and tag == "div":
            self._in_footer -= 1


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def page_url(site: Path, file: Path, base: str) -> str:
    relative = file.relative_to(site).as_posix()
    return base + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def file_for(url: str, site: Path, base: str) -> Path | None:
    """The file a published address is served from, or None when it is outside the site."""
    path = urlsplit(url).path
    prefix = urlsplit(base).path
    if urlsplit(url).netloc != urlsplit(base).netloc or not path.startswith(prefix):
        return None
    inner = path[len(prefix) :]
    target = site / inner
    return target / "index.html" if inner == "" or inner.endswith("/") else target


def broken_references(site: Path, file: Path, base: str, at: str) -> list[str]:
    broken = []
    for ref in parse(file).references:
        if ref.startswith(("mailto:", "#", "data:")):
            continue
        absolute = urljoin(at, ref).split("#")[0].split("?")[0]
        if urlsplit(absolute).netloc != urlsplit(base).netloc:
            continue  # another site
        target = file_for(absolute, site, base)
        if target is None or not target.is_file():
            broken.append(f"{ref} -> {absolute}")
    return broken


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_every_internal_link_and_asset_resolves(published):
    site, base = published
    pages = html_pages(site)
    assert len(pages) > 100
    problems = {}
    for file in pages:
        broken = broken_references(site, file, base, page_url(site, file, base))
        if broken:
            problems[file.relative_to(site).as_posix()] = broken[:5]
    assert problems == {}


def test_the_404_page_works_at_any_depth(published):
    """The server sends 404.html for any missing address: its links must not depend on where."""
    site, base = published
    for missing in (base + "finnes-ikke", base + "eksempler/finnes/ikke/her/"):
        assert broken_references(site, site / "404.html", base, missing) == []
    page = parse(site / "404.html")
    assert any(re.search(r"assets/stylesheets/eksempelbank\.\w+\.css$", ref) for ref in page.references)


def test_sitemap_lists_every_page_with_the_review_dates(published, examples):
    site, base = published
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in tree.getroot().findall("s:url", ns)
    }
    assert len(entries) == len(html_pages(site))
    for loc in entries:
        target = file_for(loc, site, base)
        assert target is not None and target.is_file(), loc
    for example in examples:
        assert entries[base + example.url_path] == example.reviewed.isoformat()
    assert entries[base + "tilgjengelighet/"] is None  # no invented date for hand-written pages
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()


def test_every_page_names_its_address_and_describes_itself(published):
    site, base = published
    for file in html_pages(site):
        url = page_url(site, file, base)
        page = parse(file)
        where = file.relative_to(site).as_posix()
        assert page.rel.get("canonical") == [url], where
        assert page.meta.get("og:url") == url, where
        assert page.meta.get("description") and page.meta.get("og:description"), where
        assert page.meta.get("og:title"), where
        # The browser tab and a search engine's result: the page, then the site; the front page,
        # whose title is the site's name, says it once.
        site_name = page.meta["og:site_name"]
        title = page.meta["og:title"]
        assert page.title == (site_name if title == site_name else f"{title} - {site_name}"), where
        [feed] = page.rel["alternate"]
        assert file_for(urljoin(url, feed), site, base) == site / "eksempler.atom", where
        # The footer: accessibility statement, privacy and the rest, from every page.
        footer = {urljoin(url, href) for href in page.footer_links}
        assert {base + p for p in FOOTER_PAGES} <= footer, where


def test_example_pages_can_be_cited(published, examples):
    site, base = published
    for example in examples:
        file = site / example.url_path / "index.html"
        page = parse(file)
        assert page.meta["citation_title"] == example.title
        assert page.meta["citation_author"] != example.values["ansvarlig_aktor"]  # the bank wrote it (test_launch.py)
        assert page.meta["DC.subject"] == example.municipality_label
        assert page.meta["citation_date"] == example.reviewed.isoformat()
        assert page.meta["citation_public_url"] == base + example.url_path
        assert page.meta["og:type"] == "article"
        assert page.meta["og:locale"] == ("nn_NO" if example.language == "nn" else "nb_NO")
        text = file.read_text(encoding="utf-8")
        cite = text.split('class="eb-sitering"', 1)[1].split("</section>", 1)[0]
        assert base + example.url_path in cite and str(example.reviewed.year) in cite
        assert 'rel="license"' in cite  # who may reuse it, and how


def test_the_feed_and_open_data_carry_the_address_and_the_licence(published):
    site, base = published
    atom = ET.parse(site / "eksempler.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [link.get("href") for link in atom.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(base) for link in links)
    for link in links:
        assert file_for(link, site, base).is_file(), link
    assert "CC BY 4.0" in atom.findtext("a:rights", namespaces=ns)
    assert '"lisens": {' in (site / "eksempler.json").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (site / "apne-data" / "index.html").read_text(encoding="utf-8")

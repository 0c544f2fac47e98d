"""Hostile values that are harmless text are accepted (issue 8, point 2): built into the real site,
they must come out as text wherever they are printed — page title, header, meta description, facts
box, sources, listings, related examples, the finder, the JSON, the CSV and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from .sitebuild import copy_project, mkdocs_build

MARK = "<img src=x onerror=alert(1)>"
HOSTILE = {
    "tittel": f'Fiendtlig "tittel" </title>{MARK}',
    "oppsummering": f'Oppsummering som bryter ut "><script>alert(1)</script> og {{: onclick=alert(1) }} og '
    f"[lenke](javascript:alert(1)) {MARK}",
    "ansvarlig_aktor": f'=HYPERLINK("https://example.com") {MARK}',
    "ansvarlig_enhet": "Enhet {: onmouseover=alert(1) }",
    "pris": f"Pris {MARK}",
}


def yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self._in_title = tag == "title"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.bad.append("<img src=x>")

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("fiendtlige-verdier") / "prosjekt")
    source = (project / "examples" / "stord-bustadkontor.md").read_text(encoding="utf-8")
    front, body = source.split("\n---\n", 1)
    for field, value in HOSTILE.items():
        line = f"{field}: {yaml_quoted(value)}"
        if re.search(rf"(?m)^{field}:", front):
            front = re.sub(rf"(?m)^{field}:.*(\n  .*)*", lambda _, line=line: line, front, count=1)
        else:
            front += "\n" + line
    front = re.sub(r"(?m)^  - tittel: .*$", lambda _: f"  - tittel: {yaml_quoted('Kilde ' + MARK)}", front, count=1)
    for other in (project / "examples").iterdir():  # a small bank: the hostile example is in every list
        if other.name != "stord-bustadkontor.md":
            other.unlink()
    (project / "examples" / "fiendtlig.md").write_text(front + "\n---\n" + body, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.mark.parametrize(
    "page",
    [
        "eksempler/fiendtlig/index.html",
        "alle-eksempler/index.html",
        "fylker/vestland/index.html",
        "finn/index.html",
        "eksempler/stord-bustadkontor/index.html",
    ],
)
def test_hostile_values_are_text_on_every_page_that_prints_them(hostile_site, page):
    text = (hostile_site / page).read_text(encoding="utf-8")
    parser = _Markup()
    parser.feed(text)
    assert parser.bad == []
    if page.startswith("eksempler/fiendtlig"):
        assert parser.title.strip().startswith(HOSTILE["tittel"])  # shown exactly as written, as text
        description = re.search(r'<meta name="description" content="([^"]*)"', text).group(1)
        assert "&#34;&gt;&lt;script&gt;" in description or "&quot;&gt;&lt;script&gt;" in description


def test_hostile_values_are_data_in_the_open_data_files(hostile_site):
    records = json.loads((hostile_site / "eksempler.json").read_text(encoding="utf-8"))["eksempler"]
    [record] = [r for r in records if r["tittel"] == HOSTILE["tittel"]]
    assert record["oppsummering"] == HOSTILE["oppsummering"]
    rows = list(csv.DictReader(io.StringIO((hostile_site / "eksempler.csv").read_text(encoding="utf-8"))))
    [row] = [r for r in rows if r["tittel"] == HOSTILE["tittel"]]
    assert row["ansvarlig_aktor"] == "'" + HOSTILE["ansvarlig_aktor"]  # no formula in a spreadsheet
    feed = ET.fromstring((hostile_site / "eksempler.atom").read_bytes())  # well-formed XML
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert HOSTILE["tittel"] in titles

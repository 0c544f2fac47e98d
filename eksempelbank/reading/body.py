"""Render an example's body the one way it is published, and hold the result to the allowlist.

The body is rendered here, not by MkDocs: Python-Markdown with only the extensions named in
``innhold.markdown`` of the format (no ``attr_list``, no ``md_in_html``), so an example cannot
set attributes or switch Markdown on inside HTML. What comes out is checked and then published
as it is, so ``eksempelbank sjekk`` and the build judge the same HTML and cannot disagree.

Two parts guard the output:

- :func:`render_body` reports, in Norwegian and with the file line, every raw HTML tag the
  renderer met (the renderer's own record of them, not a pattern on the source) and every
  element, attribute or link outside the allowlist.
- nh3 (the Ammonia sanitizer, which parses HTML the way browsers do) rebuilds the HTML from
  the allowlist alone. Where it would drop anything our report did not name, that is an error
  too; so what is published is exactly what passed.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

from .markdown_shortcuts import speed_up
from .problems import Problem
from .text import fold

# Browsers drop these characters inside URLs before reading the scheme (WHATWG URL standard).
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_EDGE = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_OTHER_HOST = re.compile(r"^[/\\]{2}")
_ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.][^}\n]*\}")


@dataclass(frozen=True)
class Section:
    """One H2 section as published: its heading from the format, and its checked HTML."""

    title: str
    line: int
    html: str


@dataclass(frozen=True, eq=False)  # hashed by identity: one renderer per loaded format
class ContentPolicy:
    """``innhold`` of the format: what an example's body may contain once rendered."""

    elements: dict[str, tuple[str, ...]]  # element -> allowed attributes
    url_schemes: tuple[str, ...]
    url_attributes: tuple[str, ...]
    extensions: tuple[str, ...]
    extension_configs: dict[str, dict[str, Any]]

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> ContentPolicy:
        elements = {str(k): tuple(v or ()) for k, v in spec["elementer"].items()}
        extensions, configs = [], {}
        for item in spec["markdown"]:
            if isinstance(item, dict):
                ((name, config),) = item.items()
                extensions.append(name)
                configs[name] = dict(config or {})
            else:
                extensions.append(item)
        return cls(elements, tuple(spec["url_skjema"]), tuple(spec["url_attributter"]), tuple(extensions), configs)

    def allowed_text(self) -> str:
        return (
            "Skriv med vanlig Markdown: avsnitt, ### underoverskrifter, lister, tabeller, *kursiv*, "
            "**fet** og lenker på formen [tekst](https://…)."
        )


class _MarkSections(Treeprocessor):
    """Mark each top-level H2 with a per-render token, so the HTML can be cut into sections
    exactly where the renderer found them (a token no example can know or write)."""

    def __init__(self, md: markdown.Markdown, token: str):
        super().__init__(md)
        self.token = token

    def run(self, root):
        for child in root:
            if child.tag == "h2":
                child.set("data-eb-avsnitt", self.token)
        return None


@lru_cache(maxsize=4)
def _renderer(policy: ContentPolicy) -> tuple[markdown.Markdown, str]:
    md = markdown.Markdown(
        extensions=list(policy.extensions), extension_configs=policy.extension_configs, output_format="html"
    )
    token = secrets.token_hex(8)
    md.treeprocessors.register(_MarkSections(md, token), "eb_sections", 0)  # after everything else
    speed_up(md)  # the same HTML, in less than half the time (markdown_shortcuts.py)
    return md, token


def safe_url(value: str, schemes: tuple[str, ...]) -> bool:
    """Whether a link target is relative or uses an allowed scheme, read as a browser reads it."""
    cleaned = _URL_EDGE.sub("", _URL_IGNORED.sub("", html.unescape(value)))
    match = _SCHEME.match(cleaned)
    if match is None:
        # «//host/…» and «/\host…» (a browser reads \ as /) have no scheme but lead to another host: a
        # link that looks internal would leave the site. Only paths, #anchors and ?queries stay.
        return not _OTHER_HOST.match(cleaned)
    return match.group(1).lower() in schemes


class _Report(HTMLParser):
    """Every element, attribute and link target in the rendered HTML that the allowlist refuses."""

    def __init__(self, policy: ContentPolicy, source: str = ""):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.source = source  # the Markdown the HTML came from, to find lines in
        self.found: list[tuple[str, str]] = []  # (needle to find the line, message)
        self.kept: list[str] = []  # allowed start tags, in order: compared with nh3's result

    def handle_starttag(self, tag, attrs):
        allowed = self.policy.elements.get(tag)
        if allowed is None:
            # A Markdown image has no «<img» in the source: it is found by its «![».
            needle = f"<{tag}" if tag != "img" or "<img" in self.source.lower() else "!["
            self.found.append((needle, _element_message(tag, self.policy)))
            return
        self.kept.append(tag)
        for name, value in attrs:
            if name == "data-eb-avsnitt":
                continue
            if name not in allowed:
                self.found.append(
                    (name, f"Attributtet «{name}» på <{tag}> er ikke tillatt. {self.policy.allowed_text()}")
                )
            elif name in self.policy.url_attributes and _OTHER_HOST.match(
                _URL_EDGE.sub("", _URL_IGNORED.sub("", html.unescape(value or "")))
            ):
                shown = (value or "").strip()[:60]
                self.found.append(
                    (
                        shown[:20],
                        f"Lenken «{shown}» fører til et annet nettsted, men mangler "
                        "https:. Skriv hele adressen, for eksempel "
                        "[tekst](https://www.kommune.no/…), eller en lenke innenfor "
                        "eksempelbanken som starter med én /.",
                    )
                )
            elif name in self.policy.url_attributes and not safe_url(value or "", self.policy.url_schemes):
                shown = (value or "").strip()[:60]
                self.found.append(
                    (
                        shown.split(":")[0] or shown,
                        f"Lenken «{shown}» er ikke tillatt. Lenker skal starte med "
                        f"{', '.join(s + ':' for s in self.policy.url_schemes)} eller være en "
                        "lenke innenfor eksempelbanken.",
                    )
                )

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def _element_message(tag: str, policy: ContentPolicy) -> str:
    if tag == "img":
        return "Bilder kan ikke brukes i eksempler. Lenk heller til bildet eller dokumentet med [tekst](https://…)."
    return f"<{tag}> er ikke tillatt i eksempler. {policy.allowed_text()}"


def _clean(fragment: str, policy: ContentPolicy) -> str:
    return nh3.clean(
        fragment,
        tags=set(policy.elements),
        attributes={tag: set(attrs) for tag, attrs in policy.elements.items() if attrs},
        url_schemes=set(policy.url_schemes),
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )


_START_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>/]")


def render_body(
    body: str, first_line: int, headings: list[tuple[str, int]], policy: ContentPolicy, display: str
) -> tuple[list[Section], list[Problem]]:
    """The body's sections as published HTML, and every problem with what it contains.

    ``headings`` are the H2 sections the section check found: (title from the format, line).
    """
    problems: list[Problem] = []
    lines = body.split("\n")

    def line_of(needle: str, start: int = 0) -> int:
        offset = body.find(needle, start) if needle else -1
        if offset == -1:
            lowered = body.lower().find(needle.lower(), start) if needle else -1
            offset = lowered
        if offset == -1:
            return first_line
        return first_line + body.count("\n", 0, offset)

    def error(line: int, message: str) -> None:
        problems.append(Problem(display, line, "innhold", message))

    for number, text in enumerate(lines, start=first_line):
        if _ATTRIBUTE_LIST.search(text) and not text.lstrip().startswith("<!--"):
            error(number, "Attributtlister ({: … }) er ikke tillatt i eksempler, og de vises som tekst. Fjern dem.")

    md, token = _renderer(policy)
    md.reset()
    rendered = md.convert(body)
    raw_html: dict[int, str] = {}  # line -> the first raw tag the renderer met there
    for raw in md.htmlStash.rawHtmlBlocks:
        raw = str(raw)
        if raw.startswith("<!--") or raw.startswith("&"):
            continue  # comments (the template's hints) are dropped; entities are text
        raw_html.setdefault(line_of(raw.strip()[:40]), raw.strip().split("\n")[0][:80])

    # Cut at the marked H2s: piece 0 comes before the first section (the section check reports text there).
    marker = re.compile(rf'<h2 data-eb-avsnitt="{token}">(.*?)</h2>', re.DOTALL)
    pieces = marker.split(rendered)
    found_titles = pieces[1::2]
    contents = pieces[2::2]
    if len(found_titles) != len(headings) or any(
        fold(html.unescape(re.sub(r"<[^>]*>", "", t)).strip()) != fold(title)
        for t, (title, _) in zip(found_titles, headings, strict=True)
    ):
        error(
            headings[0][1] if headings else first_line,
            "Avsnittsoverskriftene leses ikke som avsnitt (## Overskrift på egen linje, med tom linje før). "
            "Sjekk at hver ## står først på linjen og ikke inne i en liste, et sitat, en tabell eller HTML "
            "(en HTML-blokk som ikke lukkes, sluker resten av teksten).",
        )
        return [], _with_raw_html(problems, raw_html, set(), error, policy)

    sections = []
    specific: set[int] = set()
    for (title, line), content in zip(headings, contents, strict=True):
        cleaned = _clean(content, policy).strip()
        if cleaned != content.strip() or _leaves_the_site(cleaned, policy):
            report = _Report(policy, body)
            report.feed(content)
            report.close()
            for needle, message in report.found:
                at = line_of(needle, _offset_of_line(lines, line - first_line))
                specific.add(at)
                error(at, message)
            if not report.found and report.kept != _START_TAG.findall(cleaned):
                error(
                    line,
                    "Avsnittet inneholder noe som ikke kan publiseres (HTML som nettlesere leser "
                    f"annerledes enn det ser ut). {policy.allowed_text()}",
                )
        sections.append(Section(title, line, cleaned))
    return sections, _with_raw_html(problems, raw_html, specific, error, policy)


_HREF = re.compile(r'href="([^"]*)"')  # as nh3 writes attributes: always in double quotes


def _leaves_the_site(cleaned: str, policy: ContentPolicy) -> bool:
    """Whether nh3 kept a link without a scheme that leads to another host («//host»): nh3 lets
    relative links through, and these look relative."""
    return 'href="' in cleaned and any(not safe_url(m.group(1), policy.url_schemes) for m in _HREF.finditer(cleaned))


def _with_raw_html(
    problems: list[Problem], raw_html: dict[int, str], specific: set[int], error, policy: ContentPolicy
) -> list[Problem]:
    """The problems plus one for each line with raw HTML that no more precise message names."""
    for at, shown in raw_html.items():
        if at not in specific:
            error(at, f"HTML er ikke tillatt i eksempler («{shown}»). {policy.allowed_text()}")
    return list(dict.fromkeys(problems))


def _offset_of_line(lines: list[str], index: int) -> int:
    return sum(len(text) + 1 for text in lines[: max(0, index)])

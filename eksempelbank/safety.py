"""Refuse raw HTML and links that could run code or load content from other hosts.

Examples are written by outsiders and published by a public body: anything that could run
script, embed another site or send visitors' browsers elsewhere is an error, never passed on.
"""

from __future__ import annotations

import re

from .markdown_lines import prose_lines, without_inline_code
from .problems import Problem

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)([^>]*)>?")
_DANGEROUS_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta",
    "base", "form", "input", "button", "textarea", "select", "svg", "math", "template", "portal",
}
_REMOTE_TAGS = {"img", "video", "audio", "source", "picture", "track"}
_EVENT_ATTRIBUTE = re.compile(r"(?:^|[\s\"'/])on[a-z]+\s*=", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r"\b(?:href|src|srcset|action|formaction|poster|xlink:href)\s*=\s*[\"']?\s*([^\"'\s>]*)",
                            re.IGNORECASE)
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# Markdown link and image targets: [text](target), ![alt](target), <scheme:...>, [ref]: target
_MD_TARGET = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")
_MD_AUTOLINK = re.compile(r"<((?:javascript|data|vbscript):[^>]*)>", re.IGNORECASE)
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")


_SCHEME_BEFORE_COLON = re.compile(r"(?:javascript|data|vbscript)\s*$", re.IGNORECASE)


def _nothing_to_check(body: str) -> bool:
    """True when no line can hold a tag, an image or a javascript:/data:/vbscript: link: the common case.

    Every problem below needs a «<», a «![» or such a scheme right before a colon, so a body
    without them is passed without walking it line by line.
    """
    if "<" in body or "![" in body:
        return False
    colon = body.find(":")
    while colon != -1:
        if _SCHEME_BEFORE_COLON.search(body, max(0, colon - 40), colon):
            return False
        colon = body.find(":", colon + 1)
    return True


def check_safety(body: str, first_line: int, display: str) -> list[Problem]:
    problems: list[Problem] = []
    if _nothing_to_check(body):
        return problems

    def error(line: int, message: str) -> None:
        problems.append(Problem(display, line, "HTML", message))

    for number, raw_line in prose_lines(body, first_line):
        line = without_inline_code(raw_line)
        if line.lstrip().startswith("<!--"):
            continue
        for match in _TAG.finditer(line):
            closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if tag in _DANGEROUS_TAGS:
                if not closing:
                    error(number, f"<{tag}> er ikke tillatt i eksempler: det kan kjøre kode eller hente innhold "
                                  "fra andre nettsteder. Fjern det, og lenk heller til innholdet med [tekst](https://…).")
                continue
            if _EVENT_ATTRIBUTE.search(attributes):
                error(number, f"Attributtet on…= i <{tag}> er ikke tillatt: det kjører kode i nettleseren. Fjern det.")
            for url in _URL_ATTRIBUTE.findall(attributes):
                if _BAD_SCHEME.match(url):
                    error(number, f"Lenker til {url.split(':')[0].strip().lower()}: er ikke tillatt. Bruk en vanlig https://-adresse.")
                elif tag in _REMOTE_TAGS and _REMOTE.match(url):
                    error(number, f"<{tag}> fra et annet nettsted ({url}) er ikke tillatt: besøkende skal ikke "
                                  "sende forespørsler til andre. Lenk til innholdet i stedet.")
        for is_image, target in _MD_TARGET.findall(line):
            if _BAD_SCHEME.match(target):
                error(number, f"Lenker til {target.split(':')[0].strip().lower()}: er ikke tillatt. Bruk en vanlig https://-adresse.")
            elif is_image and _REMOTE.match(target):
                error(number, f"Bilder fra et annet nettsted ({target}) er ikke tillatt: besøkende skal ikke sende "
                              "forespørsler til andre. Lenk til bildet med [tekst](https://…) i stedet.")
        for target in _MD_AUTOLINK.findall(line):
            error(number, f"Lenker til {target.split(':')[0].lower()}: er ikke tillatt. Bruk en vanlig https://-adresse.")
        reference = _MD_REFERENCE.match(line)
        if reference and _BAD_SCHEME.match(reference.group(1)):
            error(number, "Lenker til javascript:, data: og vbscript: er ikke tillatt. Bruk en vanlig https://-adresse.")
    return problems

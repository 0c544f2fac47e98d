"""Untrusted text (titles, file names, messages that quote a file) placed in GitHub Markdown.

GitHub renders Markdown and a subset of HTML in issues and job summaries, so a title like
``[x](javascript:…)`` or ``<img …>`` must come out as the characters written, never as markup.
"""

from __future__ import annotations

import html
import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark (GitHub's Markdown);
# escaping all of them also stops autolinks (``https:``, ``www.``, ``@``) and emoji (``:x:``).
# & < > are written as entities instead: GitHub passes HTML through, and ``\<`` would not stop a tag.
_PUNCTUATION = re.compile(r"""([!"#$%'()*+,\-./:;=?@\[\\\]^_`{|}~])""")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """The text on one line: a line break in a message would end a list item or a heading."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", str(text))).strip()


def markdown_text(text: str) -> str:
    """``text`` as literal characters in GitHub Markdown (outside HTML blocks), on one line."""
    escaped = _PUNCTUATION.sub(r"\\\1", one_line(text))
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_text(text: str) -> str:
    """``text`` as literal characters inside HTML (where Markdown is not read), on one line."""
    return html.escape(one_line(text), quote=True)

"""Content-Security-Policy for every written page, as a ``<meta http-equiv>`` (GitHub Pages and
most static hosts cannot set headers).

The policy allows scripts from the site itself and, inline, only the theme's own scripts: their
SHA-256 hashes are computed from the theme's templates (Material's and ``overrides/``), rendered
with the page's ``base_url`` (the one value they take, from the page's address), never from the
written page. A theme upgrade that changes an inline script changes the hash with it, so it cannot
break the site silently; and a script that reached a page any other way (an example's title printed
by a template without escaping, say) has no hash, whatever the page holds, and does not run
(issue 18: hashes taken from the page once let such a script hash itself in).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_NOT_RUN = re.compile(r"\btype=[\"']?application/(?:ld\+)?json", re.IGNORECASE)  # data, never run
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
#: The variables a theme script may use: its hash must not depend on anything a page holds.
_KNOWN_VARIABLES = {"base_url", "config"}

#: Everything but scripts, fixed: the site loads nothing from other hosts.
OTHER_DIRECTIVES = (
    "img-src 'self' data:",  # Material's icons are data: URLs in its stylesheet
    "style-src 'self' 'unsafe-inline'",  # Material and axe set inline styles from script; styles run no code
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)


def sha256_source(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(markup: str) -> list[str]:
    """The text of each inline script in ``markup`` that a browser runs (not JSON data blocks)."""
    return [m.group(2) for m in _INLINE_SCRIPT.finditer(markup) if not _NOT_RUN.search(m.group(1))]


@dataclass
class ThemeScripts:
    """The theme's inline scripts as templates, and their hashes for each ``base_url``."""

    templates: list[jinja2.Template]
    config: Any = None  # the site's configuration (``config.extra.scope`` in Material's first script)
    _hashes: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_dirs(cls, dirs: Iterable[str | Path], config: Any = None) -> ThemeScripts:
        """Every inline script in the theme's templates (``theme.dirs``: overrides first, then Material).
        A script whose text uses anything but ``base_url`` and ``config`` is left out: its hash would
        depend on the page, and a script left out is one that cannot run, not one that runs unchecked."""
        environment = jinja2.Environment()
        templates, seen = [], set()
        for directory in dirs:
            for path in sorted(Path(directory).rglob("*.html")):
                for text in inline_scripts(path.read_text(encoding="utf-8")):
                    if text in seen:
                        continue
                    seen.add(text)
                    try:
                        variables = jinja2.meta.find_undeclared_variables(environment.parse(text))
                    except jinja2.TemplateSyntaxError:
                        continue  # a script cut by a Jinja block: not one the theme writes whole
                    if variables <= _KNOWN_VARIABLES:
                        templates.append(environment.from_string(text))
        return cls(templates, config)

    def hashes(self, base_url: str) -> list[str]:
        """The hashes of the theme's scripts as written on a page with this ``base_url``."""
        if base_url not in self._hashes:
            config = self.config if self.config is not None else {"extra": {}}
            rendered = [t.render(base_url=base_url, config=config) for t in self.templates]
            self._hashes[base_url] = list(dict.fromkeys(sha256_source(text) for text in rendered))
        return self._hashes[base_url]


def policy(hashes: list[str]) -> str:
    """The policy with these inline-script hashes. 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly."""
    scripts = " ".join(["script-src 'self' 'wasm-unsafe-eval'"] + hashes)
    return "; ".join(("default-src 'self'", scripts) + OTHER_DIRECTIVES)


def add_policy(page: str, hashes: list[str]) -> str:
    """The page with the policy as the first element of ``<head>``; ``hashes`` from :class:`ThemeScripts`."""
    head = _HEAD.search(page)
    if head is None:
        return page
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    return page[: head.end()] + meta + page[head.end() :]

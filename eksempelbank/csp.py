"""Content-Security-Policy for every written page, as a ``<meta http-equiv>`` (GitHub Pages and
most static hosts cannot set headers).

The policy allows scripts from the site itself and, for inline scripts, exactly those the page
carries when it is written: their SHA-256 hashes are computed from the page here, so a theme
upgrade that changes an inline script changes the hash with it and cannot break the site
silently, while a script that an example smuggled in would have no hash and would not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)

#: Everything but scripts, fixed: the site loads nothing from other hosts.
OTHER_DIRECTIVES = (
    "img-src 'self' data:",  # Material's icons are data: URLs in its stylesheet
    "style-src 'self' 'unsafe-inline'",  # Material and axe set inline styles from script; styles run no code
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)


def script_hashes(page: str) -> list[str]:
    """The CSP source expressions for the page's inline scripts, in order, without repeats."""
    found = []
    for match in _INLINE_SCRIPT.finditer(page):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        found.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(found))


def policy_for(page: str, content: str = "") -> str:
    """The policy for a written page. ``content`` is the page's own content (Markdown rendered into
    the theme): its scripts are not the theme's and get no hash, so none of them can run."""
    theme_part = page.replace(content, "") if content else page
    # 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly.
    scripts = " ".join(["script-src 'self' 'wasm-unsafe-eval'"] + script_hashes(theme_part))
    return "; ".join(("default-src 'self'", scripts) + OTHER_DIRECTIVES)


def add_policy(page: str, content: str = "") -> str:
    """The page with its policy as the first element of ``<head>`` (``content``: see policy_for)."""
    head = _HEAD.search(page)
    if head is None:
        return page
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(page, content)}">'
    return page[:head.end()] + meta + page[head.end():]

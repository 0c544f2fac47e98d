"""The site's stylesheets as one file: Material's, its palette's and ours, in that order.

Every page draws its first screen with the inline first-paint stylesheet (overrides/main.html,
scripts/critical_css.py) and links this file at the end of <body>. One file, not seven: a browser
lays the page out again each time a stylesheet arrives, and on a phone each of those passes costs
as much as the first (tens of milliseconds of a busy main thread). The name carries a hash of the
content, so a changed stylesheet is never read from a stale cache.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

#: Material's stylesheets, as its base.html links them (their names carry its own hash).
THEME_SHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*")
_RELATIVE_URL = re.compile(r"url\(\s*['\"]?(?!data:|#)([^'\")]+)")


class StylesheetError(ValueError):
    pass


def combined(theme_dirs: Iterable[str | Path], docs_dir: str | Path, ours: Iterable[str]) -> tuple[str, str]:
    """``(uri, text)``: the theme's stylesheets (the first match in ``theme_dirs``, overrides first)
    followed by ``ours`` (paths in ``docs_dir``), for ``assets/stylesheets/``."""
    dirs = [Path(d) for d in theme_dirs]
    parts = []
    for pattern in THEME_SHEETS:
        found = next((sorted(d.glob(pattern)) for d in dirs if sorted(d.glob(pattern))), [])
        if len(found) != 1:
            raise StylesheetError(f"Fant {len(found)} filer som passer {pattern} i temaet.")
        parts.append(found[0])
    parts += [Path(docs_dir) / path for path in ours]
    texts = []
    for path in parts:
        text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
        # One folder for all: an address relative to a stylesheet would point elsewhere.
        relative = _RELATIVE_URL.findall(text)
        if relative:
            raise StylesheetError(f"{path.name} viser til filer med relativ adresse: {relative[:3]}")
        texts.append(f"/* {path.name} */\n{text.strip()}\n")
    text = "".join(texts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"assets/stylesheets/eksempelbank.{digest}.css", text

"""The site's stylesheets as one file: Material's, its palette's and ours, in that order.

Every page draws its first screen with the inline first-paint stylesheet (overrides/main.html,
scripts/critical_css.py) and links this file at the end of <body>. One file, not seven: a browser
lays the page out again each time a stylesheet arrives, and on a phone each of those passes costs
as much as the first (tens of milliseconds of a busy main thread). The name carries a hash of the
content, so a changed stylesheet is never read from a stale cache.

Material's rules for what this site never has are left out: nearly half of them (its own search,
tags, blog, code blocks, tabs, colour names, ...). Every rule the browser holds is work on each
style recalculation, and every page parses the whole file; on a phone that work comes after the
first paint and counts against it (Lighthouse's Total Blocking Time). The names the site uses are
in ``material-css-names.txt`` (written by scripts/css_names.py from the built site: the classes and
attribute values of every page, every word of the scripts it loads); a rule goes when its selector
requires (outside :is(), :not(), ...) a class or an attribute value not listed. tests/test_css_names.py
fails when a page uses a name the list lacks; tests/browser/test_pruned_css.py checks that pages
look the same with the whole stylesheet. Our own stylesheets are kept whole.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path

#: Material's stylesheets, as its base.html links them (their names carry its own hash).
THEME_SHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*")
_RELATIVE_URL = re.compile(r"url\(\s*['\"]?(?!data:|#)([^'\")]+)")
#: The names (classes, attribute values) the built site uses among those Material's stylesheets name.
NAMES_FILE = Path(__file__).with_name("material-css-names.txt")


class StylesheetError(ValueError):
    pass


def combined(
    theme_dirs: Iterable[str | Path], docs_dir: str | Path, ours: Iterable[str], names: Path | None = NAMES_FILE
) -> tuple[str, str]:
    """``(uri, text)``: the theme's stylesheets (the first match in ``theme_dirs``, overrides first)
    followed by ``ours`` (paths in ``docs_dir``), for ``assets/stylesheets/``. With ``names`` (a
    file, one name a line), the theme's rules that need a name it lacks are left out."""
    # Without the list (a new theme, before scripts/css_names.py has run) nothing is left out.
    used = set(names.read_text(encoding="utf-8").split()) if names and names.is_file() else None
    theme = theme_sheets(theme_dirs)
    parts = theme + [Path(docs_dir) / path for path in ours]
    texts = []
    for path in parts:
        text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
        # One folder for all: an address relative to a stylesheet would point elsewhere.
        relative = _RELATIVE_URL.findall(text)
        if relative:
            raise StylesheetError(f"{path.name} viser til filer med relativ adresse: {relative[:3]}")
        if used is not None and path in theme:
            text = prune(text, used)
        texts.append(f"/* {path.name} */\n{text.strip()}\n")
    text = "".join(texts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"assets/stylesheets/eksempelbank.{digest}.css", text


def theme_sheets(theme_dirs: Iterable[str | Path]) -> list[Path]:
    """Material's stylesheets: for each of THEME_SHEETS, the one match in the first of ``theme_dirs``
    that has any (overrides first)."""
    dirs = [Path(d) for d in theme_dirs]
    sheets = []
    for pattern in THEME_SHEETS:
        found = next((sorted(d.glob(pattern)) for d in dirs if any(d.glob(pattern))), [])
        if len(found) != 1:
            raise StylesheetError(f"Fant {len(found)} filer som passer {pattern} i temaet.")
        sheets.append(found[0])
    return sheets


# -- leaving out Material's rules for names the site does not use -------------------------------------
_ATTRIBUTE_VALUE = re.compile(r"\[\s*[\w-]+\s*=\s*[\"']?([^\"'\]]*)[\"']?\s*(?:[is]\s*)?\]")
_ANY_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_NAME = re.compile(r"-?[_a-zA-Z][\w-]*")
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_HTML_ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
#: A name put together in a script (`md-tag--${type}`, "md-nav--" + x): every name it can begin.
_SCRIPT_PREFIX = re.compile(r"([A-Za-z_][\w-]*(?:--|__|-|_))(?=\$\{|[\"'`]\s*\+)")
_GROUPING_RULES = ("@media", "@supports", "@container", "@layer")


def required_names(selector: str) -> list[str]:
    """The classes and attribute values (word-like ones) an element needs for ``selector`` to match
    it: not those inside :is(), :where(), :not(), :has(), which may have alternatives."""
    plain = _outside_parentheses(selector)
    values = [v for v in _ATTRIBUTE_VALUE.findall(plain) if _NAME.fullmatch(v)]
    return _CLASS.findall(_ANY_ATTRIBUTE.sub("", plain)) + values


def stylesheet_names(css: str) -> set[str]:
    """Every name some selector of ``css`` requires."""
    found: set[str] = set()
    for prelude, body in _blocks(css):
        if body is not None and prelude.startswith(_GROUPING_RULES):
            found |= stylesheet_names(body)
        elif body is not None and not prelude.startswith("@"):
            for selector in _split_selectors(prelude):
                found.update(required_names(selector))
    return found


def site_names(site_dir: str | Path) -> set[str]:
    """What the built site can put on an element: the class names and attribute values of its pages,
    and every word of its scripts (with the names a script puts together from a prefix, as «prefix*»)."""
    found: set[str] = set()
    for path in Path(site_dir).rglob("*"):
        if path.suffix == ".html":
            for tag in _TAG.findall(path.read_text(encoding="utf-8", errors="replace")):
                for name, *quoted in _HTML_ATTRIBUTE.findall(tag):
                    value = html.unescape("".join(quoted))
                    found.update(value.split() if name == "class" else [value])
        elif path.suffix in (".js", ".mjs"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found.update(_NAME.findall(text))
            found.update(prefix + "*" for prefix in _SCRIPT_PREFIX.findall(text))
    return found


def names_for(theme_css: str, site: set[str]) -> list[str]:
    """The names of ``theme_css`` the site uses (the contents of NAMES_FILE)."""
    prefixes = tuple(name[:-1] for name in site if name.endswith("*"))
    return sorted(n for n in stylesheet_names(theme_css) if n in site or n.startswith(prefixes))


def prune(css: str, used: set[str]) -> str:
    """``css`` without the rules (and the selectors of a list) that need a name ``used`` lacks."""
    kept = []
    for prelude, body in _blocks(css):
        if body is None:
            kept.append(prelude + ";")
        elif prelude.startswith(_GROUPING_RULES):
            inner = prune(body, used)
            if inner:
                kept.append(prelude + "{" + inner + "}")
        elif prelude.startswith("@"):  # @font-face, @keyframes, ...
            kept.append(prelude + "{" + body + "}")
        else:
            selectors = [s for s in _split_selectors(prelude) if all(n in used for n in required_names(s))]
            if selectors:
                kept.append(",".join(selectors) + "{" + body + "}")
    return "".join(kept)


def _outside_parentheses(selector: str) -> str:
    kept, depth = [], 0
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif not depth:
            kept.append(char)
    return "".join(kept)


def _split_selectors(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and not depth:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """The top-level statements: ``(prelude, body)``, ``body`` None for one ending in «;»."""
    found: list[tuple[str, str | None]] = []
    depth, start, body_start, prelude, i = 0, 0, 0, "", 0
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i += 1
            while css[i] != char:
                i += 2 if css[i] == "\\" else 1
        elif css.startswith("/*", i):
            i = css.index("*/", i) + 1
        elif char == "{":
            if not depth:
                prelude, body_start = css[start:i].strip(), i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if not depth:
                found.append((prelude, css[body_start:i]))
                start = i + 1
        elif char == ";" and not depth:
            found.append((css[start:i].strip(), None))
            start = i + 1
        i += 1
    if depth:
        raise StylesheetError("Temaets stilark har en blokk uten slutt.")
    return found

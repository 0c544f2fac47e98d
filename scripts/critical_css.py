#!/usr/bin/env python3
"""Write the first-paint stylesheet (overrides/partials/critical-css.html) from the built site.

Every page carries this stylesheet inline in <head>; the site's stylesheet (Material's, the
palette's and ours in one file, eksempelbank/website/stylesheets.py) is linked at the end of <body>
(overrides/main.html). A phone on a slow connection then paints the page as soon as its HTML is in,
instead of waiting for ~190 kB of CSS first; Chromium parses the body before it waits for the
stylesheet there, and the scripts after it run once it is in, so nothing that scripts build or
measure is seen without the full styles.

What goes in: every rule of the site's stylesheet whose selector matches an element the page has at
its first paint, on a page of every kind, in both colour schemes, with JavaScript (the inline scripts
have run, no script file has) and without: the elements up to the last one on the first screen at a
phone's, a tablet's and a desktop's size, and every element the styles hide (the menu drawer,
print-only lines), wherever it is. Rules for states a first paint never has (:hover, :focus, ...)
and for print are left out; media, container and supports queries are kept, so one stylesheet
serves every width. Custom properties that no kept rule uses (Material's icons, its colour names)
are dropped. tests/browser/test_first_paint.py checks that the first screen with this stylesheet
alone lays out as with the full one.

Run it after changing a stylesheet, the theme or the pages' structure:

    .venv/bin/python scripts/critical_css.py [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.sitebuild import free_port, mkdocs_build  # noqa: E402

OUTPUT = ROOT / "overrides" / "partials" / "critical-css.html"
#: A page of every kind: front page, finder (plain, with a query, with a municipality), an example,
#: an example in Nynorsk, overview and value lists, a list's later page, the form, plain text pages, 404.
PAGES = [
    "",
    "finn/",
    "eksempler/drammen-fra-leie-til-eie/",
    "alle-eksempler/",
    "alle-eksempler/side-2/",
    "tema/",
    "tema/startlan/",
    "fylker/",
    "fylker/vestland/",
    "kommunestorrelse/",
    "suksessfaktorer/",
    "malgrupper/",
    "program/",
    "boligsosial-lov/",
    "bidra/",
    "bidra/send-inn/",
    "bidra/format/",
    "om/",
    "apne-data/",
    "tilgjengelighet/",
    "personvern/",
    "404.html",
]
#: Lighthouse's phone, a small phone, a tablet and a desktop.
VIEWPORTS = [(412, 823), (320, 568), (800, 1000), (1350, 940)]

# In the page: the rules that match the elements a first paint shows or hides.
COLLECT = r"""
(scheme) => {
  document.body.setAttribute("data-md-color-scheme", scheme);
  const all = [...document.body.querySelectorAll("*")];
  let last = 0;
  all.forEach((el, i) => {
    const box = el.getBoundingClientRect();
    if ((box.width || box.height) && box.top < window.innerHeight) last = i;
  });
  // What is drawn, and what the styles hide (not what lies inside it: a closed dialog's form).
  const shown = (el) => el.checkVisibility();
  const hidden = (el) => !shown(el) && (!el.parentElement || shown(el.parentElement));
  const wanted = [document.documentElement, document.body, ...all.slice(0, last + 1).filter((el) => shown(el) || hidden(el)),
                  ...all.slice(last + 1).filter(hidden)];
  const split = (text) => {  // a selector list at its top-level commas
    const parts = []; let depth = 0, start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "," && depth === 0) { parts.push(text.slice(start, i).trim()); start = i + 1; }
    }
    parts.push(text.slice(start).trim());
    return parts;
  };
  const DYNAMIC = new RegExp(":(hover|focus|focus-visible|focus-within|active|target|visited|open|modal"
    + "|popover-open|user-invalid|autofill|-webkit-autofill)\\b");
  const matches = (selector) => {
    if (DYNAMIC.test(selector)) return false;
    // The element a pseudo-element belongs to (::details-content, ::marker, ::-webkit-…, :before).
    const plain = selector.replace(/::[\w-]+(\([^)]*\))?|:(before|after|first-line|first-letter)\b/g, "");
    try {
      return wanted.some((el) => el.matches(plain || "*"));
    } catch (error) {
      return false;
    }
  };
  const found = [];
  const walk = (rules, context, sheet, path) => {
    for (const [index, rule] of [...rules].entries()) {
      const key = `${sheet}|${[...path, index].join(".")}`;
      if (rule instanceof CSSStyleRule) {
        const keep = split(rule.selectorText).filter(matches);
        if (keep.length) found.push({ key, context, selectors: keep, body: rule.style.cssText });
      } else if (rule instanceof CSSMediaRule) {
        const media = rule.media.mediaText;
        if (/^print$/.test(media)) continue;
        walk(rule.cssRules, [...context, `@media ${media}`], sheet, [...path, index]);
      } else if (rule instanceof CSSSupportsRule || rule instanceof CSSContainerRule || rule instanceof CSSLayerBlockRule) {
        const prelude = rule.cssText.slice(0, rule.cssText.indexOf("{")).trim();
        walk(rule.cssRules, [...context, prelude], sheet, [...path, index]);
      }
    }
  };
  for (const sheet of document.styleSheets) {
    if (!sheet.href || (sheet.media.mediaText && sheet.media.mediaText !== "all" && sheet.media.mediaText !== "screen")) continue;
    walk(sheet.cssRules, [], new URL(sheet.href).pathname, []);
  }
  return { sheets: [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname), rules: found };
}
"""


def collect(site_url: str) -> tuple[list[str], dict[str, dict]]:
    """The sheets in their order and the kept rules (by sheet, context and place) over all pages."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

    order: list[str] = []
    rules: dict[str, dict] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        for (width, height), scripting in [(v, s) for v in VIEWPORTS for s in (True, False)]:
            # As the page is at its first paint: before any script file has run (the inline ones have,
            # and `@media (scripting: enabled)` holds), and as it is without JavaScript.
            context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=scripting)
            page = context.new_page()
            page.route("**/*.js", lambda route: route.abort())
            for path in PAGES:
                page.goto(site_url + path, wait_until="load")
                for scheme in ("default", "slate"):
                    result = page.evaluate(COLLECT, scheme)
                    for sheet in result["sheets"]:
                        if sheet and sheet not in order:
                            order.append(sheet)
                    for rule in result["rules"]:
                        known = rules.setdefault(rule["key"], {**rule, "selectors": []})
                        for selector in rule["selectors"]:
                            if selector not in known["selectors"]:
                                known["selectors"].append(selector)
            context.close()
        browser.close()
    return order, rules


_DECLARATION = re.compile(r"(--[\w-]+)\s*:")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _declarations(body: str) -> list[str]:
    """A rule's declarations, split at the semicolons outside strings and brackets."""
    parts, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(body):
        if quote:
            if c == quote and body[i - 1] != "\\":
                quote = ""
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    return [re.sub(r"^([\w-]+)\s*:\s*", r"\1:", p) for p in parts if p]


def stylesheet(order: list[str], rules: dict[str, dict]) -> str:
    """The kept rules in cascade order, with the custom properties no kept rule uses left out."""

    def place(key: str) -> tuple:
        sheet, path = key.split("|")
        return (order.index(sheet) if sheet in order else len(order),) + tuple(int(p) for p in path.split("."))

    kept = [rules[k] for k in sorted(rules, key=place)]
    bodies = [_declarations(rule["body"]) for rule in kept]
    # Which custom properties are used: by ordinary declarations, then by the properties they use.
    used = {v for decls in bodies for d in decls if not d.startswith("--") for v in _VAR.findall(d)}
    defined: dict[str, list[str]] = {}
    for decls in bodies:
        for d in decls:
            m = _DECLARATION.match(d)
            if m:
                defined.setdefault(m.group(1), []).append(d)
    grown = True
    while grown:
        more = {v for name in used for d in defined.get(name, []) for v in _VAR.findall(d)} - used
        used |= more
        grown = bool(more)
    out: list[str] = []
    open_context: list[str] = []
    for rule, decls in zip(kept, bodies, strict=True):
        decls = [d for d in decls if (m := _DECLARATION.match(d)) is None or m.group(1) in used]
        if not decls:
            continue
        context = rule["context"]
        while open_context and open_context != context[: len(open_context)]:
            out.append("}")
            open_context.pop()
        for condition in context[len(open_context) :]:
            out.append(condition + "{")
            open_context.append(condition)
        out.append(",".join(rule["selectors"]) + "{" + ";".join(decls) + "}")
    out.extend("}" * len(open_context))
    css = "".join(out)
    # Inline, a relative address would be read from the page's folder, not the stylesheet's.
    relative = [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) if not u.startswith("data:")]
    if relative:
        sys.exit(f"Stilarket viser til filer med relativ adresse: {relative}")
    if "</style" in css.lower():
        sys.exit("Stilarket inneholder «</style», som ville avslutte <style>.")
    return css


def write(css: str) -> None:
    OUTPUT.write_text(
        "{#- The first-paint stylesheet, written by scripts/critical_css.py from the built site: run it\n"
        "    again after changing a stylesheet, the theme or the pages' structure (overrides/main.html). -#}\n"
        "<style>{% raw %}" + css + "{% endraw %}</style>\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built for http://127.0.0.1/")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="eb-critical-"))
    try:
        site = args.site
        if site is None:
            site = work / "site"
            result = mkdocs_build(ROOT, site)
            if result.returncode:
                sys.exit(result.stderr)
        port = free_port()
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            order, rules = collect(f"http://127.0.0.1:{port}/")
        finally:
            server.shutdown()
        css = stylesheet(order, rules)
        write(css)
        print(f"{OUTPUT.relative_to(ROOT)}: {len(css.encode('utf-8'))} byte, {len(rules)} regler")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    raise SystemExit(main())

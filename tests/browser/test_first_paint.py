"""The first paint: the inline first-paint stylesheet alone draws the first screen as the full one does.

Every page draws before its stylesheet (Material's and ours, one file at the end of <body>) is in,
with the rules of overrides/partials/critical-css.html (written by scripts/critical_css.py). Here each
kind of page is opened as it is before any script runs, once with the site's stylesheet and once
without it: every element on the first screen must stand in the same place with the same size,
colours and type, or the page would jump (CLS) or flash when the stylesheet arrives. A failure here
means the first-paint stylesheet is out of date: run scripts/critical_css.py.
"""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, MOBILE

PAGES = [
    "",
    "finn/",
    "finn/?q=startl%C3%A5n",
    "eksempler/drammen-fra-leie-til-eie/",
    "alle-eksempler/",
    "tema/startlan/",
    "fylker/",
    "suksessfaktorer/",
    "bidra/send-inn/",
    "bidra/format/",
    "om/",
    "404.html",
]
SMALL_PHONE = {"width": 320, "height": 568}
LIGHTHOUSE_PHONE = {"width": 412, "height": 823}

# Each element drawn on the first screen, by its place in the document: box, colours and type.
FIRST_SCREEN = r"""
() => {
  const seen = {};
  [...document.body.querySelectorAll("*")].forEach((el, i) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return;
    const box = el.getBoundingClientRect();
    if (!(box.width && box.height) || box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return;
    const style = getComputedStyle(el);
    seen[i] = {
      element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].join(".") : ""),
      // The part on the screen: an element that goes on below it may end elsewhere.
      box: [box.left, box.top, Math.min(box.right, innerWidth), Math.min(box.bottom, innerHeight)].map(Math.round).join(","),
      look: [style.color, style.backgroundColor, style.fontSize, style.fontWeight, style.fontFamily, style.textAlign].join(" | "),
    };
  });
  return seen;
}
"""


def first_screen(page, url: str, with_stylesheet: bool, scheme: str) -> dict:
    page.unroute_all()
    # As before any script has run: no external script (the inline palette script runs as it does).
    page.route("**/*.js", lambda route: route.abort())
    if not with_stylesheet:
        page.route("**/assets/stylesheets/eksempelbank.*.css", lambda route: route.abort())
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")  # colours without their transitions
    page.goto(url, wait_until="load")
    if scheme == "dark":  # as a returning visitor who chose the dark scheme: set before the first paint
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    return page.evaluate(FIRST_SCREEN)


@pytest.mark.parametrize(
    "viewport", [LIGHTHOUSE_PHONE, SMALL_PHONE, MOBILE, DESKTOP], ids=lambda v: f"{v['width']}x{v['height']}"
)
def test_first_paint_lays_out_the_first_screen_as_the_full_stylesheet(visit, site_url, viewport):
    page = visit(viewport)
    differences = {}
    for path in PAGES:
        for scheme in ("light", "dark"):
            full = first_screen(page, site_url + path, True, scheme)
            first = first_screen(page, site_url + path, False, scheme)
            for i in sorted(set(full) | set(first), key=int):
                a, b = full.get(i), first.get(i)
                if a != b:
                    differences.setdefault(f"/{path} ({scheme})", []).append(
                        f"{(a or b)['element']}: {a and (a['box'], a['look'])} -> {b and (b['box'], b['look'])}"
                    )
    page.unroute_all()
    assert not differences, "første visning avviker (kjør scripts/critical_css.py):\n" + "\n".join(
        f"{where}: " + "\n    ".join(found[:6]) for where, found in differences.items()
    )

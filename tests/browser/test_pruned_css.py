"""The site's stylesheet without Material's rules for unused names looks the same as with them.

The build leaves out the theme's rules whose selectors need a class or attribute value the site never
has (eksempelbank/website/stylesheets.py, material-css-names.txt). Here each kind of page, with its
scripts run, is styled once with the stylesheet as built and once with Material's rules whole: every
element (and its ::before and ::after), shown or hidden, must get the same computed style. A failure
means a rule was left out that a page needs: run scripts/css_names.py.
"""

from __future__ import annotations

import re

import pytest

from eksempelbank.website.stylesheets import _SOURCE_MAP, NAMES_FILE, prune, theme_sheets

from ..test_css_names import theme_dirs
from .conftest import DESKTOP
from .test_first_paint import LIGHTHOUSE_PHONE
from .test_first_paint import PAGES as FIRST_PAINT_PAGES

PAGES = [
    *FIRST_PAINT_PAGES,
    "finn/?kommune=stord",
    "finn/?fylke=vestland",
    "fylker/vestland/",
    "alle-eksempler/side-2/",
]

# Per element, in document order: its tag and every computed property, with ::before and ::after
# (as a hash, unless ``full``: the page returns the text only for the elements that differ).
STYLES = r"""
(full) => {
  const describe = (style) => Array.from(style, (name) => name + ":" + style.getPropertyValue(name)).join(";");
  const hash = (text) => { let h = 0; for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0; return h; };
  return [...document.querySelectorAll("*")].map((el, i) => {
    const text = describe(getComputedStyle(el)) + "|" + describe(getComputedStyle(el, "::before")) + "|"
      + describe(getComputedStyle(el, "::after"));
    const tag = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].join(".") : "");
    return [tag, full && full.includes(i) ? text : hash(text)];
  });
}
"""


def _whole(served: str) -> str:
    """The served stylesheet with Material's parts as the theme ships them."""
    used = set(NAMES_FILE.read_text(encoding="utf-8").split())
    for path in theme_sheets(theme_dirs()):
        original = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8")).strip()
        pruned = prune(original, used).strip()
        assert pruned in served
        served = served.replace(pruned, original)
    return served


def _styles(page, url: str, stylesheet: str | None, full: list[int] | None = None) -> list:
    page.unroute_all()
    if stylesheet is not None:
        page.route(
            "**/assets/stylesheets/eksempelbank.*.css",
            lambda route: route.fulfill(body=stylesheet, content_type="text/css; charset=utf-8"),
        )
    page.emulate_media(reduced_motion="reduce")
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(200)
    return page.evaluate(STYLES, full)


@pytest.mark.parametrize("viewport", [LIGHTHOUSE_PHONE, DESKTOP], ids=lambda v: f"{v['width']}x{v['height']}")
def test_pages_look_the_same_without_the_left_out_rules(visit, site_url, viewport):
    page = visit(viewport)
    served = page.request.get(site_url).text()
    href = re.search(r'href="([^"]*assets/stylesheets/eksempelbank\.[0-9a-f]+\.css)"', served).group(1)
    whole = _whole(page.request.get(site_url + href.lstrip("./")).text())
    differences = {}
    for path in PAGES:
        built = _styles(page, site_url + path, None)
        full = _styles(page, site_url + path, whole)
        assert [tag for tag, _ in built] == [tag for tag, _ in full], f"/{path}: ulike elementer"
        differ = [i for i, (a, b) in enumerate(zip(built, full, strict=True)) if a != b]
        if not differ:
            continue
        built = _styles(page, site_url + path, None, differ)
        full = _styles(page, site_url + path, whole, differ)
        for i in differ:
            (tag, a), (_, b) = built[i], full[i]
            if a != b:
                changed = sorted(set(a.replace("|", ";").split(";")) ^ set(b.replace("|", ";").split(";")))
                differences.setdefault(f"/{path}", []).append(f"{tag}: {changed[:6]}")
    page.unroute_all()
    assert not differences, "stilene avviker uten de utelatte reglene (kjør scripts/css_names.py):\n" + "\n".join(
        f"{where}: " + "\n    ".join(found[:6]) for where, found in differences.items()
    )

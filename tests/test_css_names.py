"""Material's rules left out of the site's stylesheet (eksempelbank/website/stylesheets.py): only those
for names no page and no script of the built site has."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from eksempelbank.website.stylesheets import NAMES_FILE, names_for, prune, site_names, theme_sheets

ROOT = Path(__file__).resolve().parent.parent


def theme_dirs() -> list[Path]:
    """Where the build looks for the theme's files: our overrides, then Material's templates."""
    spec = importlib.util.find_spec("material")
    assert spec and spec.origin
    return [ROOT / "overrides", Path(spec.origin).parent / "templates"]


def theme_css() -> str:
    """Material's main and palette stylesheets, as the build finds them."""
    return "\n".join(path.read_text(encoding="utf-8") for path in theme_sheets(theme_dirs()))


def test_the_list_has_every_name_the_built_site_uses(real_site):
    site, _ = real_site
    listed = set(NAMES_FILE.read_text(encoding="utf-8").split())
    missing = sorted(set(names_for(theme_css(), site_names(site))) - listed)
    assert not missing, f"kjør scripts/css_names.py: sidene bruker {missing[:20]}, som lista mangler"


def test_a_rule_goes_only_when_a_name_it_requires_is_unused():
    css = (
        ".a,.b .c{color:red}.a:is(.x,.y){color:blue}.b:not(.z) .a{top:0}[data-k=v] .a{left:0}"
        '@media screen{.x{color:red}.a::before{content:"}"}}@keyframes k{0%{opacity:0}}'
        '.a[href$=".pdf"]{color:red}'
    )
    assert prune(css, {"a"}) == (
        '.a{color:red}.a:is(.x,.y){color:blue}@media screen{.a::before{content:"}"}}'
        '@keyframes k{0%{opacity:0}}.a[href$=".pdf"]{color:red}'
    )
    assert prune(css, {"a", "b", "v"}) == (
        ".a{color:red}.a:is(.x,.y){color:blue}.b:not(.z) .a{top:0}[data-k=v] .a{left:0}"
        '@media screen{.a::before{content:"}"}}@keyframes k{0%{opacity:0}}.a[href$=".pdf"]{color:red}'
    )


def test_names_from_pages_and_scripts(tmp_path):
    (tmp_path / "index.html").write_text('<p class="a  b" data-k="v" hidden><i class=c>', encoding="utf-8")
    (tmp_path / "x.js").write_text('el.className = `md-tag--${t}`; add("d")', encoding="utf-8")
    names = site_names(tmp_path)
    assert {"a", "b", "c", "v", "d", "md-tag--*"} <= names
    assert names_for(".a{}.e{}.md-tag--x{}[data-k=v]{}", names) == ["a", "md-tag--x", "v"]

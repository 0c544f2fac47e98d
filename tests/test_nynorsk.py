"""Nynorsk chrome: the string tables of overrides/partials/languages/ and the names the theme takes
from mkdocs.yml (eksempelbank/website/nynorsk.py). The browser tests (tests/browser/test_language.py) check
the built pages."""

from __future__ import annotations

import re

import yaml

from eksempelbank import ROOT
from eksempelbank.website.nynorsk import NAMES, nynorsk_chrome

LANGUAGES = ROOT / "overrides" / "partials" / "languages"
ENTRY = re.compile(r'^\s*"([^"]+)": "([^"]*)",?$', re.MULTILINE)


def strings(language: str) -> dict[str, str]:
    """A language partial's table (the dict literal inside its t() macro)."""
    return dict(ENTRY.findall((LANGUAGES / f"{language}.html").read_text(encoding="utf-8")))


def mkdocs_names() -> list[str]:
    """Every name mkdocs.yml gives the menu and the palette toggle."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [option["toggle"]["name"] for option in config["theme"]["palette"]]

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for title, target in item.items():
                    names.append(title)
                    if isinstance(target, list):
                        walk(target)

    walk(config["nav"])
    return names


def test_both_tables_have_every_key_and_nynorsk_says_so():
    bokmal, nynorsk = strings("nb"), strings("nn")
    assert len(bokmal) > 50
    assert set(bokmal) == set(nynorsk)
    assert bokmal["language"] == "nb" and nynorsk["language"] == "nn"
    # Our own strings keep their placeholders in both languages.
    for key, text in bokmal.items():
        assert re.findall(r"\{\w+\}", text) == re.findall(r"\{\w+\}", nynorsk[key]), key


def test_every_name_in_mkdocs_yml_has_a_nynorsk_name():
    missing = [name for name in mkdocs_names() if name not in NAMES]
    assert not missing, f"navn i mkdocs.yml uten nynorsk form i eksempelbank/website/nynorsk.py: {missing}"


PAGE = """<html lang="nn"><body>
<header class="md-header"><input aria-label="Bytt til mørk visning"><label title="Bytt til mørk visning"></label>
<span>Boligsosial eksempelbank</span></header>
<nav class="md-nav md-nav--primary" aria-label="Navigasjon"><ul>
<li><a href="finn/"><span class="md-ellipsis">
    Finn eksempel
  </span></a></li>
<li><nav class="md-nav"><label>Suksessfaktorer</label><ul><li><a href="x/"><span>Brukermedvirkning</span></a></li></ul></nav></li>
<li><a href="alle/"><span>Alle eksempler</span></a></li>
</ul></nav>
<article><p>Alle eksempler</p><p>Brukermedvirkning</p></article>
</body></html>"""


def test_menu_and_palette_names_become_nynorsk_and_the_rest_is_marked_bokmal():
    out = nynorsk_chrome(PAGE)
    header, rest = out.split("</header>", 1)
    menu, article = rest.split("<article>", 1)
    assert f'aria-label="{NAMES["Bytt til mørk visning"]}"' in header
    assert f'title="{NAMES["Bytt til mørk visning"]}"' in header
    assert "Bytt til" not in header
    assert "Boligsosial eksempelbank</span>" in header  # the site's name is a name
    assert f"\n    {NAMES['Finn eksempel']}\n  " in menu  # only the words change
    assert f">{NAMES['Suksessfaktorer']}<" in menu and f">{NAMES['Alle eksempler']}<" in menu
    assert '<span lang="nb">Brukermedvirkning</span>' in menu  # a vocabulary value: Bokmål, marked
    assert "<p>Alle eksempler</p><p>Brukermedvirkning</p>" in article  # the content is the page's own


def test_a_page_without_header_or_menu_is_left_as_it_is():
    assert nynorsk_chrome("<p>Alle eksempler</p>") == "<p>Alle eksempler</p>"

"""Wide tables get their scroll box when the page is written (eksempelbank/website/tables.py), so a
phone draws the page once, in its final layout, with or without JavaScript."""

from __future__ import annotations

import re

from eksempelbank.website.tables import CLOSE, OPEN, wrap_tables


def test_a_table_is_put_in_the_scroll_box():
    html = "<p>Før</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<p>Etter</p>"
    assert wrap_tables(html) == f"<p>Før</p>\n{OPEN}<table>\n<tr><td>1</td></tr>\n</table>{CLOSE}\n<p>Etter</p>"


def test_each_of_several_tables_gets_its_own_box_and_a_table_inside_a_table_none():
    html = "<table><tr><td><table><tr><td>inne</td></tr></table></td></tr></table><p>x</p><TABLE id=t></TABLE>"
    out = wrap_tables(html)
    assert out.count(OPEN) == 2 and out.count(CLOSE) == 2
    assert out.startswith(OPEN + "<table><tr><td><table>")
    assert out.endswith(f"{OPEN}<TABLE id=t></TABLE>{CLOSE}")


def test_the_sites_own_tables_with_a_class_keep_their_layout():
    html = '<table class="eb-status"><tr><td>1</td></tr></table>'
    assert wrap_tables(html) == html


def test_unbalanced_table_tags_leave_the_page_as_it_was():
    for html in ("<table><tr><td>1</td></tr>", "</table><table></table>", "<table></table></table>"):
        assert wrap_tables(html) == html


def test_escaped_text_about_tables_is_not_a_table():
    html = "<p>&lt;table&gt; er ikke en tabell</p><code>&lt;/table&gt;</code>"
    assert wrap_tables(html) == html


def test_every_table_on_the_built_site_is_in_a_scroll_box(real_site):
    site, _ = real_site
    pages = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for table in re.finditer(r"<table(?![^>]*\bclass=)[^>]*>", html):
            assert html[: table.start()].endswith(OPEN), f"{page.relative_to(site)}: tabell uten rullboks"
            pages += 1
    assert pages >= 3, "the bank has examples with tables (Bodø, Rendalen, Rindal)"

"""A full build of the real site, checked page by page as a visitor would meet it."""

import re
from pathlib import Path

import pytest

from eksempelbank import ROOT

HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def built(real_site):
    return real_site


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def linked_examples(site: Path, page_dir: str) -> set[str]:
    """Slugs of examples listed on a listing page, following its «Neste side» pages."""
    slugs, pages = set(), [site / page_dir / "index.html"]
    pages += sorted((site / page_dir).glob("side-*/index.html"))
    for page in pages:
        main = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        for href in HREF.findall(main):
            match = re.search(r"eksempler/([a-z0-9-]+)/$", href)
            if match:
                slugs.add(match.group(1))
    return slugs


def test_build_is_clean(built):
    _, result = built
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr


def test_every_example_has_a_page_with_its_title_and_summary(built, examples):
    site, _ = built
    assert len(examples) == len(list((ROOT / "examples").glob("*.md")))
    for example in examples:
        page = html(site, f"eksempler/{example.slug}")
        assert "<h1" in page and example.title.split(" (")[0] in page
        assert f'<meta name="description" content="{example.summary[:40]}' in page.replace("&quot;", '"')


def test_each_facet_value_page_lists_exactly_its_examples(built, examples, schema):
    site, _ = built
    for facet in schema.facets:
        for term in schema.vocabulary_for(facet):
            expected = {e.slug for e in examples if term.id in e.facet_values(facet.field)}
            assert linked_examples(site, f"{facet.path}/{term.id}") == expected, (facet.id, term.id)


def test_overview_counts_agree_with_the_value_pages(built, examples, schema):
    site, _ = built
    for facet in schema.facets:
        overview = html(site, facet.path)
        for term in schema.vocabulary_for(facet):
            count = sum(term.id in e.facet_values(facet.field) for e in examples)
            text = "ingen eksempler ennå" if count == 0 else f"{count} {'eksempel' if count == 1 else 'eksempler'}"
            pattern = rf'href="{term.id}/">{re.escape(term.label)}</a>\s*<span class="eb-count">\({text}\)</span>'
            assert re.search(pattern, overview), (facet.id, term.id, count)


def test_empty_values_invite_contributions(schema):
    # A value nobody has written about yet (a new target group added to the vocabulary, say).
    from eksempelbank.website.render import SiteOptions, render_listing

    pages = render_listing("malgrupper/ny-malgruppe.md", "Ny målgruppe", "", [], schema, SiteOptions())
    page = pages["malgrupper/ny-malgruppe.md"]
    assert "Det er ingen eksempler her ennå." in page and "[Send inn et eksempel](../bidra/index.md)" in page


def test_all_examples_page_lists_every_example(built, examples):
    site, _ = built
    assert linked_examples(site, "alle-eksempler") == {e.slug for e in examples}


def test_page_language_follows_the_example(built, examples):
    site, _ = built
    for example in examples:
        page = html(site, f"eksempler/{example.slug}")
        assert re.search(rf'<html lang="{example.language}"', page), example.slug
    assert any(e.language == "nn" for e in examples), "Stord is written in Nynorsk"
    assert '<html lang="nb"' in html(site, "")


def test_metadata_panel_links_every_facet_value(built, examples, schema):
    site, _ = built
    for example in examples:
        page = html(site, f"eksempler/{example.slug}")
        panel = page.split('class="eb-metadata"', 1)[1].split("</dl>", 1)[0]
        for facet in schema.facets:
            for value in example.facet_values(facet.field):
                assert f'href="../../{facet.path}/{value}/"' in panel, (example.slug, facet.id, value)
        for municipality in example.municipalities:
            assert municipality.name in panel


def test_examples_are_not_in_the_menu(built, examples):
    site, _ = built
    front = html(site, "")
    # In <body>: <head> holds the first-paint stylesheet, which names the same classes.
    nav = front.split("<body", 1)[1].split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    assert "eksempler/" not in nav.replace("alle-eksempler/", "")
    for slug in ("forankring-og-eierskap", "brukermedvirkning"):
        assert f"suksessfaktorer/{slug}/" in nav


def test_sources_are_cited_on_every_example(built, examples):
    site, _ = built
    for example in examples:
        page = html(site, f"eksempler/{example.slug}")
        heading = "Kjelder" if example.language == "nn" else "Kilder"
        assert f">{heading}</h2>" in page
        for source in example.values["kilder"]:
            assert source["tittel"].replace("«", "").split()[0] in page


def test_links_written_as_html_are_the_links_mkdocs_would_write():
    """render.href stands in for MkDocs' link resolution in the HTML the generator writes."""
    import posixpath
    import random

    from eksempelbank.website.render import href, page_url

    rng = random.Random(12)
    names = ["index", "eksempler", "fylker", "agder", "side-2", "x"]

    def uri():
        return "/".join([rng.choice(names) for _ in range(rng.randint(0, 3))] + [rng.choice(names) + ".md"])

    for _ in range(5000):
        a, b = uri(), uri()
        for directory_urls in (True, False):
            here = page_url(a, directory_urls)
            base = here if directory_urls else posixpath.dirname(here)
            expected = posixpath.relpath("/" + page_url(b, directory_urls), "/" + base)
            assert href(a, b, directory_urls) == expected + ("/" if directory_urls else ""), (a, b)


def test_every_generated_piece_of_html_is_in_its_page(built):
    site, _ = built
    for page in site.rglob("*.html"):
        assert "eb-html-" not in page.read_text(encoding="utf-8"), page


def test_example_pages_list_their_sections_and_skip_to_the_title(built, examples):
    """The headings of an example page are written by the generator, not MkDocs: the table of contents
    and «Gå til innhold» must still know them."""
    site, _ = built
    for example in examples:
        page = html(site, f"eksempler/{example.slug}")
        h1 = re.search(r'<h1 id="([^"]+)">', page).group(1)
        assert re.search(rf'<a href="#{h1}" class="md-skip">', page), example.slug
        toc = page.split('data-md-type="toc"', 1)[1].split("</nav>", 1)[0]
        listed = [t.strip() for t in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', toc)]
        expected = [s.title for s in example.sections] + ["Kjelder" if example.language == "nn" else "Kilder"]
        if 'class="eb-related"' in page:
            expected.append("Liknande døme" if example.language == "nn" else "Lignende eksempler")
        assert listed == expected, example.slug
        for anchor in re.findall(r'href="#([^"]+)" class="md-nav__link"', toc):
            assert f'id="{anchor}"' in page, (example.slug, anchor)


def test_lists_of_examples_have_no_table_of_contents_of_their_titles(built):
    site, _ = built
    for path in ("alle-eksempler", "fylker/vestland", "tema/startlan"):
        page = html(site, path)
        assert re.search(r'data-md-type="toc"\s*hidden', page), path


def test_example_pages_start_with_their_key_facts(built, examples, schema):
    """On a phone the facts box is a tap away; the line above it names the municipality, the
    county, the size class and the period (the full box is in the <details> under it)."""
    site, _ = built
    for example in examples:
        page = html(site, f"eksempler/{example.slug}")
        line = re.sub(r"<[^>]+>", "", page.split('class="eb-facts eb-keyfacts"', 1)[1].split("</p>", 1)[0])
        for municipality in example.municipalities:
            assert municipality.name in line, example.slug
        for county in example.facet_values("fylke"):
            assert schema.vocabulary_for(schema.facet("fylke")).label(county) in line, example.slug
        assert example.period_label in line
        details = page.split('<details class="eb-fakta"', 1)[1].split("</details>", 1)[0]
        assert "<summary>" in details and 'class="eb-metadata"' in details

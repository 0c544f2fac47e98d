"""The page «Send inn et eksempel» as built: the configured repository, the fallback without JavaScript.

What the form does in a browser is in tests/browser/test_submission_form.py.
"""

import re
from datetime import date
from pathlib import Path

from eksempelbank import ROOT
from eksempelbank.reading.project import site_settings
from eksempelbank.reading.validate import validate_file
from eksempelbank.website.build import site_options
from eksempelbank.website.render import SiteOptions
from eksempelbank.website.submission_form import TEMPLATE_URI, render_submission_page, render_template


def page_html(site: Path) -> str:
    return (site / "bidra" / "send-inn" / "index.html").read_text(encoding="utf-8")


def test_page_gets_the_repository_from_mkdocs_yml(real_site):
    site, _ = real_site
    settings = site_settings(ROOT)  # mkdocs.yml may hold !ENV tags
    options = site_options(settings)
    assert options.repository_url
    html = page_html(site)
    assert f'data-repository="{options.repository_url}"' in html
    assert f'data-branch="{options.branch}"' in html
    assert 'data-format="../../skjema/eksempelformat.json"' in html
    assert (site / "skjema" / "eksempelformat.json").is_file()
    # The route without Git: the issue form that exists in the repository, on the same GitHub.
    form = f'href="{options.repository_url}/issues/new?template=nytt-eksempel.yml"'
    assert form in html and (ROOT / ".github" / "ISSUE_TEMPLATE" / "nytt-eksempel.yml").is_file()


def test_page_without_a_repository_offers_only_the_download():
    markdown = render_submission_page(SiteOptions())
    assert "data-repository" not in markdown and "GitHub-konto" not in markdown
    assert "bidragsveiledningen" in markdown


def test_without_javascript_the_page_explains_another_way(real_site):
    site, _ = real_site
    html = page_html(site)
    fallback = html.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert 'href="../"' in fallback, "links to the contribution guide"
    template = [tag for tag in re.findall(r"<a [^>]+>", fallback) if 'href="../../skjema/eksempelmal.txt"' in tag]
    assert template and 'download="nytt-eksempel.md"' in template[0]
    assert (site / TEMPLATE_URI).is_file()


def test_the_page_is_in_the_menu_and_linked_from_the_guide(real_site):
    site, _ = real_site
    assert 'href="send-inn/"' in (site / "bidra" / "index.html").read_text(encoding="utf-8")
    active = re.search(r'<a href="\./" class="md-nav__link md-nav__link--active">(.*?)</a>', page_html(site), re.S)
    assert active and "Send inn et eksempel" in active.group(1), (
        "the page is in the menu, under «Bidra med et eksempel»"
    )


def test_scripts_and_styles_are_our_own(real_site):
    site, _ = real_site
    html = page_html(site)
    # Scripts, styles and icons; canonical and feed links name the site's own address on purpose.
    loaded = re.findall(r'<link rel="(?:stylesheet|icon|preload|modulepreload)"[^>]+href="([^"]+)"', html)
    assert len(loaded) >= 2
    for src in re.findall(r'<script[^>]+src="([^"]+)"', html) + loaded:
        assert not re.match(r"^(https?:)?//", src), src
    assert '<script src="../../assets/send-inn.js" defer>' in html
    assert (site / "assets" / "send-inn.js").is_file() and (site / "assets" / "send-inn.css").is_file()
    script = (site / "assets" / "send-inn.js").read_text(encoding="utf-8")
    assert "import " not in script and "cdn" not in script.lower()


def test_downloadable_template_is_refused_until_every_section_is_written(tmp_path, schema):
    path = tmp_path / "nytt-eksempel.md"
    path.write_text(render_template(schema, date.today()), encoding="utf-8")
    example, problems = validate_file(path, schema)
    # As downloaded, only the unwritten sections stop it: the field values are the format's own examples.
    assert example is None
    assert {(p.field, p.message) for p in problems if p.is_error} == {
        (
            s.title,
            "Avsnittet har bare hjelpeteksten fra malen. Skriv innhold, eller fjern avsnittet hvis det er valgfritt.",
        )
        for s in schema.sections
    }
    text = path.read_text(encoding="utf-8")
    for section in schema.sections:
        text = text.replace(f"## {section.title}\n\n", f"## {section.title}\n\nSkrevet av redaktøren.\n\n", 1)
    path.write_text(text, encoding="utf-8")
    example, problems = validate_file(path, schema)
    assert [p.human() for p in problems if p.is_error] == []
    text = path.read_text(encoding="utf-8")
    for spec in schema.fields.values():
        assert f"{spec.label} (" in text, spec.name  # every field is explained
    for section in schema.sections:
        assert f"## {section.title}\n" in text

"""A public body can switch it on: who runs the site and how to reach the editors on every page, no
placeholder ever published, the bank's publisher as author, absolute open data, our own pictures,
and the repository and site address set in one place."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from eksempelbank import ROOT
from eksempelbank.editors.issue_form import issue_chooser
from eksempelbank.reading.project import mkdocs_config, published_address, site_settings
from eksempelbank.website.publishing import (
    bank_counts,
    fill_settings,
    launch_problems,
    load_rules,
    page_values,
    publisher,
)

from .sitebuild import LOCAL_SITE_URL, copy_project, mkdocs_build
from .test_published_address import parse

SETTINGS = site_settings(ROOT)
OWNER = publisher(SETTINGS)


def html_pages(site: Path):
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


# -- publisher and contact ------------------------------------------------------------------------


def test_the_publisher_and_the_editors_address_are_set_in_mkdocs_yml():
    assert OWNER.name and OWNER.url.startswith("https://") and "@" in OWNER.contact_email


def test_every_page_names_the_publisher_and_the_editors_address_in_its_footer(real_site):
    site, _ = real_site
    for page in html_pages(site):
        parsed = parse(page)
        assert parsed.footer_links, page
        hrefs = {href: text for href, text, in_footer in parsed.anchors if in_footer}
        assert hrefs.get(OWNER.url) == OWNER.name, page
        assert hrefs.get(f"mailto:{OWNER.contact_email}") == OWNER.contact_email, page


def test_the_front_page_says_who_runs_it_and_how_big_the_bank_is(real_site, examples):
    site, _ = real_site
    text = re.sub(r"<[^>]+>", "", (site / "index.html").read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " "))
    counts = bank_counts(examples)
    assert (
        f"{counts['antall_eksempler']} eksempler fra {counts['antall_kommuner']} kommuner i "
        f"{counts['antall_fylker']} fylker"
    ) in text
    assert counts["antall_fylker"] == len({m.county.name for e in examples for m in e.municipalities})
    assert f"drives av {OWNER.name}" in text and OWNER.contact_email in text
    about = re.sub(r"<[^>]+>", "", (site / "om" / "index.html").read_text(encoding="utf-8"))
    assert f"publiseres av {OWNER.name}" in about and OWNER.contact_email in about


def test_no_page_prints_a_setting_token(real_site):
    site, _ = real_site
    for page in html_pages(site):
        assert "%%" not in page.read_text(encoding="utf-8"), page


# -- no placeholder is ever published -------------------------------------------------------------


def test_the_repository_has_no_launch_problem_today():
    values = page_values(
        SETTINGS, "Boligsosial eksempelbank", {"antall_eksempler": 1, "antall_kommuner": 1, "antall_fylker": 1}
    )
    assert launch_problems(ROOT, SETTINGS, published_address(ROOT), values) == []


def test_a_publishing_build_stops_on_placeholders_and_missing_settings_with_one_line_each(tmp_path):
    project = copy_project(tmp_path / "prosjekt")
    about = project / "docs" / "om.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    lines.insert(6, "Husbankens kontaktperson legges inn her når nettstedet publiseres.")
    about.write_text("\n".join(lines) + "\n", encoding="utf-8")
    privacy = project / "docs" / "personvern.md"
    privacy.write_text(privacy.read_text(encoding="utf-8") + "\nSpør %%personvernombud%%.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    kontakt_epost: post@husbanken.no\n", ""), encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert "Traceback" not in report
    assert "Nettstedet kan ikke publiseres ennå (3 problemer)" in report
    assert "docs/om.md:7: plassholderteksten «legges inn her» står fortsatt på siden" in report
    assert "mkdocs.yml: extra.eksempelbank.kontakt_epost mangler" in report
    assert re.search(r"docs/personvern\.md:\d+: «%%personvernombud%%» er ikke en innstilling", report)
    assert not (tmp_path / "site" / "index.html").exists(), "nothing half-built is left to publish"


def test_placeholders_are_whole_words_and_read_from_data():
    rules = load_rules(ROOT / "data")
    from eksempelbank.website.publishing import placeholder_lines

    assert placeholder_lines("Ferdig tekst.\nTODO: skriv om personvern\n", rules) == [(2, "TODO")]
    assert placeholder_lines("Todomsvegen 3 og «metodologi»\n", rules) == []
    assert placeholder_lines("<!-- HUSBANKEN: legg inn lenken -->\n", rules) == [(1, "HUSBANKEN:")]


def test_a_setting_value_cannot_become_markup():
    values = page_values(
        {
            "utgiver": {"navn": "<script>x</script> *A*", "nettadresse": "https://a.example/"},
            "kontakt_epost": "red@a.example",
        },
        "Bank",
    )
    text, problems = fill_settings("Drives av %%utgiver%%.", values, "docs/x.md")
    assert problems == [] and "<script>" not in text and "&lt;script&gt;" in text and r"\*A\*" in text


# -- authorship -------------------------------------------------------------------------------------


def test_the_bank_is_author_and_publisher_and_the_municipality_the_subject(real_site, examples):
    site, _ = real_site
    for example in examples[:12]:
        page = (site / example.url_path / "index.html").read_text(encoding="utf-8")
        meta = parse(site / example.url_path / "index.html").meta
        assert meta["citation_author"] == meta["citation_publisher"] == OWNER.name
        assert meta["DC.creator"] == meta["DC.publisher"] == OWNER.name
        assert meta["DC.subject"] == example.municipality_label
        assert meta["DC.coverage"].startswith(example.municipality_label)
        citation = page.split('id="eb-sitering-tittel"', 1)[1].split("</section>", 1)[0]
        assert (
            re.sub(r"<[^>]+>", "", citation)
            .split("</h2>")[-1]
            .strip()
            .startswith(f"{OWNER.name} ({example.reviewed.year})")
            or f"<p>{OWNER.name} ({example.reviewed.year})." in citation
        )
    feed = ET.parse(site / "eksempler.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    authors = {e.findtext("a:author/a:name", namespaces=ns) for e in feed.findall("a:entry", ns)}
    assert authors == {OWNER.name}
    assert feed.findtext("a:author/a:name", namespaces=ns) == OWNER.name


# -- open data and sharing ------------------------------------------------------------------------


def test_open_data_carry_absolute_addresses(real_site, examples):
    site, _ = real_site
    data = json.loads((site / "eksempler.json").read_text(encoding="utf-8"))
    assert data["utgiver"] == OWNER.name
    urls = [record["url"] for record in data["eksempler"]]
    assert urls and all(u.startswith(LOCAL_SITE_URL + "eksempler/") for u in urls)
    for url in urls:
        assert (site / urlparse(url).path.lstrip("/") / "index.html").is_file()
    rows = list(csv.DictReader(io.StringIO((site / "eksempler.csv").read_text(encoding="utf-8"))))
    assert [row["url"] for row in rows] == urls
    schema = json.loads((site / "skjema" / "eksempel.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == LOCAL_SITE_URL + "skjema/eksempel.schema.json"
    feed = ET.parse(site / "eksempler.atom").getroot()
    ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert all(i.startswith(LOCAL_SITE_URL) for i in ids)


def test_sharing_picture_icon_and_logo_are_our_own(real_site):
    site, _ = real_site
    page = parse(site / "index.html")
    image = page.meta["og:image"]
    assert image == LOCAL_SITE_URL + "assets/delingsbilde.png"
    assert (site / "assets" / "delingsbilde.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    icons = page.rel.get("icon", [])
    assert icons == ["assets/favicon.svg"] and (site / "assets" / "favicon.svg").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/logo.svg"' in home
    assert "material/" not in " ".join(icons)


def test_the_404_page_is_titled_in_norwegian(real_site):
    site, _ = real_site
    assert parse(site / "404.html").title.startswith("Fant ikke siden")


# -- routes without an account --------------------------------------------------------------------


def test_every_example_offers_an_email_to_the_editors_with_its_title_and_address(real_site, examples):
    site, _ = real_site
    for example in examples:
        page = parse(site / example.url_path / "index.html")
        mail = [
            href
            for href, text, _ in page.anchors
            if text in ("Meld fra om feil eller send en oppdatering", "Meld frå om feil eller send ei oppdatering")
        ]
        assert len(mail) == 1, example.slug
        url = urlparse(mail[0])
        assert url.scheme == "mailto" and unquote(url.path) == OWNER.contact_email
        query = parse_qs(url.query)
        assert example.title in query["subject"][0]
        assert LOCAL_SITE_URL + example.url_path in query["body"][0]


# -- the repository and the site address in one place ---------------------------------------------

OTHER_SITE = "https://eksempler.example.org/bank/"
OTHER_REPOSITORY = "annen-eier/annen-bank"


def test_another_address_and_repository_leave_no_trace_of_the_old_ones(tmp_path):
    project = copy_project(tmp_path / "prosjekt")
    config = project / "mkdocs.yml"
    old_repository = SETTINGS["repository"]
    old_site = published_address(ROOT)
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"repository: {old_repository}", f"repository: {OTHER_REPOSITORY}"),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site", site_url=OTHER_SITE)
    assert result.returncode == 0, result.stderr
    texts = [
        p
        for p in (tmp_path / "site").rglob("*")
        if p.is_file()
        and p.suffix in {".html", ".json", ".xml", ".txt", ".csv", ".atom", ".js"}
        and "pagefind" not in p.parts
    ]
    assert len(texts) > 100
    old_host = urlparse(old_site).netloc
    new_seen = False
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert old_repository not in text, path
        assert old_host not in text, path
        new_seen = new_seen or OTHER_REPOSITORY in text
    assert new_seen, "the new repository is used (edit links, the form, the issue list)"
    assert OTHER_SITE + "eksempler.json" in (tmp_path / "site" / "eksempler.json").read_text(encoding="utf-8")
    chooser = issue_chooser(OTHER_SITE)
    assert old_host not in chooser and OTHER_SITE + "bidra/send-inn/" in chooser


def test_no_template_or_document_hard_codes_the_repository_or_the_site_address():
    repository = SETTINGS["repository"]
    host = urlparse(published_address(ROOT)).netloc
    where = [ROOT / "overrides", ROOT / "docs", ROOT / "eksempelbank", ROOT / "hooks", ROOT / "data"]
    files = [
        p
        for folder in where
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in {".html", ".md", ".py", ".js", ".yml", ".xml", ".css"}
    ]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert repository not in text and host not in text, path
    # Set in mkdocs.yml only; the issue chooser is generated from it (tests/test_repository.py).
    assert mkdocs_config(ROOT)["extra"]["eksempelbank"]["repository"] == repository


@pytest.mark.parametrize("setting", ["utgiver.navn", "kontakt_epost", "site_url"])
def test_each_required_setting_is_checked(setting):
    from eksempelbank.website.publishing import setting_problems

    settings = json.loads(json.dumps(SETTINGS))
    site_url = published_address(ROOT)
    if setting == "site_url":
        site_url = None
    elif setting == "utgiver.navn":
        del settings["utgiver"]["navn"]
    else:
        del settings[setting]
    problems = setting_problems(settings, site_url, load_rules(ROOT / "data"))
    place = "mkdocs.yml: site_url" if setting == "site_url" else f"mkdocs.yml: extra.eksempelbank.{setting}"
    assert len(problems) == 1 and problems[0].startswith(f"{place} mangler: skriv inn ")


def test_make_serve_shows_launch_problems_on_the_page_instead_of_stopping(tmp_path):
    import os
    import subprocess
    import sys

    from .sitebuild import fetch, free_port
    from .test_serve import wait_for

    project = copy_project(tmp_path / "prosjekt")
    about = project / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nTODO: skriv om redaksjonen.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    kontakt_epost: post@husbanken.no\n", ""), encoding="utf-8"
    )
    line = about.read_text(encoding="utf-8").splitlines().index("TODO: skriv om redaksjonen.") + 1
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = wait_for(base + "om/", "Ikke klar for publisering")
        assert f"docs/om.md:{line}: plassholderteksten «TODO»" in page
        front = fetch(base)
        assert "Ikke klar for publisering" in front and "extra.eksempelbank.kontakt_epost mangler" in front
        assert "Ikke klar for publisering" not in fetch(base + "personvern/"), "only the pages concerned"
    finally:
        server.terminate()
        server.wait(timeout=30)

"""«Send inn et eksempel»: an editor fills the form, fixes a mistake, and gets a file the check accepts.

GitHub is never loaded: window.open is replaced in the page before any button opens it (the
visit fixture fails a test on any request leaving 127.0.0.1), and the clipboard is a stub.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from eksempelbank import ROOT
from eksempelbank.reading.project import site_settings
from eksempelbank.reading.schema import load_schema
from eksempelbank.reading.validate import validate_file
from eksempelbank.website.build import site_options

from .conftest import MOBILE

pytestmark = pytest.mark.browser

FORM = "bidra/send-inn/"
TITLE = "Boligkontor i Kárášjohka: én dør inn"
SLUG = "boligkontor-i-karasjohka-en-dor-inn"
REQUIRED_SECTIONS = {
    "Oppsummert": "Kommunen samlet boligtjenestene i ett boligkontor i 2019.",
    "Resultat": "- Flere fikk startlån.\n- Ventetiden gikk ned.\n\nSpørsmål kan sendes til postmottak@karasjok.kommune.no.",
    "Bakgrunn": "En kartlegging viste at mange ikke visste hvor de skulle henvende seg.",
    "Målsettinger": "Alle skal få hjelp på ett sted.",
    "Beskrivelse av hvem som gjorde hva": "NAV og kommunen bemannet kontoret sammen.",
}


def configured_repository() -> tuple[str, str]:
    settings = site_settings(ROOT)  # mkdocs.yml may hold !ENV tags
    options = site_options(settings)
    return options.repository_url, options.branch


def open_form(visit, site_url, viewport=None):
    page = visit(viewport) if viewport else visit()
    page.goto(site_url + FORM)
    page.wait_for_selector("#eb-send-inn[data-ready]")
    # Never let a button reach github.com: record what would have been opened instead.
    page.evaluate("""() => {
        window.__opened = [];
        window.open = (url) => { window.__opened.push(String(url)); return {}; };
    }""")
    return page


def main_field(page, label):
    return page.locator("form.eb-form").get_by_label(label, exact=True).first


def fill_example(page, *, title=TITLE, extra_sections=None):
    """Fill the form as an editor would: typing, choosing from lists, ticking boxes."""
    if title is not None:
        page.locator("#f-tittel").fill(title)
    municipality = page.get_by_role("combobox", name="Kommune (påkrevd)")
    municipality.press_sequentially("Kárášjohka")
    page.get_by_role("group", name="Kommunestørrelse (påkrevd)").get_by_label("Liten").check()
    page.get_by_role("textbox", name="Ansvarlig aktør (påkrevd)").fill("Karasjok kommune")
    page.get_by_role("group", name="Suksessfaktorer (påkrevd)").get_by_label("Brukermedvirkning").check()
    page.get_by_role("group", name="Suksessfaktorer (påkrevd)").get_by_label("Organisering og samordning").check()
    targets = page.get_by_role("group", name="Målgrupper (påkrevd)")
    targets.get_by_label("Bostedsløse").check()
    targets.get_by_label("Flyktninger").check()
    page.get_by_role("group", name="Tema og tiltak").get_by_label("Boligkontor", exact=True).check()
    page.get_by_role("textbox", name="Oppsummering (påkrevd)").fill(
        "Karasjok samlet bostøtte, startlån og kommunale boliger i ett boligkontor, slik at innbyggerne "
        "får hjelp på ett sted: raskere og enklere."
    )
    page.get_by_role("textbox", name="Startår").fill("2019")
    page.get_by_label("Arbeidet pågår fortsatt").check()
    source = page.get_by_role("group", name="Kilde 1")
    source.get_by_role("textbox", name="Tittel (påkrevd)").fill("Årsmelding 2020: boligkontoret")
    source.get_by_role("textbox", name="Nettadresse (url)").fill("https://www.karasjok.kommune.no/arsmelding-2020")
    for title_text, body in {**REQUIRED_SECTIONS, **(extra_sections or {})}.items():
        section_box(page, title_text).fill(body)


def section_box(page, title):
    """A section's text area, found by its label as a screen reader announces it."""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(title)}( \(påkrevd\))?$"))


def preview_text(page) -> str:
    page.wait_for_function("() => document.getElementById('eb-forhandsvisning').textContent.includes('## ')")
    page.wait_for_timeout(200)  # the preview follows the form after a short pause
    return page.locator("#eb-forhandsvisning").text_content()


def check_file(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return validate_file(path)


def test_editor_fixes_a_missing_field_and_downloads_a_valid_file(visit, site_url, tmp_path):
    page = open_form(visit, site_url)
    fill_example(page, title=None)

    page.get_by_role("button", name="Last ned fila").click()
    summary = page.locator("#eb-feiloversikt")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "eb-feiloversikt", "focus moves to the error summary"
    link = summary.get_by_role("link", name="Fyll ut «Tittel».")
    assert link.get_attribute("href") == "#f-tittel"
    assert summary.get_by_role("link").count() == 1, summary.inner_text()

    title = page.locator("#f-tittel")
    assert title.get_attribute("aria-invalid") == "true"
    described = title.get_attribute("aria-describedby").split()
    errors = [page.locator(f"#{i}").inner_text() for i in described if page.locator(f"#{i}.eb-error").count()]
    assert errors and "Fyll ut «Tittel»" in errors[0]
    assert page.locator("#eb-status").inner_text().startswith("Fila er ikke laget ennå")

    link.click()
    assert page.evaluate("document.activeElement.id") == "f-tittel", "the summary link moves focus to the field"
    page.keyboard.type(TITLE)
    expect_text = f"examples/{SLUG}.md"
    page.wait_for_function(f"() => document.getElementById('eb-filnavn').textContent === '{expect_text}'")
    assert page.locator("#f-tittel").get_attribute("aria-invalid") is None, "the error goes once it is fixed"

    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned fila").click()
    download = info.value
    assert download.suggested_filename == f"{SLUG}.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text == preview_text(page)
    assert f'tittel: "{TITLE}"' in text, "a title with a colon is quoted"
    assert "kommune: Kárášjohka" in text and "sist_vurdert: " in text
    assert "## Oppsummert\n\nKommunen samlet" in text and "## Tips til andre" not in text, (
        "empty optional sections are left out"
    )

    example, problems = check_file(tmp_path, download.suggested_filename, text)
    assert [p.human() for p in problems] == []
    assert example is not None and example.municipalities[0].county.name == "Finnmark"
    assert page.locator("#f-fylke").input_value() == "Finnmark", "the county is derived and shown"
    assert not summary.is_visible()
    assert SLUG in page.locator("#eb-status").inner_text()


def test_github_link_carries_the_file(visit, site_url, tmp_path):
    page = open_form(visit, site_url)
    page.get_by_role("button", name="Åpne i GitHub").click()
    assert page.evaluate("window.__opened") == [], "nothing is opened before the form validates"
    assert page.locator("#eb-feiloversikt").is_visible()

    fill_example(page)
    page.get_by_role("button", name="Åpne i GitHub").click()
    page.wait_for_function("() => window.__opened.length === 1")
    url = page.evaluate("window.__opened[0]")
    text = preview_text(page)

    repository, branch = configured_repository()
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{repository}/new/{branch}"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["filename"] == [f"examples/{SLUG}.md"]
    assert query["value"] == [text]
    assert url.startswith(f"{repository}/new/{branch}?filename=examples/{SLUG}.md&value=")
    assert len(url) <= 8000
    assert check_file(tmp_path, f"{SLUG}.md", query["value"][0])[1] == []
    assert "GitHub er åpnet" in page.get_by_role("status").inner_text()


def test_too_long_for_a_url_goes_through_the_clipboard(visit, site_url):
    page = open_form(visit, site_url)
    page.evaluate("""() => {
        window.__clipboard = null;
        navigator.clipboard.writeText = async (text) => { window.__clipboard = text; };
    }""")
    tips = "Start med en kartlegging, og la brukerne si hva de trenger før dere bestemmer noe. " * 110
    fill_example(page, extra_sections={"Tips til andre": tips.strip()})
    text = preview_text(page)
    assert len(page.evaluate("(t) => window.ebSendInn.githubUrl('x.md', t)", text)) > 8000

    page.get_by_role("button", name="Åpne i GitHub").click()
    page.wait_for_function("() => window.__opened.length === 1")
    url = page.evaluate("window.__opened[0]")
    repository, branch = configured_repository()
    assert url == f"{repository}/new/{branch}?filename=examples/{SLUG}.md"
    assert "value=" not in url
    assert page.evaluate("window.__clipboard") == text
    status = page.get_by_role("status")
    assert "kopiert til utklippstavlen" in status.inner_text()
    assert "Lim den inn" in status.inner_text()


def test_values_yaml_would_misread_are_quoted(visit, site_url, tmp_path):
    page = open_form(visit, site_url)
    fill_example(page, title="Nei: no")
    page.get_by_role("combobox", name="Kommune (påkrevd)").fill("0301")
    page.get_by_role("textbox", name="Ansvarlig enhet").fill("no")
    page.get_by_role("textbox", name="Pris").fill("«Årets kommune» 2019 #1: yes")
    page.wait_for_function("() => document.getElementById('f-fylke').value === 'Oslo'")
    text = preview_text(page)
    assert 'kommune: "0301"' in text and 'ansvarlig_enhet: "no"' in text and 'tittel: "Nei: no"' in text
    example, problems = check_file(tmp_path, "nei-no.md", text)
    assert [p.human() for p in problems] == []
    assert example.title == "Nei: no" and example.municipalities[0].name == "Oslo"
    assert example.values["ansvarlig_enhet"] == "no" and example.values["pris"] == "«Årets kommune» 2019 #1: yes"


def test_form_offers_exactly_the_vocabularies_and_register(visit, site_url):
    schema = load_schema()
    page = open_form(visit, site_url)
    for spec in schema.fields.values():
        if not spec.vocabulary:
            continue
        values = page.locator(f'input[name="{spec.name}"]').evaluate_all("els => els.map(e => e.value)")
        expected = schema.vocabularies[spec.vocabulary].ids()
        if spec.type == "valg" and not spec.required:
            expected = [""] + expected  # «Ingen»
        assert values == expected, spec.name
    for term in schema.vocabularies["malgrupper"]:
        assert page.get_by_role("group", name="Målgrupper (påkrevd)").get_by_label(term.label, exact=True).count() == 1
    options = page.locator("#eb-kommuneliste option").evaluate_all("els => els.map(e => e.value)")
    register = schema.register
    assert set(options) == {m.name for m in register.municipalities} | {
        m.alt_name for m in register.municipalities if m.alt_name
    }
    assert "Guovdageaidnu" in options and "Herøy (Nordland)" in options


def test_nynorsk_switches_the_section_headings(visit, site_url, tmp_path):
    schema = load_schema()
    page = open_form(visit, site_url)
    fill_example(page)
    page.get_by_role("group", name="Målform (påkrevd)").get_by_label("Nynorsk").check()
    for section in schema.sections:
        assert page.locator(".eb-section-label").filter(has_text=section.nn).count() >= 1
    textarea = section_box(page, "Målsetjingar")
    assert textarea.get_attribute("lang") == "nn"
    page.wait_for_function(
        "() => document.getElementById('eb-forhandsvisning').textContent.includes('## Målsetjingar')"
    )
    text = preview_text(page)
    assert "sprak: nn" in text and "## Skildring av kven som gjorde kva" in text
    assert check_file(tmp_path, f"{SLUG}.md", text)[1] == []


def test_form_and_validator_agree_on_a_file_full_of_mistakes(visit, site_url, tmp_path):
    """The same problems with the same messages: the form's checks against eksempelbank.reading.validate."""
    page = open_form(visit, site_url)
    fill_example(
        page,
        title="Et altfor langt eksempel " * 6,
        extra_sections={
            "Oppsummert": 'Se <script>alert(1)</script> og [klikk](javascript:alert(1)).\n\n<a href="#" onclick="x()">her</a>',
            "Resultat": "# Stor overskrift\n\nSkriv til ola.nordmann@karasjok.kommune.no eller postmottak@karasjok.kommune.no.",
            "Bakgrunn": '<img src="https://evil.example/x.png">\n\n## Resultatene\n\nMer tekst.\n\n```\n<script>ikke kjørt</script>\n```',
            "Målsettinger": "Mål.\n\n## Tips til andre\n\nTips midt i.\n\nEt viktig punkt\n---",
            "Tips til andre": "Ring 22 33 44 55, eller betal 12 345 678 kr.",
        },
    )
    municipality = page.get_by_role("combobox", name="Kommune (påkrevd)")
    municipality.fill("Nedre Eiker")
    for name in ("Holmstrand", "Herøy", "9999", "Nedre Eiker"):
        page.get_by_role("button", name="Legg til en kommune til").click()
        page.keyboard.type(name)
    page.get_by_role("combobox", name="Tidligere kommune").fill("Drammen")
    page.get_by_role("textbox", name="Innbyggertall", exact=True).fill("12000")
    page.get_by_role("textbox", name="Innbyggertall gjelder år").fill("2011")
    page.get_by_role("textbox", name="Ansvarlig enhet").fill("Boligkontoret, +47 912 34 567")
    page.get_by_role("textbox", name="Oppsummering (påkrevd)").fill("For kort.")
    page.get_by_label("Arbeidet pågår fortsatt").uncheck()
    page.get_by_role("textbox", name="Startår").fill("2015")
    page.get_by_role("textbox", name="Sluttår").fill("2011")
    page.get_by_role("button", name="Legg til kilde").click()
    second = page.get_by_role("group", name="Kilde 2")
    second.get_by_role("textbox", name="Nettadresse (url)").fill("www.example.no")
    second.get_by_role("textbox", name="År").fill("20x1")
    page.get_by_role("group", name="Kilde 1").get_by_role("textbox", name="Nettadresse (url)").fill("")
    page.get_by_role("button", name="Legg til lenke").click()
    page.get_by_role("group", name="Lenke 1").get_by_role("textbox", name="Tittel (påkrevd)").fill("Plan")
    page.locator("#f-sist_vurdert").fill("2010-01-01")

    problems = assert_same_problems(page, tmp_path)
    assert len(problems) >= 25, "the scenario exercises most rules"

    page.get_by_role("button", name="Kontroller skjemaet").click()
    page.screenshot(path="/tmp/send-inn-feil.png", full_page=True)
    links = page.locator("#eb-feiloversikt a")
    # One link per error the form found (the body's content is counted by the form's own rule).
    assert links.count() == sum(1 for p in page.evaluate("window.ebSendInn.check()") if p["severity"] == "feil")
    for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        target = page.locator(href)
        assert target.count() == 1, href
        assert target.evaluate("e => ['INPUT', 'TEXTAREA', 'H3'].includes(e.tagName)"), href
    invalid = page.locator('[aria-invalid="true"]')
    assert invalid.count() >= 10
    for element in invalid.element_handles():
        # Text fields carry the message themselves; a group of boxes has it on its fieldset.
        ids = element.evaluate("""e => (['checkbox', 'radio'].includes(e.type)
            ? e.closest('fieldset').getAttribute('aria-describedby') : e.getAttribute('aria-describedby')) || ''""").split()
        assert any(page.locator(f"#{i}.eb-error").count() for i in ids), element.get_attribute("id")


def assert_same_problems(page, tmp_path):
    form_problems = page.evaluate("window.ebSendInn.check()")
    file = page.evaluate("window.ebSendInn.file()")
    _, problems = check_file(tmp_path, file["name"], file["text"])
    # The body's content: the build renders Markdown and holds the HTML to the allowlist, which the form
    # cannot do exactly; it must flag content whenever the build does (the pull request's check decides).
    assert any(p.field == "innhold" for p in problems) == any(p.get("field") == "innhold" for p in form_problems)
    python = Counter((p.severity, p.message) for p in problems if p.field != "innhold")
    form = Counter((p["severity"], p["message"]) for p in form_problems if p.get("field") != "innhold")
    assert form == python, (sorted(form - python), sorted(python - form))
    return problems


def test_form_and_validator_agree_on_nynorsk_and_markdown_details(visit, site_url, tmp_path):
    page = open_form(visit, site_url)
    fill_example(
        page,
        title="Bustadkontor i Guovdageaidnu",
        extra_sections={
            "Oppsummert": "Tekst.\n\n## Målsettinger\n\nBokmålsoverskrift i ein nynorsk tekst.",
            "Resultat": "```\n## Ikkje ei overskrift\n```\n\nTekst\n===",
            "Bakgrunn": "<!-- berre hjelpetekst -->",
            "Målsettinger": "",
            "Beskrivelse av hvem som gjorde hva": "Med <iframe src=x></iframe>, `<script>` i kode og "
            "![bilete](https://x.no/a.png).\n\n[ref]: javascript:alert(1)\n\nSjå <javascript:alert(1)> og <https://døme.no>.",
            "Tips til andre": "Ring +47 22334455 eller 0047 22 33 44 55; det kostar kr 22 33 44 55. Skriv til "
            "postmottak.nav@kommune.no, boligkontoret@kommune.no eller kari@døme.no.",
        },
    )
    page.get_by_role("group", name="Målform (påkrevd)").get_by_label("Nynorsk").check()
    page.get_by_role("combobox", name="Kommune (påkrevd)").fill("Guovdageaidnu")
    page.get_by_role("combobox", name="Tidligere kommune").fill("Hof")
    page.get_by_role("textbox", name="Innbyggertall", exact=True).fill("5000")
    page.get_by_label("Arbeidet pågår fortsatt").uncheck()
    page.get_by_role("textbox", name="Startår").fill("2099")
    page.locator("#f-sist_vurdert").fill("2099-01-01")
    source = page.get_by_role("group", name="Kilde 1")
    source.get_by_role("textbox", name="Nettadresse (url)").fill("")
    source.get_by_role("textbox", name="Dokument", exact=True).fill("Årsmelding")
    source.get_by_role("textbox", name="År").fill("2099")
    problems = assert_same_problems(page, tmp_path)
    messages = " ".join(p.message for p in problems)
    for expected in (
        "skriv overskriften «## Målsetjingar»",
        "Mangler påkrevd avsnitt «## Målsetjingar»",
        "overskrift på nivå 1",
        "bare hjelpeteksten",
        "<iframe>",
        "javascript:",
        "kari@døme.no",
        "Hof ble del av Holmestrand",
        "innbyggertall 5000 (None)",
        "Startåret 2099",
        "2099-01-01 ligger fram i tid",
        "2099 ligger fram i tid",
        "+47 22334455",
    ):
        assert expected in messages, expected
    assert "postmottak.nav@" not in messages and "boligkontoret@" not in messages and "kr 22 33" not in messages


def test_form_works_on_a_phone_and_with_the_keyboard(visit, site_url):
    page = open_form(visit, site_url, MOBILE)
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    page.locator("#f-tittel").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-kommune"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "visible focus"
    for element in page.locator("form.eb-form input:not([type=hidden]), form.eb-form textarea").element_handles():
        label = element.evaluate("e => e.labels && e.labels.length ? e.labels[0].textContent.trim() : ''")
        assert label, element.get_attribute("id")
    page.screenshot(path="/tmp/send-inn-mobil.png", full_page=False)


def test_labels_and_messages_are_plain_norwegian_and_the_preview_is_a_named_region(visit, site_url):
    """No format jargon where the form speaks (issue 19): no «##», no field keys such as ansvarlig_aktor
    in labels or shown messages; the live preview is a region named by its heading."""
    from playwright.sync_api import expect

    from eksempelbank.reading.schema import load_schema

    page = open_form(visit, site_url)
    page.get_by_role("button", name="Kontroller skjemaet").click()
    expect(page.locator("#eb-feiloversikt")).to_be_visible()
    keys = [f for f in load_schema().fields if "_" in f]
    assert keys, "the format has field keys like ansvarlig_aktor"
    labels = " ".join(page.locator("form.eb-form label, form.eb-form legend").all_inner_texts())
    shown = " ".join(page.locator(".eb-error, .eb-warning, #eb-feiloversikt li").all_inner_texts())
    for text in (labels, shown):
        assert "##" not in text
        assert not [k for k in keys if re.search(rf"(?<![\w/.-]){re.escape(k)}(?![\w.])", text)], text[:500]
    region = page.get_by_role("region", name=re.compile("Forhåndsvisning av fila"))
    expect(region).to_be_visible()
    expect(region.locator("#eb-forhandsvisning")).to_be_attached()

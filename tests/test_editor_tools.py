"""Editor tools: the scaffold, the check command (people and GitHub), the personal-data guard,
and the JSON Schema that editors' tools use."""

import os
import subprocess
import sys
from datetime import date

import jsonschema
import pytest
import yaml

from eksempelbank import ROOT
from eksempelbank.editors.scaffold import NewExample, ScaffoldError, create_example
from eksempelbank.reading.personal_data import find_personal_data
from eksempelbank.reading.validate import validate_file
from eksempelbank.website.export_schema import json_schema

from .conftest import CORPUS, TODAY


def run_check(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "eksempelbank", "sjekk", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
    )


# -- scaffold -----------------------------------------------------------------------------


def new(**changes):
    values = dict(
        title="Boligkontor i Alta",
        municipalities=["Alta"],
        size="stor",
        factors=["kompetanse"],
        target_groups=["ungdom"],
    )
    values.update(changes)
    return NewExample(**values)


def fill_in(path, schema, language="nb"):
    """What an editor does next: write text under each section and replace the placeholder source."""
    text = path.read_text(encoding="utf-8")
    for section in schema.sections:
        title = section.title_in(language)
        text = text.replace(f"## {title}\n\n", f"## {title}\n\nKommunen skrev om {title.lower()} her.\n\n", 1)
    text = text.replace(schema.placeholders["kilder.tittel"], "Boligplan for Alta")
    text = text.replace(schema.placeholders["kilder.dokument"], "Alta kommune, 2024, kapittel 3")
    text = text.replace(
        schema.placeholders["oppsummering"],
        "Alta samlet hjelpen med å skaffe og beholde bolig i ett boligkontor for hele kommunen.",
    )
    path.write_text(text, encoding="utf-8")


def test_scaffold_writes_every_section_and_refuses_to_publish_it_unfilled(tmp_path, schema):
    path = create_example(new(themes=["boligkontor"]), schema, tmp_path, today=TODAY)
    assert path.name == "boligkontor-i-alta.md"
    text = path.read_text(encoding="utf-8")
    for section in schema.sections:
        assert f"## {section.title}\n\n<!-- {section.hint}" in text
    # Straight from the template, nothing filled in: never publishable.
    example, problems = validate_file(path, schema, today=TODAY)
    assert example is None
    unfilled = {p.field for p in problems if "bare hjelpeteksten fra malen" in p.message}
    assert unfilled == {s.title for s in schema.sections}
    assert any(p.field == "kilder.tittel" for p in problems if p.is_error)
    fill_in(path, schema)
    example, problems = validate_file(path, schema, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    assert example.values["fylke"] == ["finnmark"]


def test_scaffold_writes_nynorsk_headings_for_nynorsk(tmp_path, schema):
    path = create_example(new(language="nn"), schema, tmp_path, today=TODAY)
    assert "## Målsetjingar" in path.read_text(encoding="utf-8")
    fill_in(path, schema, "nn")
    assert [p for p in validate_file(path, schema, today=TODAY)[1] if p.is_error] == []


def test_scaffold_refuses_an_existing_slug(tmp_path, schema):
    create_example(new(), schema, tmp_path, today=TODAY)
    with pytest.raises(ScaffoldError, match="finnes allerede et eksempel med adressen eksempler/boligkontor-i-alta/"):
        create_example(new(title="Boligkontor i  Alta"), schema, tmp_path, today=TODAY)


@pytest.mark.parametrize(
    "county, message",
    [
        ("Nordland", "Alta ligger ikke i Nordland."),
        (
            "Troms og Finnmark",
            "Fylket «Troms og Finnmark» finnes ikke lenger (gjaldt til 2023-12-31). Dagens fylke: Finnmark.",
        ),
        ("Finnmarken", "«Finnmarken» er ikke et fylke."),
    ],
)
def test_scaffold_refuses_a_wrong_or_unknown_county(tmp_path, schema, county, message):
    with pytest.raises(ScaffoldError) as error:
        create_example(new(county=county), schema, tmp_path, today=TODAY)
    assert str(error.value).startswith(message)
    assert list(tmp_path.iterdir()) == []


def test_scaffold_command_line(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "eksempelbank",
            "ny",
            "--tittel",
            "Småhus i Kárášjohka",
            "--kommune",
            "Kárášjohka",
            "--kommunestorrelse",
            "liten",
            "--suksessfaktorer",
            "brukermedvirkning",
            "--malgrupper",
            "bostedslose",
            "--mappe",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "smahus-i-karasjohka.md").is_file()
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "eksempelbank",
            "ny",
            "--tittel",
            "X",
            "--kommune",
            "Mandal",
            "--kommunestorrelse",
            "liten",
            "--suksessfaktorer",
            "kompetanse",
            "--malgrupper",
            "ungdom",
            "--mappe",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert refused.returncode == 1
    assert "«Mandal» finnes ikke lenger: den ble del av Lindesnes i 2020." in refused.stderr
    assert "Traceback" not in refused.stderr


# -- check ----------------------------------------------------------------------------------


def test_check_lists_every_problem_for_people_and_fails():
    broken = [CORPUS / "broken" / "gammelt-fylke.md", CORPUS / "broken" / "telefonnummer.md"]
    result = run_check(*map(str, broken), "--format", "tekst")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("tests/corpus/broken/gammelt-fylke.md:4: fylke: «Vestfold og Telemark» finnes ikke lenger")
        for line in lines
    )
    assert sum(line.startswith("tests/corpus/broken/telefonnummer.md:40: personvern: ") for line in lines) == 2
    assert "feil i 2 filer" in result.stderr


def test_check_writes_github_annotations():
    result = run_check(str(CORPUS / "broken" / "ukjent-kommune.md"), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=tests/corpus/broken/ukjent-kommune.md,line=3,title=kommune::«Stordd» er ikke en kommune"
    )


def test_check_annotates_only_the_files_a_pull_request_changes():
    broken = CORPUS / "broken"
    changed, other = "tests/corpus/broken/ukjent-kommune.md", "tests/corpus/broken/ukjent-verdi.md"
    result = run_check(
        str(broken / "ukjent-kommune.md"),
        str(broken / "ukjent-verdi.md"),
        "--merk",
        changed,
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1  # every file is still checked
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("::")] == [
        line for line in lines if line.startswith(f"::error file={changed},")
    ]
    assert any(line.startswith(f"{other}:9: malgrupper:") for line in lines)


def test_check_passes_valid_files_and_warns_without_failing(tmp_path, schema):
    assert run_check(str(CORPUS / "valid" / "gyldig-eksempel.md")).returncode == 0
    stale = tmp_path / "gammel.md"
    stale.write_text(
        (CORPUS / "valid" / "gyldig-eksempel.md")
        .read_text(encoding="utf-8")
        .replace("sist_vurdert: 2026-11-01", "sist_vurdert: 2019-01-15"),
        encoding="utf-8",
    )
    result = run_check(str(stale), "--format", "tekst")
    assert result.returncode == 0
    assert "advarsel: sist_vurdert: Innholdet ble sist vurdert 2019-01-15, for mer enn 3 år siden." in result.stdout


def test_check_of_the_whole_bank_passes():
    result = run_check()
    assert result.returncode == 0, result.stdout


def test_warnings_for_short_summary_and_no_links(schema, valid_text, tmp_path):
    path = tmp_path / "kort.md"
    path.write_text(
        valid_text.replace("    url: https://www.example.no/stord", "    dokument: Trykt rapport")
        .replace("oppsummering: Kommunen samlet", "oppsummering: Kort.\nx: Kommunen samlet")
        .replace(
            "\nx: Kommunen samlet bostøtte, startlån, tilskudd og kommunale boliger i ett "
            "boligkontor, slik at innbyggerne får hjelp på ett sted.",
            "",
        ),
        encoding="utf-8",
    )
    _, problems = validate_file(path, schema, today=TODAY)
    warnings = {(p.field, p.message.split(".")[0]) for p in problems if not p.is_error}
    assert ("oppsummering", "Teksten er bare 5 tegn") in warnings
    assert ("kilder", "Kilden «Helhetlig boligsosialt arbeid i Stord» har ingen nettadresse") in warnings
    assert not any(p.is_error for p in problems)


def _with_source_lines(valid_text: str, lines: str) -> str:
    return valid_text.replace("    url: https://www.example.no/stord\n", lines)


def test_a_source_that_says_it_has_no_address_is_not_nagged(schema, valid_text, tmp_path):
    path = tmp_path / "trykt.md"
    path.write_text(
        _with_source_lines(valid_text, "    dokument: Trykt rapport, kapittel 3\n    uten_nettadresse: 2026-11-01\n"),
        encoding="utf-8",
    )
    example, problems = validate_file(path, schema, today=TODAY)
    assert problems == [] and example.values["kilder"][0]["uten_nettadresse"].isoformat() == "2026-11-01"


@pytest.mark.parametrize(
    "lines, field, message",
    [
        (
            "    dokument: Trykt\n    nedlagt: 2023-04-01\n",
            "kilder.nedlagt",
            "«nedlagt» (Nettstedet lagt ned (dato)) hører sammen med «url»",
        ),
        (
            "    url: https://www.example.no/stord\n    uten_nettadresse: 2026-11-01\n",
            "kilder.uten_nettadresse",
            "«uten_nettadresse» sier at kilden ikke har noen nettadresse, men punktet har «url»",
        ),
        (
            "    url: https://www.example.no/stord\n    nedlagt: 1. april 2023\n",
            "kilder.nedlagt",
            "«1. april 2023» er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD",
        ),
        (
            "    dokument: Trykt\n    uten_nettadresse: 2031-01-01\n",
            "kilder.uten_nettadresse",
            "2031-01-01 ligger fram i tid",
        ),
    ],
)
def test_closed_sites_and_missing_addresses_are_stated_correctly(schema, valid_text, tmp_path, lines, field, message):
    path = tmp_path / "kilde.md"
    path.write_text(_with_source_lines(valid_text, lines), encoding="utf-8")
    _, problems = validate_file(path, schema, today=TODAY)
    errors = [(p.field, p.line) for p in problems if p.is_error and message in p.message]
    assert errors and errors[0][0] == field and errors[0][1] in (18, 19), [p.human() for p in problems]


# -- personal data -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ring 912 34 567.",
        "Mobil: 91234567",
        "Tlf. 22 33 44 55",
        "+47 22 33 44 55",
        "0047 22334455",
        "+4791234567",
        "tlf +47 9123 4567",
        "Kari (kari.nordmann@stord.kommune.no)",
        "skriv til ola@gmail.com",
    ],
)
def test_personal_data_is_caught(text, schema):
    assert len(find_personal_data(text, schema)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Skriv til postmottak@stord.kommune.no",
        "post@husbanken.no",
        "redaktor@husbanken.no",
        "Startlån for 30 000 000 kroner",
        "kr 25000000",
        "i perioden 2011 2015",
        "Organisasjonsnummer 974 760 673",
        "Kommunenummer 3903 og 4614",
        "63 % av boligene",
        "Sak 2011/12345",
    ],
)
def test_ordinary_text_and_functional_addresses_pass(text, schema):
    assert find_personal_data(text, schema) == []


# -- notes about the writer's own reading (data/skrivemaate.yml) ----------------------------


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("Resten av det avsnittet var ikke lesbart.", 1, "lesbart"),
        ("Første linje.\nTeksten som er lest, sier ikke mer.", 2, "som er lest"),
        ("Kilden som ble lest, sier ingenting om dette.", 1, "som ble lest"),
        ("Utdraget viser ikke hvem som deltok.", 1, "Utdraget"),
        ("Innholdet var ikke tilgjengelig.", 1, "Innholdet var ikke tilgjengelig"),
        # Nynorsk
        ("Resten av det avsnittet var ikkje lesbart.", 1, "lesbart"),
        ("Teksten som er lesen, seier ikkje meir.", 1, "som er lesen"),
        ("Innhaldet var ikkje tilgjengeleg.", 1, "Innhaldet var ikkje tilgjengeleg"),
        # Broken over two lines, as wrapped Markdown often is: found, on the line where it begins.
        ("Kildene som er\nlest her, sier ikke mer.", 1, "som er lest"),
        ("a\nb\nDet som vart\n   lese, seier ikkje noko om det.", 3, "som vart lese"),
    ],
)
def test_notes_about_the_writers_reading_are_found(text, line, words, schema):
    from eksempelbank.reading.wording import find_process_notes

    assert find_process_notes(text, schema) == [(line, words)]


@pytest.mark.parametrize(
    "text",
    [
        "Kildene sier ikke hvem som deltok.",
        "Kjeldene seier ikkje kva det kosta.",
        "Boligen var ikke tilgjengelig for rullestolbrukere.",
        "Klarspråk gir bedre lesbarhet.",
        "Beboerne leste opp kontrakten sammen med veilederen.",
        "Planen ble lest opp i bystyret.",
    ],
)
def test_ordinary_text_is_not_taken_for_a_note_about_reading(text, schema):
    from eksempelbank.reading.wording import find_process_notes

    assert find_process_notes(text, schema) == []


def test_a_note_about_reading_is_a_warning_with_file_line_and_words(schema, valid_text, tmp_path):
    path = tmp_path / "notat.md"
    body_line = valid_text.splitlines().index("## Resultat") + 3  # the blank line, then the new text
    path.write_text(
        valid_text.replace("## Resultat\n\n", "## Resultat\n\nResten av avsnittet var ikkje lesbart i kjelda.\n\n", 1),
        encoding="utf-8",
    )
    example, problems = validate_file(path, schema, today=TODAY)
    assert example is not None  # a warning: it does not stop publishing
    notes = [p for p in problems if p.field == "skrivemåte"]
    assert [(p.line, p.is_error) for p in notes] == [(body_line, False)]
    assert notes[0].message.startswith("Vendingen «lesbart» forteller hva skribenten fikk lest av kilden")
    assert "Kildene sier ikke" in notes[0].message
    result = run_check(str(path), "--format", "tekst")
    assert result.returncode == 0
    assert f"notat.md:{body_line}: advarsel: skrivemåte: Vendingen «lesbart»" in result.stdout


def test_phrase_list_is_well_formed(schema):
    phrases = [str(p) for p in schema.wording["arbeidsnotater"]["fraser"]]
    assert phrases and len(phrases) == len(set(phrases))
    assert all(p == " ".join(p.split()).lower() for p in phrases), "skriv vendingene med små bokstaver"
    assert {"ikkje lesen", "som er lest", "utdraget"} <= set(phrases)  # Bokmål and Nynorsk


# -- JSON Schema ---------------------------------------------------------------------------


def _front(valid_text):
    return yaml.safe_load(valid_text.split("---\n")[1])


FRONT_MATTER_CASES = [
    ("gyldig", lambda f: f, True),
    ("flere kommuner", lambda f: {**f, "kommune": ["Stord", "Fitjar"]}, True),
    ("kommunenummer", lambda f: {**f, "kommune": "4614"}, True),
    ("samisk navn", lambda f: {**f, "kommune": "Kárášjohka", "kommunestorrelse": "liten"}, True),
    ("én verdi uten liste", lambda f: {**f, "malgrupper": "ungdom"}, True),
    ("program og pris", lambda f: {**f, "program": "kommuneprogrammet", "pris": "Statens pris 2018"}, True),
    ("ukjent felt", lambda f: {**f, "målgrupper": ["ungdom"]}, False),
    ("ukjent verdi", lambda f: {**f, "suksessfaktorer": ["samarbeid"]}, False),
    ("etikett i stedet for id", lambda f: {**f, "suksessfaktorer": ["Økonomiske ressurser"]}, False),
    ("tom liste", lambda f: {**f, "malgrupper": []}, False),
    ("mangler tittel", lambda f: {k: v for k, v in f.items() if k != "tittel"}, False),
    ("tidligere kommune som kommune", lambda f: {**f, "kommune": "Nedre Eiker"}, False),
    ("gammelt fylkesnavn", lambda f: {**f, "fylke": "Hordaland"}, False),
    ("for lang oppsummering", lambda f: {**f, "oppsummering": "x" * 301}, False),
    ("dato som tekst", lambda f: {**f, "sist_vurdert": "i fjor"}, False),
    ("periode", lambda f: {**f, "periode": "2011 til 2015"}, False),
    ("sprak", lambda f: {**f, "sprak": "no"}, False),
    ("kilde uten url og dokument", lambda f: {**f, "kilder": [{"tittel": "X"}]}, False),
    ("url uten https", lambda f: {**f, "kilder": [{"tittel": "X", "url": "www.example.no"}]}, False),
    ("innbyggertall uten år", lambda f: {**f, "innbyggertall": 18000}, False),
]


@pytest.mark.parametrize("name, change, valid", FRONT_MATTER_CASES, ids=[c[0] for c in FRONT_MATTER_CASES])
def test_json_schema_agrees_with_the_validator(name, change, valid, valid_text, schema, tmp_path):
    front = change(_front(valid_text))
    body = valid_text.split("---\n", 2)[2]
    path = tmp_path / "eksempel.md"
    path.write_text(
        "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8"
    )
    _, problems = validate_file(path, schema, today=TODAY)
    validator_ok = not any(p.is_error for p in problems)
    plain = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    plain = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in plain.items()}
    schema_ok = jsonschema.Draft202012Validator(json_schema(schema)).is_valid(plain)
    assert (validator_ok, schema_ok) == (valid, valid), [p.human() for p in problems]


def test_json_schema_is_published_with_the_site(real_site):
    site, _ = real_site
    import json

    published = json.loads((site / "skjema" / "eksempel.schema.json").read_text(encoding="utf-8"))
    assert published["properties"]["suksessfaktorer"]["anyOf"][0]["enum"][0] == "forankring-og-eierskap"
    jsonschema.Draft202012Validator.check_schema(published)


# -- contribution guide --------------------------------------------------------------------


def test_contributing_md_is_generated_from_the_format(schema):
    from eksempelbank.reading.project import site_name, site_settings
    from eksempelbank.website.guide import contributing
    from eksempelbank.website.publishing import page_values

    expected = contributing(
        schema, ROOT / "docs" / "bidra" / "index.md", page_values(site_settings(ROOT), site_name(ROOT))
    )
    assert (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8") == expected, "kjør: eksempelbank veiledning"


def test_scope_and_fact_check_are_in_the_guide_and_the_format_page(schema):
    from eksempelbank.website.guide import contributing, format_page

    assert "vanskeligstilt på boligmarkedet" in schema.scope and "boplikt" in schema.scope
    guide = contributing(schema, ROOT / "docs" / "bidra" / "index.md")
    for text in (guide, format_page(schema)):
        assert "## Hva som hører hjemme i eksempelbanken\n\n" + schema.scope in text
    assert "## Faktasjekk før publisering" in guide and "data/skrivemaate.yml" in guide


def test_field_reference_lists_every_field_and_allowed_value(schema):
    from eksempelbank.website.guide import field_reference

    text = field_reference(schema)
    for spec in schema.fields.values():
        assert f"`{spec.name}` – {spec.label}" in text
        if spec.vocabulary:
            for term in schema.vocabularies[spec.vocabulary]:
                assert f"`{term.id}`: {term.label}" in text
    for county in schema.register.counties:
        assert f"`{county.name}`" in text

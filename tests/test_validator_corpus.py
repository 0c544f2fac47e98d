"""The validator against a corpus of broken example files: one file per editor mistake.

Each case names the exact line, field and message the editor sees, and no other error may
be reported for that file.
"""

import pytest

from eksempelbank.reading.validate import validate_file

from .conftest import CORPUS, TODAY

SECTIONS = (
    "Oppsummert, Resultat, Bakgrunn, Målsettinger, Beskrivelse av hvem som gjorde hva, "
    "Sikre brukermedvirkning, Finansiering, Suksessfaktorer, Utfordringer underveis, Tips til andre, "
    "Relevant lovverk, Videreføring av arbeidet, Vedlegg"
)


def expected_cases(schema):
    groups = ", ".join(schema.vocabularies["malgrupper"].ids())
    fields = ", ".join(schema.fields)
    personal = "Personopplysninger skal ikke publiseres, og alt som skrives her blir liggende i Git-historikken."
    phone = (
        "ser ut som et telefonnummer. Personlige kontaktopplysninger skal ikke publiseres, og alt som skrives "
        "her blir liggende i Git-historikken. Fjern nummeret; henvis heller til kommunens nettside."
    )
    allowed = schema.content.allowed_text()
    links = "Lenker skal starte med https:, http:, mailto: eller være en lenke innenfor eksempelbanken."
    return {
        "tom-fil": [(1, None, "Fila er tom. Et eksempel starter med front matter mellom to linjer med ---.")],
        "mangler-front-matter": [
            (
                1,
                None,
                "Mangler front matter: fila må begynne med en linje med tre bindestreker "
                "(---), så feltene (tittel: …, kommune: …), så en ny linje med ---.",
            )
        ],
        "front-matter-ikke-avsluttet": [
            (1, None, "Front matter avsluttes ikke: legg til en linje med tre bindestreker (---) etter feltene.")
        ],
        "yaml-kolon-i-verdi": [
            (
                2,
                None,
                "Ugyldig YAML: et kolon (:) midt i en verdi. Sett hele verdien i "
                'anførselstegn, for eksempel tittel: "Bolig: et godt sted å bo".',
            )
        ],
        "yaml-tabulator": [(11, None, "Ugyldig YAML: tabulator brukt som innrykk. YAML tillater bare mellomrom.")],
        "feil-type-liste": [(3, "tittel", "Skal være én verdi på samme linje, ikke en liste eller nye felt.")],
        "ukjent-verdi": [(9, "malgrupper", f"«rusmisbrukere» er ikke en tillatt verdi. Tillatte verdier: {groups}.")],
        "ukjent-felt": [
            (1, "malgrupper", "Mangler påkrevd felt «malgrupper» (Målgrupper). Hvem tiltaket er for."),
            (
                8,
                "målgrupper",
                "Ukjent felt. Skriv «malgrupper»: feltnavn skrives uten æ, ø og å og med _ mellom "
                f"ordene. Tillatte felt: {fields}.",
            ),
        ],
        "mangler-felt": [(1, "kommune", "Mangler påkrevd felt «kommune» (Kommune). " + schema.fields["kommune"].help)],
        "kommunenummer-oktal": [
            (
                3,
                "kommune",
                "0301 ble lest som tallet 193, fordi YAML leser tall med 0 foran som "
                'oktaltall. Skriv verdien i anførselstegn: kommune: "0301".',
            )
        ],
        # «no» is read as false by YAML, but quoting it would not help: the allowed values are what to write.
        "sprak-no": [(14, "sprak", "«no» er ikke en tillatt verdi. Tillatte verdier: nb, nn.")],
        "ugyldig-dato": [
            (
                19,
                "sist_vurdert",
                "«2024-13-01» er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-11-21.",
            )
        ],
        "dato-som-tekst": [
            (
                19,
                "sist_vurdert",
                "«november 2026» er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-11-21.",
            )
        ],
        "gammelt-fylke": [
            (
                4,
                "fylke",
                "«Vestfold og Telemark» finnes ikke lenger (gjaldt til 2023-12-31). I dag: "
                "Holmestrand ligger i Vestfold. Skriv dagens fylke, eller fjern feltet: fylket "
                "hentes fra kommunen.",
            )
        ],
        "feil-fylke": [
            (
                4,
                "fylke",
                "«Rogaland» stemmer ikke med kommunen: Stord ligger i Vestland. Rett fylket, "
                "eller fjern feltet: fylket hentes fra kommunen.",
            )
        ],
        "tidligere-kommune": [
            (
                3,
                "kommune",
                "«Nedre Eiker» finnes ikke lenger som kommune: den ble del av Drammen "
                "i 2020. Skriv «Drammen» her, og «tidligere_kommune: Nedre Eiker» hvis "
                "siden skal vise det gamle navnet.",
            )
        ],
        "ukjent-kommune": [
            (
                3,
                "kommune",
                "«Stordd» er ikke en kommune i kommuneinndelingen fra 1. januar 2024. "
                "Mente du «Stord»? Skriv kommunenavnet eller kommunenummeret "
                "(i anførselstegn).",
            )
        ],
        "storrelse-mot-innbyggertall": [
            (
                4,
                "kommunestorrelse",
                "«liten» (Under 5 000 innbyggere) stemmer ikke med "
                "innbyggertall 18500 (2018). Med det innbyggertallet "
                "er kommunen «mellomstor».",
            )
        ],
        "for-lang-oppsummering": [(12, "oppsummering", "Teksten er 457 tegn lang; høyst 300 tegn er tillatt.")],
        "mangler-avsnitt": [
            (
                30,
                "Bakgrunn",
                "Mangler påkrevd avsnitt «## Bakgrunn». Hvilke utfordringer eller kartlegginger førte til arbeidet?",
            )
        ],
        "ukjent-avsnitt": [
            (
                30,
                "Bakgrun",
                f"Ukjent avsnitt. Mente du «Bakgrunn»? Standardavsnittene er: {SECTIONS}. "
                "Bruk ### for underoverskrifter i et avsnitt.",
            ),
            (
                34,
                "Bakgrunn",
                "Mangler påkrevd avsnitt «## Bakgrunn». Hvilke utfordringer eller kartlegginger førte til arbeidet?",
            ),
        ],
        "feil-rekkefolge": [
            (30, "Resultat", f"Avsnittet står etter «Bakgrunn», men skal komme før. Rekkefølgen er: {SECTIONS}.")
        ],
        "dobbelt-felt": [
            (15, "tittel", "Feltet står to ganger (første gang på linje 2). Slå dem sammen til ett felt.")
        ],
        "html-script": [(24, "innhold", f"<script> er ikke tillatt i eksempler. {allowed}")],
        "html-iframe": [(24, "innhold", f"<iframe> er ikke tillatt i eksempler. {allowed}")],
        "html-onclick": [(24, "innhold", f"Attributtet «onclick» på <a> er ikke tillatt. {allowed}")],
        "lenke-javascript": [(24, "innhold", f"Lenken «javascript:alert(1)» er ikke tillatt. {links}")],
        "lenke-data": [(24, "innhold", f"Lenken «data:text/html;base64,PHNjcmlwdD4=» er ikke tillatt. {links}")],
        "bilde-fra-annet-nettsted": [
            (
                24,
                "innhold",
                "Bilder kan ikke brukes i eksempler. Lenk heller til bildet eller dokumentet med [tekst](https://…).",
            )
        ],
        "telefonnummer": [(40, "personvern", f"+47 912 34 567 {phone}"), (40, "personvern", f"53 45 60 00 {phone}")],
        "personlig-epost": [
            (
                40,
                "personvern",
                f"kari.nordmann@stord.kommune.no ser ut som en personlig "
                f"e-postadresse. {personal} Bruk en funksjonsadresse som postmottak@… "
                "eller post@…",
            )
        ],
        "nynorsk-overskrift-i-bokmal": [
            (34, "Målsetjingar", "Eksempelet er på bokmål (sprak: nb); skriv overskriften «## Målsettinger»."),
            (
                38,
                "Målsettinger",
                "Mangler påkrevd avsnitt «## Målsettinger». Hovedmål og delmål slik kommunen formulerte dem.",
            ),
        ],
        "periode-baklengs": [(13, "periode", "Sluttåret 2011 er før startåret 2015.")],
        "Ugyldig Filnavn": [
            (
                1,
                "filnavn",
                "Filnavnet gir nettadressen eksempler/ugyldig-filnavn/. Gi fila navnet "
                "«ugyldig-filnavn.md»: små bokstaver a–z, sifre og bindestrek, æ/ø/å "
                "skrevet som ae/o/a.",
            )
        ],
    }


def test_every_corpus_file_has_a_case(schema):
    on_disk = {p.stem for p in (CORPUS / "broken").glob("*.md")}
    assert on_disk == set(expected_cases(schema))


@pytest.mark.parametrize("name", sorted(p.stem for p in (CORPUS / "broken").glob("*.md")))
def test_broken_file_reports_exact_problems(name, schema):
    path = CORPUS / "broken" / f"{name}.md"
    display = f"examples/{name}.md"
    example, problems = validate_file(path, schema, display=display, today=TODAY)
    assert example is None, "a broken file must never become a page"
    errors = sorted((p.file, p.line, p.field, p.message) for p in problems if p.is_error)
    expected = sorted((display, line, field, message) for line, field, message in expected_cases(schema)[name])
    assert errors == expected


@pytest.mark.parametrize("name", ["gyldig-eksempel", "bom-crlf-nfd"])
def test_valid_files_pass_whatever_the_encoding_quirks(name, schema):
    example, problems = validate_file(CORPUS / "valid" / f"{name}.md", schema, today=TODAY)
    assert [p for p in problems if p.is_error] == []
    assert example.title == "Boligkontor i Stord"
    assert example.values["fylke"] == ["vestland"]
    assert example.values["malgrupper"] == ["alle-vanskeligstilte"]
    assert example.period_label == "2017–pågår"


def test_messages_never_contain_a_traceback(schema):
    for path in (CORPUS / "broken").glob("*.md"):
        _, problems = validate_file(path, schema, today=TODAY)
        for problem in problems:
            assert "Traceback" not in problem.message and "Error(" not in problem.message

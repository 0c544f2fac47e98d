"""Mistakes a new editor makes (issue 8, point 7): each gets one message that says what to write."""

from __future__ import annotations

from eksempelbank.reading.validate import validate_file

from .conftest import TODAY
from .test_hostile_corpus import VALID, with_field


def problems_for(tmp_path, schema, text):
    path = tmp_path / "eksempel.md"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.field, p.message) for p in validate_file(path, schema, today=TODAY)[1] if p.is_error]


def test_a_name_of_today_and_of_a_merged_municipality_asks_which(tmp_path, schema):
    text = with_field("kommune", "kommune: Sande").replace(
        "ansvarlig_aktor: Stord kommune", "ansvarlig_aktor: Sande kommune"
    )
    [(line, field, message)] = problems_for(tmp_path, schema, text)
    assert field == "kommune" and line == 19
    assert message == (
        "«Sande» kan være dagens Sande i Møre og Romsdal eller Sande (Vestfold), som ble del av "
        'Holmestrand i 2020. Skriv kommunenummeret i anførselstegn ("1514") for Sande i Møre og '
        "Romsdal, eller «Holmestrand» og «tidligere_kommune: Sande (Vestfold)»."
    )
    assert problems_for(tmp_path, schema, text.replace("kommune: Sande", 'kommune: "1514"')) == []


def test_values_separated_by_commas_are_told_to_become_a_list(tmp_path, schema):
    text = VALID.replace("malgrupper:\n  - alle-vanskeligstilte", "malgrupper: bostedslose, ungdom")
    assert problems_for(tmp_path, schema, text) == [
        (
            8,
            "malgrupper",
            "Flere verdier skrives som en liste, én per linje, ikke med komma:\n"
            "  malgrupper:\n    - bostedslose\n    - ungdom",
        )
    ]


def test_a_date_written_as_a_number_is_a_date_problem_not_a_phone_number(tmp_path, schema):
    text = VALID.replace("sist_vurdert: 2026-11-01", "sist_vurdert: 20261101")
    [(line, field, message)] = problems_for(tmp_path, schema, text)
    assert (line, field) == (19, "sist_vurdert") and "er ikke en gyldig dato" in message


def test_the_missing_address_warning_points_at_the_source(tmp_path, schema):
    text = VALID.replace("    url: https://www.example.no/stord", "    dokument: Årsmelding 2020")
    path = tmp_path / "eksempel.md"
    path.write_text(text, encoding="utf-8")
    [warning] = [p for p in validate_file(path, schema, today=TODAY)[1] if not p.is_error]
    assert (warning.line, warning.field) == (16, "kilder")  # the line of «- tittel: …»

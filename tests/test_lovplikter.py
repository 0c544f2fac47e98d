"""The facet «Plikter etter boligsosial lov»: the municipality's duties under the act of 2022, declared as data
(``data/vokabular/lovplikter.yml``, a field and a facet in ``data/eksempelformat.yml``, one explanation per
duty in ``data/omtaler/lovplikter/``), its pages, and the message an editor gets for a value that is not one."""

import re
import subprocess
import sys

import yaml

from eksempelbank import ROOT
from eksempelbank.reading.validate import load_examples, validate_file
from eksempelbank.website.facets import group
from eksempelbank.website.open_data import record
from eksempelbank.website.render import SiteOptions, render_facet_value
from eksempelbank.website.site import description_for

from .conftest import TODAY
from .test_hostile_corpus import VALID
from .test_site_build import html, linked_examples

VOCABULARY = ROOT / "data" / "vokabular" / "lovplikter.yml"
LOVDATA = "https://lovdata.no/dokument/NL/lov/2022-12-20-121"


def with_duties(*values: str, text: str = VALID) -> str:
    """The valid example with ``lovplikter`` listing ``values`` (written after «tema»)."""
    lines = "".join(f"  - {v}\n" for v in values)
    return text.replace("  - boligkontor\n", f"  - boligkontor\nlovplikter:\n{lines}", 1)


def tagged(examples, value: str) -> set[str]:
    return {e.slug for e in examples if value in e.values.get("lovplikter", [])}


# -- the data ---------------------------------------------------------------------------------


def test_the_field_and_facet_are_declared_as_data_over_the_vocabulary(schema):
    spec = schema.fields["lovplikter"]
    assert (spec.type, spec.vocabulary, spec.required) == ("valgliste", "lovplikter", False)
    facet = schema.facet("lovplikter")
    assert (facet.field, facet.source, facet.path) == ("lovplikter", "lovplikter", "boligsosial-lov")
    assert facet.path in schema.reserved_slugs  # no example can take the facet's address
    # The facet's values are exactly the vocabulary's, in its order: no list of duties in the code.
    written = [entry["id"] for entry in yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))]
    assert schema.vocabulary_for(facet).ids() == written
    assert [v.term.id for v in group([], facet, schema)] == written


def test_the_vocabulary_cites_the_act_and_names_each_duty_s_paragraph(schema):
    head = VOCABULARY.read_text(encoding="utf-8").split("\n- ", 1)[0]
    assert "lov 20. desember 2022 nr. 121" in head and LOVDATA in head and "Prop. 132 L (2021–2022)" in head
    for term in schema.vocabularies["lovplikter"]:
        assert re.fullmatch(r"§§? \d+.*", term.extra["paragraf"]), term.id
        assert term.extra["kort"].strip(), term.id


def test_every_duty_has_an_explanation_that_cites_its_paragraph_and_the_act(schema):
    for term in schema.vocabularies["lovplikter"]:
        text = description_for(schema, "lovplikter", term.id)
        assert text, f"data/omtaler/lovplikter/{term.id}.md mangler"
        for number in re.findall(r"\d+", term.extra["paragraf"]):
            assert re.search(rf"§§? (?:\d+ og )?{number}\b", text), (term.id, number)
        assert LOVDATA in text, term.id
        assert "## Kilder" in text and "## Hva loven krever" in text, term.id


# -- the pages --------------------------------------------------------------------------------


def test_value_pages_list_exactly_the_examples_tagged_with_the_duty(real_site, examples, schema):
    site, _ = real_site
    assert any(e.values.get("lovplikter") for e in examples), "no example is tagged yet"
    overview = html(site, "boligsosial-lov")
    assert 'href="https://lovdata.no/dokument/NL/lov/2022-12-20-121"' in overview
    for term in schema.vocabularies["lovplikter"]:
        expected = tagged(examples, term.id)
        assert linked_examples(site, f"boligsosial-lov/{term.id}") == expected, term.id
        count = len(expected)
        text = "ingen eksempler ennå" if count == 0 else f"{count} {'eksempel' if count == 1 else 'eksempler'}"
        assert re.search(
            rf'href="{term.id}/">{re.escape(term.label)}</a>\s*<span class="eb-count">\({text}\)', overview
        ), term.id
        page = html(site, f"boligsosial-lov/{term.id}")
        first = description_for(schema, "lovplikter", term.id).split("\n\n", 1)[0].split(" ")[:6]
        assert " ".join(first) in re.sub(r"\s+", " ", page), term.id
    for example in examples:
        panel = html(site, f"eksempler/{example.slug}").split('class="eb-metadata"', 1)[1].split("</dl>", 1)[0]
        for value in example.values.get("lovplikter", []):
            assert f'href="../../boligsosial-lov/{value}/"' in panel, (example.slug, value)
        if not example.values.get("lovplikter"):
            assert "boligsosial-lov/" not in panel, example.slug


def test_a_value_page_lists_the_examples_that_carry_it_and_no_others(tmp_path, schema):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "med-vedtak.md").write_text(with_duties("vedtak-og-klage", "samarbeid-og-samordning"), encoding="utf-8")
    other = with_duties("samarbeid-og-samordning").replace("tittel: Boligkontor i Stord", "tittel: Tverrfaglig team")
    (folder / "bare-samarbeid.md").write_text(other, encoding="utf-8")
    without = VALID.replace("tittel: Boligkontor i Stord", "tittel: Uten plikter")
    (folder / "uten-plikter.md").write_text(without, encoding="utf-8")
    catalog = load_examples(folder, schema, today=TODAY)
    assert catalog.errors == []
    values = {v.term.id: v for v in group(catalog.examples, schema.facet("lovplikter"), schema)}
    assert [e.slug for e in values["vedtak-og-klage"].examples] == ["med-vedtak"]
    assert {e.slug for e in values["samarbeid-og-samordning"].examples} == {"bare-samarbeid", "med-vedtak"}
    assert values["oversikt-over-boligbehovet"].examples == []
    pages = render_facet_value(
        values["vedtak-og-klage"], schema, SiteOptions(), description_for(schema, "lovplikter", "vedtak-og-klage")
    )
    page = pages["boligsosial-lov/vedtak-og-klage.md"]
    assert "eksempler/med-vedtak/" in page and "bare-samarbeid" not in page and "uten-plikter" not in page
    assert "## Hva loven krever" in page and "## Eksempler" in page
    empty = render_facet_value(values["oversikt-over-boligbehovet"], schema, SiteOptions(), None)
    assert (
        "Det er ingen eksempler for «Oversikt over boligbehovet» ennå."
        in empty["boligsosial-lov/oversikt-over-boligbehovet.md"]
    )


def test_open_data_carries_the_duties_and_an_empty_list_without_them(tmp_path, schema):
    path = tmp_path / "eksempel.md"
    path.write_text(with_duties("tilpassede-boliger"), encoding="utf-8")
    example, _ = validate_file(path, schema, today=TODAY)
    assert record(example)["lovplikter"] == ["tilpassede-boliger"]
    path.write_text(VALID, encoding="utf-8")
    example, _ = validate_file(path, schema, today=TODAY)
    assert record(example)["lovplikter"] == []


# -- the editor's messages --------------------------------------------------------------------


def test_the_field_is_optional(tmp_path, schema):
    path = tmp_path / "eksempel.md"
    path.write_text(VALID, encoding="utf-8")
    assert "lovplikter" not in VALID
    assert [p for p in validate_file(path, schema, today=TODAY)[1] if p.is_error] == []


def test_a_wrong_value_names_file_line_field_and_the_allowed_values(tmp_path, schema):
    allowed = ", ".join(schema.vocabularies["lovplikter"].ids())
    path = tmp_path / "feil-plikt.md"
    path.write_text(with_duties("individuelt-tilpasset-bistand", "informasjon-og-rad"), encoding="utf-8")
    example, problems = validate_file(path, schema, display="examples/feil-plikt.md", today=TODAY)
    assert example is None
    [problem] = [p for p in problems if p.is_error]
    assert (problem.file, problem.line, problem.field) == ("examples/feil-plikt.md", 14, "lovplikter")
    assert problem.message == f"«informasjon-og-rad» er ikke en tillatt verdi. Tillatte verdier: {allowed}."
    assert problem.human() == f"examples/feil-plikt.md:14: lovplikter: {problem.message}"


def test_a_duty_written_by_its_name_is_told_its_identifier(tmp_path, schema):
    path = tmp_path / "eksempel.md"
    path.write_text(with_duties("Individuelt tilpasset bistand"), encoding="utf-8")
    [problem] = [p for p in validate_file(path, schema, today=TODAY)[1] if p.is_error]
    assert problem.field == "lovplikter" and problem.line == 13
    assert problem.message.startswith(
        "«Individuelt tilpasset bistand» er ikke en tillatt verdi. "
        "Mente du «individuelt-tilpasset-bistand»? Tillatte verdier: "
    )


def test_sjekk_prints_the_problem_with_file_line_and_field(tmp_path):
    path = tmp_path / "feil-plikt.md"
    path.write_text(with_duties("klagerett"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "eksempelbank", "sjekk", str(path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert re.search(
        r"feil-plikt\.md:13: lovplikter: «klagerett» er ikke en tillatt verdi\. Tillatte verdier: "
        r"samarbeid-og-samordning, .*vedtak-og-klage\.",
        output,
    ), output

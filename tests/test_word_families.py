"""data/ordfamilier.yml and what the build makes of it for the search (no browser): the metadata
that lets a search for one word of a family find the others, the explanation pages, and the two
word lists the browser reads (families and stop words; «Mente du …?»)."""

from __future__ import annotations

import gzip
import json
import re
import shutil

import pytest
import yaml

from eksempelbank import ROOT
from eksempelbank.website.search_index import (
    EXPLANATION_META,
    EXPLANATION_TYPE,
    FAMILY_META,
    PAGE_TYPE,
    SUGGESTION_WORDS,
    SUGGESTIONS_URI,
    TYPE_FILTER,
    WORDS_FILE,
    WORDS_URI,
    SearchIndexError,
    example_search_data,
    example_words,
    load_search_words,
    search_files,
    searchable_explanation,
)


@pytest.fixture(scope="module")
def words(schema):
    return load_search_words(schema.data_dir)


def family_meta(block: str) -> list[str]:
    found = re.findall(rf'<span data-pagefind-meta="{FAMILY_META}">([^<]*)</span>', block)
    return found[0].split() if found else []


def test_the_families_are_a_clean_list(words):
    raw = yaml.safe_load((ROOT / "data" / WORDS_FILE).read_text(encoding="utf-8"))
    assert len(words.families) == len(raw["familier"]) >= 20
    everything = [w for family in words.families for w in family]
    assert len(everything) == len(set(everything)), "a word in two families"
    assert not set(everything) & words.stopwords
    assert all(len(family) >= 2 for family in words.families)
    # Every family names the dictionary entries it rests on (ordbokene.no).
    assert all("ordboka" in family["kilde"] for family in raw["familier"])
    # Bokmål and Nynorsk pairs staff type (issue 19).
    for a, b in [
        ("bolig", "bustad"),
        ("leie", "leige"),
        ("eie", "eige"),
        ("bostedsløs", "bustadlaus"),
        ("tilvisning", "tilvising"),
        ("bosetting", "busetjing"),
        ("bosetting", "bosette"),
    ]:
        assert words.family_of(a) == words.family_of(b) is not None, (a, b)
    assert {"og", "i", "til"} <= words.stopwords
    # The issue's own examples are families.
    assert words.family_of("tildelast") == words.family_of("tildeling") == words.family_of("tildelt")
    assert words.family_of("bustadlaus") == words.family_of("bostedsløshet") is not None
    assert words.family_of("startlånet") == words.family_of("startlån") is not None
    # A word of a family with an ending belongs to it; a word that only starts the same way does not.
    assert words.family_of("tildelingene") == words.family_of("tildeling")
    assert words.family_of("tildelingsteamet") is None
    assert words.family_of("holmestrand") is None


def test_an_example_gets_the_words_of_its_families_it_does_not_use(examples, schema, words):
    example = next(e for e in examples if {"tildelte", "tildelast"} & example_words(e, schema))
    said = example_words(example, schema)
    meta = family_meta(example_search_data(example, schema))
    family = words.families[words.family_of("tildeling")]
    for word in set(family) - said:  # every word of the family it lacks, or a longer one
        assert any(m.startswith(word) for m in meta) or any(w.startswith(word) for w in said), word
    assert not set(meta) & said, "not the words it uses itself"
    for word in meta:
        assert words.family_of(word) in words.families_in(said), f"«{word}»: a family the example does not use"


def test_every_example_page_lists_exactly_the_missing_family_words(examples, schema, words):
    for example in examples:
        said = example_words(example, schema)
        present = {
            i
            for i, family in enumerate(words.families)
            if any(w in said or any(w + e in said for e in words.endings) for w in family)
        }
        missing = [w for i in sorted(present) for w in words.families[i] if w not in said]
        # A word is left out when a longer word of the page or the list begins with it.
        expected = [w for w in missing if not any(o != w and o.startswith(w) for o in said | set(missing))]
        assert family_meta(example_search_data(example, schema)) == expected, example.slug


def test_words_without_a_family_get_nothing(words):
    assert words.missing_family_words({"et", "prosjekt", "i", "holmestrand", "tildelingsteamet"}) == []
    # «tildelinga» stands for «tildeling» too (a search finds a word by its beginning).
    assert words.missing_family_words({"tildelingene"})[:1] == ["tildelinga"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("familier: [[tildeling]]\nstoppord: [og]\nendelser: [e]\n", "minst to ulike ord"),
        ("familier: [[tildeling, tildele], [tildele, tildelt]]\nstoppord: [og]\nendelser: [e]\n", "både i familie 1"),
        ("familier: [[og, tildele]]\nstoppord: [og]\nendelser: [e]\n", "er et stoppord"),
        ("familier: [[Tildeling, tildele]]\nstoppord: [og]\nendelser: [e]\n", "små bokstaver"),
        ("familier: [[leie, eie]]\nstoppord: [og, no]\nendelser: [e]\n", "anførselstegn"),
        ("- bare en liste\n", "familier"),
        ("familier: [{ord: [leie, leige]}]\nstoppord: [og]\nendelser: [e]\n", "mangler «kilde»"),
    ],
)
def test_a_broken_word_file_stops_the_build_with_the_reason(tmp_path, content, message):
    data = tmp_path / "data"
    data.mkdir()
    (data / WORDS_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(SearchIndexError, match=message):
        load_search_words(data)


def test_explanation_is_the_only_indexed_part_of_a_value_page():
    block = searchable_explanation("Kompetanse", "Suksessfaktorer", "Kompetanse handler om ...")
    assert block.startswith(
        f'<div class="eb-search-body" data-pagefind-body data-pagefind-filter="{TYPE_FILTER}:{PAGE_TYPE}"'
    )
    assert f'<span data-pagefind-filter="{TYPE_FILTER}">{EXPLANATION_TYPE}</span>' in block
    assert f'<span data-pagefind-meta="{EXPLANATION_META}">Suksessfaktorer</span>' in block
    assert 'data-pagefind-ignore="index"' in block  # keeps its metadata (a bare attribute would not, here)
    assert "Kompetanse handler om ..." in block
    # Without an explanation, the value's name (Pagefind leaves out a page without words), escaped.
    empty = searchable_explanation("Rus & psykisk helse", "Målgrupper", "  ")
    assert "<p hidden>Rus &amp; psykisk helse</p>" in empty


def test_built_value_pages_index_their_explanation_and_not_their_list(real_site, schema):
    site, _ = real_site
    for facet in schema.facets:
        for term in schema.vocabulary_for(facet).terms:
            path = site / facet.path / term.id / "index.html"
            if not path.is_file():
                continue
            page = path.read_text(encoding="utf-8")
            assert len(re.findall(r"<[^>]*\sdata-pagefind-body", page)) == 1, path
            body = page.split("data-pagefind-body", 1)[1].split('class="eb-count"', 1)[0]
            assert f'data-pagefind-filter="{TYPE_FILTER}">{EXPLANATION_TYPE}<' in body
            assert "eb-facts" not in body, "the examples listed below stay out"
    assert not any("data-pagefind-body" in p.read_text(encoding="utf-8") for p in site.glob("*/*/side-*/index.html")), (
        "later pages of a list have no explanation"
    )


def test_the_browser_gets_the_families_and_stop_words(examples, schema, words):
    files = search_files(examples, schema)
    data = json.loads(files[WORDS_URI])
    assert [tuple(f) for f in data["familier"]] == list(words.families)
    assert set(data["stoppord"]) == words.stopwords
    assert set(data["endelser"]) == set(words.endings)
    assert data["typer"] == {"filter": TYPE_FILTER, "side": PAGE_TYPE, "forklaring": EXPLANATION_TYPE}
    assert len(gzip.compress(files[WORDS_URI].encode())) < 4 * 1024, "read with every first search"


def test_suggestions_come_from_the_register_the_labels_and_the_examples(examples, schema, words):
    files = search_files(examples, schema)
    data = json.loads(files[SUGGESTIONS_URI])
    names = dict(data["navn"])
    register = schema.register
    for m in register.municipalities:
        assert m.name.split(" (")[0] in names
        if m.alt_name:
            assert m.alt_name in names, "Sámi names too"
    used = {m.name for e in examples for m in e.municipalities}
    assert all(names[name] == 1 for name in used), "municipalities with examples are marked"
    assert names["Hattfjelldal"] == int("Hattfjelldal" in used)
    for facet in schema.facets:
        for term in schema.vocabulary_for(facet).terms:
            assert term.label in names
    ord_ = data["ord"]
    assert len(ord_) == len(set(ord_))
    everything = set().union(*(example_words(e, schema) for e in examples))
    assert set(ord_[:SUGGESTION_WORDS]) <= everything, "the examples' own words"
    assert not set(ord_) & words.stopwords
    assert "holmestrand" in ord_ and "bostedsløs" in ord_
    assert len(gzip.compress(files[SUGGESTIONS_URI].encode())) < 40 * 1024


def test_the_site_writes_both_files(real_site):
    site, _ = real_site
    for uri in (WORDS_URI, SUGGESTIONS_URI):
        json.loads((site / uri).read_text(encoding="utf-8"))


def test_a_file_outside_the_project_is_not_needed(tmp_path, schema):
    """The words live in the project's data folder, next to the format (like everything else)."""
    data = tmp_path / "data"
    shutil.copytree(schema.data_dir, data)
    (data / WORDS_FILE).unlink()
    with pytest.raises(SearchIndexError, match="kan ikke leses"):
        load_search_words(data)

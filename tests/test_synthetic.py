"""The benchmark's example generator: valid examples, every facet value used, same seed same files.

The benchmark (scripts/benchmark.py) measures the site built from these examples; if they did
not validate, it would silently measure an empty site.
"""

from collections import Counter

import pytest

from benchmarks.synthetic import generate_examples, word_count, write_examples
from eksempelbank.reading.validate import load_examples

from .conftest import TODAY

COUNT = 120


@pytest.fixture(scope="module")
def generated(tmp_path_factory, schema):
    directory = tmp_path_factory.mktemp("synthetic") / "examples"
    paths = write_examples(directory, COUNT, seed=7, schema=schema)
    return paths, load_examples(directory, schema, today=TODAY)  # fixed: no «sist vurdert» grows stale


def test_every_generated_example_validates(generated):
    paths, catalog = generated
    assert len(paths) == COUNT
    assert [p.human() for p in catalog.problems] == []  # no errors, not even warnings
    assert len(catalog.examples) == COUNT


def test_every_facet_value_occurs(generated, schema):
    _, catalog = generated
    for facet in schema.facets:
        used = {value for example in catalog.examples for value in example.facet_values(facet.field)}
        assert used == set(schema.vocabulary_for(facet).ids()), facet.id


def test_mostly_bokmal_with_some_nynorsk(generated):
    _, catalog = generated
    languages = Counter(example.language for example in catalog.examples)
    assert languages["nb"] > languages["nn"] >= 3


def test_required_and_some_optional_sections(generated, schema):
    _, catalog = generated
    required = [s.title for s in schema.sections if s.required]
    optional = {s.title for s in schema.sections if not s.required}
    used_optional = set()
    for example in catalog.examples:
        sections = example.values["avsnitt"]
        nb_titles = [next(s.title for s in schema.sections if s.title_in(example.language) == t) for t in sections]
        assert set(required) <= set(nb_titles)
        used_optional |= set(nb_titles) & optional
    assert used_optional == optional


def test_examples_are_about_1500_words_of_norwegian(generated):
    paths, _ = generated
    texts = [p.read_text(encoding="utf-8") for p in paths]
    counts = [word_count(t) for t in texts]
    assert 1300 <= sum(counts) / len(counts) <= 1700
    assert min(counts) >= 1000
    everything = " ".join(texts)
    assert "lorem" not in everything.lower()
    assert "kommunen" in everything and "bustad" in everything  # Bokmål and Nynorsk prose


def test_same_seed_same_files_other_seed_other_files(schema):
    first = generate_examples(25, seed=3, schema=schema)
    assert generate_examples(25, seed=3, schema=schema) == first
    assert generate_examples(25, seed=4, schema=schema) != first
    assert len(first) == 25

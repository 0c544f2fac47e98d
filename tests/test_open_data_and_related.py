"""Open data files, related examples and overview charts, as the built site serves them."""

import csv
import io
import json
import random
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace

from eksempelbank import ROOT
from eksempelbank.reading.validate import load_examples
from eksempelbank.website.related import SCORED_FIELDS, related_examples

from .sitebuild import LOCAL_SITE_URL


def examples_of(schema):
    catalog = load_examples(ROOT / "examples", schema)
    return catalog.examples


def test_json_and_csv_carry_every_example_with_front_matter_identifiers(real_site, schema):
    site, _ = real_site
    examples = {e.slug: e for e in examples_of(schema)}
    data = json.loads((site / "eksempler.json").read_text(encoding="utf-8"))
    assert data["antall"] == len(examples) == len(data["eksempler"])
    for record in data["eksempler"]:
        example = examples[record["id"]]
        assert record["url"].startswith(LOCAL_SITE_URL)
        assert (site / record["url"][len(LOCAL_SITE_URL) :] / "index.html").is_file()
        assert record["suksessfaktorer"] == example.values["suksessfaktorer"]
        assert record["fylke"] == example.values["fylke"]
        assert record["sist_vurdert"] == example.reviewed.isoformat()
        assert set(record) == set(data["felt"])
    rows = list(csv.DictReader(io.StringIO((site / "eksempler.csv").read_text(encoding="utf-8"))))
    assert sorted(r["id"] for r in rows) == sorted(examples)
    stord = next(r for r in rows if r["id"].startswith("stord"))
    assert stord["kommunenummer"] == "4614" and stord["fylkesnavn"] == "Vestland" and stord["sprak"] == "nn"


def test_atom_feed_lists_newest_reviewed_first(real_site, schema):
    site, _ = real_site
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring((site / "eksempler.atom").read_bytes())
    updated = [e.find("a:updated", ns).text for e in feed.findall("a:entry", ns)]
    assert len(updated) == min(50, len(examples_of(schema)))
    assert updated == sorted(updated, reverse=True)


def test_open_data_is_linked_from_the_about_page(real_site):
    site, _ = real_site
    about = (site / "om" / "index.html").read_text(encoding="utf-8")
    assert 'href="../apne-data/"' in about
    page = (site / "apne-data" / "index.html").read_text(encoding="utf-8")
    for name in ("eksempler.json", "eksempler.csv", "eksempler.atom"):
        assert f'href="../{name}"' in page


def test_county_overview_draws_every_county_with_its_count(real_site, schema):
    site, _ = real_site
    page = (site / "fylker" / "index.html").read_text(encoding="utf-8")
    tiles = page.split('class="eb-chart eb-tilemap"', 1)[1].split("</figure>", 1)[0]
    assert tiles.startswith('><div class="eb-tilemap__tiles" aria-hidden="true"')
    counts = Counter(county for e in examples_of(schema) for county in e.facet_values("fylke"))
    for county in schema.register.counties:
        count = counts.get(county.id, 0)
        tile = tiles.split(f'href="{county.id}/" tabindex="-1"', 1)[1].split("</a>", 1)[0]
        assert f">{county.name}</span>" in tile
        assert f'<span class="eb-tile__count">{count or "ingen"}</span>' in tile


# -- related examples ------------------------------------------------------------------------


def brute_force(examples, limit=5):
    """The definition, pair by pair: most shared values, then same municipality, county, size, title."""
    from eksempelbank.website.facets import sort_examples

    ordered = sort_examples(examples)
    result = {}
    for e in ordered:
        mine = {(f, v) for f in SCORED_FIELDS for v in e.facet_values(f)}
        scored = []
        for position, other in enumerate(ordered):
            if other is e:
                continue
            shared = len(mine & {(f, v) for f in SCORED_FIELDS for v in other.facet_values(f)})
            if shared == 0:
                continue
            same_county = bool(set(e.facet_values("fylke")) & set(other.facet_values("fylke")))
            same_size = e.values["kommunestorrelse"] == other.values["kommunestorrelse"]
            same_municipality = bool({m.number for m in e.municipalities} & {m.number for m in other.municipalities})
            scored.append((-shared, not same_municipality, not same_county, not same_size, position, other.slug))
        result[e.slug] = [slug for *_, slug in sorted(scored)[:limit]]
    return result


def test_related_examples_match_the_definition_on_random_data(schema):
    base = examples_of(schema)[0]
    rng = random.Random(7)
    vocab = {f: schema.vocabularies[schema.fields[f].vocabulary].ids() for f in SCORED_FIELDS}
    counties = [c.id for c in schema.register.counties]
    examples = []
    for i in range(150):
        values = dict(base.values)
        for f in SCORED_FIELDS:
            values[f] = rng.sample(vocab[f], rng.randint(1, 3))
        values["fylke"] = [rng.choice(counties)]
        values["kommunestorrelse"] = rng.choice(["liten", "mellomstor", "stor"])
        municipalities = [rng.choice(schema.register.municipalities[:12])]  # often shared
        examples.append(
            replace(
                base, slug=f"eksempel-{i:03}", title=f"Eksempel {i:03}", values=values, municipalities=municipalities
            )
        )
    fast = {slug: [e.slug for e in found] for slug, found in related_examples(examples, schema).items()}
    assert fast == brute_force(examples)


def test_example_pages_show_related_examples(real_site, schema):
    site, _ = real_site
    examples = examples_of(schema)
    expected = related_examples(examples, schema)
    for example in examples:
        page = (site / "eksempler" / example.slug / "index.html").read_text(encoding="utf-8")
        for other in expected[example.slug]:
            assert f'href="../{other.slug}/"' in page
        assert len(expected[example.slug]) <= 5 and example not in expected[example.slug]

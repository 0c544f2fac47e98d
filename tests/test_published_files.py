"""Issue 21.4 and 21.5: the same sources give the same files, and only what is used is published.
(Two whole builds compared byte for byte: test_builders.py. Nothing a page loads is missing: every
browser test fails on a file the page asked for and did not get, tests/browser/conftest.py.)"""

from __future__ import annotations

import gzip
import random
import shutil
from pathlib import Path

import pytest

from eksempelbank.website.pagefind_files import (
    SIGNATURE,
    PagefindFormatError,
    cbor_decode,
    cbor_encode,
    index_file_bytes,
    make_deterministic,
    read_index_file,
)
from eksempelbank.website.published_files import UsedAssets, attribute_references

THEME_FOLDERS = ("assets/javascripts", "assets/stylesheets", "assets/images")


def test_the_site_publishes_none_of_the_themes_unused_search_files_or_source_maps(real_site):
    site, _ = real_site
    published = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    unused = [
        path
        for path in published
        if path.endswith(".map")
        or "/lunr/" in path
        or "/workers/" in path
        or path.startswith(
            (
                "pagefind/pagefind-ui",
                "pagefind/pagefind-modular-ui",
                "pagefind/pagefind-component-ui",
                "pagefind/pagefind-highlight",
                "pagefind/pagefind-worker",
                "pagefind/wasm.unknown",
            )
        )
    ]
    assert unused == []
    for script in site.glob("assets/javascripts/*.js"):
        assert "sourceMappingURL" not in script.read_text(encoding="utf-8"), script.name
    # The search still has what it loads.
    for needed in ("pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/wasm.nb.pagefind"):
        assert (site / needed).is_file(), needed


def test_every_theme_file_a_page_loads_is_published_and_every_one_published_is_loaded(real_site):
    site, _ = real_site
    used = UsedAssets("http://127.0.0.1/")  # the address real_site is built for
    for page in site.rglob("*.html"):
        address = page.relative_to(site).as_posix()
        used.add_page(page.read_text(encoding="utf-8"), address.removesuffix("index.html") or "./")
    theme = {
        p.relative_to(site).as_posix() for folder in THEME_FOLDERS for p in (site / folder).rglob("*") if p.is_file()
    }
    assert theme, "the theme's stylesheet and script are published"
    missing = sorted(path for path in used.paths if not (site / path).is_file())
    assert missing == []
    assert sorted(theme - used.paths) == []


def test_only_src_and_href_attributes_count_as_loading_a_file():
    html = (
        '<link rel="stylesheet" href="../assets/stylesheets/main.css">'
        '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.js"}</script>'
        '<p>Se "assets/images/x.png" i teksten</p>'
        '<script src="/bank/assets/javascripts/bundle.js"></script>'
        '<img src="https://eksempel.no/bank/assets/images/logo.png" alt="">'
        '<a href="https://andre.no/assets/x.css">x</a>'
    )
    assert list(attribute_references(html)) == [
        "../assets/stylesheets/main.css",
        "/bank/assets/javascripts/bundle.js",
        "https://eksempel.no/bank/assets/images/logo.png",
        "https://andre.no/assets/x.css",
    ]
    used = UsedAssets("https://eksempel.no/bank/")
    used.add_page(html, "eksempler/")
    # The other site's file is not ours; the workers path is only text in a JSON value.
    assert used.paths == {"assets/stylesheets/main.css", "assets/javascripts/bundle.js", "assets/images/logo.png"}


def _shuffled_copy(bundle: Path, target: Path, seed: int) -> None:
    """``bundle`` with its filters, their values and the sort orders in another order and other
    file names, as
    another Pagefind process (another HashMap seed) writes them."""
    shutil.copytree(bundle, target)
    rng = random.Random(seed)
    entry_text = (target / "pagefind-entry.json").read_text(encoding="utf-8")
    meta_path = next(target.glob("pagefind.*.pf_meta"))
    meta = read_index_file(meta_path)
    filters = []
    for name, old in meta[3]:
        filter_name, values = read_index_file(target / "filter" / f"{old}.pf_filter")
        rng.shuffle(values)
        new = f"nb_{rng.randrange(16**7):07x}"
        (target / "filter" / f"{old}.pf_filter").unlink()
        (target / "filter" / f"{new}.pf_filter").write_bytes(index_file_bytes([filter_name, values]))
        filters.append([name, new])
    rng.shuffle(filters)
    meta[3] = filters
    meta[4].reverse()  # the sort orders, as another process may list them
    meta_path.unlink()
    old_hash = meta_path.name.split(".")[1]
    new_hash = f"nb_{rng.randrange(16**10):010x}"
    (target / f"pagefind.{new_hash}.pf_meta").write_bytes(index_file_bytes(meta))
    (target / "pagefind-entry.json").write_text(entry_text.replace(old_hash, new_hash), encoding="utf-8")


def test_the_search_index_is_written_in_one_order_whatever_order_pagefind_chose(real_site, tmp_path):
    site, _ = real_site
    published = {
        p.relative_to(site / "pagefind").as_posix(): p.read_bytes()
        for p in (site / "pagefind").rglob("*")
        if p.is_file()
    }
    for seed in (1, 2):
        other = tmp_path / f"pagefind-{seed}"
        _shuffled_copy(site / "pagefind", other, seed)
        assert {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()} != set(published)
        make_deterministic(other)
        rewritten = {p.relative_to(other).as_posix(): p.read_bytes() for p in other.rglob("*") if p.is_file()}
        assert rewritten == published


def test_every_value_of_a_filter_keeps_its_pages(real_site):
    """The fixed order changes nothing a search finds: each value has the same pages as before."""
    site, _ = real_site
    for path in (site / "pagefind" / "filter").glob("*.pf_filter"):
        name, values = read_index_file(path)
        assert [value for value, _ in values] == sorted(value for value, _ in values), name
        assert all(pages == sorted(pages) and pages for _, pages in values), name


def test_cbor_is_read_and_written_back_to_the_same_bytes(real_site):
    site, _ = real_site
    files = list((site / "pagefind").glob("*.pf_meta")) + list((site / "pagefind" / "index").glob("*"))
    assert files
    for path in files:
        data = gzip.decompress(path.read_bytes())[len(SIGNATURE) :]
        assert cbor_encode(cbor_decode(data)) == data, path.name


@pytest.mark.parametrize("data", [b"\x1c", b"\x62a", b"\xf8\x10", b"\x81\x01\x02", b"\xc1\x00"])
def test_an_index_in_a_format_we_do_not_know_stops_with_a_reason(data):
    with pytest.raises(PagefindFormatError):
        cbor_decode(data)

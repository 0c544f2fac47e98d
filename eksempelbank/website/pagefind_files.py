"""Pagefind's index written the same way every time (issue 21.4), and only the files our search uses.

Pagefind 1.5 writes its filter files (``filter/<lang>_<hash>.pf_filter``), and the lists of filters
and of sort orders in the metadata file (``pagefind.<lang>_<hash>.pf_meta``), in the iteration
order of a Rust HashMap,
which is seeded at random in every process: two builds of the same site give different bytes and
so different file names, and every deploy uploads changed search files. The fragments and word
indexes are already stable (Pagefind 1.3). Here the filter files and the metadata are rewritten in
a fixed order (filters, their values and the sort orders by name) and renamed after a hash of their new content; the
entry file is pointed at the new metadata. What a search finds does not change: the same values
with the same pages.

The files are gzip (mtime 0) of a signature and a CBOR value. CBOR is read and written here for
the few types Pagefind uses (integers, strings, arrays, maps, true/false/null), shortest form, as
Pagefind writes them; reading anything else stops with :class:`PagefindFormatError`, and the build
fails with it (a newer Pagefind whose format we do not know must not be published half-rewritten).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"

#: What our search client loads from the bundle folder (docs/assets/search-common.js: the module
#: ``pagefind.js`` with ``noWorker: true``, which fetches the entry file, the language's WebAssembly,
#: metadata, index, fragments and filters). Pagefind also writes its own search interfaces
#: (pagefind-ui.js, …), a worker and a WebAssembly for pages without a language; nothing loads them.
CLIENT_FILES = ("pagefind.js", "pagefind-entry.json")
CLIENT_FOLDERS = ("index", "fragment", "filter")


class PagefindFormatError(Exception):
    """The index is not in the format this module knows."""


# --- CBOR, the subset Pagefind writes ----------------------------------------------------------


def cbor_decode(data: bytes) -> Any:
    value, end = _decode(data, 0)
    if end != len(data):
        raise PagefindFormatError(f"{len(data) - end} bytes etter verdien")
    return value


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    try:
        head = data[at]
    except IndexError:
        raise PagefindFormatError("fila slutter midt i en verdi") from None
    major, info = head >> 5, head & 31
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise PagefindFormatError(f"ukjent enkel verdi {info}")
        return simple[info], at
    if info < 24:
        number = info
    elif info <= 27:
        width = 1 << (info - 24)
        if at + width > len(data):
            raise PagefindFormatError("fila slutter midt i et tall")
        number = int.from_bytes(data[at : at + width], "big")
        at += width
    else:
        raise PagefindFormatError(f"ukjent lengdeangivelse {info}")
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major in (2, 3):
        if at + number > len(data):
            raise PagefindFormatError("fila slutter midt i en streng")
        raw = data[at : at + number]
        return (raw if major == 2 else raw.decode("utf-8")), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(number):
            key, at = _decode(data, at)
            pairs[key], at = _decode(data, at)
        return pairs, at
    raise PagefindFormatError(f"ukjent CBOR-type {major}")


def cbor_encode(value: Any) -> bytes:
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _head(major: int, number: int, out: bytearray) -> None:
    if number < 24:
        out.append(major << 5 | number)
    else:
        for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
            if number < 1 << (8 * struct.calcsize(fmt)):
                out.append(major << 5 | info)
                out += struct.pack(fmt, number)
                return
        raise PagefindFormatError(f"tallet {number} er for stort")


def _encode(value: Any, out: bytearray) -> None:
    if value is False or value is True or value is None:
        out.append(0xF4 if value is False else 0xF5 if value is True else 0xF6)
    elif isinstance(value, int):
        _head(0, value, out) if value >= 0 else _head(1, -1 - value, out)
    elif isinstance(value, bytes):
        _head(2, len(value), out)
        out += value
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _head(3, len(raw), out)
        out += raw
    elif isinstance(value, list):
        _head(4, len(value), out)
        for item in value:
            _encode(item, out)
    elif isinstance(value, dict):
        _head(5, len(value), out)
        for key, item in value.items():
            _encode(key, out)
            _encode(item, out)
    else:
        raise PagefindFormatError(f"kan ikke skrive {type(value).__name__}")


# --- Pagefind's files --------------------------------------------------------------------------


def read_index_file(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise PagefindFormatError(f"{path.name}: ikke en Pagefind-fil")
    return cbor_decode(data[len(SIGNATURE) :])


def index_file_bytes(value: Any) -> bytes:
    # mtime 0: the same content gives the same bytes (Pagefind writes 0 as well).
    return gzip.compress(SIGNATURE + cbor_encode(value), compresslevel=9, mtime=0)


def _content_name(language: str, content: bytes, length: int) -> str:
    """``<lang>_<hex>``, as long as Pagefind's own names, from a hash of the file's bytes."""
    return f"{language}_{hashlib.sha256(content).hexdigest()[:length]}"


def make_deterministic(bundle: Path) -> None:
    """Rewrite the filter files and metadata of every language of the index in ``bundle`` in a
    fixed order, renamed after their content; point ``pagefind-entry.json`` at the new metadata."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in entry.get("languages", {}).items():
        meta_path = bundle / f"pagefind.{about['hash']}.pf_meta"
        meta = read_index_file(meta_path)
        if not (isinstance(meta, list) and len(meta) > 4 and isinstance(meta[3], list) and isinstance(meta[4], list)):
            raise PagefindFormatError(f"{meta_path.name}: ukjent oppbygning")
        filters = []
        for name, old_hash in sorted(meta[3], key=lambda pair: pair[0]):
            old_path = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = read_index_file(old_path)
            content = index_file_bytes([filter_name, sorted(values, key=lambda pair: pair[0])])
            new_hash = _content_name(language, content, len(old_hash) - len(language) - 1)
            old_path.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(content)
            filters.append([name, new_hash])
        meta[3] = filters
        meta[4] = sorted(meta[4], key=lambda pair: pair[0])  # [[sort key, pages in that order], ...]
        content = index_file_bytes(meta)
        new_hash = _content_name(language, content, len(about["hash"]) - len(language) - 1)
        meta_path.unlink()
        (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(content)
        about["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def unused_files(bundle: Path) -> list[Path]:
    """Files in ``bundle`` our search never loads (:data:`CLIENT_FILES`): Pagefind's own search
    interfaces, its worker, the WebAssembly of languages the index does not have."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    used = set(CLIENT_FILES)
    for about in entry.get("languages", {}).values():
        used |= {f"wasm.{about['wasm']}.pagefind", f"pagefind.{about['hash']}.pf_meta"}
    return sorted(
        path
        for path in bundle.iterdir()
        if path.name not in used and not (path.is_dir() and path.name in CLIENT_FOLDERS)
    )

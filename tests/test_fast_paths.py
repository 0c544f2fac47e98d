"""The validator's shortcuts for long examples give exactly the answers of the line-by-line checks.

Issue 5 asks the validator to stay within 2× a bare front-matter parse at 3,000 examples, so the
body checks skip lines that cannot matter (sections.py, safety.py, personal_data.py). These tests
feed the shortcut and the full walk the same random, hostile bodies and require the same result.
"""

import dataclasses
import random
import sys
import unicodedata
from pathlib import Path

from eksempelbank import personal_data, sections
from eksempelbank.document import read_document
from eksempelbank.markdown_lines import _outside_fences
from eksempelbank.synthetic import generate_examples

from .conftest import CORPUS

PIECES = ["\n", "\n", "#", "## ", "-", "---", "=", "===", " ", "   ", "\u00a0", "\t", "`", "<", "<!-- x -->", "![",
          "](", "javascript:", "DATA :", "vbscript:", "@", "ola@kommune.no", "post@kommune.no", "2", "22 33", "44 55",
          "+47 ", "0047", "22\u00a033\u00a044\u00a055", "Ring 412 34 567", ".", "kr ", " kroner", "\u0662\u0663", "\uff12\uff13", "\u2003", "tekst", "Resultat",
          "\n## Resultat\n", "\nTittel\n---\n", "\n   ### Under\n", "\n- punkt\n"]


def bodies(count=400, seed=11):
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.md"))]
    texts += list(generate_examples(8, seed=5).values())
    for _ in range(count):
        chars = list(rng.choice(texts))
        for _ in range(rng.randint(1, 15)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(PIECES))
        text = "".join(chars)
        while "```" in text or "~~~" in text:  # fence-free: the shortcut applies
            text = text.replace("```", "`").replace("~~~", "~")
        yield text


def test_headings_found_by_pattern_are_the_headings_found_line_by_line():
    for body in bodies():
        pairs = list(_outside_fences(body, 4))  # the walk over every line
        walked = sections._headings([n for n, _ in pairs], [t for _, t in pairs])
        scanned = [heading for heading, _ in sections._scan_headings(body, 4)]
        assert scanned == walked, body[:300]


def test_section_checks_agree_with_the_walk_over_every_line(schema):
    for body in bodies(200):
        for language in ("nb", "nn"):
            fast = sections.check_sections(body, 4, language, schema, "x")
            # The same prose followed by an empty fenced block: checked line by line.
            walked = sections.check_sections(body + "\n```\n```", 4, language, schema, "x")
            last = 4 + body.count("\n")  # a missing section is reported on the last line, now two further
            moved = [p if p.line != last + 2 else dataclasses.replace(p, line=last) for p in walked[1]]
            assert (fast[0], fast[1]) == (walked[0], moved), body[:300]


def test_phone_numbers_and_addresses_are_found_as_on_every_line(schema, monkeypatch):
    texts = list(bodies())
    fast = [personal_data.find_personal_data(text, schema) for text in texts]
    assert any(fast)
    monkeypatch.setattr(personal_data, "_suspect_lines", lambda text, encoded=None: list(enumerate(text.split("\n"))))
    assert fast == [personal_data.find_personal_data(text, schema) for text in texts]


def test_the_bytes_that_can_start_a_non_ascii_digit_are_all_known():
    """\\d also matches Arabic-Indic, Devanagari, fullwidth ... digits; text with them takes the slow path."""
    leads = {chr(c).encode()[0] for c in range(0x80, sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd"}
    assert leads <= set(personal_data.OTHER_DIGIT_LEADS)


def test_the_file_bytes_stand_in_for_the_text_only_when_normalizing_changed_nothing():
    text = next(iter(generate_examples(1, seed=2).values()))
    for raw, same in ((text.encode(), True), (("\ufeff" + text).encode(), False),
                      (text.replace("\n", "\r\n").encode(), False), (text.replace("å", "a\u030a").encode(), False)):
        document, _ = read_document(Path("x.md"), "x.md", raw)
        assert (document.encoded is not None) == same
        if same:
            assert document.encoded == document.text.encode()

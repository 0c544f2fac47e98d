"""The validator's shortcuts for long examples give exactly the answers of the line-by-line checks.

Issue 5 asks the validator to stay within 2× a bare front-matter parse at 3,000 examples, so the
body checks skip lines that cannot matter (sections.py, personal_data.py). These tests
feed the shortcut and the full walk the same random, hostile bodies and require the same result.
"""

import random
import sys
import unicodedata
from pathlib import Path

from eksempelbank import personal_data, sections
from eksempelbank.document import read_document
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
        yield text


def walked_headings(body, first_line):
    """The plain reference: look at every line for an ATX heading or a setext underline."""
    texts = body.split("\n")
    found = []
    for index, line in enumerate(texts):
        heading = sections._atx(line)[1]
        if heading:
            found.append(sections.Heading(heading[0], heading[1], first_line + index))
            continue
        setext = sections._SETEXT.match(line)
        if setext and index > 0 and texts[index - 1].strip() and not sections._atx(texts[index - 1])[0]:
            level = 1 if setext.group(1).startswith("=") else 2
            found.append(sections.Heading(level, texts[index - 1].strip(), first_line + index - 1))
    return found


def test_headings_found_by_pattern_are_the_headings_found_line_by_line():
    for body in bodies():
        assert sections.headings(body, 4) == walked_headings(body, 4), body[:300]


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

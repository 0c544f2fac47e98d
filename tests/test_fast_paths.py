"""The validator's shortcuts for long examples give exactly the answers of the line-by-line checks.

Issue 5 asks the validator to stay within 2× a bare front-matter parse at 3,000 examples, so the
body checks skip lines that cannot matter (sections.py, personal_data.py). These tests
feed the shortcut and the full walk the same random, hostile bodies and require the same result.
"""

import random
import sys
import unicodedata
from pathlib import Path

from benchmarks.synthetic import generate_examples, write_examples
from eksempelbank.reading import personal_data, sections
from eksempelbank.reading.document import read_document

from .conftest import CORPUS, TODAY

PIECES = [
    "\n",
    "\n",
    "#",
    "## ",
    "-",
    "---",
    "=",
    "===",
    " ",
    "   ",
    "\u00a0",
    "\t",
    "`",
    "<",
    "<!-- x -->",
    "![",
    "](",
    "javascript:",
    "DATA :",
    "vbscript:",
    "@",
    "ola@kommune.no",
    "post@kommune.no",
    "2",
    "22 33",
    "44 55",
    "+47 ",
    "0047",
    "22\u00a033\u00a044\u00a055",
    "Ring 412 34 567",
    ".",
    "kr ",
    " kroner",
    "\u0662\u0663",
    "\uff12\uff13",
    "\u2003",
    "tekst",
    "Resultat",
    "\n## Resultat\n",
    "\nTittel\n---\n",
    "\n   ### Under\n",
    "\n- punkt\n",
]


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
    for raw, same in (
        (text.encode(), True),
        (("\ufeff" + text).encode(), False),
        (text.replace("\n", "\r\n").encode(), False),
        (text.replace("å", "a\u030a").encode(), False),
    ):
        document, _ = read_document(Path("x.md"), "x.md", raw)
        assert (document.encoded is not None) == same
        if same:
            assert document.encoded == document.text.encode()


def _catalog_as_text(catalog):
    return (
        [p.human() for p in catalog.problems],
        [(e.slug, e.title, [(s.title, s.html) for s in e.sections]) for e in catalog.examples],
    )


def test_the_build_validates_in_parallel_and_from_memory_as_one_by_one(tmp_path, schema, monkeypatch):
    """Issue 12: the build shares a large bank out among processes (build.validate_in_parallel) and
    `make serve` remembers unchanged files (build.ValidationCache); both must find exactly what
    validating one file after the other finds, broken files too, and a changed file is read again."""
    from eksempelbank.reading.validate import load_examples
    from eksempelbank.website import build

    folder = tmp_path / "examples"
    write_examples(folder, 24, seed=9, schema=schema)
    for broken in sorted((CORPUS / "broken").glob("*.md")):
        (folder / broken.name).write_bytes(broken.read_bytes())
    expected = _catalog_as_text(load_examples(folder, schema, root=tmp_path, today=TODAY))
    assert expected[0] and expected[1]  # errors and valid examples both

    monkeypatch.setattr(build, "PARALLEL_FROM", 4)  # small enough to start the workers here
    monkeypatch.setattr(build, "_cores", lambda: 2)
    cache = build.ValidationCache()
    first = load_examples(folder, schema, root=tmp_path, today=TODAY, validate_many=cache)
    assert _catalog_as_text(first) == expected
    again = load_examples(folder, schema, root=tmp_path, today=TODAY, validate_many=cache)
    assert _catalog_as_text(again) == expected
    assert [id(e) for e in again.examples] == [id(e) for e in first.examples]  # from memory, not validated again

    changed = tmp_path / first.examples[-1].source_path
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("## Oppsummert\n", "## Oppsummert\n\nNy setning.\n", 1),
        encoding="utf-8",
    )
    after = load_examples(folder, schema, root=tmp_path, today=TODAY, validate_many=cache)
    assert _catalog_as_text(after) == _catalog_as_text(load_examples(folder, schema, root=tmp_path, today=TODAY))
    assert "Ny setning." in after.examples[-1].sections[0].html


def test_process_notes_are_found_as_by_the_pattern_alone(schema, monkeypatch):
    """wording._may_hold lets only files that hold a phrase in lower case reach the pattern: on bodies
    with the phrases in any case, split over lines, and with characters the pattern folds otherwise
    («ſ» is «s», «ı» and «İ» are «i», the Kelvin sign is «k»), it finds what the pattern alone finds."""
    from eksempelbank.reading import wording

    rng = random.Random(21)
    phrases = [str(p) for p in schema.wording["arbeidsnotater"]["fraser"]]
    odd = {
        "s": ["s", "S", "ſ"],
        "i": ["i", "I", "ı", "İ"],
        "k": ["k", "K", "\u212a"],
        "å": ["å", "Å", "\u212b"],
        " ": [" ", "\n", " \t ", "\u00a0"],
    }
    texts = []
    for body in bodies(200):
        for _ in range(rng.randint(0, 3)):
            phrase = "".join(rng.choice(odd.get(c.lower(), [c.lower(), c.upper()])) for c in rng.choice(phrases))
            at = rng.randint(0, len(body))
            body = body[:at] + rng.choice(["", " ", "x"]) + phrase + rng.choice(["", " ", "x", "."]) + body[at:]
        texts.append(body)
    fast = [wording.find_process_notes(text, schema) for text in texts]
    monkeypatch.setattr(wording, "_may_hold", lambda text, words: True)
    assert fast == [wording.find_process_notes(text, schema) for text in texts]
    assert sum(map(bool, fast)) > 50  # the phrases are found, not only their absence


MARKDOWN_PIECES = [
    "*",
    "**",
    "_",
    "__",
    "`",
    "\\",
    "\\*",
    "&amp;",
    "&#47;",
    "&",
    "  \n",
    "[lenke](https://a.no)",
    "[x]",
    "![bilde](b.png)",
    "<b>",
    "<https://a.no>",
    "<ola@kommune.no>",
    "<!-- x -->",
    "*kursiv*",
    "**fet**",
    "\n\n# Tittel\n\n",
    "\n#",
    "\n> sitat\n",
    ">",
    "\nOrd\n: forklaring\n",
    ":",
    "|",
    "\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n",
    "\n\n---\n\n",
    "\n* * *\n",
    "\n___\n",
    '\n\n[ref]: https://a.no "T"\n\n',
    "[ref]",
    "\n    kode\n",
    "\n1. punkt\n",
    "\n- punkt\n",
]


def test_the_markdown_shortcuts_render_what_the_whole_renderer_renders(schema):
    """markdown_shortcuts skips patterns and block tests that a text lacks the characters for: on
    hostile bodies full of those characters, the renderer gives the same HTML with and without them."""
    import markdown

    from eksempelbank.reading.markdown_shortcuts import skip_needless_tests, skip_plain_text

    policy = schema.content
    plain = markdown.Markdown(extensions=list(policy.extensions), extension_configs=policy.extension_configs)
    fast = markdown.Markdown(extensions=list(policy.extensions), extension_configs=policy.extension_configs)
    assert skip_plain_text(fast)
    assert skip_needless_tests(fast) == 7  # headings (both kinds), rules, quotes, link references, definitions, tables
    rng = random.Random(5)
    rendered = []
    for body in bodies(300):
        chars = list(body)
        for _ in range(rng.randint(0, 40)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(MARKDOWN_PIECES))
        text = "".join(chars)
        plain.reset()
        fast.reset()
        rendered.append(fast.convert(text))
        assert rendered[-1] == plain.convert(text), text[:300]
    for element in ("<h1>", "<blockquote>", "<dl>", "<table>", "<hr", "<a ", "<em>", "<code>", "<br"):
        assert any(element in html for html in rendered), f"no {element} rendered: the test would prove little"


#: Whitespace the whitespace preprocessor changes: lines of spaces, tabs, carriage returns, STX and ETX.
WHITESPACE_PIECES = [" \n", "  \n", "\n   \n", "\n \n \n", "\t", "\t\n", " \t \n", "\r", "\r\n", "\x02", "\x03", "\n\n"]


def test_the_preprocessor_shortcuts_render_what_the_whole_renderer_renders(schema):
    """markdown_shortcuts.skip_needless_preprocessing: the shortcuts apply to bodies without «<» and «&»
    and without a space before a newline, so these bodies have none, or whitespace the preprocessor
    changes, or one «<» or «&»; the heading, rule and definition tests are tightened on the same bodies."""
    import markdown

    from eksempelbank.reading.markdown_shortcuts import speed_up

    policy = schema.content
    plain = markdown.Markdown(extensions=list(policy.extensions), extension_configs=policy.extension_configs)
    fast = markdown.Markdown(extensions=list(policy.extensions), extension_configs=policy.extension_configs)
    speed_up(fast)
    assert type(fast.preprocessors["normalize_whitespace"]) is not type(plain.preprocessors["normalize_whitespace"])
    assert type(fast.preprocessors["html_block"]) is not type(plain.preprocessors["html_block"])
    markup = [p for p in MARKDOWN_PIECES if "<" not in p and "&" not in p] + [
        "\n  ---\n",
        "\n   * * *\n",
        "\n    ___\n",
        " - - -\n",
        "\nOrd\n   : forklaring\n",
        "\n  :",
        "\nTittel\n===\n",
        "\n-",
        "\n=",
        "\n##x\n",
    ]
    rng = random.Random(8)
    rendered = []
    for number, body in enumerate(bodies(300, seed=13)):
        chars = list(body.replace("<", "").replace("&", ""))
        for _ in range(rng.randint(0, 40)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(markup))
        if number % 3 == 1:
            for _ in range(rng.randint(1, 6)):
                chars.insert(rng.randint(0, len(chars)), rng.choice(WHITESPACE_PIECES))
        elif number % 3 == 2:
            chars.insert(rng.randint(0, len(chars)), rng.choice(["<", "&", "<b>x</b>", "&amp;", "<!-- x -->"]))
        text = "".join(chars)
        plain.reset()
        fast.reset()
        rendered.append(fast.convert(text))
        assert rendered[-1] == plain.convert(text), text[:300]
        assert fast.htmlStash.rawHtmlBlocks == plain.htmlStash.rawHtmlBlocks
    for element in ("<h1>", "<h2>", "<dl>", "<table>", "<hr", "<a ", "<em>", "<code>", "<br"):
        assert any(element in html for html in rendered), f"no {element} rendered: the test would prove little"


def test_search_words_are_the_words_the_pattern_finds():
    """search_index.words_of reads the words of a text a piece between whitespace at a time: on hostile
    text (digits, underscores, marks, letters of other scripts, numerals that are letters to the pattern,
    every kind of whitespace and punctuation) it finds what the pattern finds in the whole text."""
    from eksempelbank.website.search_index import _WORD, words_of

    rng = random.Random(3)
    alphabet = list(
        "abzæøåÆØÅ _-.,;:!?()«»\"'–—/1²½٣\t\n\r\x1c\x85\u2028\u00a0\u2003\u200b\ufeff\u0301éⅫſıİßǅ\U0001d400👍"
    ) + ["ab", "kommune"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(20000)]
    texts += [body.lower() for body in bodies(100)]
    for text in texts:
        assert words_of(text) == frozenset(_WORD.findall(text)), repr(text)


def test_the_inline_shortcut_keeps_the_whole_pass_for_patterns_it_does_not_know():
    import markdown

    from eksempelbank.reading.markdown_shortcuts import skip_plain_text

    assert not skip_plain_text(markdown.Markdown(extensions=["pymdownx.magiclink"]))  # links bare addresses


def test_front_matter_written_as_json_reads_as_pyyaml_wrote_it():
    """render.front_matter writes texts, flags and lists of texts as JSON: MkDocs reads every page's
    header (mkdocs.utils.meta.get_data) as the same values as PyYAML's own writing, on hostile texts
    (YAML's indicators, words it reads as other types, control and line-break characters, the BOM)."""
    import yaml
    from mkdocs.utils.meta import get_data

    from eksempelbank.website import render

    rng = random.Random(4)
    alphabet = list(
        "abc æøå:#-'\"\\{}[],&*!|>%@`?\t\n\r\x00\x01\x08\x0c\x1b\x7f\x80\x85\x9f\xa0\u2028\u2029\ufeff\ufffd\U0001f600é"
    ) + ["yes", "no", "null", "~", "2024-01-01", "0x1F", "1e3", " - ", ": ", " #", "---", "...", "\n---\n"]
    for number in range(5000):
        meta: dict[str, object] = {
            key: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
            for key in ("title", "description", "lang", "sist_vurdert")
        }
        if number % 3 == 0:
            meta["sok"] = rng.choice([True, False])
        if number % 4 == 0:
            meta["hide"] = [rng.choice(alphabet) for _ in range(rng.randint(0, 3))]
        written = render.front_matter(**meta)
        by_pyyaml = (
            "---\n"
            + yaml.dump(meta, Dumper=render._YAML_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n\n"
        )
        assert get_data(written + "# T\n") == get_data(by_pyyaml + "# T\n") == ("# T\n", meta), written
    assert render.front_matter(title="T", n=1) == "---\ntitle: T\nn: 1\n---\n\n"  # other values: PyYAML

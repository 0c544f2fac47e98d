"""A hostile contributor's corpus (issue 8): every route by which a pull request could make the
published site run script, load from another host, mislead a reader or take the build down.

Each case is one file. It must be refused by the same check that `eksempelbank sjekk` and the
build run, with the file, the field and (where the file has one) the line, in Norwegian, and
never a traceback. Values that are harmless text (a title with «<img …>» in it) are accepted
and shown inert: see ``test_hostile_titles_are_printed_as_text`` here and the browser tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from eksempelbank import ROOT
from eksempelbank.reading.validate import load_examples

from .conftest import CORPUS, TODAY

VALID = (CORPUS / "valid" / "gyldig-eksempel.md").read_text(encoding="utf-8")
FRONT, BODY = VALID.split("\n---\n", 1)
FRONT += "\n"


def with_body(extra: str) -> str:
    """The valid example with ``extra`` as the text of its «Resultat» section."""
    return VALID.replace("Flere fikk hjelp.", extra)


def with_field(name: str, line: str) -> str:
    """The valid example with field ``name`` replaced by ``line`` (or added)."""
    lines = FRONT.split("\n")
    kept = [x for x in lines if not x.startswith(f"{name}:")]
    return "\n".join(kept).rstrip("\n") + "\n" + line + "\n---\n" + BODY


def with_source_url(url: str) -> str:
    return VALID.replace("url: https://www.example.no/stord", f"url: {url}")


# (case id, file text, field the problem names)
BODY_CASES = [
    ("script", "<script>alert(1)</script>"),
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("comment-first", "<!-- x --><img src=x onerror=alert(1)>"),
    ("tag-over-two-lines", "<img src=x\nonerror=alert(1)>"),
    ("gt-in-attribute", '<a title=">" href="javascript:alert(1)">x</a>'),
    ("indented-fence", "   ```\n<script>alert(1)</script>\n   ```"),
    ("tilde-fence", "~~~ tekst\n<img src=x onerror=alert(1)>\n~~~"),
    ("escaped-backticks", "\\`<img src=x onerror=alert(1)>\\`"),
    ("entity-scheme", '<a href="jav&#x61;script:alert(1)">x</a>'),
    ("entity-scheme-markdown", "[x](jav&#x61;script:alert(1))"),
    ("markdown-javascript", "[klikk](javascript:alert(1))"),
    ("markdown-javascript-upper", "[klikk](JAVASCRIPT:alert(1))"),
    ("markdown-javascript-tab-entity", "[klikk](java&#09;script:alert(1))"),
    ("markdown-data", "[x](data:text/html;base64,PHNjcmlwdD4=)"),
    ("markdown-vbscript", "[x](vbscript:msgbox(1))"),
    ("autolink-javascript", "<javascript:alert(1)>"),
    ("reference-next-line", "[x][r]\n\n[r]:\n  javascript:alert(1)"),
    ("reference-javascript", "[x][r]\n\n[r]: javascript:alert(1)"),
    ("attr-list-onfocus", 'Tekst\n{: onfocus="alert(1)" autofocus }'),
    ("attr-list-href", 'Tekst\n{: href="javascript:alert(1)" }'),
    ("attr-list-style", 'Tekst\n{: style="position:fixed;inset:0" }'),
    ("attr-list-src", 'Tekst\n{: src="https://sporing.example.com/x.gif" }'),
    ("style-attribute", '<p style="background-image:url(https://sporing.example.com/x.gif)">x</p>'),
    ("table-background", '<table background="https://sporing.example.com/x.gif"><tr><td>x</td></tr></table>'),
    ("remote-image-markdown", "![piksel](https://sporing.example.com/x.gif)"),
    ("local-image-markdown", "![bilde](bilde.png)"),
    ("iframe", '<iframe src="https://example.com"></iframe>'),
    ("object", '<object data="x.swf"></object>'),
    ("embed", '<embed src="x.swf">'),
    ("svg-onload", "<svg onload=alert(1)></svg>"),
    ("math", "<math><mtext><script>alert(1)</script></mtext></math>"),
    ("form", '<form action="https://example.com"><button>Send</button></form>'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://example.com">'),
    ("base", '<base href="https://example.com/">'),
    ("link-stylesheet", '<link rel="stylesheet" href="https://example.com/x.css">'),
    ("style-element", "<style>body{display:none}</style>"),
    ("details-ontoggle", "<details open ontoggle=alert(1)>x</details>"),
    ("div-markdown", '<div markdown="1">*x*</div>'),
    ("span-class", '<span class="md-header">falsk meny</span>'),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
    ("uppercase-script", "<SCRIPT>alert(1)</SCRIPT>"),
    ("a-target", '<a href="https://example.com" target="_blank">x</a>'),
    ("heading-in-quote", "> ## Bakgrunn\n> falsk avsnitt"),
]

FIELD_CASES = [
    ("title-control-char", with_field("tittel", 'tittel: "Boligkontor\\x0bi Stord"'), "tittel"),
    ("title-c1-nel", with_field("tittel", 'tittel: "Boligkontor \\x85 i Stord"'), "tittel"),
    ("title-bidi-override", with_field("tittel", 'tittel: "Boligkontor \\u202e i Stord"'), "tittel"),
    (
        "summary-line-separator",
        with_field(
            "oppsummering",
            'oppsummering: "Kommunen samlet bostøtte og startlån i ett '
            'boligkontor\\u2028slik at innbyggerne får hjelp på ett sted."',
        ),
        "oppsummering",
    ),
    ("url-attr-list", with_source_url('"https://www.example.no/){onmouseover=alert(1)}"'), "kilder.url"),
    ("url-javascript", with_source_url('"javascript:alert(1)"'), "kilder.url"),
    ("url-backslashes", with_source_url('"https:\\\\\\\\example.com"'), "kilder.url"),
    ("url-space", with_source_url('"https://www.example.no/a b"'), "kilder.url"),
    ("url-quote", with_source_url("'https://www.example.no/\"><script>'"), "kilder.url"),
    ("url-userinfo", with_source_url('"https://www.example.no@evil.example/"'), "kilder.url"),
    ("url-no-host", with_source_url('"https:///sti"'), "kilder.url"),
    (
        "yaml-alias-bomb",
        FRONT.replace(
            "sprak: nb\n",
            "sprak: nb\na: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)
            ),
        )
        + "---\n"
        + BODY,
        "front matter",
    ),
    ("yaml-self-alias", FRONT.replace("sprak: nb\n", "sprak: nb\nx: &x [*x]\n") + "---\n" + BODY, "front matter"),
    (
        "yaml-deep",
        FRONT.replace("sprak: nb\n", "sprak: nb\ny: " + "[" * 3000 + "]" * 3000 + "\n") + "---\n" + BODY,
        "front matter",
    ),
    (
        "yaml-block-deep",
        FRONT.replace(
            "sprak: nb\n",
            "sprak: nb\ny:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 12)) + "  " * 12 + "v: 1\n",
        )
        + "---\n"
        + BODY,
        "front matter",
    ),
    (
        "yaml-compact-deep",
        FRONT.replace("sprak: nb\n", "sprak: nb\ny:\n" + "- " * 12 + "x\n") + "---\n" + BODY,
        "front matter",
    ),
    (
        "yaml-many-values",
        FRONT.replace("sprak: nb\n", "sprak: nb\ny: [" + ", ".join(["1"] * 5000) + "]\n") + "---\n" + BODY,
        "front matter",
    ),
    ("too-large", VALID + ("Lang tekst. " * 20000), "fil"),
    (
        "template-summary",
        with_field("oppsummering", "oppsummering: Skriv 80–300 tegn om hva kommunen gjorde og hva det førte til."),
        "oppsummering",
    ),
    ("template-section", VALID.replace("Flere fikk hjelp.", "<!-- Hva kom ut av arbeidet? -->"), "Resultat"),
]

CASES = [(f"body-{name}", with_body(text), "innhold") for name, text in BODY_CASES] + FIELD_CASES


def check(folder, name, text):
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return load_examples(folder, root=folder.parent, today=TODAY, files=[path])


def test_the_corpus_is_large_enough():
    assert len(CASES) + len(FILE_CASES) >= 50


@pytest.mark.parametrize("name, text, field", CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_with_file_field_and_line(tmp_path, name, text, field):
    folder = tmp_path / "examples"
    folder.mkdir()
    catalog = check(folder, name, text)
    assert catalog.examples == [], "et fiendtlig eksempel ble godtatt"
    errors = catalog.errors
    assert errors, "ingen feil"
    for problem in errors:
        assert problem.file.endswith(f"{name}.md")
        assert problem.line >= 1
        assert "Traceback" not in problem.message and "Error" not in problem.message
    fields = {p.field for p in errors}
    assert field in fields or (field == "front matter" and None in fields) or (field == "fil" and None in fields), [
        p.human() for p in errors
    ]


def _symlink(folder):
    target = folder.parent / "gyldig.md"
    target.write_text(VALID, encoding="utf-8")
    (folder / "lenke.md").symlink_to(target)


def _subfolder(folder):
    (folder / "under").mkdir()
    (folder / "under" / "gjemt.md").write_text(VALID, encoding="utf-8")


FILE_CASES = [
    ("symlink", _symlink, "lenke.md", "Symbolske lenker"),
    ("subfolder", _subfolder, "under", "Mapper i examples/"),
    ("upper-extension", lambda f: (f / "stort.MD").write_text(VALID, encoding="utf-8"), "stort.MD", "«.md»"),
    ("txt-extension", lambda f: (f / "tekst.txt").write_text(VALID, encoding="utf-8"), "tekst.txt", "«.md»"),
    ("reserved-index", lambda f: (f / "index.md").write_text(VALID, encoding="utf-8"), "index.md", "reservert"),
    ("reserved-finn", lambda f: (f / "finn.md").write_text(VALID, encoding="utf-8"), "finn.md", "reservert"),
]


@pytest.mark.parametrize("name, make, shown, message", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_files_the_site_would_not_publish_are_named_not_ignored(tmp_path, name, make, shown, message):
    folder = tmp_path / "examples"
    folder.mkdir()
    make(folder)
    catalog = load_examples(folder, root=tmp_path, today=TODAY)
    assert catalog.examples == []
    [problem] = catalog.errors
    assert problem.file.endswith(shown) and problem.field == "filnavn" and message in problem.message


def test_a_file_in_a_subfolder_is_refused_by_sjekk_too(tmp_path):
    folder = tmp_path / "examples"
    (folder / "under").mkdir(parents=True)
    path = folder / "under" / "gjemt.md"
    path.write_text(VALID, encoding="utf-8")
    catalog = load_examples(folder, root=tmp_path, today=TODAY, files=[path])
    assert [p.field for p in catalog.errors] == ["filnavn"]


def test_two_examples_with_the_same_title_are_refused(tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "en.md").write_text(VALID, encoding="utf-8")
    (folder / "to.md").write_text(VALID.replace("Boligkontor i Stord", "Boligkontor  i stord"), encoding="utf-8")
    catalog = load_examples(folder, root=tmp_path, today=TODAY)
    # Both are named (issue 18): the new file must fail its own check, whichever sorts first.
    first, second = catalog.errors
    assert (first.file, first.line, first.field) == ("examples/en.md", 2, "tittel")
    assert "Samme tittel som examples/to.md" in first.message
    assert (second.file, second.line, second.field) == ("examples/to.md", 2, "tittel")
    assert "Samme tittel som examples/en.md" in second.message


def test_sjekk_lists_every_hostile_file_without_a_traceback(tmp_path):
    folder = tmp_path / "fiendtlig"
    folder.mkdir()
    for name, text, _ in CASES:
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "eksempelbank", "sjekk", *sorted(str(p) for p in folder.iterdir())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, GITHUB_ACTIONS="false"),
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    for name, _, _ in CASES:
        assert re.search(rf"{re.escape(name)}\.md:\d+: ", output), name


HOSTILE_TITLES = [
    "Tiltak <img src=x onerror=\"document.title='pwned'\">",
    "</title><script>document.title='pwned'</script>",
    "[lenke](javascript:alert(1)) {: onclick=alert(1) }",
    '=HYPERLINK("https://example.com","klikk")',
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_titles_are_accepted_as_text(tmp_path, title):
    """A title is text: «<img …>» in one is shown as those characters, never as markup (see
    test_site_build/browser tests for the printed page, the feed and the CSV)."""
    folder = tmp_path / "examples"
    folder.mkdir()
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    catalog = check(folder, "tittel", with_field("tittel", f'tittel: "{quoted}"'))
    assert [p.human() for p in catalog.errors] == []
    assert catalog.examples[0].title == title

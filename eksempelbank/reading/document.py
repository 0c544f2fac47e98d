"""Read one example file: decode, normalize, split front matter from body, parse the YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from . import yamlnodes
from .problems import Problem
from .text import normalize_text

_BOUNDARY = YAMLHandler.FM_BOUNDARY  # a line of three or more dashes
_CLOSING = re.compile(r"^-{3,}[^\S\n]*$", re.MULTILINE)  # the same line, found in the whole text


@dataclass
class Document:
    path: Path
    display: str  # the path shown in messages, relative to the repository
    front: yamlnodes.Node  # a map
    body: str
    body_line: int  # file line number of the body's first line
    text: str  # the whole file, normalized
    encoded: bytes | None = None  # ``text`` as UTF-8 when normalizing changed nothing (the file's bytes)


def read_document(
    path: Path,
    display: str,
    raw: bytes | None = None,
    *,
    max_bytes: int = 200_000,
    max_depth: int = 6,
    max_values: int = 1000,
) -> tuple[Document | None, list[Problem]]:
    """Return the parsed document, or None with the problems that stop further checks."""

    def problem(line: int, message: str, field: str | None = None) -> list[Problem]:
        return [Problem(display, line, field, message)]

    if raw is None:
        with open(path, "rb") as handle:  # read one byte past the limit, never the whole of a huge file
            raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return None, problem(
            1,
            f"Fila er større enn {max_bytes // 1000} kB, som er grensen for et eksempel. "
            "Del teksten opp, eller kort den ned.",
        )
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, problem(line, "Fila er ikke lagret som UTF-8. Lagre den på nytt med tegnsett UTF-8.")
    text = normalize_text(decoded)
    if not text.strip():
        return None, problem(1, "Fila er tom. Et eksempel starter med front matter mellom to linjer med ---.")

    # Lines are found by offset: splitting the whole body into lines would cost more than parsing the YAML.
    first_end = text.find("\n")
    if not _BOUNDARY.fullmatch(text if first_end == -1 else text[:first_end]):
        return None, problem(
            1,
            "Mangler front matter: fila må begynne med en linje med tre bindestreker (---), "
            "så feltene (tittel: …, kommune: …), så en ny linje med ---.",
        )
    found = _CLOSING.search(text, first_end + 1) if first_end != -1 else None
    if found is None:
        return None, problem(
            1, "Front matter avsluttes ikke: legg til en linje med tre bindestreker (---) etter feltene."
        )

    closing = text.count("\n", 0, found.start())  # 0-based line of the closing ---
    front_text = text[first_end + 1 : found.start() - 1] if closing > 1 else ""
    node, issues = yamlnodes.parse(front_text, first_line=2, max_depth=max_depth, max_values=max_values)
    problems = [Problem(display, i.line, i.field, i.message) for i in issues]
    if node is None:
        if not problems:
            problems = problem(1, "Front matter er tom: fyll inn feltene mellom de to linjene med ---.")
        return None, problems
    if node.kind != "map":
        problems.append(
            Problem(display, node.line, None, "Front matter må være felt på formen «navn: verdi», ett per linje.")
        )
        return None, problems
    after = text.find("\n", found.start())
    body = text[after + 1 :] if after != -1 else ""
    # Problems such as a duplicated key do not stop the remaining checks.
    return Document(
        path, display, node, body, body_line=closing + 2, text=text, encoded=raw if text is decoded else None
    ), problems

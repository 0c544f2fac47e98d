"""Read YAML front matter into values that remember their line and how they were written.

We parse with ``yaml.compose`` instead of ``yaml.safe_load`` so that every value keeps its
line number (for messages), duplicate keys are caught (PyYAML silently keeps the last),
and YAML 1.1's traps can be explained: an unquoted ``0301`` is the octal number 193 and an
unquoted ``no`` is ``false``. Construction errors (``2024-13-01``) become messages, never
tracebacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()

_TAG_KIND = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "date",
}


@dataclass
class Node:
    """A front-matter value with its 1-based line in the file."""

    kind: str  # str, int, float, bool, null, date, list, map, other
    value: Any  # Python value; list[Node] for lists, dict[str, Node] for maps
    line: int
    raw: str = ""  # the scalar as written
    plain: bool = False  # written without quotes
    key_lines: dict[str, int] = field(default_factory=dict)  # for maps: line of each key

    @property
    def is_scalar(self) -> bool:
        return self.kind not in ("list", "map")


@dataclass
class YamlIssue:
    line: int
    message: str
    field: str | None = None


# PyYAML's parser messages, translated for editors. The first match wins.
_YAML_MESSAGES = [
    (
        re.compile(r"mapping values are not allowed"),
        "et kolon (:) midt i en verdi. Sett hele verdien i anførselstegn, for eksempel "
        'tittel: "Bolig: et godt sted å bo"',
    ),
    (re.compile(r"found character '\\t'"), "tabulator brukt som innrykk. YAML tillater bare mellomrom"),
    (
        re.compile(r"could not find expected ':'"),
        "mangler kolon (:) etter feltnavnet, eller en verdi går over flere linjer uten riktig innrykk",
    ),
    (
        re.compile(r"expected <block end>|did not find expected key|expected <document start>"),
        "innrykket stemmer ikke. Felt på samme nivå må starte i samme kolonne, "
        "og punkter i en liste skrives «  - verdi»",
    ),
    (
        re.compile(r"found undefined alias|found unacceptable character|expected alphabetic or numeric"),
        "et tegn som YAML ikke tillater her (for eksempel * eller & først i en verdi). Sett verdien i anførselstegn",
    ),
    (
        re.compile(r"found unexpected end of stream|while scanning a quoted scalar"),
        "et anførselstegn som ikke er lukket",
    ),
    (
        re.compile(r"found duplicate anchor|found character '@'|found character '`'"),
        "et tegn som ikke kan stå først i en verdi uten anførselstegn. Sett verdien i anførselstegn",
    ),
]


def translate_yaml_error(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """(0-based line, Norwegian message) for a PyYAML error."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    for pattern, message in _YAML_MESSAGES:
        if pattern.search(problem) or pattern.search(str(getattr(exc, "context", "") or "")):
            return line, f"Ugyldig YAML: {message}."
    return line, f"Ugyldig YAML ({problem})."


# What could hold an anchor, an alias or nesting deeper than an example's (at most 4 spaces of
# indentation): «&», «*», flow collections, complex keys, compact nested lists («- - x») and deep
# indentation. Front matter with none of these is composed without the scan.
_NEEDS_SCAN = re.compile(r"[&*\[{]|^\s*\?\s|-[ \t]+-[ \t]|^ {5}", re.MULTILINE)
# A «!» first or after a space or indicator could be a tag («!x», «!!python/name:…»); looked for only
# in front matter with a «!» at all.
_TAG_HINT = re.compile(r"(?:^|[\s:,\[{-])!", re.MULTILINE)


def _structure_issue(text: str, first_line: int, max_depth: int) -> YamlIssue | None:
    """Anchors, aliases and deep nesting, found on the event stream before anything is built.

    An alias repeats a value without writing it again: a few lines can stand for billions of values
    (an «alias bomb») or for a value that contains itself. No example needs them, so they are refused.
    """
    if not _NEEDS_SCAN.search(text) and not ("!" in text and _TAG_HINT.search(text)):
        return None
    depth = 0
    # For messages: the field each value belongs to («kilder.tittel»). One frame per open collection:
    # for a map [key, whether a key comes next], for a list None.
    frames: list[list | None] = []
    for event in yaml.parse(text, Loader=_Loader):
        assert event.start_mark is not None  # the parser marks where every event starts
        line = first_line + event.start_mark.line
        is_key = bool(frames) and frames[-1] is not None and frames[-1][1] and isinstance(event, yaml.ScalarEvent)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return YamlIssue(
                line,
                "YAML-ankere og -henvisninger (& og * først i en verdi) er ikke tillatt. "
                "Skriv verdien ut, eller sett den i anførselstegn.",
            )
        if (tag := getattr(event, "tag", None)) is not None:
            # A tag says how to read a value: «!x» makes any value empty, «!!python/…» names code. The
            # safe loader refuses the dangerous ones, but an unknown tag would silently blank a
            # required field, so every explicit tag is refused (issue 18).
            keys = [str(frame[0]) for frame in frames if frame is not None and frame[0] is not None]
            return YamlIssue(
                line,
                f"YAML-merkelapper ({_shown_tag(tag)} foran en verdi) er ikke tillatt. "
                "Fjern merkelappen, og sett verdien i anførselstegn hvis den skal begynne med !.",
                ".".join(keys) or None,
            )
        if is_key and isinstance(event, yaml.ScalarEvent):  # (is_key says so; repeated for the type checker)
            frames[-1] = [event.value, False]
        elif (
            frames
            and frames[-1] is not None
            and isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent))
        ):
            frames[-1][1] = True  # a value: a key comes next
        if isinstance(event, yaml.MappingStartEvent):
            frames.append([None, True])
        elif isinstance(event, yaml.SequenceStartEvent):
            frames.append(None)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frames.pop()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > max_depth:
                return YamlIssue(
                    line,
                    f"Verdiene ligger for mange nivåer inn (mer enn {max_depth}). "
                    "Et eksempel trenger høyst to: kilder → kilde → felt.",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _shown_tag(tag: str) -> str:
    """A tag as written: «!!python/name:x» for PyYAML's «tag:yaml.org,2002:python/name:x», shortened."""
    shown = "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
    return f"«{shown[:40]}{'…' if len(shown) > 40 else ''}»"


def parse(
    text: str, first_line: int, max_depth: int = 6, max_values: int = 1000
) -> tuple[Node | None, list[YamlIssue]]:
    """Compose ``text`` (front matter without the --- lines) starting at file line ``first_line``."""
    try:
        issue = _structure_issue(text, first_line, max_depth)
        if issue is not None:
            return None, [issue]
        root = yaml.compose(text, Loader=_Loader)
    except (RecursionError, MemoryError):
        return None, [YamlIssue(first_line, "Front matter er for stor eller for dypt nøstet til å leses.")]
    except yaml.YAMLError as exc:
        line, message = translate_yaml_error(exc)
        lines = text.split("\n")
        if line is not None and line < len(lines) and "\t" in lines[line]:
            message = "Ugyldig YAML: tabulator brukt som innrykk. YAML tillater bare mellomrom."
        return None, [YamlIssue(first_line + (line or 0), message)]
    if root is None:
        return None, []
    issues: list[YamlIssue] = []
    count = sum(1 for _ in _walk(root))
    if count > max_values:
        return None, [YamlIssue(first_line, f"Front matter har {count} verdier; høyst {max_values} er tillatt.")]
    return _convert(root, first_line, issues, path=None), issues


def _walk(node: yaml.Node):
    """Every node, without recursion (the structure check has bounded the depth already)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += (key, value)
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


def _convert(node: yaml.Node, first_line: int, issues: list[YamlIssue], path: str | None) -> Node:
    line = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = first_line + key_node.start_mark.line
            if not isinstance(key_node, yaml.ScalarNode):
                issues.append(YamlIssue(key_line, "Feltnavnet må være vanlig tekst.", path))
                continue
            key = str(key_node.value).strip()
            if key in items:
                issues.append(
                    YamlIssue(
                        key_line,
                        f"Feltet står to ganger (første gang på linje {key_lines[key]}). Slå dem sammen til ett felt.",
                        key,
                    )
                )
                continue
            key_lines[key] = key_line
            child_path = key if path is None else f"{path}.{key}"
            items[key] = _convert(value_node, first_line, issues, child_path)
        return Node("map", items, line, key_lines=key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node("list", [_convert(n, first_line, issues, path) for n in node.value], line)
    assert isinstance(node, yaml.ScalarNode)  # the composer makes maps, lists and scalars only
    kind = _TAG_KIND.get(node.tag, "other")
    if kind == "other":
        # Only an explicit tag gives a scalar any other tag; the scan above refuses them, and this is the
        # second line should it ever miss one: such a value would otherwise be read as empty text.
        issues.append(
            YamlIssue(
                line,
                f"YAML-merkelapper ({_shown_tag(node.tag)} foran en verdi) er ikke tillatt. Fjern merkelappen.",
                path,
            )
        )
    plain = not node.style  # None from the Python parser, "" from libyaml
    try:
        # A string is its text; other scalars go straight to SafeConstructor's constructor for their
        # tag (what construct_object would call, without its bookkeeping, which also kept every node).
        value = node.value if kind in ("other", "str") else _constructor.yaml_constructors[node.tag](_constructor, node)
    except (ValueError, yaml.YAMLError):
        # e.g. 2024-13-01 matches YAML's date pattern but is no date: keep the text.
        kind, value = "baddate", node.value
    if kind == "date":
        value = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return Node(kind, value, line, raw=str(node.value), plain=plain)

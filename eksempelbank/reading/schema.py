"""The example format, read from ``data/eksempelformat.yml`` and ``data/vokabular/``.

This module only reads the data; what the rules mean is in ``validate.py``. Every tool
(build hook, ``eksempelbank sjekk``, the scaffold, the JSON Schema, the contribution guide,
the form) gets its fields, allowed values and sections from :func:`load_schema`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .. import DATA_DIR
from .body import ContentPolicy
from .project import find_project
from .register import Register
from .text import did_you_mean, fold, slugify


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class Vocabulary:
    def __init__(self, name: str, terms: list[Term]):
        self.name = name
        self.terms = terms
        self._by_id = {t.id: t for t in terms}
        self._by_key: dict[str, Term] = {}
        for t in terms:
            for key in (t.id, fold(t.label), slugify(t.label)):
                self._by_key.setdefault(key, t)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self):
        return len(self.terms)

    def ids(self) -> list[str]:
        return [t.id for t in self.terms]

    def get(self, term_id: str) -> Term:
        return self._by_id[term_id]

    def find(self, written: str) -> Term | None:
        """The term with exactly this identifier (what the JSON Schema allows too)."""
        return self._by_id.get(written)

    def suggest(self, written: str) -> Term | None:
        """The term an editor probably meant: by label ("Økonomiske ressurser") or a near miss."""
        term = self._by_key.get(fold(written)) or self._by_key.get(slugify(written))
        if term is None:
            guess = did_you_mean(written, self.ids() + [t.label for t in self.terms])
            term = (self._by_id.get(guess) or self._by_key.get(fold(guess))) if guess else None
        return term

    def label(self, term_id: str) -> str:
        return self._by_id[term_id].label


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    type: str
    required: bool = False
    vocabulary: str | None = None
    max_length: int | None = None
    recommended_min_length: int | None = None
    min_items: int | None = None
    min: int | None = None
    requires: str | None = None
    stale_after_years: int | None = None
    warn_before_days: int | None = None  # `eksempelbank ferskhet`: list examples this close to stale
    help: str = ""
    example: Any = None


@dataclass(frozen=True)
class SectionSpec:
    title: str
    nn: str
    required: bool
    hint: str

    def title_in(self, language: str) -> str:
        return self.nn if language == "nn" else self.title


@dataclass(frozen=True)
class FacetSpec:
    id: str
    field: str
    source: str
    title: str
    path: str
    intro: str
    values_in_menu: bool = False
    chart: str | None = None
    title_plural: str | None = None  # «Se også alle …» where the title is not a plural
    explain_values: bool = False  # the finder shows each value's `kort` (size limits)


@dataclass
class Schema:
    fields: dict[str, FieldSpec]
    entries: dict[str, dict[str, Any]]
    sections: list[SectionSpec]
    facets: list[FacetSpec]
    vocabularies: dict[str, Vocabulary]
    register: Register
    data_dir: Path
    personal_data: dict[str, Any]
    content: ContentPolicy  # what a body may contain (``innhold``)
    limits: dict[str, int] = field(default_factory=dict)  # ``grenser``: bytes, depth, values
    reserved_slugs: frozenset[str] = frozenset()
    placeholders: dict[str, str] = field(default_factory=dict)  # ``malverdier``: field -> template text
    wording: dict[str, Any] = field(default_factory=dict)  # ``skrivemaate.yml``: phrases that give a warning
    scope: str = ""  # ``omfang``: what belongs in the bank (the guide and the format page say it)

    def vocabulary_for(self, facet: FacetSpec) -> Vocabulary:
        return self.vocabularies[facet.source]

    def field_vocabulary(self, spec: FieldSpec) -> Vocabulary:
        """The vocabulary of a field that has one (``valg``, ``valgliste``)."""
        if spec.vocabulary is None:
            raise KeyError(f"{spec.name} has no vocabulary")
        return self.vocabularies[spec.vocabulary]

    def facet(self, facet_id: str) -> FacetSpec:
        return next(f for f in self.facets if f.id == facet_id)

    def section_titles(self, language: str) -> list[str]:
        return [s.title_in(language) for s in self.sections]


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _vocabulary(name: str, entries: list[dict[str, Any]]) -> Vocabulary:
    terms = []
    for entry in entries:
        extra = {k: v for k, v in entry.items() if k not in ("id", "navn")}
        terms.append(Term(str(entry["id"]), str(entry["navn"]), extra))
    return Vocabulary(name, terms)


def load_schema(data_dir: Path | None = None) -> Schema:
    """The format in ``data_dir``; by default the checkout this package lies in, or else (an installed
    package) the project found from the working directory."""
    if data_dir is None:
        data_dir = DATA_DIR if (DATA_DIR / "eksempelformat.yml").is_file() else find_project().data_dir
    return _load_schema_cached(Path(data_dir).resolve())


@lru_cache(maxsize=4)
def _load_schema_cached(data_dir: Path) -> Schema:
    spec = _load_yaml(data_dir / "eksempelformat.yml")
    register = Register(data_dir / "register")
    vocabularies = {
        path.stem: _vocabulary(path.stem, _load_yaml(path)) for path in sorted((data_dir / "vokabular").glob("*.yml"))
    }
    vocabularies["register:fylker"] = Vocabulary(
        "register:fylker", [Term(c.id, c.name, {"nummer": c.number}) for c in register.counties]
    )
    fields = {f["name"]: FieldSpec(**f) for f in spec["fields"]}
    sections = [
        SectionSpec(s["title"], s.get("nn", s["title"]), bool(s.get("required")), s["hint"]) for s in spec["sections"]
    ]
    facets = [FacetSpec(**f) for f in spec["facets"]]
    personal = _load_yaml(data_dir / "personvern.yml")
    wording = _load_yaml(data_dir / "skrivemaate.yml")
    return Schema(
        fields,
        spec["entries"],
        sections,
        facets,
        vocabularies,
        register,
        data_dir,
        personal,
        ContentPolicy.from_spec(spec["innhold"]),
        dict(spec["grenser"]),
        frozenset(str(s) for s in spec["reserverte_navn"]),
        dict(spec["malverdier"]),
        wording or {},
        " ".join(str(spec.get("omfang") or "").split()),
    )

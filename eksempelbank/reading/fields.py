"""Check front-matter fields against the schema and normalize their values.

One checker per field type (``type:`` in ``data/eksempelformat.yml``). Each returns the
normalized value, or None after reporting what is wrong, what was written, and what is
allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from .problems import ERROR, WARNING, Problem
from .register import FormerMunicipality, Municipality
from .schema import FieldSpec, Schema
from .staleness import is_stale
from .text import did_you_mean, join_values, quoted, slugify
from .yamlnodes import Node

_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}|pågår|pågående|pagar)?\s*)?$", re.IGNORECASE)
# Characters a URL may not contain as written: they end the link in Markdown or HTML, or are read
# differently by browsers («\» as «/»). Percent-encode them (%28, %29, %20, ...) instead.
_URL_FORBIDDEN = re.compile(r"[\s\"'<>{}()\\^`|\x00-\x1f\x7f]")
_HOST = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+$")
# Characters that change how text is shown or read without being visible: C0/C1 control characters
# (U+0085 is read by YAML as a line break), line/paragraph separators and bidirectional overrides.
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shared_name_message(written: str, today: Municipality, former: FormerMunicipality) -> str:
    """«Sande» is a municipality today and was another one until a merger: ask which is meant."""
    return (
        f"{quoted(written)} kan være dagens {today.name} i {today.county.name} eller {former.name}, som ble "
        f"del av {former.merged_into.name} i {former.ended_year}. Skriv kommunenummeret i anførselstegn "
        f'("{today.number}") for {today.name} i {today.county.name}, eller «{former.merged_into.name}» og '
        f"«tidligere_kommune: {former.name}»."
    )


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be published as a link, or None. Only absolute http(s) addresses."""
    bad = _URL_FORBIDDEN.search(url)
    if bad:
        char = bad.group(0)
        shown = "mellomrom" if char.isspace() else f"U+{ord(char):04X}" if ord(char) < 32 or char == "\x7f" else char
        return (
            f"Nettadressen inneholder «{shown}», som ikke kan stå i en lenke. Skriv hele adressen uten "
            'mellomrom, og skriv tegn som ( ) { } < > " som %-koder (for eksempel %28 og %29 for parenteser).'
        )
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"«{url}» er ikke en nettadresse. Skriv hele adressen med https://."
    host = parts.hostname or ""
    if parts.username or parts.password or not _HOST.match(host):
        return f"«{url}» har ikke et gyldig vertsnavn (som www.kommune.no). Skriv hele adressen med https://."
    return None


class FieldChecker:
    def __init__(self, schema: Schema, display: str, today: date):
        self.schema = schema
        self.display = display
        self.today = today
        self.problems: list[Problem] = []

    # -- reporting ---------------------------------------------------------------------
    def error(self, line: int, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.display, line, field, message, ERROR))

    def warn(self, line: int, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.display, line, field, message, WARNING))

    # -- entry point -------------------------------------------------------------------
    def check(self, front: Node) -> dict[str, Any]:
        """Normalized values of every valid field; problems are collected on ``self``."""
        fields = self.schema.fields
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key, node in front.value.items():
            line = front.key_lines[key]
            spec = fields.get(key)
            if spec is None:
                self._unknown_field(key, line)
                continue
            lines[key] = line
            if node.kind == "null" or (node.kind == "str" and not node.value.strip()):
                if spec.required:
                    self.error(line, key, f"Feltet er tomt. {spec.help}")
                continue
            value = CHECKERS[spec.type](self, spec, node)
            if value is not None:
                values[key] = value
        for spec in fields.values():
            if spec.required and spec.name not in front.value:
                self.error(1, spec.name, f"Mangler påkrevd felt «{spec.name}» ({spec.label}). {spec.help}")
            if spec.requires and spec.name in values and spec.requires not in front.value:
                self.error(
                    lines[spec.name], spec.name, f"Når «{spec.name}» er fylt ut, må også «{spec.requires}» være med."
                )
        self._cross_checks(values, lines, front)
        return values

    def _unknown_field(self, key: str, line: int) -> None:
        names = list(self.schema.fields)
        guess = did_you_mean(key, names)
        if guess and slugify(key).replace("-", "_") == guess:
            hint = f" Skriv «{guess}»: feltnavn skrives uten æ, ø og å og med _ mellom ordene."
        elif guess:
            hint = f" Mente du «{guess}»?"
        else:
            hint = ""
        self.error(line, key, f"Ukjent felt.{hint} Tillatte felt: {join_values(names, 30)}.")

    # -- scalars -----------------------------------------------------------------------
    def text(self, spec: FieldSpec, node: Node, field: str | None = None) -> str | None:
        """The node as text, explaining YAML's surprises instead of accepting them."""
        field = field or spec.name
        if not node.is_scalar:
            self.error(node.line, field, "Skal være én verdi på samme linje, ikke en liste eller nye felt.")
            return None
        if node.kind == "bool" and node.plain:
            read_as = "true (ja)" if node.value else "false (nei)"
            self.error(
                node.line,
                field,
                f"{quoted(node.raw)} ble lest som {read_as}, fordi YAML tolker ord som "
                f'yes/no/on/off som ja/nei. Skriv verdien i anførselstegn: {field}: "{node.raw}".',
            )
            return None
        if node.kind == "int" and node.plain and re.fullmatch(r"[-+]?0\d+", node.raw.strip()):
            self.error(
                node.line,
                field,
                f"{node.raw} ble lest som tallet {node.value}, fordi YAML leser tall med 0 foran "
                f'som oktaltall. Skriv verdien i anførselstegn: {field}: "{node.raw}".',
            )
            return None
        text = node.raw.strip() if node.kind != "str" else node.value.strip()
        if text and text == self.schema.placeholders.get(field):
            self.error(node.line, field, "Dette er hjelpeteksten fra malen. Skriv inn det som gjelder eksempelet.")
            return None
        limit = self.schema.limits.get("maks_tegn_per_verdi")
        if limit and len(text) > limit:
            # Every value at every depth: one becomes a CSV cell and a line in the log (a 144 kB source
            # title was once larger than Python's CSV reader accepts).
            self.error(node.line, field, f"Verdien er {len(text)} tegn lang; høyst {limit} tegn er tillatt her.")
            return None
        if "\n" in text:
            # A value is one line: it is printed in logs, where a line of its own could pass for a
            # command to GitHub (issue 18), and in one cell, heading or list item on the site.
            self.error(
                node.line,
                field,
                "Verdien går over flere linjer (en tom linje eller \\n i den). Skriv den som én linje "
                "tekst; lange verdier kan brytes over flere linjer med >- uten tomme linjer mellom.",
            )
            return None
        hidden = _INVISIBLE.search(text)
        if hidden:
            self.error(
                node.line,
                field,
                f"Inneholder et usynlig kontrolltegn (U+{ord(hidden.group(0)):04X}), som kan endre hvordan "
                "teksten leses eller vises. Det kommer ofte fra kopiering; skriv teksten inn på nytt.",
            )
            return None
        return text

    def check_text(self, spec: FieldSpec, node: Node) -> str | None:
        value = self.text(spec, node)
        if value is None:
            return None
        if spec.max_length and len(value) > spec.max_length:
            self.error(
                node.line, spec.name, f"Teksten er {len(value)} tegn lang; høyst {spec.max_length} tegn er tillatt."
            )
            return None
        if spec.recommended_min_length and len(value) < spec.recommended_min_length:
            self.warn(
                node.line,
                spec.name,
                f"Teksten er bare {len(value)} tegn. Minst {spec.recommended_min_length} tegn gjør det "
                "lettere for leseren å se om eksempelet er relevant.",
            )
        return value

    def check_integer(self, spec: FieldSpec, node: Node) -> int | None:
        if node.kind != "int" or isinstance(node.value, bool):
            self.error(
                node.line,
                spec.name,
                f"{quoted(node.raw)} er ikke et helt tall. Skriv bare sifre, uten mellomrom eller punktum, "
                f"for eksempel {spec.name}: {spec.example}.",
            )
            return None
        if spec.min is not None and node.value < spec.min:
            self.error(node.line, spec.name, f"Må være minst {spec.min}, ikke {node.value}.")
            return None
        return node.value

    def check_year(self, spec: FieldSpec, node: Node) -> int | None:
        if node.kind != "int" or not re.fullmatch(r"\d{4}", node.raw.strip()):
            self.error(
                node.line,
                spec.name,
                f"{quoted(node.raw)} er ikke et årstall. Skriv fire sifre, for eksempel {spec.example}.",
            )
            return None
        if node.value > self.today.year:
            self.error(node.line, spec.name, f"{node.value} ligger fram i tid.")
            return None
        return node.value

    def check_date(self, spec: FieldSpec, node: Node) -> date | None:
        raw = node.raw.strip() if node.is_scalar else ""
        try:
            value = date.fromisoformat(raw if node.kind != "date" else node.value[:10])
        except ValueError:
            value = None
        if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            self.error(
                node.line,
                spec.name,
                f"{quoted(raw)} er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel {spec.example}.",
            )
            return None
        if value > self.today:
            self.error(node.line, spec.name, f"{value.isoformat()} ligger fram i tid.")
            return None
        if spec.stale_after_years and is_stale(value, self.today, spec.stale_after_years):
            self.warn(
                node.line,
                spec.name,
                f"Innholdet ble sist vurdert {value.isoformat()}, for mer enn {spec.stale_after_years} år "
                "siden. Gå gjennom eksempelet og oppdater datoen.",
            )
        return value

    def check_period(self, spec: FieldSpec, node: Node) -> tuple[int, int | None] | None:
        raw = node.raw.strip() if node.is_scalar else ""
        match = _PERIOD.match(raw)
        if not match:
            self.error(
                node.line,
                spec.name,
                f"{quoted(raw)} er ikke en periode. Skriv «2011–2015», «2016–pågår» eller ett årstall som «2018».",
            )
            return None
        start = int(match.group(1))
        end_text = match.group(2)
        has_dash = re.search(r"[-–—]", raw) is not None
        if end_text is None:
            end = None if has_dash else start
        elif end_text.isdigit():
            end = int(end_text)
        else:
            end = None
        if start > self.today.year:
            self.error(node.line, spec.name, f"Startåret {start} ligger fram i tid.")
            return None
        if end is not None and end < start:
            self.error(node.line, spec.name, f"Sluttåret {end} er før startåret {start}.")
            return None
        return start, end

    # -- vocabularies --------------------------------------------------------------------
    def _term(self, spec: FieldSpec, node: Node) -> str | None:
        vocabulary = self.schema.field_vocabulary(spec)
        if node.kind == "bool" and node.plain and vocabulary.find(node.raw) is None:
            # «sprak: no»: YAML reads false, but quoting it would not help either; say what is allowed.
            node = Node("str", node.raw, node.line, raw=node.raw)
        written = self.text(spec, node)
        if written is None:
            return None
        term = vocabulary.find(written)
        if term is None:
            suggestion = vocabulary.suggest(written)
            hint = f" Mente du «{suggestion.id}»?" if suggestion else ""
            self.error(
                node.line,
                spec.name,
                f"{quoted(written)} er ikke en tillatt verdi.{hint} "
                f"Tillatte verdier: {join_values(vocabulary.ids(), 40)}.",
            )
            return None
        return term.id

    def check_choice(self, spec: FieldSpec, node: Node) -> str | None:
        return self._term(spec, node)

    def check_choices(self, spec: FieldSpec, node: Node) -> list[str] | None:
        ids = self._each(spec, node, self._term)
        if ids is None:
            return None
        return ids

    def _items(self, spec: FieldSpec, node: Node) -> list[Node] | None:
        """A list field's items; a single value is accepted as a list of one."""
        if node.kind == "map":
            self.error(node.line, spec.name, "Skal være en verdi eller en liste med «- verdi» på hver linje.")
            return None
        if node.kind == "str" and "," in node.value:
            parts = [p.strip() for p in node.value.split(",") if p.strip()]
            self.error(
                node.line,
                spec.name,
                "Flere verdier skrives som en liste, én per linje, ikke med komma:\n"
                f"  {spec.name}:\n" + "\n".join(f"    - {p}" for p in parts),
            )
            return None
        items = node.value if node.kind == "list" else [node]
        if spec.min_items and len(items) < spec.min_items:
            self.error(node.line, spec.name, f"Skriv minst {spec.min_items} verdi.")
            return None
        return items

    def _each(self, spec: FieldSpec, node: Node, check: Callable) -> list | None:
        items = self._items(spec, node)
        if items is None:
            return None
        results, seen, ok = [], set(), True
        for item in items:
            value = check(spec, item)
            if value is None:
                ok = False
            elif value in seen:
                self.error(item.line, spec.name, f"{quoted(getattr(value, 'name', value))} står to ganger.")
                ok = False
            else:
                seen.add(value)
                results.append(value)
        return results if ok else None

    # -- the register --------------------------------------------------------------------
    def _municipality(self, spec: FieldSpec, node: Node) -> Municipality | None:
        written = self.text(spec, node)
        if written is None:
            return None
        register = self.schema.register
        found = register.lookup_municipality(written)
        if found.municipality and found.former:
            self.error(node.line, spec.name, shared_name_message(written, found.municipality, found.former))
            return None
        if found.municipality:
            return found.municipality
        if found.ambiguous:
            options = " eller ".join(f"«{m.name}»" for m in found.ambiguous)
            self.error(node.line, spec.name, f"Det finnes flere kommuner som heter {quoted(written)}. Skriv {options}.")
        elif found.former:
            f = found.former
            self.error(
                node.line,
                spec.name,
                f"{quoted(written)} finnes ikke lenger som kommune: den ble del av {f.merged_into.name} "
                f"i {f.ended_year}. Skriv «{f.merged_into.name}» her, og «tidligere_kommune: {f.name}» "
                "hvis siden skal vise det gamle navnet.",
            )
        elif written.isdigit():
            self.error(
                node.line,
                spec.name,
                f"Kommunenummer {quoted(written)} finnes ikke i kommuneinndelingen fra 1. januar 2024. "
                "Mange kommunenumre ble endret i 2020 og 2024; skriv kommunenavnet i stedet.",
            )
        else:
            names = register.municipality_names() + [m.alt_name for m in register.municipalities if m.alt_name]
            guess = did_you_mean(written, names)
            hint = f" Mente du «{guess}»?" if guess else ""
            self.error(
                node.line,
                spec.name,
                f"{quoted(written)} er ikke en kommune i kommuneinndelingen fra 1. januar 2024.{hint} "
                "Skriv kommunenavnet eller kommunenummeret (i anførselstegn).",
            )
        return None

    def check_municipalities(self, spec: FieldSpec, node: Node) -> list[Municipality] | None:
        return self._each(spec, node, self._municipality)

    def _former_municipality(self, spec: FieldSpec, node: Node) -> FormerMunicipality | None:
        written = self.text(spec, node)
        if written is None:
            return None
        found = self.schema.register.lookup_municipality(written)
        if found.former:
            return found.former
        if found.municipality or found.ambiguous:
            self.error(
                node.line,
                spec.name,
                f"{quoted(written)} er en kommune i dag. Skriv den under «kommune»; «{spec.name}» er bare "
                "for kommuner som er slått sammen med en annen.",
            )
        else:
            names = [f.name for f in self.schema.register.former_municipalities]
            self.error(
                node.line,
                spec.name,
                f"{quoted(written)} er ikke en kjent tidligere kommune. Kjente tidligere kommuner: "
                f"{join_values(names)}. Mangler en, legg den til i data/register/tidligere-kommuner.csv.",
            )
        return None

    def check_former_municipalities(self, spec: FieldSpec, node: Node) -> list[FormerMunicipality] | None:
        return self._each(spec, node, self._former_municipality)

    def check_county(self, spec: FieldSpec, node: Node) -> list[tuple[str, int]] | None:
        """Counties as written, with lines; compared with the municipalities in ``_cross_checks``."""
        items = self._items(spec, node)
        if items is None:
            return None
        written = []
        for item in items:
            text = self.text(spec, item)
            if text is not None:
                written.append((text, item.line))
        return written

    def check_entries(self, spec: FieldSpec, node: Node) -> list[dict[str, Any]] | None:
        rules = self.schema.entries[spec.name]
        if node.kind != "list":
            self.error(
                node.line,
                spec.name,
                f"Skal være en liste der hvert punkt starter med «- tittel: …», for eksempel:\n"
                f"  {spec.name}:\n    - tittel: …\n      url: https://…",
            )
            return None
        if spec.min_items and len(node.value) < spec.min_items:
            self.error(node.line, spec.name, f"Oppgi minst {spec.min_items}.")
            return None
        entries, ok = [], True
        for item in node.value:
            if item.kind != "map":
                self.error(
                    item.line,
                    spec.name,
                    "Hvert punkt skal ha feltene «tittel» og "
                    f"{' eller '.join(quoted(k) for k in rules.get('one_of', ['url']))} på egne linjer.",
                )
                ok = False
                continue
            entry: dict[str, Any] = {}
            for key, value in item.value.items():
                name = f"{spec.name}.{key}"
                if key not in rules["keys"]:
                    guess = did_you_mean(key, rules["keys"])
                    hint = f" Mente du «{guess}»?" if guess else ""
                    self.error(
                        item.key_lines[key], name, f"Ukjent felt.{hint} Tillatt her: {', '.join(rules['keys'])}."
                    )
                    ok = False
                    continue
                checked: int | date | str | None
                if key == "aar":
                    checked = self.check_year(_year_spec(name), value)
                elif key in rules.get("dates", []):
                    checked = self.check_date(_date_spec(name), value)
                else:
                    checked = self.text(spec, value, field=name)
                    longest = rules.get("max_length", {}).get(key)
                    if checked is not None and longest and len(checked) > longest:
                        self.error(
                            value.line, name, f"Teksten er {len(checked)} tegn lang; høyst {longest} tegn er tillatt."
                        )
                        checked = None
                    if checked is not None and key == "url" and (problem := url_problem(checked)):
                        self.error(value.line, name, problem)
                        checked = None
                if checked is None:
                    ok = False
                elif checked != "":
                    entry[key] = checked
                elif key in rules.get("required", []):
                    # An empty title is a missing title: every later use (the page, the CSV) needs one.
                    self.error(
                        value.line, name, f"«{key}» er tomt. Skriv inn {rules.get('labels', {}).get(key, key).lower()}."
                    )
                    ok = False
            missing = [k for k in rules.get("required", []) if k not in item.value]
            for key in missing:
                self.error(item.line, f"{spec.name}.{key}", f"Mangler «{key}».")
                ok = False
            labels = rules.get("labels", {})
            for key, other in rules.get("needs", {}).items():
                if key in item.value and other not in item.value:
                    self.error(
                        item.key_lines[key],
                        f"{spec.name}.{key}",
                        f"«{key}» ({labels.get(key, key)}) hører sammen med «{other}»: skriv adressen som "
                        f"er lagt ned under «{other}», eller fjern «{key}».",
                    )
                    ok = False
            for key, other in rules.get("not_with", {}).items():
                if key in item.value and other in item.value:
                    self.error(
                        item.key_lines[key],
                        f"{spec.name}.{key}",
                        f"«{key}» sier at kilden ikke har noen nettadresse, men punktet har «{other}». "
                        f"Behold det ene: «{other}» hvis dokumentet finnes på nett, ellers «{key}».",
                    )
                    ok = False
            one_of = rules.get("one_of")
            if one_of and not any(k in item.value for k in one_of):
                self.error(
                    item.line,
                    spec.name,
                    f"Hver kilde trenger {' eller '.join(quoted(k) for k in one_of)}: en nettadresse, "
                    "eller en henvisning til dokumentet (utgiver, år, kapittel).",
                )
                ok = False
            entries.append(entry)
        return entries if ok else None

    # -- rules across fields ---------------------------------------------------------------
    def _cross_checks(self, values: dict[str, Any], lines: dict[str, int], front: Node) -> None:
        municipalities: list[Municipality] = values.get("kommune") or []
        derived = []
        for m in municipalities:
            if m.county.id not in derived:
                derived.append(m.county.id)
        for text, line in values.pop("fylke", None) or []:
            self._check_written_county(text, line, municipalities)
        if municipalities:
            values["fylke"] = derived

        for former in values.get("tidligere_kommune") or []:
            if municipalities and former.merged_into not in municipalities:
                self.error(
                    lines["tidligere_kommune"],
                    "tidligere_kommune",
                    f"{former.name} ble del av {former.merged_into.name}, som ikke står under «kommune».",
                )

        population = values.get("innbyggertall")
        size_id = values.get("kommunestorrelse")
        if population is not None and size_id is not None:
            vocabulary = self.schema.field_vocabulary(self.schema.fields["kommunestorrelse"])
            fits = [
                t
                for t in vocabulary
                if t.extra.get("min_innbyggere", 0) <= population <= t.extra.get("maks_innbyggere", 10**9)
            ]
            if fits and fits[0].id != size_id:
                year = values.get("innbyggertall_aar")
                chosen = vocabulary.get(size_id)
                self.error(
                    lines["kommunestorrelse"],
                    "kommunestorrelse",
                    f"«{size_id}» ({chosen.extra.get('kort', '').rstrip('.')}) stemmer ikke med innbyggertall "
                    f"{population} ({year}). Med det innbyggertallet er kommunen «{fits[0].id}».",
                )

    def _check_written_county(self, text: str, line: int, municipalities: list[Municipality]) -> None:
        register = self.schema.register
        actual = ", ".join(f"{m.name} ligger i {m.county.name}" for m in municipalities)
        county = register.county(text)
        if county is not None:
            if municipalities and county not in {m.county for m in municipalities}:
                self.error(
                    line,
                    "fylke",
                    f"{quoted(text)} stemmer ikke med kommunen: {actual}. "
                    "Rett fylket, eller fjern feltet: fylket hentes fra kommunen.",
                )
            return
        former = register.former_county(text)
        if former is not None:
            now = actual or f"fylket som erstattet det er {' eller '.join(former.successors)}"
            self.error(
                line,
                "fylke",
                f"{quoted(text)} finnes ikke lenger (gjaldt til {former.valid_to}). I dag: {now}. "
                "Skriv dagens fylke, eller fjern feltet: fylket hentes fra kommunen.",
            )
            return
        names = [c.name for c in register.counties]
        guess = did_you_mean(text, names)
        hint = f" Mente du «{guess}»?" if guess else ""
        self.error(line, "fylke", f"{quoted(text)} er ikke et fylke.{hint} Fylker fra 2024: {join_values(names)}.")


@lru_cache(maxsize=32)  # one per list field («kilder.aar»), not one per source
def _year_spec(name: str) -> FieldSpec:
    return FieldSpec(name=name, label="År", type="aarstall", example=2011)


def _date_spec(name: str) -> FieldSpec:
    return FieldSpec(name=name, label="Dato", type="dato", example="2023-04-01")


CHECKERS: dict[str, Callable[[FieldChecker, FieldSpec, Node], Any]] = {
    "tekst": FieldChecker.check_text,
    "heltall": FieldChecker.check_integer,
    "aarstall": FieldChecker.check_year,
    "dato": FieldChecker.check_date,
    "periode": FieldChecker.check_period,
    "valg": FieldChecker.check_choice,
    "valgliste": FieldChecker.check_choices,
    "kommuner": FieldChecker.check_municipalities,
    "tidligere_kommuner": FieldChecker.check_former_municipalities,
    "fylke": FieldChecker.check_county,
    "kilder": FieldChecker.check_entries,  # rules per list in `entries:` of the format
    "lenker": FieldChecker.check_entries,
}

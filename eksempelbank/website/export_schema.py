"""Machine-readable forms of the example format, generated from ``data/`` (never hand-copied).

- :func:`json_schema`: JSON Schema (draft 2020-12) of the front matter, for VS Code and other
  editors (completion, hover help, red underlines). It checks each field's form; rules that
  span fields (the county must match the municipality, size vs population) and the body are
  checked by ``eksempelbank sjekk`` only.
- :func:`format_description`: fields, allowed values, sections and register data for the
  submission form in the browser.
"""

from __future__ import annotations

from typing import Any

from ..reading.schema import FieldSpec, Schema

SCHEMA_URI = "skjema/eksempel.schema.json"
FORMAT_URI = "skjema/eksempelformat.json"

_PERIOD_PATTERN = r"^\s*\d{4}\s*([-–—]\s*(\d{4}|pågår|pågående|pagar)?\s*)?$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _municipality_values(schema: Schema) -> dict[str, Any]:
    register = schema.register
    names = sorted(
        {n for m in register.municipalities for n in (m.name, m.name.split(" (")[0], m.alt_name) if n}
        - {m.name.split(" (")[0] for m in register.municipalities if " (" in m.name}
    )
    numbers = [m.number for m in register.municipalities]
    one = {
        "anyOf": [
            {"type": "string", "enum": names + numbers},
            {"type": "integer", "enum": sorted({int(n) for n in numbers if not n.startswith("0")})},
        ]
    }
    return one


def _one_or_many(item: dict[str, Any], min_items: int = 1) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item, "minItems": min_items, "uniqueItems": True}]}


def _field_schema(spec: FieldSpec, schema: Schema) -> dict[str, Any]:
    kind = spec.type
    if kind == "tekst":
        result: dict[str, Any] = {"type": "string", "minLength": 1}
        longest = spec.max_length or schema.limits.get("maks_tegn_per_verdi")
        if longest:
            result["maxLength"] = longest
    elif kind == "heltall":
        result = {"type": "integer"}
        if spec.min is not None:
            result["minimum"] = spec.min
    elif kind == "aarstall":
        result = {"type": "integer", "minimum": 1000, "maximum": 9999}
    elif kind == "dato":
        result = {"type": "string", "pattern": _DATE_PATTERN, "format": "date"}
    elif kind == "periode":
        result = {
            "anyOf": [
                {"type": "string", "pattern": _PERIOD_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    elif kind in ("valg", "valgliste"):
        vocabulary = schema.field_vocabulary(spec)
        one = {"type": "string", "enum": vocabulary.ids()}
        result = one if kind == "valg" else _one_or_many(one, spec.min_items or 1)
    elif kind == "kommuner":
        result = _one_or_many(_municipality_values(schema))
    elif kind == "tidligere_kommuner":
        names = sorted(
            {f.name for f in schema.register.former_municipalities}
            | {f.name.split(" (")[0] for f in schema.register.former_municipalities}
        )
        result = _one_or_many({"type": "string", "enum": names})
    elif kind == "fylke":
        result = _one_or_many({"type": "string", "enum": [c.name for c in schema.register.counties]})
    elif kind in ("kilder", "lenker"):
        rules = schema.entries[spec.name]
        general = schema.limits.get("maks_tegn_per_verdi")
        lengths = {key: rules.get("max_length", {}).get(key, general) for key in rules["keys"]}
        properties = {
            key: {"type": "string", "minLength": 1, **({"maxLength": lengths[key]} if lengths[key] else {})}
            for key in rules["keys"]
        }
        if "url" in properties:
            properties["url"] = {
                "type": "string",
                "pattern": r"^https?://[^\s/$.?#][^\s]*$",
                **({"maxLength": lengths["url"]} if lengths["url"] else {}),
            }
        if "aar" in properties:
            properties["aar"] = {"type": "integer", "minimum": 1000, "maximum": 9999}
        for key in rules.get("dates", []):
            properties[key] = {"type": "string", "pattern": _DATE_PATTERN, "format": "date"}
        item: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "required": rules.get("required", []),
            "additionalProperties": False,
        }
        if rules.get("one_of"):
            item["anyOf"] = [{"required": [key]} for key in rules["one_of"]]
        result = {"type": "array", "items": item}
        if spec.min_items:
            result["minItems"] = spec.min_items
    else:  # pragma: no cover - a new type in eksempelformat.yml needs a rule here
        raise ValueError(f"unknown field type {kind}")
    result["title"] = spec.label
    result["description"] = spec.help
    if spec.example is not None:
        result["examples"] = [spec.example]
    return result


def json_schema(schema: Schema, site_url: str | None = None) -> dict[str, Any]:
    """``$id`` is the schema's published address when the site's address is known."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": (site_url.rstrip("/") + "/" + SCHEMA_URI) if site_url else SCHEMA_URI,
        "title": "Eksempel i den boligsosiale eksempelbanken",
        "description": "Front matter for én fil i examples/. Generert fra data/eksempelformat.yml.",
        "type": "object",
        "properties": {name: _field_schema(spec, schema) for name, spec in schema.fields.items()},
        "required": [name for name, spec in schema.fields.items() if spec.required],
        "dependentRequired": {spec.name: [spec.requires] for spec in schema.fields.values() if spec.requires},
        "additionalProperties": False,
    }


def format_description(schema: Schema) -> dict[str, Any]:
    """Everything the submission form needs to offer allowed values and check like the build does."""
    register = schema.register
    return {
        "fields": [
            {k: v for k, v in vars(spec).items() if v is not None and v is not False and v != ""}
            for spec in schema.fields.values()
        ],
        "entries": schema.entries,
        # What a body may contain (innhold in the format): the form flags what it never allows.
        "placeholders": schema.placeholders,
        "content": {"url_skjema": list(schema.content.url_schemes), "allowed_text": schema.content.allowed_text()},
        "vocabularies": {
            name: [{"id": t.id, "label": t.label, **t.extra} for t in vocabulary]
            for name, vocabulary in schema.vocabularies.items()
            if not name.startswith("register:")
        },
        "sections": [{"title": s.title, "nn": s.nn, "required": s.required, "hint": s.hint} for s in schema.sections],
        "municipalities": [
            {"number": m.number, "name": m.name, "alt_name": m.alt_name, "county": m.county.name}
            for m in register.municipalities
        ],
        "former_municipalities": [
            {"name": f.name, "ended_year": f.ended_year, "merged_into": f.merged_into.name}
            for f in register.former_municipalities
        ],
        "counties": [c.name for c in register.counties],
        "former_counties": [
            {"name": c.name, "valid_to": c.valid_to, "successors": list(c.successors)} for c in register.former_counties
        ],
        "personal_data": schema.personal_data,
    }

"""The practice format as JSON Schema (draft 2020-12), derived from `schema.FIELDS`.

For editors (VS Code's YAML extension, IntelliJ) and other tools. The validator stays the
authority: it is more lenient (municipality names ignore case and accents) and stricter (files,
body, HTML) than JSON Schema can express.
"""

from __future__ import annotations

import json
from typing import Any

from .schema import FIELDS, Field
from .vocab import Vocab

SCHEMA_FILE = "practices/praktijk.schema.json"


def json_schema(vocab: Vocab) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/vvsg/sdg-praktijkendatabank/practices/praktijk.schema.json",
        "title": "Praktijk (trotsinitiatief) in de SDG-praktijkendatabank",
        "description": "De front matter van een bestand practices/<id>.md. Gegenereerd met "
        "'python -m generator schema'; niet met de hand aanpassen.",
        **_object(FIELDS, vocab),
    }


def dumps(vocab: Vocab) -> str:
    return json.dumps(json_schema(vocab), ensure_ascii=False, indent=2) + "\n"


def _object(fields: tuple[Field, ...], vocab: Vocab) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.key: _field(f, vocab) for f in fields},
        "required": [f.key for f in fields if f.required],
        "additionalProperties": False,
    }


def _field(spec: Field, vocab: Vocab) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if spec.label:
        out["title"] = spec.label
    if spec.help:
        out["description"] = spec.help
    if spec.kind == "text":
        out["type"] = "string"
        if spec.min is not None:
            out["minLength"] = spec.min
        if spec.max is not None:
            out["maxLength"] = spec.max
        out.update(
            {
                "url": {"pattern": "^https?://", "format": "uri"},
                "email": {"format": "email"},
                "image": {"pattern": r"(?i)\.(jpe?g|png|webp|svg)$"},
            }.get(spec.format or "", {})
        )
    elif spec.kind == "int":
        out["type"] = "integer"
        if spec.min is not None:
            out["minimum"] = spec.min
        if spec.max is not None:
            out["maximum"] = spec.max
    elif spec.kind == "bool":
        out["type"] = "boolean"
    elif spec.kind == "date":
        out.update({"type": "string", "format": "date"})
    elif spec.kind == "list":
        assert spec.item is not None
        out.update({"type": "array", "items": _field(spec.item, vocab)})
        if spec.min is not None:
            out["minItems"] = spec.min
        if spec.max is not None:
            out["maxItems"] = spec.max
        if spec.unique:
            out["uniqueItems"] = True
    elif spec.kind == "object":
        out.update(_object(spec.fields, vocab))
        if spec.key == "contact":
            out["anyOf"] = [{"required": ["naam"]}, {"required": ["dienst"]}]
    if spec.vocab:
        terms = vocab.terms(spec.vocab)
        if spec.kind == "int":
            out["enum"] = [int(k) for k in terms]
        else:
            out["enum"] = list(terms)
    if spec.example is not None:
        out["examples"] = [spec.example]
    return out

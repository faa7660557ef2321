"""Check a located YAML document against one of the JSON Schemas in generator/schema/."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator, validators
from jsonschema.exceptions import ValidationError

from generator.load.yaml_source import Located, load_yaml
from generator.problems import Problem

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the schema ``name`` (for example 'claim') as a dict."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


_DOLLAR = re.compile(r"(?<!\\)\$")


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    # JSON Schema's '$' ends the text, but Python's also matches before a final line break:
    # "fc-0001\n" must not pass as an id (fastjsonschema makes the same correction).
    if validator.is_type(instance, "string") and not re.search(_DOLLAR.sub(r"\\Z", pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Strict = validators.extend(Draft7Validator, {"pattern": _pattern})


@cache
def _validator(name: str) -> Any:
    return _Strict(load_schema(name))


@cache
def _quick_validator(name: str) -> Any:
    # Compiled to Python code: 25 times faster, but it only says yes or no (formats are not
    # checked, as jsonschema does not check them either; no default is ever filled in).
    return fastjsonschema.compile(load_schema(name), use_default=False, use_formats=False, detailed_exceptions=False)


def load_valid(file: Path, shown: str, name: str) -> tuple[Located | None, list[Problem]]:
    """Load ``file`` (``shown`` in messages) and check it against schema ``name``.

    Returns the document only when it parses and is valid, with every problem found.
    """
    doc, problem = load_yaml(file, shown)
    if doc is None:
        return None, [problem] if problem else []
    problems = check_schema(doc, name)
    return (None if problems else doc), problems


def check_schema(doc: Located, name: str) -> list[Problem]:
    """Return a problem for every way ``doc`` departs from schema ``name``, in file order."""
    try:
        _quick_validator(name)(doc.data)
        return []  # nearly every record is valid: only the others need jsonschema's explanations
    except fastjsonschema.JsonSchemaException:
        pass
    root = load_schema(name)
    errors = _validator(name).iter_errors(doc.data)
    problems = sorted({p for error in errors for p in _explain(doc, error, root)})
    # The two validators must agree; if they ever do not, the record is still refused.
    return problems or [doc.problem((), f"the record does not match the {name} schema")]


def describe(root: dict[str, Any], path: tuple[Any, ...], data: Any = None) -> str:
    """Return the schema's description of the field at ``path`` (following $ref and items)."""
    node: dict[str, Any] = root
    for part in path:
        node = _resolve(root, node)
        if isinstance(part, int):
            node = node.get("items", {})
            data = data[part] if isinstance(data, list) and part < len(data) else None
            node = _resolve(root, node)
            if "oneOf" in node:
                node = node["oneOf"][0 if isinstance(data, dict) and "source" in data else 1]
        else:
            node = node.get("properties", {}).get(part, {})
            data = data.get(part) if isinstance(data, dict) else None
    return str(node.get("description") or _resolve(root, node).get("description", ""))


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = root
        for key in node["$ref"].lstrip("#/").split("/"):
            target = target[key]
        node = target
    return node


def field_name(path: tuple[Any, ...] | Any) -> str:
    """Render a data path as editors read it: ``evidence[1].url``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the record"


def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value; put it in quotes to mean the word)"
    if isinstance(value, (dict, list)):
        return "a list" if isinstance(value, list) else "a mapping"
    if isinstance(value, int):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


_TYPES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "null": "null",
    "number": "a number",
    "boolean": "true or false",
}


def _explain(doc: Located, error: ValidationError, root: dict[str, Any]) -> Iterator[Problem]:
    at = tuple(error.absolute_path)
    name = field_name(at)
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = describe(root, at, doc.data)
    kind = error.validator
    if kind == "oneOf" and isinstance(error.instance, dict):
        # Evidence is a quote from seeds/ when it names a source, an external reference otherwise.
        branch = 0 if "source" in error.instance else 1
        subs = [e for e in error.context or () if e.schema_path and e.schema_path[0] == branch]
        for sub in subs:
            yield from _explain(doc, sub, root)
        if not subs:
            yield doc.problem(at, f"{name} matches neither form of evidence")
        return
    if kind == "required":
        missing = error.message.split("'")[1]
        yield doc.problem(
            at,
            f"{name} is missing the required field '{missing}'",
            f"Add '{missing}:'. {describe(root, (*at, missing), doc.data)}".strip(),
        )
    elif kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            yield doc.problem(
                (*at, key),
                f"unknown field {_show(key)} in {name}",
                hint + "Expected one of: " + ", ".join(allowed) + ".",
                key=True,
            )
    elif kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        yield doc.problem(at, f"{name}: expected one of: {options}; but received: {_show(error.instance)}", description)
    elif kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPES.get(w, str(w)) for w in wanted)
        shown = _show(error.instance)
        if "string" in wanted and type(error.instance) is int:
            shown += " (put it in quotes to mean the text)"
        yield doc.problem(at, f"{name} must be {words}, but received: {shown}", description)
    elif kind == "pattern":
        yield doc.problem(
            at,
            f"{name} has the wrong form: {_show(error.instance)}",
            description or f"It must match {error.validator_value}.",
        )
    elif kind in ("minLength", "maxLength", "minItems", "maxItems"):
        size = len(error.instance)
        unit = "items" if kind.endswith("Items") else "characters"
        bound = "at least" if kind.startswith("min") else "at most"
        yield doc.problem(at, f"{name} has {size} {unit}; it must have {bound} {error.validator_value}", description)
    elif kind == "uniqueItems":
        yield doc.problem(at, f"{name} lists the same item twice", "Remove the repeated item.")
    else:
        yield doc.problem(at, f"{name}: {error.message}", description)

"""The format reference page, generated from the JSON Schemas so that the two never drift."""

from __future__ import annotations

from html import escape
from typing import Any

from generator.load.schema_check import load_schema

SCHEMAS = (
    ("claim", "Claim records", "claims/<id>.yml"),
    ("translation", "Claim translations", "claims/<language>/<id>.yml"),
    ("source", "Source metadata", "seeds/<id>.yml"),
    ("ratings", "Rating scale", "ratings.yml"),
    ("report", "Report settings", "report.yml"),
    ("standards", "Editorial standards", "standards.yml"),
    ("team", "Team", "team.yml"),
)


def format_reference() -> list[dict[str, Any]]:
    """Return, per schema, its title, file pattern, description and rows of (field, type, required, text)."""
    out = []
    for name, title, pattern in SCHEMAS:
        schema = load_schema(name)
        rows: list[tuple[str, str, bool, str]] = []
        _walk(schema, schema, "", rows)
        out.append(
            {
                "name": name,
                "title": title,
                "pattern": pattern,
                "description": schema.get("description", ""),
                "rows": rows,
                "file": f"generator/schema/{name}.schema.json",
            }
        )
    return out


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = root
        for key in node["$ref"].lstrip("#/").split("/"):
            target = target[key]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _type(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "one of: " + ", ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    words = {"string": "text", "array": "list", "object": "mapping", "integer": "whole number", "null": "null"}
    text = " or ".join(words.get(k, str(k)) for k in kinds if k)
    if "pattern" in node:
        text += f" matching `{node['pattern']}`"
    return text


def _walk(root: dict[str, Any], node: dict[str, Any], prefix: str, rows: list[tuple[str, str, bool, str]]) -> None:
    node = _resolve(root, node)
    required = set(node.get("required", []))
    for key, prop in node.get("properties", {}).items():
        prop = _resolve(root, prop)
        name = f"{prefix}{key}"
        description = escape(prop.get("description", "")).replace("|", "\\|")
        if prop.get("type") == "array" and "items" in prop:
            items = _resolve(root, prop["items"])
            if "oneOf" in items:
                rows.append((name, "list", key in required, description))
                for branch in items["oneOf"]:
                    rows.append((f"{name}[] ({branch['title']})", "mapping", False, ""))
                    _walk(root, branch, f"{name}[].", rows)
                continue
            if "properties" in items:
                rows.append((name, "list of mappings", key in required, description))
                _walk(root, items, f"{name}[].", rows)
                continue
            rows.append((name, f"list of {_type(items)}", key in required, description))
        elif "properties" in prop:
            rows.append((name, "mapping", key in required, description))
            _walk(root, prop, f"{name}.", rows)
        else:
            rows.append((name, _type(prop), key in required, description))

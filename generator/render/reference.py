"""The format reference page, generated from the JSON Schemas so that the two never drift."""

from __future__ import annotations

from html import escape
from typing import Any

from generator.i18n import N_, Interface
from generator.load.schema_check import load_schema

SCHEMAS = (
    ("claim", N_("Claim records"), "claims/<id>.yml"),
    ("translation", N_("Claim translations"), "claims/<language>/<id>.yml"),
    ("source", N_("Source metadata"), "seeds/<id>.yml"),
    ("ratings", N_("Rating scale"), "ratings.yml"),
    ("report", N_("Report settings"), "report.yml"),
    ("standards", N_("Editorial standards"), "standards.yml"),
    ("team", N_("Team"), "team.yml"),
)
# The JSON types as the reference names them.
TYPES = {
    "string": N_("text"),
    "array": N_("list"),
    "object": N_("mapping"),
    "integer": N_("whole number"),
    "number": N_("number"),
    "boolean": N_("boolean"),
    "null": N_("null"),
}


def format_reference(ui: Interface) -> list[dict[str, Any]]:
    """Return, per schema, its title, file pattern, description and rows of (field, type, required, text).

    The titles and types are in ``ui``'s words; the field descriptions are the schemas' own (English).
    """
    out = []
    for name, title, pattern in SCHEMAS:
        schema = load_schema(name)
        rows: list[tuple[str, str, bool, str]] = []
        _walk(schema, schema, "", rows, ui)
        out.append(
            {
                "name": name,
                "title": ui.gettext(title),
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


def _type(node: dict[str, Any], ui: Interface) -> str:
    if "enum" in node:
        return ui.gettext("one of: {values}").format(values=", ".join(f"`{v}`" for v in node["enum"]))
    kind = node.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    text = ui.gettext(" or ").join(ui.gettext(TYPES[k]) if k in TYPES else str(k) for k in kinds if k)
    if "pattern" in node:
        text = ui.gettext("{type} matching `{pattern}`").format(type=text, pattern=node["pattern"])
    return text


def _walk(
    root: dict[str, Any], node: dict[str, Any], prefix: str, rows: list[tuple[str, str, bool, str]], ui: Interface
) -> None:
    node = _resolve(root, node)
    required = set(node.get("required", []))
    for key, prop in node.get("properties", {}).items():
        prop = _resolve(root, prop)
        name = f"{prefix}{key}"
        description = escape(prop.get("description", "")).replace("|", "\\|")
        if prop.get("type") == "array" and "items" in prop:
            items = _resolve(root, prop["items"])
            if "oneOf" in items:
                rows.append((name, ui.gettext("list"), key in required, description))
                for branch in items["oneOf"]:
                    rows.append((f"{name}[] ({branch['title']})", ui.gettext("mapping"), False, ""))
                    _walk(root, branch, f"{name}[].", rows, ui)
                continue
            if "properties" in items:
                rows.append((name, ui.gettext("list of mappings"), key in required, description))
                _walk(root, items, f"{name}[].", rows, ui)
                continue
            listed = ui.gettext("list of {type}").format(type=_type(items, ui))
            rows.append((name, listed, key in required, description))
        elif "properties" in prop:
            rows.append((name, ui.gettext("mapping"), key in required, description))
            _walk(root, prop, f"{name}.", rows, ui)
        else:
            rows.append((name, _type(prop, ui), key in required, description))

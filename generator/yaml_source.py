"""Read a YAML file into plain data with the line and column of every node.

Only what a claim record needs is accepted, so that YAML never changes a value's meaning
behind an editor's back: no aliases (no alias bombs), no duplicate keys, no tags, and plain
scalars typed by a small fixed rule (YAML 1.2 core: ``null``, ``true``, ``false``, decimal
integers); everything else, ``no``, ``2021-05-20``, ``1e3`` or ``012`` included, stays text.
Types beyond that are the schema's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.problems import Problem

MAX_BYTES = 256 * 1024
PathKey = tuple[str | int, ...]
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")


@dataclass
class Located:
    """A loaded document: its data, and where each value (and each mapping key) starts."""

    path: str
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: PathKey, key: bool = False) -> tuple[int, int]:
        """Return the (line, col) of the node at ``at``, or of its nearest located parent."""
        table = self.keys if key else self.values
        while at not in table and at not in self.values and at:
            at = at[:-1]
        return table.get(at) or self.values.get(at, (1, 1))

    def problem(self, at: PathKey, message: str, hint: str = "", key: bool = False) -> Problem:
        line, col = self.where(at, key)
        return Problem(self.path, line, col, message, hint)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str):
        self.mark, self.message, self.hint = mark, message, hint


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(
                event.start_mark,
                f"YAML alias '*{event.anchor}' is not allowed in a record",
                "Write the value out in full; anchors and aliases are refused.",
            )
        return Composer.compose_node(self, parent, index)


def _scalar(node: ScalarNode) -> Any:
    if node.tag not in (
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:value",
        "tag:yaml.org,2002:merge",
    ):
        raise _Refused(
            node.start_mark, f"YAML tag '{node.tag}' is not allowed", "Remove the tag; write the value as plain text."
        )
    value = node.value
    if node.style:  # quoted or block scalars are always text (libyaml marks plain ones '', PyYAML None)
        return value
    if value in ("", "~", "null"):
        return None
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    return value


def _build(node: Node, at: PathKey, doc: Located) -> Any:
    doc.values[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_build(item, (*at, i), doc) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(
                key_node.start_mark, "mapping keys must be plain names", "Write keys as simple words, like 'verdict:'."
            )
        key = str(key_node.value)
        if key in result:
            first = doc.keys[(*at, key)]
            raise _Refused(
                key_node.start_mark,
                f"duplicate key '{key}'",
                f"'{key}' is already set on line {first[0]}; keep one of them.",
            )
        doc.keys[(*at, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _build(value_node, (*at, key), doc)
    return result


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Decode UTF-8 (a BOM is allowed); on failure, say where the first bad byte is."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        return None, Problem(
            path,
            line,
            col,
            f"file is not UTF-8 text (byte 0x{raw[err.start]:02x})",
            "Save the file as UTF-8 in your editor.",
        )


def load_yaml(file: Path, path: str) -> tuple[Located | None, Problem | None]:
    """Load ``file`` (shown as ``path`` in messages); return the document or the problem."""
    try:
        raw = file.read_bytes()
    except OSError as err:
        return None, Problem(path, 1, 1, f"cannot read file: {err.strerror}")
    if len(raw) > MAX_BYTES:
        return None, Problem(
            path,
            1,
            1,
            f"file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}",
            "A record should be short; move long material to the analysis of separate claims.",
        )
    text, problem = decode(raw, path)
    if text is None:
        return None, problem
    return parse_yaml(text, path)


def parse_yaml(text: str, path: str) -> tuple[Located | None, Problem | None]:
    """Parse YAML ``text``; return the located document or the first syntax problem."""
    fast = _parse_fast(text, path)
    if fast is not None:
        return fast, None
    doc = Located(path, None)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            return None, Problem(path, 1, 1, "file is empty", "Start from an existing record.")
        doc.data = _build(node, (), doc)
    except _Refused as err:
        return None, Problem(path, err.mark.line + 1, err.mark.column + 1, err.message, err.hint)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        said = " ".join(f"{err.context or ''} {err.problem or ''}".split())
        message, hint = _plain_yaml_error(said)
        return None, Problem(path, line, col, f"invalid YAML: {message}", f"{hint}\n(The YAML parser said: {said}.)")
    except RecursionError:
        return None, Problem(path, 1, 1, "invalid YAML: nested too deeply", "A record has at most a few levels.")
    except yaml.YAMLError as err:
        return None, Problem(path, 1, 1, f"invalid YAML: {err}")
    return doc, None


_FastLoader = getattr(yaml, "CSafeLoader", None)


def _parse_fast(text: str, path: str) -> Located | None:
    """Parse a well-formed document with libyaml, ten times faster; None for anything else.

    Every refusal and syntax error is left to the pure-Python loader above, so that its
    messages, and the marks they point to, stay exactly the same.
    """
    if _FastLoader is None:
        return None
    doc = Located(path, None)
    try:
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None or _has_alias(node):
            return None
        doc.data = _build(node, (), doc)
    except (yaml.YAMLError, _Refused, RecursionError):
        return None
    return doc


def _has_alias(root: Node) -> bool:
    """Tell whether a node is reached twice: libyaml resolves an alias to its anchor's node."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            todo += node.value
        elif isinstance(node, MappingNode):
            todo += [part for pair in node.value for part in pair]
    return False


_YAML_ERRORS = (
    (
        "mapping values are not allowed",
        "a ': ' inside a value",
        'Put the whole value in quotes, for example  note: "Kirby: yes".',
    ),
    ("end of stream", "the file ends inside a quoted text", "Close the quote that is still open."),
    (
        "cannot start any token",
        "a character that cannot start a value here (a tab?)",
        "Indent with spaces, never tabs; quote values that start with @, ` or %.",
    ),
    (
        "expected <block end>",
        "this line does not line up with the ones above it",
        "Check its indentation, and that a quote opened on an earlier line is closed.",
    ),
    (
        "could not find expected ':'",
        "a line without 'key: value' where one was expected",
        "Check the indentation, and that every quote is closed.",
    ),
    (
        "did not find expected",
        "a list or mapping is not laid out as expected",
        "Check the indentation and the '-' of each list item.",
    ),
)


def _plain_yaml_error(said: str) -> tuple[str, str]:
    """Say what the parser found in words an editor knows, with what to do about it."""
    for needle, message, hint in _YAML_ERRORS:
        if needle in said:
            return message, hint
    return said, "Check indentation and quoting; text with ': ' or '#' needs quotes."

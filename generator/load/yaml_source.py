"""Read a YAML file into plain data with the line and column of every node.

Only what a claim record needs is accepted, so that YAML never changes a value's meaning
behind an editor's back: no aliases (no alias bombs), no duplicate keys, no tags, and plain
scalars typed by a small fixed rule (YAML 1.2 core: ``null``, ``true``, ``false``, decimal
integers); everything else, ``no``, ``2021-05-20``, ``1e3`` or ``012`` included, stays text.
Types beyond that are the schema's business. Hostile files are refused with a located message,
never a crash: nesting is capped, files have a size limit, and no value may hold a control
character, half a surrogate pair or an invisible direction override.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.chars import INVISIBLE_CLASS, describe
from generator.problems import Problem, clip, line_col

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20  # a claim record nests three levels deep (evidence, item, field)
PathKey = tuple[str | int, ...]
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# Characters no value may hold, though YAML escapes ("\x02", "\ud800") can write them: control
# characters cannot be shown and break the pages' front matter; half a surrogate pair cannot be
# written as UTF-8; invisible direction overrides make a page show other words than the record's.
_REFUSED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{INVISIBLE_CLASS}]")
# libyaml composes nested collections by recursion in C, where a deep enough file overflows the
# stack; nesting needs one of these characters per level, so fewer of them keeps libyaml safe.
_NESTING_MARKS = "[{-:?"
_LIBYAML_SAFE_MARKS = 1000


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
    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(
                event.start_mark,
                f"YAML alias '*{clip(event.anchor or '')}' is not allowed in a record",
                "Write the value out in full; anchors and aliases are refused.",
            )
        tag = getattr(event, "tag", None) if isinstance(event, NodeEvent) else None
        if tag not in (None, "!"):
            raise _Refused(
                event.start_mark,
                f"YAML tag '{clip(str(tag).replace('tag:yaml.org,2002:', '!!'))}' is not allowed",
                "Remove the tag; write the value as plain text.",
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH + 1:
                raise _Refused(event.start_mark, *_TOO_DEEP)
            return Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1


_TOO_DEEP = (
    f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
    "A record needs a few levels at most; check the indentation and the brackets.",
)


def _check_text(node: ScalarNode, value: str) -> None:
    """Refuse a value holding a character that no page can show as the record means it."""
    bad = _REFUSED.search(value)
    if bad is None:
        return
    char = bad.group()
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        raise _Refused(
            node.start_mark,
            f"text holds {code}, half of a UTF-16 surrogate pair, which is not a character",
            "Write the character itself, or its \\U0001F600 form, instead of two \\u escapes.",
        )
    if char in "\ufffe\uffff":
        raise _Refused(node.start_mark, f"text holds {code}, which is not a character", "Delete it.")
    control = unicodedata.category(char) == "Cc" or "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069"
    raise _Refused(
        node.start_mark,
        f"text holds the invisible {'control ' if control else ''}character {describe(char)}",
        "Delete it: invisible characters can make a page show something other than the record says; "
        "they often come from copying out of a PDF, a word processor or a web page.",
    )


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
            node.start_mark,
            f"YAML tag '{clip(node.tag.replace('tag:yaml.org,2002:', '!!'))}' is not allowed",
            "Remove the tag; write the value as plain text.",
        )
    value = node.value
    _check_text(node, value)
    if not unicodedata.is_normalized("NFC", value):  # one spelling of each letter, as typed on any system
        value = unicodedata.normalize("NFC", value)
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
    if len(at) > MAX_DEPTH:
        raise _Refused(node.start_mark, *_TOO_DEEP)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_build(item, (*at, i), doc) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(key_node.start_mark, "YAML merge key '<<' is not allowed", "Write the keys out in full.")
        if not isinstance(key_node, ScalarNode):
            raise _Refused(
                key_node.start_mark, "mapping keys must be plain names", "Write keys as simple words, like 'verdict:'."
            )
        key = str(key_node.value)
        _check_text(key_node, key)
        if key in result:
            first = doc.keys[(*at, key)]
            raise _Refused(
                key_node.start_mark,
                f"duplicate key '{clip(key)}'",
                f"'{clip(key)}' is already set on line {first[0]}; keep one of them.",
            )
        doc.keys[(*at, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _build(value_node, (*at, key), doc)
    return result


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Decode UTF-8 (a BOM is allowed); on failure, say where the first bad byte is."""
    body = raw.removeprefix(codecs.BOM_UTF8)  # the decoder's offsets count from after the BOM
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as err:
        before = body[: err.start].decode("utf-8")  # valid up to the first bad byte
        return None, Problem(
            path,
            *line_col(before, len(before)),
            f"file is not UTF-8 text (byte 0x{body[err.start]:02x})",
            "Save the file as UTF-8 in your editor.",
        )


def load_yaml(file: Path, path: str, raw: bytes | None = None) -> tuple[Located | None, Problem | None]:
    """Load ``file`` (shown as ``path`` in messages), or its bytes ``raw`` if read already.

    Returns the document, or the problem.
    """
    if raw is None:
        raw, problem = read_file(file, path)
        if raw is None:
            return None, problem
    text, problem = decode(raw, path)
    if text is None:
        return None, problem
    return parse_yaml(text, path)


def read_file(file: Path, path: str) -> tuple[bytes | None, Problem | None]:
    """Return the bytes of ``file`` (shown as ``path``), or why it cannot be read: not a file, unreadable, too large."""
    try:
        if not file.is_file():  # a folder, a pipe or a device would hang or fail the read
            return None, Problem(path, 1, 1, "not a regular file", "Replace it with a plain text file.")
        size = file.stat().st_size  # before reading: the limit also guards memory
        raw = file.read_bytes() if size <= MAX_BYTES else b""
    except OSError as err:
        return None, Problem(path, 1, 1, f"cannot read file: {err.strerror}")
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        return None, Problem(
            path,
            1,
            1,
            f"file is {max(size, len(raw)):,} bytes, over the limit of {MAX_BYTES:,}",
            "A record should be short; move long material to the analysis of separate claims.",
        )
    return raw, None


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
    except yaml.reader.ReaderError as err:
        # Raised for a raw control character in the file, before any mark exists.
        line, col = line_col(text, err.position)
        char = chr(err.character) if isinstance(err.character, int) else str(err.character)
        name = unicodedata.name(char, "")
        return None, Problem(
            path,
            line,
            col,
            f"the file holds the invisible control character U+{ord(char):04X}" + (f" ({name})" if name else ""),
            "Delete it; it often comes from copying out of a PDF, a word processor or a web page.",
        )
    except yaml.YAMLError as err:
        return None, Problem(path, 1, 1, f"invalid YAML: {err}")
    return doc, None


_FastLoader: Any = None
if hasattr(yaml, "CSafeLoader"):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        # _scalar types plain values itself; of the implicit tags only '<<' (refused) matters,
        # and resolving the others for every value is a third of libyaml's time.
        yaml_implicit_resolvers = {"<": yaml.SafeLoader.yaml_implicit_resolvers["<"]}


_TAG_LIKE = re.compile(r"(?:^|[\s\[{,])!")


def _fast_is_safe(text: str) -> bool:
    """Tell whether libyaml may read ``text``: it cannot recurse too deep, and holds no tag to refuse."""
    if sum(map(text.count, _NESTING_MARKS)) >= _LIBYAML_SAFE_MARKS:
        return False
    return "!" not in text or not _TAG_LIKE.search(text)  # the regular expression only when it may match


def _parse_fast(text: str, path: str) -> Located | None:
    """Parse a well-formed document with libyaml, ten times faster; None for anything else.

    Every refusal and syntax error is left to the pure-Python loader above, so that its
    messages, and the marks they point to, stay exactly the same.
    """
    if _FastLoader is None or not _fast_is_safe(text) or "&" in text:
        return None  # an alias needs an anchor, written with '&': rare, left to the exact loader
    doc = Located(path, None)
    try:
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            return None
        doc.data = _build(node, (), doc)
    except (yaml.YAMLError, _Refused, RecursionError):
        return None
    return doc


_YAML_ERRORS = (
    (
        "expected a single document",
        "a second YAML document starts here",
        "A record is one document: remove this '---' line and what follows, or move it to a file of its own.",
    ),
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

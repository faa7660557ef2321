"""Change values in a YAML record in place, keeping its comments, quoting and layout.

The commands that write records (``reanchor --write``, ``withdraw``) go through here, so an
edit touches only the lines of the values it changes. ruamel.yaml reads the file as a
round-trip document; written back unchanged, a record comes out byte for byte the same.

    >>> doc = EditableYaml.parse('# note\\nquote: "old"  # keep me\\nn: null\\n')
    >>> doc.set(("quote",), "new")
    >>> print(doc.dump(), end="")
    # note
    quote: "new"  # keep me
    n: null
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from generator.files import replace_file
from generator.load.yaml_source import PathKey

BOM = "\ufeff"
_LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")


def on_one_line(text: str) -> str:
    """Return a quote with each line break (and the spaces around it) as one space.

    Anchoring treats every run of whitespace alike, so the quote still matches its source,
    and the record keeps it on one readable line.

    >>> on_one_line("through Tuesday. \\n\\nThe Russian")
    'through Tuesday. The Russian'
    """
    return _LINE_BREAK.sub(" ", text)


def _round_trip_yaml(text: str) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never fold a long line that the editor wrote on one line
    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    if indent is None or block_seq_indent is None:
        indent, block_seq_indent = 4, 2
    yaml.indent(mapping=block_seq_indent, sequence=indent, offset=block_seq_indent)
    # Records say 'null'; ruamel's default would write nothing after the colon.
    yaml.representer.add_representer(type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


@dataclass
class EditableYaml:
    """A YAML document loaded for editing, and the text it was loaded from."""

    original: str
    data: Any
    _yaml: YAML

    @classmethod
    def parse(cls, text: str) -> EditableYaml:
        body = text.removeprefix(BOM).replace("\r\n", "\n")
        yaml = _round_trip_yaml(body)
        return cls(text, yaml.load(body), yaml)

    @classmethod
    def read(cls, path: Path) -> EditableYaml:
        return cls.parse(path.read_bytes().decode("utf-8"))

    def get(self, at: PathKey) -> Any:
        node = self.data
        for part in at:
            node = node[part]
        return node

    def set(self, at: PathKey, value: Any) -> None:
        """Set the value at ``at``; a text keeps the quoting style of the text it replaces."""
        parent = self.get(at[:-1])
        old = parent.get(at[-1]) if isinstance(parent, dict) else parent[at[-1]]
        parent[at[-1]] = styled_like(old, value)

    def set_after(self, at: PathKey, value: Any, after: tuple[str, ...]) -> None:
        """Set a mapping key, adding it after the first of ``after`` present when it is new."""
        parent = self.get(at[:-1])
        key = at[-1]
        if key in parent:
            self.set(at, value)
            return
        keys = list(parent)
        place = next((keys.index(k) + 1 for k in after if k in parent), len(keys))
        parent.insert(place, key, styled_like(None, value))

    def delete(self, at: PathKey) -> None:
        parent = self.get(at[:-1])
        if at[-1] in parent:
            del parent[at[-1]]

    def dump(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        text = out.getvalue()
        if "\r\n" in self.original:
            text = text.replace("\n", "\r\n")
        return (BOM + text) if self.original.startswith(BOM) else text

    def save(self, path: Path) -> bool:
        """Write the document to ``path`` if it changed (atomically); return whether it did."""
        text = self.dump()
        if text == self.original:
            return False
        replace_file(path, text.encode("utf-8"))
        return True


def styled_like(old: Any, new: Any) -> Any:
    """Return ``new`` text in the quoting style of ``old``; double quotes for a new value."""
    if not isinstance(new, str) or isinstance(new, ScalarString):
        return new
    if isinstance(old, ScalarString):
        return type(old)(new)
    if isinstance(old, str):
        return new  # plain stays plain; ruamel adds quotes where plain would change the meaning
    return DoubleQuotedScalarString(new)


def mapping(**values: Any) -> CommentedMap:
    """Return a block mapping whose texts are double-quoted, as the records write them."""
    return CommentedMap((key, styled_like(None, value)) for key, value in values.items())

"""What the checker found, and the small family of exceptions the generator raises."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.chars import INVISIBLE_CLASS


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the input, located at ``path:line:col`` (1-based), with a hint to fix it."""

    path: str
    line: int
    col: int
    message: str
    hint: str = field(default="", compare=False)
    code: str = field(default="error", compare=False)  # "warning": reported, but nothing fails

    def __str__(self) -> str:
        level = "warning: " if self.code == "warning" else ""
        text = f"{printable(self.path)}:{self.line}:{self.col}: {level}{printable(self.message)}"
        if self.hint:
            text += "".join(f"\n    {printable(line)}" for line in self.hint.split("\n"))
        return text


class GeneratorError(Exception):
    """Base of every error the generator raises on purpose."""


class InputError(GeneratorError):
    """Raised by the loaders and the checker: the input has mistakes; carries them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConfigError(GeneratorError):
    """Raised when the report's own settings (paths, scale) cannot be used."""


class UsageError(GeneratorError):
    """Raised by a command whose arguments cannot be used: an unknown source, an absent quote."""

    def __init__(self, message: str, hint: str = ""):
        self.hint = hint
        super().__init__(message + "".join(f"\n    {line}" for line in hint.split("\n")))


# What a terminal or a CI log acts on (line breaks, escapes: a record could print a fake
# "::error" line or "OK"), what hides or reorders text, and what cannot be printed as UTF-8.
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{INVISIBLE_CLASS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    r"""Return ``text`` with every control, invisible or direction character written as an escape.

    >>> print(printable("fc-0001\x1b[2K\rOK\n::error::x \u202egnp"))
    fc-0001\x1b[2K\rOK\n::error::x \u202egnp
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    char = found[0]
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def clip(text: str, limit: int = 60, *, join_lines: bool = False) -> str:
    r"""Shorten ``text`` to one printable line: a hostile value must not flood or forge the output.

    Line breaks and other controls are written as escapes, as messages show a value exactly;
    with ``join_lines``, each run of white space becomes one space instead, as prose reads.

    >>> clip("a\nb"), clip("a\n  b", join_lines=True), clip("abcdef", 4)
    ('a\\nb', 'a b', 'abc…')
    """
    text = printable(" ".join(text.split()) if join_lines else text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of ``offset`` in ``text``, as every message locates a place.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def display_path(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with forward slashes, as messages show it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

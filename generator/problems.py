"""What the checker found, and the small family of exceptions the generator raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the input, located at ``path:line:col`` (1-based), with a hint to fix it."""

    path: str
    line: int
    col: int
    message: str
    hint: str = field(default="", compare=False)
    code: str = field(default="error", compare=False)

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        if self.hint:
            text += "".join(f"\n    {line}" for line in self.hint.splitlines())
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
        super().__init__(message + "".join(f"\n    {line}" for line in hint.splitlines()))


def clip(text: str, limit: int = 60) -> str:
    """Shorten ``text`` for a message: a hostile value must not flood the output."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_path(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with forward slashes, as messages show it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

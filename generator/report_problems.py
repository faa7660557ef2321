"""Print problems for people (text), for GitHub pull requests (annotations) or for tools (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.problems import Problem, printable

FORMATS = ("text", "github", "json")


def format_problems(problems: Sequence[Problem], fmt: str = "text") -> str:
    """Format ``problems`` as ``fmt``; the text form ends with a one-line count."""
    if fmt == "json":
        return json.dumps(
            {
                "ok": not any(p.code == "error" for p in problems),
                "problems": [
                    {
                        "file": p.path,
                        "line": p.line,
                        "col": p.col,
                        "level": p.code,
                        "message": p.message,
                        "hint": p.hint,
                    }
                    for p in problems
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "github":
        return "\n".join(_annotation(p) for p in problems)
    lines = [str(p) for p in problems]
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    warnings = sum(p.code == "warning" for p in problems)
    split = f": {_count(len(problems) - warnings, 'error')}, {_count(warnings, 'warning')}" if warnings else ""
    lines.append(f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}{split}." if problems else "")
    return "\n".join(lines).strip()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(p: Problem) -> str:
    # Quoted values are made printable first, so that only the hint's own line breaks remain.
    message = "\n".join(printable(line) for line in [p.message, *(p.hint.split("\n") if p.hint else [])])
    return (
        f"::{'warning' if p.code == 'warning' else 'error'} "
        f"file={_escape_property(printable(p.path))},line={p.line},col={p.col},"
        f"title={_escape_property('fact-check record')}::{_escape_data(message)}"
    )

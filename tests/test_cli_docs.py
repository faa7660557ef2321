"""Every command of the CLI is documented, as `python -m generator COMMAND`, in README.md or docs/."""

from __future__ import annotations

import argparse

import pytest
from conftest import REPO, run_cli

from generator.cli import build_parser


def commands() -> list[str]:
    parser = build_parser()
    (choices,) = [a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(choices)


def documentation() -> str:
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in pages if p.is_file())


def test_the_commands_are_the_ones_this_test_expects_at_least() -> None:
    assert {"check", "new", "diff", "reanchor", "withdraw", "build", "render"} <= set(commands())


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command: str) -> None:
    assert f"python -m generator {command}" in documentation(), (
        f"'python -m generator {command}' appears neither in README.md nor in docs/*.md: add it to the "
        "Commands table of README.md and to docs/contributing.md"
    )


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: python -m generator {command} ")

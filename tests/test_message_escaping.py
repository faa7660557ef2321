"""What a message quotes from a record or a file name cannot act on a terminal or a CI log.

A YAML key or tag can hold a line break (a tag's ``%0A`` is decoded into one), and a file name
can hold terminal escapes: printed as they are, they forge a ``::warning`` line in a GitHub log
or an "OK" on a terminal. Every format shows them as escapes, and only the hint's own line
breaks remain.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture

from generator.cli import main

FORGED_KEY = '"k\\n::warning file=README.md::owned": 1\n"k\\n::warning file=README.md::owned": 2\n'
FORGED_TAG = "id: !foo%0A::warning%20file=x::tagged\n"
FORGED_NAME = "fc-0011\x1b[2K\rOK: 5 claims.yml"


@pytest.fixture
def forged(tmp_path: Path) -> Path:
    report = copy_fixture(tmp_path / "report")
    (report / "claims" / "fc-0009.yml").write_text(FORGED_KEY, encoding="utf-8")
    (report / "claims" / "fc-0010.yml").write_text(FORGED_TAG, encoding="utf-8")
    (report / "claims" / FORGED_NAME).write_text("id: x\n", encoding="utf-8")
    return report


def test_text_messages_show_line_breaks_and_escapes_as_escapes(forged: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--root", str(forged), "check"]) == 1
    out = capsys.readouterr().out
    assert out == (
        "claims/fc-0009.yml:2:1: duplicate key 'k\\n::warning file=README.md::owned'\n"
        "    'k\\n::warning file=README.md::owned' is already set on line 1; keep one of them.\n"
        "claims/fc-0010.yml:1:5: YAML tag '!foo\\n::warning file=x::tagged' is not allowed\n"
        "    Remove the tag; write the value as plain text.\n"
        "claims/fc-0011\\x1b[2K\\rOK: 5 claims.yml:1:1: "
        "file name 'fc-0011\\x1b[2K\\rOK: 5 claims.yml' is not a valid claim id\n"
        "    Use lower-case letters, digits and hyphens, like fc-0007.yml.\n"
        "3 problems in 3 files.\n"
    )
    assert not any(line.startswith("::") for line in out.splitlines())


def test_github_annotations_carry_no_forged_command(forged: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--root", str(forged), "check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "::error file=claims/fc-0009.yml,line=2,col=1,title=fact-check record::"
        "duplicate key 'k\\n::warning file=README.md::owned'%0A"
        "'k\\n::warning file=README.md::owned' is already set on line 1; keep one of them.",
        "::error file=claims/fc-0010.yml,line=1,col=5,title=fact-check record::"
        "YAML tag '!foo\\n::warning file=x::tagged' is not allowed%0ARemove the tag; write the value as plain text.",
        "::error file=claims/fc-0011\\x1b[2K\\rOK%3A 5 claims.yml,line=1,col=1,title=fact-check record::"
        "file name 'fc-0011\\x1b[2K\\rOK: 5 claims.yml' is not a valid claim id%0A"
        "Use lower-case letters, digits and hyphens, like fc-0007.yml.",
    ]


def test_usage_errors_quote_arguments_printably(report_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--root", str(report_dir), "withdraw", "fc-0001\x1b[2K\rOK", "--reason", "A reason long enough."]) == 1
    assert capsys.readouterr().err == (
        "error: no claim record claims/fc-0001\\x1b[2K\\rOK.yml\n"
        "    Give the claim's id, the file name in claims/ without .yml.\n"
    )

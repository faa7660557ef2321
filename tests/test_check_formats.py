"""check prints problems for people, for GitHub pull requests and for tools, each exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import edit


@pytest.fixture
def broken(report_dir: Path) -> Path:
    """The fixture report with a quote that is not in its source and an unknown verdict."""
    edit(
        report_dir / "claims" / "fc-0003.yml",
        'quote: "the base is the largest in the world"',
        'quote: "the base is the biggest on earth"',
    )
    edit(report_dir / "claims" / "fc-0002.yml", 'verdict: "false"', "verdict: wrong")
    return report_dir


def test_text_is_the_default(broken: Path) -> None:
    result = run_cli("check", cwd=broken)
    assert result.returncode == 1
    assert result.stdout == (
        "claims/fc-0002.yml:11:10: unknown verdict 'wrong'\n"
        "    Expected one of: true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable "
        "(see ratings.yml).\n"
        "claims/fc-0003.yml:6:10: quote not found in source 'comments'\n"
        "    Closest passage (78% alike), line 1, col 9:\n"
        '      "one: the base is the largest in the"\n'
        "    Copy the words exactly from the source; mark left-out words with … or [...].\n"
        "2 problems in 2 files.\n"
    )


def test_github_annotations(broken: Path) -> None:
    result = run_cli("check", "--format", "github", cwd=broken)
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=claims/fc-0002.yml,line=11,col=10,title=fact-check record::unknown verdict 'wrong'"
        "%0AExpected one of: true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable "
        "(see ratings.yml).\n"
        "::error file=claims/fc-0003.yml,line=6,col=10,title=fact-check record::quote not found in source "
        "'comments'%0AClosest passage (78%25 alike), line 1, col 9:%0A  \"one: the base is the largest in the\""
        "%0ACopy the words exactly from the source; mark left-out words with … or [...].\n"
    )


def test_json_for_tools(broken: Path) -> None:
    result = run_cli("check", "--format", "json", cwd=broken)
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "ok": False,
        "problems": [
            {
                "file": "claims/fc-0002.yml",
                "line": 11,
                "col": 10,
                "level": "error",
                "message": "unknown verdict 'wrong'",
                "hint": "Expected one of: true, mostly-true, mixed, misleading, false, unproven, opinion, "
                "not-checkable (see ratings.yml).",
            },
            {
                "file": "claims/fc-0003.yml",
                "line": 6,
                "col": 10,
                "level": "error",
                "message": "quote not found in source 'comments'",
                "hint": 'Closest passage (78% alike), line 1, col 9:\n  "one: the base is the largest in the"\n'
                "Copy the words exactly from the source; mark left-out words with … or [...].",
            },
        ],
    }


def test_annotation_properties_are_escaped(report_dir: Path) -> None:
    """A file name with ':' or ',' cannot break out of the annotation's properties."""
    (report_dir / "claims" / "a,b:c.yml").write_text("id: x\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", cwd=report_dir)
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=claims/a%2Cb%3Ac.yml,line=1,col=1,title=fact-check record::")


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "OK: 6 claims, 3 sources, 8 verdicts.\n"),
        ("github", ""),
        ("json", '{\n  "ok": true,\n  "problems": []\n}\n'),
    ],
)
def test_a_clean_report(report_dir: Path, fmt: str, expected: str) -> None:
    result = run_cli("check", "--format", fmt, cwd=report_dir)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")

"""Folders of example claim files: every valid one passes, every invalid one gives its exact message.

Each ``examples/invalid/NAME.yml`` has ``NAME.expected`` beside it: the exact output of
``python -m generator check`` once the file is dropped into the fixture report's claims/.
Run with UPDATE_GOLDEN=1 to rewrite the expected files, then read the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, copy_fixture, matches_golden, run_cli

EXAMPLES = REPO / "tests" / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.yml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yml"))


@pytest.fixture(scope="module")
def fixture_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture(tmp_path_factory.mktemp("examples") / "report")


def check_with(report: Path, example: Path) -> tuple[int, str]:
    target = report / "claims" / example.name
    shutil.copyfile(example, target)
    try:
        result = run_cli("--root", str(report), "check")
    finally:
        target.unlink()
    assert "Traceback" not in result.stderr + result.stdout
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize("example", VALID, ids=[p.stem for p in VALID])
def test_valid_example_passes(fixture_copy: Path, example: Path) -> None:
    status, output = check_with(fixture_copy, example)
    assert (status, output) == (0, "OK: 7 claims, 3 sources, 8 verdicts.\n")


@pytest.mark.parametrize("example", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_example_gives_its_exact_message(fixture_copy: Path, example: Path) -> None:
    status, output = check_with(fixture_copy, example)
    expected = example.with_suffix(".expected")
    assert status == 1
    assert matches_golden(expected, output), output


def test_every_invalid_example_has_its_expected_message() -> None:
    assert INVALID, "no invalid examples found"
    assert [p.stem for p in INVALID] == sorted(p.stem for p in (EXAMPLES / "invalid").glob("*.expected"))

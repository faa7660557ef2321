"""Golden files: the Markdown rendered for the fixture report, kept where a reviewer can read it.

Run with UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, run_cli

GOLDEN = REPO / "tests" / "golden"
PAGES = [
    "index.md",
    "claims/fc-0001.md",
    "claims/fc-0002.md",
    "claims/fc-0004.md",
    "sources/typography.md",
    "ratings.md",
    "verdicts/false.md",
    "tags/index.md",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rendered")
    run_cli(
        "--root",
        str(FIXTURE),
        "render",
        "--out",
        str(out),
        "--site-url",
        "https://factcheck.example.org/report/",
        "--repo-url",
        "https://github.com/example/factcheck-fixture",
        check=True,
    )
    return out


@pytest.mark.parametrize("page", PAGES)
def test_rendered_page_matches_its_golden_file(rendered: Path, page: str) -> None:
    golden = GOLDEN / page
    actual = (rendered / page).read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_drafts_are_not_rendered(rendered: Path) -> None:
    assert not (rendered / "claims" / "fc-0005.md").exists()
    assert "fc-0005" not in (rendered / "claims" / "index.md").read_text(encoding="utf-8")

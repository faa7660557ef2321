"""A failing check or build leaves the previous site as it was, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, REPO, run_cli

pytestmark = pytest.mark.slow
HOSTILE = REPO / "tests" / "hostile"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mkdocs_build(report: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=report, env=ENV, capture_output=True, text=True, check=False
    )


def test_plain_mkdocs_with_hostile_records_leaves_the_site_as_it_was(report_dir: Path) -> None:
    assert mkdocs_build(report_dir).returncode == 0
    before = snapshot(report_dir / "site")
    failing = ["yaml/alias-bomb.yml", "encoding/lone-surrogate.yml", "markdown/nested-lists-in-analysis.yml"]
    for case in failing:
        (report_dir / "claims" / Path(case).name).write_bytes((HOSTILE / case).read_bytes())
    done = mkdocs_build(report_dir)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    for case in failing:  # every problem in one run, each at its place
        assert f"claims/{Path(case).name}:" in done.stderr
    assert snapshot(report_dir / "site") == before


def test_a_build_mkdocs_fails_half_way_leaves_the_site_as_it_was(report_dir: Path) -> None:
    run_cli("--root", str(report_dir), "build", check=True)
    before = snapshot(report_dir / "site")
    # The records are fine; a hand-written page links nowhere, which strict MkDocs refuses only
    # after it has written the pages of this build.
    (report_dir / "docs" / "notes.md").write_text("# Notes\n\nSee [the draft](draft.md).\n", encoding="utf-8")
    result = run_cli("--root", str(report_dir), "build")
    assert result.returncode == 1
    assert "draft.md" in result.stderr
    assert result.stderr.endswith("The build failed; the previous site, if any, is unchanged.\n")
    assert snapshot(report_dir / "site") == before
    assert [p.name for p in report_dir.iterdir() if p.name.startswith(".site")] == []  # no half-built folder


def test_a_build_that_cannot_start_leaves_the_site_as_it_was(report_dir: Path) -> None:
    run_cli("--root", str(report_dir), "build", check=True)
    before = snapshot(report_dir / "site")
    config = report_dir / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("theme:", "theme: [", 1), encoding="utf-8")
    result = run_cli("--root", str(report_dir), "build")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert snapshot(report_dir / "site") == before

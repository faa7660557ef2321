"""A build shows its stages on a terminal, and nothing of them in CI or when its output is a file."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, copy_fixture, run_cli

pytestmark = pytest.mark.slow

STAGES = [
    "Checking the claims and sources...",
    "Checking the records and rendering their pages...",
    "Indexing the site for search with Pagefind...",
]


def build_on_a_terminal(report: Path, ci: str) -> str:
    """Run `generator build` with its error output on a pseudo-terminal; return what it showed."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in ENV.items() if k != "CI"} | ({"CI": ci} if ci else {})
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(report), "build"],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the build ends
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait() == 0, shown.decode()
    os.close(leader)
    return shown.decode().replace("\r\n", "\n")


def test_a_build_on_a_terminal_shows_its_stages(tmp_path: Path) -> None:
    shown = build_on_a_terminal(copy_fixture(tmp_path / "report"), ci="")
    for stage in STAGES:
        assert stage in shown
    assert "Building pages with MkDocs: 26 of 26" in shown  # the count is updated in place
    assert "Indexed 8 pages for search (" in shown  # 5 claims and 3 sources; no listing


def test_a_build_in_ci_or_into_a_file_is_quiet(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    assert build_on_a_terminal(report, ci="true") == ""
    result = run_cli("--root", str(report), "build", check=True)
    assert result.stderr == ""

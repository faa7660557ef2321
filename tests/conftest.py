"""Shared fixtures: the repository, a copy of the fixture report, and the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "report"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run_cli(*args: str, cwd: Path = REPO, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator ARGS`` as a person would, capturing its output."""
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=ENV,
                            capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"generator {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def copy_fixture(dest: Path) -> Path:
    """Copy the fixture report to ``dest``, with the project's stylesheet."""
    shutil.copytree(FIXTURE, dest)
    css = dest / "docs" / "stylesheets" / "factcheck.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_bytes((REPO / "docs" / "stylesheets" / "factcheck.css").read_bytes())
    return dest


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    """A fresh, writable copy of the fixture report."""
    return copy_fixture(tmp_path / "report")

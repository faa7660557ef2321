"""A copy of the fixture report in a git repository of its own, with real commits."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import ENV, copy_fixture

GIT_ENV = {
    **ENV,
    "GIT_AUTHOR_NAME": "Fixture Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Fixture Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity and no user configuration; return its output."""
    result = subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def commit_all(repo: Path, message: str) -> str:
    """Commit everything in ``repo``; return the new commit's id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def make_report_repo(dest: Path) -> Path:
    """Copy the fixture report to ``dest``, make it a git repository on branch main, commit it."""
    copy_fixture(dest)
    git(dest, "init", "-q", "-b", "main")
    commit_all(dest, "The fixture report")
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``path`` with ``new``, byte for byte."""
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_bytes(text.replace(old, new).encode("utf-8"))

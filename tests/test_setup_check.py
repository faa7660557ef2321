"""The set-up check of .ci/run: the README's set-up from nothing, and the package named when a lock
cannot be installed."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

SCRIPT = REPO / ".ci" / "check_setup.py"
spec = importlib.util.spec_from_file_location("check_setup", SCRIPT)
assert spec and spec.loader
check_setup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_setup)

# What pip printed for each way a lock fails; unpinned-extra.txt is what the pip that Python 3.11.7's
# venv brings said of justext's lxml[html_clean] in the lock of 2026-12.
OUTPUT = REPO / "tests" / "pip_output"


@pytest.mark.parametrize(
    ("output", "packages"),
    [("unpinned-extra", ["lxml"]), ("hash-mismatch", ["anyio"]), ("not-on-the-index", ["babel"]), ("no-hash", ["six"])],
)
def test_pip_s_errors_name_their_package(output: str, packages: list[str]) -> None:
    assert check_setup.failing_packages((OUTPUT / f"{output}.txt").read_text(encoding="utf-8")) == packages


def test_the_installer_is_bootstrapped_from_its_own_lock_before_anything_else() -> None:
    lock = (REPO / "requirements-bootstrap.txt").read_text(encoding="utf-8")
    entries = [line for line in lock.splitlines() if line and not line.startswith(("#", " "))]
    assert len(entries) == 1 and entries[0].startswith("pip=="), entries
    assert lock.count("--hash=sha256:") >= 1
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\n$(BIN)/mkdocs:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    assert recipe[0].strip() == "$(PYTHON) -m venv $(VENV)"
    assert recipe[1].strip() == (
        "$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-bootstrap.txt"
    )
    assert all("--require-hashes" in line for line in recipe if "-r requirements" in line)
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").count("python3 .ci/check_setup.py\nmake test") == 1


def broken_root(tmp_path: Path, lock: str) -> Path:
    """A project with the real Makefile and installer lock, and LOCK as its requirements.txt."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("Makefile", "requirements-bootstrap.txt", "pyproject.toml", "requirements-test.txt"):
        shutil.copy(REPO / name, root / name)
    (root / "requirements.txt").write_text(lock, encoding="utf-8")
    return root


@pytest.mark.slow
def test_a_lock_that_cannot_be_installed_stops_the_check_with_the_package_named(tmp_path: Path) -> None:
    # six 1.16.0's wheel has another hash: pip refuses it, and the check says which package.
    root = broken_root(tmp_path, "six==1.16.0 \\\n    --hash=sha256:" + "0" * 64 + "\n")
    (root / ".venv").mkdir()  # a clone that has a venv: the check makes a throwaway one
    done = subprocess.run(["python3", str(SCRIPT), "--root", str(root)], capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    first = done.stderr.splitlines()[0]
    assert first.startswith("check_setup: the locks do not install into a fresh venv with Python 3.")
    assert first.endswith(": six")
    assert "THESE PACKAGES DO NOT MATCH THE HASHES" in done.stderr
    assert "fix: `make lock` pins the dependencies of pyproject.toml again" in done.stderr
    assert sorted(p.name for p in (root / ".venv").iterdir()) == []  # the project's own venv is untouched


@pytest.mark.slow
def test_on_a_fresh_clone_a_failed_set_up_leaves_no_half_made_venv(tmp_path: Path) -> None:
    root = broken_root(tmp_path, "six==1.16.0 \\\n    --hash=sha256:" + "0" * 64 + "\n")
    done = subprocess.run(["python3", str(SCRIPT), "--root", str(root)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0].endswith(": six")
    assert not (root / ".venv").exists()

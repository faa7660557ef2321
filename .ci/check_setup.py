"""Prove that the README's set-up works from nothing, before anything else runs.

Runs the Makefile's own set-up (a venv made with this machine's `python3 -m venv`, the installer
from requirements-bootstrap.txt, then requirements.txt and requirements-test.txt, all by hash)
into `.venv` when there is none yet, as on a fresh clone, and otherwise into a new folder that is
removed afterwards. When a lock cannot be installed, it names the packages and says what to do:

    python3 .ci/check_setup.py [--root DIR]

Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# What pip says, and which part of it names the package: (the line that opens the error, the
# pattern of a package on it or on the indented lines after it).
_NAMED = [
    (re.compile(r"all requirements must have their versions pinned"), re.compile(r"^\s+(\S+?)(?:\[.*?\])?[<>=!~ ]")),
    (re.compile(r"DO NOT MATCH THE HASHES"), re.compile(r"^\s+(\S+?)(?:==\S+)? from ")),
    (re.compile(r"Hashes are required in --require-hashes mode"), re.compile(r"^\s+(\S+?)==")),
    (re.compile(r"No matching distribution found for (\S+?)(?:\[.*?\])?(?:[<>=!~]|$)"), None),
    (re.compile(r"Could not find a version that satisfies the requirement (\S+?)(?:\[.*?\])?(?:[<>=!~ ]|$)"), None),
    (re.compile(r"Failed to build (?:installable wheels for some pyproject\.toml based projects \()?([\w.-]+)"), None),
    (re.compile(r"Cannot install (.+?) because these package versions have conflicting"), None),
]


def failing_packages(output: str) -> list[str]:
    """The packages that pip's output names as the cause of a failed install, in order, once each.

    >>> failing_packages("ERROR: No matching distribution found for lxml==9.9")
    ['lxml']
    """
    names: list[str] = []
    lines = output.splitlines()
    for number, line in enumerate(lines):
        for opening, item in _NAMED:
            found = opening.search(line)
            if not found:
                continue
            if item is None:
                names += [n.strip() for n in re.split(r",| and ", found.group(1)) if n.strip()]
                continue
            for following in lines[number + 1 :]:
                match = item.match(following)
                if not match:
                    break
                names.append(match.group(1))
    return list(dict.fromkeys(name.lower() for name in names))


def pip_errors(output: str) -> list[str]:
    """pip's own error lines, with the lines indented under them."""
    kept: list[str] = []
    lines = output.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("ERROR:") or "error:" in line[:30]:
            kept.append(line)
            kept += [x for x in lines[number + 1 : number + 8] if x.startswith("    ")]
    return kept


def run_setup(root: Path, venv: Path) -> subprocess.CompletedProcess[str]:
    """The Makefile's set-up of the Python packages, into VENV."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(root), f"VENV={venv}", f"{venv}/.test-python"],
        capture_output=True,
        text=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    fresh_clone = not (root / ".venv").exists()
    scratch = None if fresh_clone else Path(tempfile.mkdtemp(prefix="check-setup-"))
    venv = root / ".venv" if scratch is None else scratch / "venv"
    started = time.monotonic()
    try:
        done = run_setup(root, venv)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    python = subprocess.run(["python3", "--version"], capture_output=True, text=True).stdout.strip()
    if done.returncode == 0:
        where = ".venv" if fresh_clone else "a new venv"
        print(f"check_setup: the locks install into {where} with {python} ({time.monotonic() - started:.0f} s)")
        return 0
    if fresh_clone:
        # A half-made .venv would make the next `make` skip the set-up that failed.
        shutil.rmtree(venv, ignore_errors=True)
    output = done.stdout + done.stderr
    packages = failing_packages(output)
    named = ", ".join(packages) if packages else "(pip named no package; its errors follow)"
    print(f"check_setup: the locks do not install into a fresh venv with {python}: {named}", file=sys.stderr)
    for line in pip_errors(output) or output.splitlines()[-20:]:
        print(f"  {line}", file=sys.stderr)
    print(
        "  fix: `make lock` pins the dependencies of pyproject.toml again, with their hashes, in\n"
        "  requirements*.txt; bound a package in pyproject.toml if its newest release is the cause.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())

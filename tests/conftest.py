"""Shared fixtures: the repository, a copy of the fixture report, and the real CLI."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # as the Makefile exports it
# The key that signs the generator's caches, made for this run, not the user's own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "report"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run_cli(*args: str, cwd: Path = REPO, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator ARGS`` as a person would, in this process, capturing its output.

    The command line's own ``main`` runs from ``cwd`` with its standard streams captured: the
    same code path as the console, without an interpreter start per call. ``run_cli_process``
    keeps a few runs end to end, in a process of their own.
    """
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as stop:  # argparse, for a usage error
                status = stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(previous)
    result = subprocess.CompletedProcess(["generator", *args], status, out.getvalue(), err.getvalue())
    if check and result.returncode != 0:
        raise AssertionError(f"generator {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def run_cli_process(
    *args: str, cwd: Path = REPO, check: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator ARGS`` in a new interpreter (with ``env`` added), end to end, capturing its output."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"generator {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def copy_fixture(dest: Path) -> Path:
    """Copy the fixture report to ``dest``: a report of its own, as a desk's would be."""
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns(".cache"))  # what a clone holds
    return dest


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    """A fresh, writable copy of the fixture report."""
    return copy_fixture(tmp_path / "report")


GOLDEN = REPO / "tests" / "golden"


def matches_golden(expected: Path, actual: str) -> bool:
    """Tell whether ``actual`` is the text of the golden file ``expected``.

    Run the suite with UPDATE_GOLDEN=1 to write every golden file from what the code now
    makes, then read the diff: that is the one switch for all of them.
    """
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual.encode("utf-8"))
    return expected.is_file() and expected.read_bytes() == actual.encode("utf-8")  # line ends too (the CSV's)


def kept_golden(folder: Path, made: Iterable[str], besides: tuple[str, ...] = ()) -> list[str]:
    """Return the golden files kept under ``folder`` (but not under its sub-folders ``besides``).

    With UPDATE_GOLDEN=1, the ones no longer ``made`` are removed first, so that no golden file
    outlives what it was made from.
    """
    files = (p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    kept = sorted(rel for rel in files if not rel.startswith(besides))
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in set(kept) - set(made):
            (folder / stale).unlink()
        kept = sorted(set(kept) & set(made))
    return kept


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
ARTIFACTS = REPO / "tests" / "artifacts"


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port; yield its base URL, ending in '/'."""
    with serving(functools.partial(QuietHandler, directory=str(folder))) as base:
        yield base + "/"


@contextlib.contextmanager
def serving(handler: Any) -> Iterator[str]:
    """Run an HTTP server with ``handler`` on a free localhost port, in a thread; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skips when Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The browser tests share one worker of pytest-xdist: Chromiums racing each other for two
    # cores make key presses and page loads arrive late.
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))

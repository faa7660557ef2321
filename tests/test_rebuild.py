"""After a one-claim edit, a build rewrites only what changed; the other files keep bytes and times."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli

pytestmark = pytest.mark.slow


def files(site: Path) -> dict[str, tuple[int, bytes]]:
    return {
        path.relative_to(site).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in site.rglob("*")
        if path.is_file()
    }


def test_a_one_claim_edit_rewrites_that_claims_page_and_not_the_others(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    run_cli("--root", str(report), "build", check=True)
    site = report / "site"
    before = files(site)
    # Make any rewrite visible in the times, however coarse the file system's clock.
    for path in site.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    record = report / "claims" / "fc-0002.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("summary: ", "summary: Edited. ", 1), encoding="utf-8")
    run_cli("--root", str(report), "build", check=True)
    after = files(site)

    # Pagefind names its files after their contents: a changed part of the index is a new file.
    assert {n for n in after if not n.startswith("pagefind/")} == {n for n in before if not n.startswith("pagefind/")}
    kept = after.keys() & before.keys()
    rewritten = {name for name in kept if after[name][0] != 1_000_000_000}
    changed = {name for name in kept if after[name][1] != before[name][1]}
    assert rewritten == changed  # nothing is rewritten with the same bytes
    pages = {name for name in changed if name.endswith(".html")}
    assert pages == {"claims/fc-0002/index.html"}
    # The list of the build's own files changes with Pagefind's file names.
    listed = {".factcheck-site"}
    assert all(name.startswith(("pagefind/", "data/")) or name.endswith(".xml") for name in changed - pages - listed)
    assert len(kept - changed) > 80  # the other pages, assets and most of the index are untouched

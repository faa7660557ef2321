"""Which folder a build may replace: one the generator wrote, never the report or its inputs.

A build makes its output folder a copy of the new site, which removes every file the new site
does not hold. So the folder must hold nothing else: it is refused when it is the report's
folder or one above it, when it is or holds or lies inside one of the report's inputs
(``claims/``, ``seeds/``, ``docs/``, ``.git``), and when it holds a file that no build wrote.
Each build lists the files it wrote in ``MANIFEST``; a file missing from that list is someone
else's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.files import replace_file
from generator.problems import ConfigError, printable

MANIFEST = ".factcheck-site"
INPUTS = ("claims", "seeds", "docs", ".git")


def check_site_dir(root: Path, site_dir: Path, inputs: Iterable[str] = INPUTS, shown: str = "") -> None:
    """Raise ConfigError unless a build may replace ``site_dir`` (``shown`` as the user wrote it)."""
    root, target = root.resolve(), site_dir.resolve()
    said = f"--site-dir {printable(shown or str(site_dir))}"
    refused = "this is the report's own folder" if target == root else "this folder holds the report"
    if not root.is_relative_to(target):
        refused = ""
        for name in inputs:
            part = (root / name).resolve()
            if target == part or target.is_relative_to(part) or part.is_relative_to(target):
                how = "is" if target == part else "lies inside" if target.is_relative_to(part) else "holds"
                refused = f"this {how} {name}/, which the report is made from"
                break
    if refused:
        raise ConfigError(
            f"{said}: {refused}; a build replaces everything in its output folder, so nothing was built.\n"
            "    Choose a folder of its own, such as site (the default)."
        )
    foreign = next(iter(foreign_files(target)), None)
    if foreign is not None:
        raise ConfigError(
            f"{said}: the folder holds files the generator did not write, such as {printable(foreign)}; "
            "a build would delete them, so nothing was built.\n"
            "    Choose an empty or new folder, or move those files out. "
            f"(Each build lists what it wrote in {MANIFEST}.)"
        )


def foreign_files(folder: Path) -> Iterator[str]:
    """Yield, in order and lazily, the files under ``folder`` (relative) that no build listed as its own."""
    if not folder.is_dir():
        return
    listed = written(folder)
    for top, folders, names in os.walk(folder):
        here = Path(top)
        links = [name for name in folders if (here / name).is_symlink()]  # never followed: an entry of its own
        folders[:] = sorted(set(folders) - set(links))
        for name in sorted(names + links):
            rel = (here / name).relative_to(folder).as_posix()
            if rel != MANIFEST and rel not in listed:
                yield rel


def written(folder: Path) -> set[str]:
    """Return the files the last build listed as written into ``folder``."""
    manifest = folder / MANIFEST
    if not manifest.is_file() or manifest.is_symlink():
        return set()
    return set(manifest.read_text(encoding="utf-8").splitlines())


def record_written(folder: Path) -> None:
    """List every file now in ``folder`` as the build's own, in ``MANIFEST`` (rewritten only when it changes)."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir())
    data = "".join(f"{rel}\n" for rel in files if rel != MANIFEST).encode("utf-8")
    manifest = folder / MANIFEST
    if not (manifest.is_file() and not manifest.is_symlink() and manifest.read_bytes() == data):
        replace_file(manifest, data)

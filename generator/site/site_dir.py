"""Which folder a build may replace: one the generator wrote, never the report or its inputs.

A build makes its output folder a copy of the new site, which removes every file the new site
does not hold. So the folder must hold nothing else: it is refused when it is the report's
folder or one above it, when it is or holds or lies inside one of the report's inputs
(``claims/``, ``seeds/``, ``docs/``, ``.git``), and when it holds a file that no build wrote.
Each build lists the files it wrote in ``MANIFEST``; a file missing from that list is someone
else's. The folder may come from a pull request (git checks out ignored files that a branch
holds), so the list is data: a line naming anything outside the folder, and a link anywhere in
it, which no build writes, refuse the build before a file is touched.
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
    planted = next(iter(planted_entries(target)), None)
    if planted is not None:
        raise ConfigError(
            f"{said}: {printable(planted)}, which no build writes; nothing was built.\n"
            "    Delete the folder and build again: a build lists only the files inside it, and writes no link."
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


def planted_entries(folder: Path) -> Iterator[str]:
    """Yield what a build never leaves in ``folder``: links, and lines of ``MANIFEST`` naming a path outside it."""
    if not folder.is_dir():
        return
    for top, folders, names in os.walk(folder):
        for name in sorted(folders + names):
            if (Path(top) / name).is_symlink():
                yield f"{(Path(top) / name).relative_to(folder).as_posix()} is a link"
    for line in _listed(folder):
        if not inside(folder, line):
            yield f"{MANIFEST} lists {line!r}, outside the folder"


def inside(folder: Path, rel: str) -> bool:
    """Whether ``rel`` names a path under ``folder``: relative, without '..', and reached through no link.

    >>> inside(Path("/srv/site"), "claims/fc-0001/index.html"), inside(Path("/srv/site"), "../LICENSE")
    (True, False)
    """
    parts = Path(rel).parts
    if not rel or Path(rel).is_absolute() or ".." in parts or "\\" in rel or "\0" in rel:
        return False
    return not any((folder / Path(*parts[:n])).is_symlink() for n in range(1, len(parts) + 1))


def written(folder: Path) -> set[str]:
    """Return the files the last build listed as written into ``folder``: only paths inside it."""
    return {line for line in _listed(folder) if inside(folder, line)}


def _listed(folder: Path) -> list[str]:
    manifest = folder / MANIFEST
    if not manifest.is_file() or manifest.is_symlink():
        return []
    return manifest.read_text(encoding="utf-8", errors="replace").splitlines()


def record_written(folder: Path) -> None:
    """List every file now in ``folder`` as the build's own, in ``MANIFEST`` (rewritten only when it changes)."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir())
    data = "".join(f"{rel}\n" for rel in files if rel != MANIFEST).encode("utf-8")
    manifest = folder / MANIFEST
    if not (manifest.is_file() and not manifest.is_symlink() and manifest.read_bytes() == data):
        replace_file(manifest, data)

"""Build the site into a fresh folder beside the old one, index it, then bring over what changed.

MkDocs empties its output folder before writing, so building in place would destroy the
previous site when a build fails half-way: a failed build here changes nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import filecmp
import gc
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.site.progress import Progress
from generator.site.search_index import index_site
from generator.site.site_dir import MANIFEST, record_written, written


def build_site(site_dir: Path, make: Callable[[Path], None]) -> int:
    """Call ``make(folder)`` to build into a new folder, index it for search, and update ``site_dir``.

    Returns how many files of ``site_dir`` changed; whatever ``make`` or the index raises, the old
    site stays as it was.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.", dir=site_dir.parent))
    try:
        make(work / "site")
        give_back_memory()  # Pagefind needs as much again as the engine did: hand back what it left
        progress = Progress()
        progress.stage("Indexing the site for search with Pagefind...")
        indexed = index_site(work / "site")
        progress.done(f"Indexed {indexed:,} pages for search")
        return update_tree(work / "site", site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def give_back_memory() -> None:
    """Free what the engine's build left unreachable, and return the freed pages to the system (glibc only)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the memory stays with this process
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def update_tree(new: Path, old: Path) -> int:
    """Make ``old`` a copy of ``new`` by moving in only the files that differ; return how many moved.

    Unchanged files keep their bytes and modification times, so after a one-claim edit only
    that claim's pages (and the listings and index parts that mention it) are rewritten, and
    a server or a deploy step that looks at times sends only those. Both folders must be on
    one file system: each file is replaced in one step. Only files that an earlier build
    listed in ``old/MANIFEST`` are ever removed (generator.site.site_dir refuses a folder
    holding others before the build starts); the new list is written last.
    """
    old.mkdir(parents=True, exist_ok=True)
    ours = written(old)
    moved = 0
    wanted: set[Path] = set()
    files: list[str] = []
    for path in sorted(new.rglob("*")):
        target = old / path.relative_to(new)
        wanted.add(target)
        if path.relative_to(new).as_posix() == MANIFEST:
            continue
        if path.is_dir():
            if target.is_file() or target.is_symlink():
                target.unlink()
            target.mkdir(exist_ok=True)
            continue
        files.append(path.relative_to(new).as_posix())
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
            os.replace(path, target)
            moved += 1
        elif not (target.is_file() and filecmp.cmp(path, target, shallow=False)):
            os.replace(path, target)
            moved += 1
    for rel in sorted(ours - set(files), reverse=True):
        stale = old / rel
        if stale.is_file() or stale.is_symlink():
            stale.unlink()
    for path in sorted(old.rglob("*"), reverse=True):  # folders the stale files leave empty
        if path.is_dir() and not path.is_symlink() and path not in wanted and not any(path.iterdir()):
            path.rmdir()
    record_written(old)
    return moved

"""Replace a file in one step, through a temporary file that nothing already there can stand in for.

A fixed temporary name (``.fc-0001.yml.tmp``) can be planted: a pull request may add a link
by that name pointing out of the repository, and writing to it would overwrite whatever it
points at. The temporary file here is created new, under a name no one can predict, and
moved over the target, which replaces a link rather than writing through it.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> replace_file(folder / "a.txt", b"one")
    >>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
    (b'one', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping its permissions (or the usual ones for a new file)."""
    try:
        mode = stat.S_IMODE(path.lstat().st_mode) if path.is_file() and not path.is_symlink() else None
    except OSError:
        mode = None
    if mode is None:
        umask = os.umask(0o022)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(name, mode)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise


def remove_file(path: Path, root: Path) -> None:
    """Remove the file ``path`` (never a link's target) and the folders it leaves empty, up to ``root``."""
    if not (path.is_file() or path.is_symlink()):
        return
    path.unlink()
    for folder in path.parents:
        if folder == root or not folder.is_dir() or any(folder.iterdir()):
            break
        folder.rmdir()

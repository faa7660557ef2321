"""A live preview's state across its rebuilds, and from one preview session to the next.

Each rebuild writes the generated pages into a folder of their own, whose unchanged files keep
their times, so that the engine's dirty build skips them. When a rebuild makes the same pages
with the same build date and the same report data in hand-written pages as the last one
(``SiteRun.steady``), the engine need only be given the pages whose Markdown changed: the others
are built, and the sitemap of the last build that saw them all is put back.

When a session ends, what it built is kept in ``.cache/preview/`` with a state signed like the
record cache, so that the next session starts from it: it builds only what changed in between.
The state says what the site was built from (the generator, its engine, mkdocs.yml, the
address served); anything else, or a state this user's key did not sign, starts from nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path
from typing import Any

from generator.export.head import Head
from generator.files import replace_file
from generator.load.kept_inputs import KeptInputs
from generator.load.record_cache import (
    FOLDER,
    environment_digest,
    keep_open,
    machine_key,
    safe_folder,
    seal,
    unseal,
    untracked,
    warn_unused,
)
from generator.problems import ConfigError
from generator.render import urls
from generator.render.kept import KeptPages
from generator.site.search_index import BackgroundIndex
from generator.site_run import SiteRun

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
KEPT = "preview"  # under .cache/: a preview's; "build" holds `generator build`'s
FORMAT = 1


class Preview:
    """What a preview session keeps from one rebuild to the next."""

    def __init__(self, root: Path | None = None, context: str = "", kind: str = KEPT) -> None:
        """Start a session: in the report's .cache/ with ``root`` (kept for the next session), else in a temporary
        folder. ``kind``: "preview", or "build" for `generator build`, which keeps its last build the same way."""
        self.key = machine_key() if root is not None else None
        self.folder = root / FOLDER / kind if root is not None and self.key is not None else None
        self.context = context
        trusted = root is not None and untracked(root)  # a folder git tracks came with a branch
        if self.folder is not None and not (trusted and safe_folder(self.folder.parent, self.folder)):
            self.folder = None
        self.lock: int | None = None
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self.lock = _hold(self.folder / ".lock")
            except OSError:  # a report folder that cannot be written: nothing is kept
                self.folder = None
            if self.lock is None:  # another build or preview of this report keeps it now: this one keeps nothing
                self.folder = None
        self.pages_dir = self.folder / "pages" if self.folder else Path(tempfile.mkdtemp(prefix="factcheck-pages-"))
        if any(path.is_symlink() for path in self.pages_dir.rglob("*")):  # a branch's: never written through
            shutil.rmtree(self.pages_dir)
        self.searching = BackgroundIndex()
        keep_open(kind == KEPT)  # a preview's rebuilds check the records from what the last one kept in memory
        self.kept = KeptPages()
        self.inputs = KeptInputs()  # what the last check read
        self.written: dict[str, str] | None = None  # the pages last written to pages_dir
        self.steady: str | None = None  # what the last build listed and dated (SiteRun.steady)
        self.sitemaps: dict[str, bytes] = {}  # the sitemap of the last build that saw every page
        self.heads: dict[str, Head] = {}  # the page heads of the last build
        self.filled: dict[str, str] = {}  # the hand-written pages holding the report's data, as last built
        self.pending: tuple[dict[str, Head], dict[str, str], str] | None = None  # this build's, once built
        self.restricted = False  # this build gives the engine only the generated pages that changed
        self.restored = False  # the site folder holds the last session's build
        self.before: set[str] = set()  # the pages the restored site was built from
        self.complete = False  # the last build was finished: the site holds what the state says

    def restore(self, site_dir: Path) -> bool:
        """Put the last session's site into the empty ``site_dir``, if it was built here from the same inputs."""
        state = self._state()
        if state is None or not (self.folder is not None and (self.folder / "site").is_dir()):
            return False
        try:
            copied = _copy_verified(self.folder / "site", site_dir, state.get("files")) is not None
        except OSError:
            copied = False
        if not copied:
            # Left for this build to replace when it ends: another build of the report may be keeping it now.
            warn_unused(f"{FOLDER}/{self.folder.name}/", "its files are not the ones it kept; the site is built anew")
            for leftover in site_dir.iterdir():  # the part copied before the difference was seen
                shutil.rmtree(leftover) if leftover.is_dir() and not leftover.is_symlink() else leftover.unlink()
            return False
        self.steady, self.sitemaps, self.filled = state["steady"], state["sitemaps"], state["filled"]
        self.before = set(state["pages"])
        self.heads = {page: Head(*head) for page, head in state["heads"].items()}  # see _keep
        self.restored = True
        kept = self._read("rendered")  # the rendered pages and heads: what did not change is not rendered again
        if kept is not None and kept.get("context") == self.context:
            values = {name: (key, Head(*head)) for name, (key, head) in kept["values"].items()}
            self.kept.take(kept["pages"], values)
        return True

    def prepare(self, run: SiteRun, site_dir: Path, docs: Path, named: Iterable[str]) -> set[str] | None:
        """Write the pages of ``run`` and say which the engine must be given: None for all of them.

        ``named``: the pages the site's navigation names, which the engine is always given.
        """
        self.complete = False
        try:
            changed = run.write_markdown(self.pages_dir, self.written)
        except ConfigError:  # files in the kept pages' folder that it did not write: start it again
            shutil.rmtree(self.pages_dir, ignore_errors=True)
            self.written = None
            changed = run.write_markdown(self.pages_dir, self.written)
        # A page no longer made (a claim deleted, renamed or drafted) leaves the preview too.
        before = set(self.written) if self.written is not None else self.before
        run.remove_built(site_dir, before - set(run.pages))
        self.written = run.pages
        # A page whose head changed, or a hand-written page the report's data changed in, is built
        # again though its Markdown file is the same: what the engine built of it goes.
        reheaded = [page for page, head in run.heads.items() if self.heads.get(page) != head]
        filled = run.filled(docs)
        refilled = [page for page, made in filled.items() if self.filled.get(page) != made]
        for page in [*reheaded, *refilled]:
            (site_dir / urls.built_file(page)).unlink(missing_ok=True)
        self.pending = (run.heads, filled, run.steady(filled))
        wanted = None
        if self.pending[2] == self.steady and self.sitemaps:
            # The same pages, dates and hand-written pages as the last build: the engine need only
            # see the pages that changed (and those the navigation names); the others are built.
            wanted = {*changed, *reheaded, *named}
        self.restricted = wanted is not None
        return wanted

    def built(self, site_dir: Path) -> None:
        """Once the engine has built: put back the whole sitemap, or keep it; remember what the site now holds."""
        if self.pending is None:
            return
        if self.restricted:
            for name, data in self.sitemaps.items():
                (site_dir / name).write_bytes(data)
        else:
            self.sitemaps = {n: (site_dir / n).read_bytes() for n in SITEMAPS if (site_dir / n).is_file()}
        self.heads, self.filled, self.steady = self.pending
        self.pending = None
        self.complete = True

    def close(self, site_dir: Path | None) -> None:
        """End the session: keep its site for the next one (or drop its temporary pages)."""
        self.searching.wait(timeout=60)
        keep_open(False)  # the records read stay in memory no longer
        try:
            if self.folder is None:
                shutil.rmtree(self.pages_dir, ignore_errors=True)
                return
            if site_dir is None or not site_dir.is_dir() or self.steady is None or not self.complete:
                return  # a build that failed half-way: the site kept from before stays as it was
            try:
                self._keep(site_dir)
            except OSError:
                shutil.rmtree(self.folder / "site", ignore_errors=True)
        finally:
            if self.lock is not None:
                os.close(self.lock)  # and with it the lock
                self.lock = None

    def _keep(self, site_dir: Path) -> None:
        assert self.folder is not None and self.key is not None
        (self.folder / "state").unlink(missing_ok=True)  # no state while the site is replaced
        shutil.rmtree(self.folder / "site", ignore_errors=True)
        # Copied, not linked: a link would carry a later hand edit of a built page into the next build.
        files = _copy_verified(site_dir, self.folder / "site", None, frozenset({"search-stale.json"}))
        state = {
            "files": files,
            "format": FORMAT,
            "context": self.context,
            "steady": self.steady,
            "sitemaps": self.sitemaps,
            "filled": self.filled,
            "pages": sorted(self.written or ()),
            "heads": {page: astuple(head) for page, head in self.heads.items()},
        }
        pages, values = self.kept.everything()
        rendered = {
            "context": self.context,
            "pages": pages,
            "values": {name: (key, astuple(head)) for name, (key, head) in values.items()},
        }
        self._write("rendered", rendered)
        self._write("state", state)  # last: the state vouches for the site and what was rendered

    def _write(self, name: str, made: dict[str, Any]) -> None:
        assert self.folder is not None and self.key is not None
        replace_file(self.folder / name, seal(self.key, made))

    def _state(self) -> dict[str, Any] | None:
        state = self._read("state")
        if state is None or state.get("format") != FORMAT or state.get("context") != self.context:
            return None
        return state

    def _read(self, name: str) -> dict[str, Any] | None:
        """Return the kept file ``name`` if this user's key signed it, else None."""
        if self.folder is None or self.key is None:
            return None
        return unseal(self.key, self.folder / name)


def preview_context(resolved: object, overrides: Iterable[Path], address: str) -> str:
    """Return what a kept site is built from beyond the report: the generator and every installed package,
    the settings as the engine resolved them (``!ENV`` values included), the files of the theme's overrides
    and hooks (``overrides``: folders or files), and the address served."""
    digest = hashlib.sha256(repr((environment_digest(), address)).encode("utf-8"))
    digest.update(json.dumps(resolved, sort_keys=True, default=str).encode("utf-8"))
    for path in overrides:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(str(file).encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _hold(path: Path) -> int | None:
    """Take the lock ``path`` for this process, without waiting; its descriptor, or None if another holds it."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        return None
    return handle


def _copy_verified(
    source: Path, target: Path, digests: dict[str, str] | None, skipped: frozenset[str] = frozenset()
) -> dict[str, str] | None:
    """Copy the files of ``source`` into ``target`` with their times, and return their SHA-256 by path.

    With ``digests`` (what was kept), the copy stops and returns None at the first file that is
    not among them, differs from its digest, or is a link, and when one of them is missing: the
    kept site is a folder of the report's, which a branch may hold.
    """
    made: dict[str, str] = {}
    for top, folders, names in os.walk(source):
        here = Path(top)
        for name in sorted(folders):
            if (here / name).is_symlink():
                if digests is not None:
                    return None
                folders.remove(name)
            else:
                (target / (here / name).relative_to(source)).mkdir(parents=True, exist_ok=True)
        for name in sorted(names):
            path = here / name
            rel = path.relative_to(source).as_posix()
            if rel in skipped or (path.is_symlink() and digests is None):
                continue
            if path.is_symlink():
                return None
            data = path.read_bytes()
            made[rel] = hashlib.sha256(data).hexdigest()
            if digests is not None and digests.get(rel) != made[rel]:
                return None
            out = target / rel
            out.write_bytes(data)
            shutil.copystat(path, out)
    if digests is not None and set(digests) != set(made):
        return None
    return made

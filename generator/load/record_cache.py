"""Keep each claim record's checked result between runs, in ``.cache/`` beside the report.

A result is used again only when the record's bytes, the sources it quotes and what every
record is checked against (the scale, the source ids, the generator's files, the Python that
wrote it) are those it was made from; anything else is checked afresh.

The file is signed with a key kept outside the report, in the user's own cache folder, and its
signature is checked before anything in it is read: a cache planted in a repository, copied
from another machine, written by another version, or damaged is thrown away whole. Only then
is it decoded, with ``marshal``, which builds plain values (strings, numbers, tuples, lists,
dicts) and runs nothing; it reads 10,000 records about four times faster than JSON, which is
most of a warm check. ``FACTCHECK_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import json
import marshal
import os
import secrets
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import __version__
from generator.files import replace_file
from generator.load.yaml_source import MAX_BYTES, Located
from generator.model import Claim, Evidence, Passage, Scale, Source, Translation
from generator.problems import Problem

FORMAT = 1
FOLDER = ".cache"
FILE = "records.bin"
LOG = "records.log"  # changes since FILE was written whole
LOGGED = 200  # changes a log may hold whatever the number of records
MAX_LOGGED_BYTES = 10**12  # larger than any change a log holds: a longer size is damage
SETTLED = 2  # seconds: see digest_of
PACKAGE = Path(__file__).resolve().parent.parent

# What checking one record gives: its problems, its claim if valid, the id it declares (and where),
# and the ids of the sources it quotes.
Result = tuple[list[Problem], Claim | None, tuple[str, Located] | None, tuple[str, ...]]


@dataclass
class RecordCache:
    """The kept results of one report's records, valid for one ``context``; ``folder`` None keeps nothing."""

    folder: Path | None
    context: str
    key: bytes = b""
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # names whose entry changed since the file was written
    logged: int = 0  # entries in the file's log, after its whole set
    loaded: bool = False  # the file was this context's: changes may be appended to its log
    decoded: dict[str, tuple[str, Result]] = field(default_factory=dict)  # by name: (entry's key, result)
    _seen: dict[str, tuple[tuple[int, ...], str]] = field(default_factory=dict)  # by name: (file status, digest)

    @classmethod
    def open(cls, root: Path, context: str) -> RecordCache:
        """Return the cache of the report at ``root`` for ``context``: empty if absent, foreign or damaged."""
        folder, key = root / FOLDER, machine_key()
        if key is None or not untracked(root):
            return cls(None, context)
        kept = _OPEN.get(folder)
        if kept is not None and kept.context == context:
            return kept  # a preview's rebuild: what this process knows is at least as new as the file
        with paused_collector():
            read = _read(folder / FILE, key, context)
            entries = read or {}
            logged = _replay(folder / LOG, key, context, entries) if entries else 0
        opened = cls(folder, context, key, entries, logged=logged, loaded=read is not None)
        if _KEEP_OPEN:
            _OPEN[folder] = opened
        return opened

    def digest_of(self, file: Path) -> tuple[str | None, bytes | None]:
        """Return the digest of the record ``file``'s bytes (None if it cannot be read), and the bytes if read now.

        A preview asks again on every rebuild: a file whose size, times and inode are those seen
        when it was last read, and was then already SETTLED seconds old, is not read again. A
        file changed within the clock's resolution of that reading is read every time.
        """
        try:
            status = file.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
                return None, None  # checked in full, to say why
            seen = (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino, status.st_dev)
            known = self._seen.get(file.name)
            if known is not None and known[0] == seen:
                return known[1], None
            raw = file.read_bytes()
        except OSError:
            return None, None
        if len(raw) > MAX_BYTES:  # grown since: the full check says why
            return None, None
        made = digest_of_bytes(raw)
        if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > SETTLED * 1_000_000_000:
            self._seen[file.name] = (seen, made)
        return made, raw

    def lookup(self, name: str, digest: str, sources: dict[str, Source], scale: Scale | None) -> Result | None:
        """Return the kept result of the record ``name`` if it was made from bytes of this digest, and these sources."""
        entry = self.entries.get(name)
        if entry is None or entry.get("digest") != digest:
            return None
        deps = entry.get("deps")
        if not isinstance(deps, dict) or any(_dependency(sources, s) != d for s, d in deps.items()):
            return None
        made = self.decoded.get(name)
        if made is not None and made[0] == entry["digest"]:
            return made[1]
        try:
            result = _result(entry["result"], scale)
        except (KeyError, TypeError, ValueError, IndexError):
            return None  # signed by this machine, yet not of this form: check the record again
        self.decoded[name] = (entry["digest"], result)
        return result

    def store(self, name: str, digest: str, result: Result, sources: dict[str, Source], scale: Scale | None) -> None:
        """Keep ``result`` for the record ``name``, made from bytes of ``digest``, if it reads back exactly as it is."""
        if self.folder is None:
            return
        plain = _plain_result(result)
        try:
            back = _result(marshal.loads(marshal.dumps(plain)), scale)
        except (KeyError, TypeError, ValueError, IndexError):
            return  # a value marshal cannot hold: never keep it
        if back != result or _plain_result(back) != plain:
            return  # some value would not come back the same: never keep it
        deps = {source_id: _dependency(sources, source_id) for source_id in result[3]}
        self.entries[name] = {"digest": digest, "deps": deps, "result": plain}
        self.decoded[name] = (self.entries[name]["digest"], result)
        self.changed.add(name)

    def keep_only(self, names: set[str]) -> None:
        """Forget the records that are no longer there."""
        for gone in set(self.entries) - names:
            del self.entries[gone]
            self.decoded.pop(gone, None)
            self._seen.pop(gone, None)
            self.changed.add(gone)

    def save(self) -> None:
        """Write what changed; a folder that cannot be written keeps nothing, silently.

        A few changes are appended to the file's log, each signed; when the log would hold more
        than a quarter of the entries, the whole set is written again and the log emptied.
        """
        if self.folder is None or not self.changed:
            return
        try:
            if not safe_folder(self.folder):
                return
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.is_file():
                replace_file(ignore, b"# Written by the fact-check generator: nothing here is committed.\n*\n")
            whole = self.folder / FILE
            if self.loaded and self.logged + len(self.changed) <= max(LOGGED, len(self.entries) // 4):
                self._append(self.folder / LOG)
            else:
                replace_file(
                    whole, seal(self.key, {"format": FORMAT, "context": self.context, "entries": self.entries})
                )
                (self.folder / LOG).unlink(missing_ok=True)
                self.logged, self.loaded = 0, True  # the next changes go to the log of this file
        except OSError:
            return
        self.changed = set()

    def _append(self, log: Path) -> None:
        """Append each changed entry (None: the record is gone) to the log, signed, in one write."""
        chunks = []
        for name in sorted(self.changed):
            body = marshal.dumps(
                {"format": FORMAT, "context": self.context, "name": name, "entry": self.entries.get(name)}
            )
            chunks.append(sign(self.key, body).encode("ascii") + b" %d\n" % len(body) + body)
        handle = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        with os.fdopen(handle, "wb") as out:
            out.write(b"".join(chunks))
        self.logged += len(chunks)


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause Python's cycle collector while records are read from the cache, then set what was read aside.

    The collector would otherwise walk every object made, again and again; the records hold no
    cycles, so what is set aside (``gc.freeze``) is still freed as soon as nothing uses it.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


_OPEN: dict[Path, RecordCache] = {}  # by cache folder, for the rest of this process, in a preview
_KEEP_OPEN = False


def keep_open(keep: bool) -> None:
    """Keep each cache read in memory for the rest of the process (a preview's), or not (a command's)."""
    global _KEEP_OPEN
    _KEEP_OPEN = keep
    if not keep:
        _OPEN.clear()


def context_of(claims_shown: str, sources: dict[str, Source], scale: Scale | None) -> str:
    """Return what every record of ``claims_shown`` is checked against, as a digest."""
    made = {
        "generator": __version__,
        "code": environment_digest(),
        "claims": claims_shown,
        "sources": sorted(sources),
        "scale": repr(scale),
        "python": sys.version,
    }
    return hashlib.sha256(json.dumps(made, sort_keys=True).encode("utf-8")).hexdigest()


@cache
def package_digest() -> str:
    """Return a digest of the generator's files (code, schemas, templates, theme, catalogs): a changed
    generator trusts nothing it kept."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def environment_digest() -> str:
    """Return a digest of what the generator runs with: its own files, Python, and every installed
    distribution's version (an upgrade of any of them may change what a record or a page gives)."""
    installed = sorted({(d.metadata["Name"] or "", d.version) for d in metadata.distributions()})
    return hashlib.sha256(repr((package_digest(), sys.version, installed)).encode("utf-8")).hexdigest()


def machine_key() -> bytes | None:
    """Return this user's key for signing caches, made on first use; None if it cannot be kept, or if
    FACTCHECK_CACHE=off turns every cache off."""
    if os.environ.get("FACTCHECK_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck-generator"
    path = home / "cache-key"
    try:
        if not path.is_file():
            home.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32))
        key = path.read_text(encoding="ascii").strip()
    except (OSError, RuntimeError, UnicodeDecodeError):
        return None
    return key.encode("ascii") if len(key) == 64 else None


def sign(key: bytes, body: bytes) -> str:
    """Return the signature of ``body`` under this user's ``key``."""
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def seal(key: bytes, value: dict[str, Any]) -> bytes:
    """Return the bytes of a kept file holding ``value``: its signature under ``key``, a line break, its marshal."""
    body = marshal.dumps(value)
    return sign(key, body).encode("ascii") + b"\n" + body


def unseal(key: bytes, path: Path) -> dict[str, Any] | None:
    """Return what the kept file ``path`` holds if ``key`` signed it (see seal); None if absent, a link, or not."""
    try:
        if path.is_symlink():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    mac, _, body = data.partition(b"\n")
    if not hmac.compare_digest(sign(key, body).encode("ascii"), mac):
        return None
    try:
        made = marshal.loads(body)  # signed by this user's key: written by this generator
    except (EOFError, ValueError, TypeError):
        return None
    return made if isinstance(made, dict) else None


def untracked(root: Path) -> bool:
    """Whether git tracks nothing under the report's ``.cache/``: a branch that holds files there (``git add -f``)
    had them checked out over the user's own, so nothing in it is used, nor written."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", FOLDER], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return True  # no git: nothing can have been checked out
    if done.returncode == 0 and done.stdout:
        warn_unused(f"{FOLDER}/", "git tracks files in it, so a branch may have put them there; untrack them")
        return False
    return True


def warn_unused(shown: str, why: str) -> None:
    """Say once per process, in one line, that what was kept in ``shown`` is not used, and why."""
    if shown not in _WARNED:
        _WARNED.add(shown)
        print(f"warning: {shown} is not used: {why}", file=sys.stderr)


_WARNED: set[str] = set()


def safe_folder(*folders: Path) -> bool:
    """Tell whether a cache may be kept in ``folders`` (a folder of the report's, and those in it on the way):
    none is a link, which a repository may hold, or a file."""
    return not any(part.is_symlink() or (part.exists() and not part.is_dir()) for part in folders)


def _read(path: Path, key: bytes, context: str) -> dict[str, dict[str, Any]] | None:
    """Return the entries of the cache file if this machine signed it for ``context``; else None."""
    made = unseal(key, path) if safe_folder(path.parent) else None
    if made is None and (path.is_file() or path.is_symlink()):
        warn_unused(
            f"{FOLDER}/{path.name}", "this user's key did not sign it (another machine's, a branch's, or damaged)"
        )
    if made is None or made.get("format") != FORMAT or made.get("context") != context:
        return None
    entries = made.get("entries")
    return entries if isinstance(entries, dict) else None


def _replay(path: Path, key: bytes, context: str, entries: dict[str, dict[str, Any]]) -> int:
    """Apply the log's signed changes to ``entries``, up to the first that is damaged; return how many there were."""
    try:
        if path.is_symlink():
            return 0
        data = path.read_bytes()
    except OSError:
        return 0
    at = count = 0
    while at < len(data):
        head_end = data.find(b"\n", at)
        mac, _, size = data[at:head_end].partition(b" ")
        if head_end < 0 or not size.isdigit() or len(size) > len(str(MAX_LOGGED_BYTES)):
            warn_unused(f"{FOLDER}/{path.name}", f"it is damaged at byte {at}; the records it named are checked again")
            break
        body = data[head_end + 1 : head_end + 1 + int(size)]
        if len(body) != int(size) or not hmac.compare_digest(sign(key, body).encode("ascii"), mac):
            warn_unused(f"{FOLDER}/{path.name}", f"it is damaged at byte {at}; the records it named are checked again")
            break
        try:
            change = marshal.loads(body)  # signed by this user's key: written by this generator
        except (EOFError, ValueError, TypeError):
            break
        if not isinstance(change, dict) or change.get("format") != FORMAT or change.get("context") != context:
            break
        if isinstance(change.get("entry"), dict):
            entries[change["name"]] = change["entry"]
        else:
            entries.pop(str(change.get("name")), None)
        at, count = head_end + 1 + int(size), count + 1
    return count


def digest_of_bytes(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _dependency(sources: dict[str, Source], source_id: str) -> str:
    """Say what a record quoting ``source_id`` was checked against: the text's digest, or its absence."""
    source = sources.get(source_id)
    return source.sha256 if source is not None else "absent"


# Results as plain values (what marshal holds), and back.


def _plain_result(result: Result) -> dict[str, Any]:
    problems, claim, declaration, quoted = result
    return {
        "problems": [(p.path, p.line, p.col, p.message, p.hint, p.code) for p in problems],
        "claim": None if claim is None else _plain_claim(claim),
        "declaration": None
        if declaration is None
        else (declaration[0], declaration[1].path, *declaration[1].where(("id",))),
        "quoted": quoted,
    }


def _result(plain: dict[str, Any], scale: Scale | None) -> Result:
    problems = [Problem(*p) for p in plain["problems"]]
    declared = plain["declaration"]
    declaration = (
        None if declared is None else (declared[0], Located(declared[1], None, {("id",): (declared[2], declared[3])}))
    )
    claim = None if plain["claim"] is None else _claim(plain["claim"], scale)
    return problems, claim, declaration, tuple(plain["quoted"])


CLAIM = tuple(f.name for f in fields(Claim))
EVIDENCE = tuple(f.name for f in fields(Evidence))
PASSAGE = tuple(f.name for f in fields(Passage))


def _plain_claim(claim: Claim) -> tuple[Any, ...]:
    """The claim's fields in their order, its verdict by id (the scale is in the context)."""
    by_name = {name: getattr(claim, name) for name in CLAIM}
    by_name["verdict"] = claim.verdict.id
    by_name["passage"] = _plain_passage(claim.passage)
    by_name["evidence"] = [
        tuple(_plain_passage(e.passage) if name == "passage" else getattr(e, name) for name in EVIDENCE)
        for e in claim.evidence
    ]
    return tuple(by_name[name] for name in CLAIM)


def _claim(plain: tuple[Any, ...], scale: Scale | None) -> Claim:
    if len(plain) != len(CLAIM):
        raise ValueError("not a claim of this version")
    values: dict[str, Any] = dict(zip(CLAIM, plain, strict=True))
    values["verdict"] = scale.get(values["verdict"]) if scale is not None else None
    if values["verdict"] is None:
        raise ValueError("the verdict is no longer on the scale")
    values["passage"] = _passage(values["passage"])
    values["evidence"] = [_evidence(e) for e in values["evidence"]]
    return Claim(**values)


def _evidence(plain: tuple[Any, ...]) -> Evidence:
    values: dict[str, Any] = dict(zip(EVIDENCE, plain, strict=True))
    values["passage"] = _passage(values["passage"])
    return Evidence(**values)


def _plain_passage(passage: Passage | None) -> tuple[Any, ...] | None:
    if passage is None:
        return None
    given = passage.translation
    return (*(getattr(passage, name) for name in PASSAGE[:-1]), None if given is None else (given.text, given.by))


def _passage(plain: Any) -> Passage | None:
    if plain is None:
        return None
    values: dict[str, Any] = dict(zip(PASSAGE, plain, strict=True))
    given = values["translation"]
    values["translation"] = None if given is None else Translation(*given)
    return Passage(**values)

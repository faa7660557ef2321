"""Hand the report `generator build` has just checked to the MkDocs process it starts.

Reading and checking 10,000 records takes seconds; the build would do it twice. The checked
report is written to a file in the build's own temporary folder, named in an environment
variable, and taken over only if no record, source or setting changed in between.

Unpickling runs whatever the file says, so the file is signed with a key that only the two
processes know (a new random one per build, passed in the environment like the file's name):
a file planted by anyone else, or named by a stray variable, is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from pathlib import Path

from generator.model import Report
from generator.settings import Layout

ENV = "FACTCHECK_CHECKED_REPORT"
KEY_ENV = "FACTCHECK_CHECKED_REPORT_KEY"
_DIGEST = hashlib.sha256().digest_size


def fingerprint(layout: Layout) -> list[tuple[str, int, int]]:
    """Return the name, size and modification time of every file the report is read from."""
    found = []
    for part in ("claims", "seeds", "ratings", "settings", "standards", "team"):
        path = layout.path(part)
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            try:
                stat = file.stat()
            except OSError:
                continue
            found.append((str(file), stat.st_size, stat.st_mtime_ns))
    return found


def hand_over(report: Report, layout: Layout, folder: Path) -> dict[str, str]:
    """Write ``report`` into ``folder``; return the environment that lets the build take it over."""
    for source in report.sources.values():
        source.__dict__.pop("folded", None)  # a cache, larger than the text: made again on demand
    file = folder / "checked-report.pickle"
    key = secrets.token_bytes(32)
    data = pickle.dumps((fingerprint(layout), report), protocol=pickle.HIGHEST_PROTOCOL)
    with file.open("wb") as out:
        out.write(hmac.digest(key, data, "sha256"))
        out.write(data)
    return {ENV: str(file), KEY_ENV: key.hex()}


def take_over(layout: Layout) -> Report | None:
    """Return the report handed over for ``layout``, or None if there is none or a file changed."""
    name, key = os.environ.get(ENV), os.environ.get(KEY_ENV, "")
    if not name or not Path(name).is_file():
        return None
    try:
        secret = bytes.fromhex(key)
    except ValueError:
        return None
    raw = Path(name).read_bytes()
    signature, data = raw[:_DIGEST], raw[_DIGEST:]
    if len(secret) < 16 or not hmac.compare_digest(signature, hmac.digest(secret, data, "sha256")):
        return None  # not written by the process that started this one: checked again instead
    recorded, report = pickle.loads(data)
    return report if recorded == fingerprint(layout) and isinstance(report, Report) else None

"""Hand the report `generator build` has just checked to the MkDocs process it starts.

Reading and checking 10,000 records takes seconds; the build would do it twice. The checked
report is written to a file in the build's own temporary folder, named in an environment
variable, and taken over only if no record, source or setting changed in between.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from generator.load.report import Layout
from generator.model import Report

ENV = "FACTCHECK_CHECKED_REPORT"


def fingerprint(layout: Layout) -> list[tuple[str, int, int]]:
    """Return the name, size and modification time of every file the report is read from."""
    found = []
    for part in ("claims", "seeds", "ratings", "settings"):
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
    with file.open("wb") as out:
        pickle.dump((fingerprint(layout), report), out, protocol=pickle.HIGHEST_PROTOCOL)
    return {ENV: str(file)}


def take_over(layout: Layout) -> Report | None:
    """Return the report handed over for ``layout``, or None if there is none or a file changed."""
    name = os.environ.get(ENV)
    if not name or not Path(name).is_file():
        return None
    with open(name, "rb") as data:
        # Written by this build's own `generator build` process, in its private temporary folder.
        recorded, report = pickle.load(data)
    return report if recorded == fingerprint(layout) and isinstance(report, Report) else None

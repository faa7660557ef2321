"""Find what a new report still has to fill in: the TODO markers that `init` leaves in its files.

They are warnings, not errors: a report can be checked and previewed while it is being written.
In the settings (YAML) any TODO counts; in a page only an HTML comment starting with TODO does,
so that a page may speak of TODO markers (as the contributing guide does) without being one.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.problems import Problem, display_path

_IN_SETTINGS = re.compile(r"\bTODO\b")
_IN_PAGE = re.compile(r"<!--\s*TODO\b")


def todo_warnings(root: Path, settings: list[str], docs: str = "docs") -> list[Problem]:
    """Return a warning at every TODO left in ``settings`` files and in the pages under ``docs``."""
    files = [(root / name, _IN_SETTINGS, "the settings still hold a TODO") for name in settings]
    pages = root / docs
    if pages.is_dir():
        files += [(page, _IN_PAGE, "the page still holds a TODO") for page in sorted(pages.rglob("*.md"))]
    found = []
    for file, marker, message in files:
        if not file.is_file() or file.is_symlink():
            continue
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the loader of that file says what is wrong with it
        for number, line in enumerate(lines, start=1):
            if marker is _IN_SETTINGS and line.lstrip().startswith("#"):
                continue  # a comment may speak of TODOs
            match = marker.search(line)
            if match:
                found.append(
                    Problem(
                        display_path(file, root),
                        number,
                        match.start() + 1,
                        message,
                        "Write what it asks for in its place; the site can be previewed meanwhile.",
                        code="warning",
                    )
                )
    return found

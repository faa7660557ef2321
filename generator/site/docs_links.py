"""Refuse links under docs/ that lead out of it: MkDocs follows them and publishes what they point at.

A pull request can add ``docs/leak.md`` linking to ``../.git/config`` (or a folder linking to
the home directory), and the site would carry the file. Links that stay inside docs/ are
harmless and kept, as claims/ and seeds/ keep theirs.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.problems import ConfigError, Problem, display_path
from generator.report_problems import format_problems


def links_out_of(docs: Path, root: Path) -> list[Problem]:
    """Return a problem for each link under ``docs`` that resolves outside it (``root`` for messages)."""
    inside = docs.resolve()
    problems = []
    for top, folders, names in os.walk(docs):  # links to folders are listed, never followed
        here = Path(top)
        folders.sort()
        for name in sorted(folders + names):
            path = here / name
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                what = "folder" if name in folders else "file"
                problems.append(
                    Problem(
                        display_path(path, root),
                        1,
                        1,
                        f"{what} is a link to something outside {display_path(docs, root)}/, which would be published",
                        f"Copy the {what} into {display_path(docs, root)}/ instead of linking to it.",
                    )
                )
        folders[:] = [name for name in folders if not (here / name).is_symlink()]
    return problems


def refuse_links_out_of(docs: Path, root: Path) -> None:
    """Raise ConfigError naming every link under ``docs`` that leads out of it, before any engine runs."""
    leaks = links_out_of(docs, root)
    if leaks:
        raise ConfigError(f"docs/ has links that lead out of it:\n{format_problems(leaks)}")

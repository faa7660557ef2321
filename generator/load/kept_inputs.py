"""What a preview's last check read, so that its next one reads again only the inputs that changed.

Before each check the preview says which files changed since the last one, as its file watcher
saw them (generator.site.watcher): each input (the settings, the scale, the standards and team,
the sources) is read again only if a file of it changed, and each record of claims/ only if that
very file did. Told nothing (None), or of a file that is no input, everything is read again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from generator.load.record_cache import Result
from generator.problems import Problem
from generator.settings import Layout

T = TypeVar("T")
PARTS = ("claims", "seeds", "ratings", "settings", "standards", "team")  # the inputs a preview watches


class KeptRecords:
    """The results of the last check of claims/, by file name, and the files changed in it since."""

    def __init__(self) -> None:
        self.changed: set[str] | None = None  # names in claims/ changed since (None: any may have)
        self._files: list[Path] = []
        self._results: dict[str, Result] = {}
        self._against: tuple[object, object] | None = None  # the sources and scale they were checked against, held

    def unchanged(self, sources: object, scale: object) -> dict[str, Result] | None:
        """Return the results of the files not changed since, if checked against these very sources and scale."""
        against = self._against
        if self.changed is None or against is None or against[0] is not sources or against[1] is not scale:
            return None
        return {name: result for name, result in self._results.items() if name not in self.changed}

    def files(self, folder: Path) -> list[Path]:
        """Return the files of ``folder`` as the last check listed them, with those changed since added or removed."""
        assert self.changed is not None
        listed = set(self._results)
        there = {name for name in self.changed if os.path.lexists(folder / name)}
        if there <= listed and not (self.changed - there) & listed:
            return self._files  # no file came or went
        names = (listed | there) - (self.changed - there)
        return sorted((folder / name for name in names), key=lambda f: f.name)

    def checked(self, files: list[Path], results: list[Result], sources: object, scale: object) -> None:
        """Keep what a check of ``files`` gave, against ``sources`` and ``scale``."""
        self._files, self._results = files, {f.name: r for f, r in zip(files, results, strict=True)}
        self._against = (sources, scale)


class KeptInputs:
    """What the last check of a preview read, by input."""

    def __init__(self) -> None:
        self.records = KeptRecords()
        self.changed: frozenset[Path] | None = None  # what the last check was told changed (None: read everything)
        self._changed: dict[str, set[str]] | None = None  # by input: the paths in it that changed
        self._made: dict[str, tuple[Any, list[Problem]]] = {}
        self._layout: Layout | None = None  # where the last check found the inputs

    def since(self, layout: Layout, changed: frozenset[Path] | None) -> None:
        """Be told the files of ``layout`` changed since the last check: None when any may have."""
        if layout != self._layout:  # mkdocs.yml moved an input: nothing read before is known to be it
            changed, self._layout = None, layout
        self.changed = changed
        self._changed = None if changed is None else _by_input(layout, changed)
        claims = None if self._changed is None else self._changed.get("claims", set())
        # Only a record directly in claims/ is a record; the translations below it are read every time.
        self.records.changed = None if claims is None else {path for path in claims if "/" not in path}

    def read(self, parts: Iterable[str], make: Callable[[], tuple[T, list[Problem]]]) -> tuple[T, list[Problem]]:
        """Return what ``make()`` gave last time if no file of the inputs ``parts`` changed since; else make it."""
        parts = tuple(parts)
        name = " ".join(parts)
        kept = self._made.get(name)
        if kept is None or self._changed is None or any(self._changed.get(part) for part in parts):
            kept = self._made[name] = make()
        return kept[0], list(kept[1])  # the caller adds to its list of problems


def _by_input(layout: Layout, changed: frozenset[Path]) -> dict[str, set[str]] | None:
    """Sort the ``changed`` files by the input they are in, as paths inside it; None if one is in none."""
    inputs = {part: os.path.realpath(layout.path(part)) for part in PARTS}
    found: dict[str, set[str]] = {}
    for path in changed:
        real = os.path.realpath(path)
        part = next((part for part, at in inputs.items() if real == at or real.startswith(at + os.sep)), None)
        if part is None:
            return None
        found.setdefault(part, set()).add(os.path.relpath(real, inputs[part]).replace(os.sep, "/"))
    return found

"""What changed in the report's inputs since a preview's last rebuild, as its file watcher saw it.

The engine's server watches the inputs and rebuilds on any change. Each handler it schedules
with its watcher (a watchdog observer) for them is wrapped here, so that every change is noted
before the server hears of it: the rebuild it starts then reads, checks and keys only the files
noted. A rebuild looks at every file when the notes may not tell all: the first after the
watcher starts (what changed while the first build ran was seen by no one), one that no note
explains (a change in docs/ or mkdocs.yml, or one the watcher missed), one after a folder was
made, moved or removed, one after a rebuild that failed, and all of them when the engine's
server did not schedule its handlers as expected, or once an input that was not there when
the watcher started (an optional team.yml, say) is.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class Changes:
    """The files the watcher saw change since the last rebuild took them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: set[Path] = set()
        self._whole = True  # the next rebuild looks at every file
        self._listening = False  # every input's handler notes here first
        self._absent: list[Path] = []  # inputs that no handler watches

    @contextmanager
    def watching(self, observer: Any, inputs: int, absent: list[Path]) -> Iterator[None]:
        """Note the changes each handler scheduled with ``observer`` meanwhile is told of, before it is told.

        ``inputs``: how many handlers are to be scheduled (one per input watched); if fewer are,
        some change could go unnoted, and every rebuild looks at every file. ``absent``: the inputs
        not watched, for they were not there; once one is, every rebuild looks at every file.
        """
        self._absent = absent
        schedule, wrapped = observer.schedule, []

        def noted(handler: Any, path: Any, *args: Any, **kwargs: Any) -> Any:
            wrapped.append(path)
            return schedule(_Noting(self, handler), path, *args, **kwargs)

        observer.schedule = noted
        try:
            yield
        finally:
            del observer.schedule  # the observer's own method again
            with self._lock:
                self._listening, self._whole = len(wrapped) == inputs, True

    def note(self, event: Any) -> None:
        """Note the files a watcher's ``event`` names; a folder made, moved or removed makes the next rebuild whole."""
        if event.is_directory:
            if event.event_type != "modified":  # a folder's own listing: the events of its files say what changed
                self.rescan()
            return
        named = [Path(os.fsdecode(path)) for path in (event.src_path, getattr(event, "dest_path", "")) if path]
        with self._lock:
            self._seen.update(named)

    def rescan(self) -> None:
        """Make the next rebuild look at every file (the last one failed, or the notes are in doubt)."""
        with self._lock:
            self._whole = True

    def take(self) -> frozenset[Path] | None:
        """Return the files changed since the last rebuild took them, or None when every file must be looked at."""
        with self._lock:
            seen, self._seen = frozenset(self._seen), set()
            whole, self._whole = self._whole or not self._listening or not seen, False
        whole = whole or any(os.path.lexists(path) for path in self._absent)
        return None if whole else seen


class _Noting:
    """A watcher's event handler that first notes each change in ``changes``."""

    def __init__(self, changes: Changes, handler: Any) -> None:
        self.changes, self.handler = changes, handler

    def dispatch(self, event: Any) -> None:
        self.changes.note(event)
        self.handler.dispatch(event)

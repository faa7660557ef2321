"""Progress of a long build, shown on a terminal and kept quiet in CI or when output is not a terminal."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted(stream: TextIO) -> bool:
    """Tell whether progress belongs on ``stream``: a terminal, outside CI."""
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return not in_ci and hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """Stage lines and a counter updated in place, at most ten times a second."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.shown = wanted(self.stream)
        self.started = time.monotonic()
        self.updated = 0.0
        self.counting = False

    def stage(self, text: str) -> None:
        """Start a stage: print ``text`` on a line of its own."""
        self._end_count()
        self.started = time.monotonic()
        self._write(text + "\n")

    def done(self, text: str) -> None:
        """End a stage: print ``text`` with the seconds it took."""
        self._end_count()
        self._write(f"{text} ({time.monotonic() - self.started:.1f} s)\n")

    def count(self, label: str, done: int, total: int) -> None:
        """Show ``label: done of total`` in place of the previous count."""
        now = time.monotonic()
        if done < total and now - self.updated < 0.1:
            return
        self.updated = now
        self.counting = True
        self._write(f"\r{label}: {done:,} of {total:,}\x1b[K")

    def finish(self) -> None:
        """End the line of a counter, if one is showing."""
        self._end_count()

    def _end_count(self) -> None:
        if self.counting:
            self.counting = False
            self._write("\n")

    def _write(self, text: str) -> None:
        if self.shown:
            self.stream.write(text)
            self.stream.flush()

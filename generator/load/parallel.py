"""Run one function over many independent files on every core the machine gives, when there are many."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
# Below this, starting processes costs more than it saves.
MANY = 400


def cores() -> int:
    """Return how many cores this process may use (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def each_file(function: Callable[[T], R], files: Sequence[T]) -> list[R]:
    """Return ``[function(f) for f in files]`` in order, computed by forked processes when it pays.

    ``function`` must be a module-level function; what it reads besides its argument must be
    set before the call, as forked processes see the memory of this one. Processes are only
    forked from a process running one thread (forking copies no other thread, which could
    hold a lock), such as the command line; elsewhere the work stays in this process.
    """
    workers = min(cores(), 8)
    if (
        len(files) < MANY
        or workers < 2
        or threading.active_count() > 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [function(item) for item in files]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, files, chunksize=max(1, len(files) // (workers * 8))))

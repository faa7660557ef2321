"""Run one function over many independent files on every core the machine gives, when there are many."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

C = TypeVar("C")
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


def each_file(function: Callable[[C, T], R], context: C, files: Sequence[T]) -> list[R]:
    """Return ``[function(context, f) for f in files]`` in order, computed by forked processes when it pays.

    ``function`` must be a module-level function. Forked processes receive ``function`` and
    ``context`` in the memory they inherit, so a large context (every source, folded) is not
    pickled for each task. Processes are only forked from a process running one thread (forking
    copies no other thread, which could hold a lock), such as the command line; elsewhere the
    work stays in this process.
    """
    workers = min(cores(), 8)
    if (
        len(files) < MANY
        or workers < 2
        or threading.active_count() > 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [function(context, item) for item in files]
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_receive,
        initargs=(function, context),  # inherited by the fork, not pickled
    ) as pool:
        return list(pool.map(_run, files, chunksize=max(1, len(files) // (workers * 8))))


_work: tuple[Callable[[Any, Any], Any], Any] | None = None  # set in a worker process only, by _receive


def _receive(function: Callable[[Any, Any], Any], context: Any) -> None:
    global _work
    _work = (function, context)


def _run(item: Any) -> Any:
    assert _work is not None
    function, context = _work
    return function(context, item)

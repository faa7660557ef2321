"""Index a built site for search with Pagefind, whose binary ships in the pagefind[bin] package.

Pagefind reads the pages' HTML: only the parts marked ``data-pagefind-body`` (claims, annotated
sources, hand-written pages) are indexed, and the ``data-pagefind-filter`` and
``data-pagefind-meta`` attributes of the templates give each result its verdict, source and tags.
It writes a bundle of small files into ``<site>/pagefind/``, which the search dialog fetches
piece by piece: a query downloads only the parts of the index it needs.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from generator.problems import GeneratorError
from generator.site.search_order import order_bundle

BUNDLE = "pagefind"
# In a preview, present while the index is being brought up to date: the search dialog then says so.
STALE_FLAG = "search-stale.json"
# Not what a reader searches for: headings' permalink signs, the record's facts (labels run into
# values in excerpts), a source page's list of claims (each claim has its own page) and its help line.
EXCLUDED = ".headerlink, .fc-facts, .fc-list, .fc-text-help"
_PAGES = re.compile(r"Indexed (\d+) pages?")
# Pagefind's ready-made interfaces: the report has its own dialog in Material's header.
UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui")


def index_site(site_dir: Path) -> int:
    """Write the search index of the site in ``site_dir`` into its pagefind/ folder; return the pages indexed."""
    command = [
        sys.executable,
        "-P",  # not the current folder on the import path: a report's own pagefind.py would run instead
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        EXCLUDED,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise GeneratorError(f"cannot run Pagefind to index the site for search: {err}") from None
    if done.returncode != 0:
        raise GeneratorError(
            "Pagefind could not index the site for search:\n"
            + (done.stderr or done.stdout).strip()
            + '\nReinstall it with: pip install "pagefind[bin]"'
        )
    for name in UNUSED:
        for suffix in (".js", ".css"):
            (site_dir / BUNDLE / (name + suffix)).unlink(missing_ok=True)
    order_bundle(site_dir / BUNDLE)  # the same site gives the same bundle, byte for byte
    found = _PAGES.findall(done.stdout)
    return int(found[-1]) if found else 0


class BackgroundIndex:
    """Index a preview's site in a thread, so that the edited page is served before search catches up.

    While it runs, ``<site>/search-stale.json`` tells the search dialog that results may be out of
    date. A rebuild that finishes while the index is being written asks for one more run, once.
    Each run first does the work its start was given (a preview writes its data files there).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False
        self._first: Callable[[], None] | None = None
        self.error: str | None = None  # the last run's failure, for the preview's log

    def start(self, site_dir: Path, first: Callable[[], None] | None = None) -> None:
        """Mark the search of ``site_dir`` stale, then in the background do ``first`` and index it.

        If a run is under way, one more follows it, with the latest ``first``.
        """
        (site_dir / STALE_FLAG).write_text('{"stale": true}\n', encoding="utf-8")
        with self._lock:
            self._first = first
            if self._thread is not None and self._thread.is_alive():
                self._again = True
                return
            self._thread = threading.Thread(target=self._run, args=(site_dir,), name="search-index", daemon=True)
            self._thread.start()

    def _run(self, site_dir: Path) -> None:
        while True:
            with self._lock:
                first, self._first = self._first, None
            try:
                if first is not None:
                    first()
                index_site(site_dir)
                self.error = None
            except (GeneratorError, OSError) as err:
                self.error = str(err)
            with self._lock:
                if not self._again:
                    (site_dir / STALE_FLAG).unlink(missing_ok=True)
                    self._thread = None
                    return
                self._again = False

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the running index to be written; return False if it is still running after ``timeout``."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

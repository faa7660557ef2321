"""Profile the preview's edit path in one process: python bench/edit_path.py REPORT [--profile].

Runs what `make serve` runs (MkDocs' dirty build, with the plugin kept across rebuilds, and
MkDocs' file watcher) on the report at REPORT: a first build, then one-claim summary edits, each
followed by its rebuild once the watcher has seen it, and prints the seconds of each. The first
rebuild after the watcher starts looks at every file; the next ones only at the edited record.
With --profile, prints the last rebuild's costliest functions (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from generator.mkdocs_plugin import FactCheckPlugin

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import edit_summary, published_claim  # noqa: E402

SPENT: dict[str, float] = {}  # seconds in each of the plugin's costly events, for the last build


def timed(event: str) -> None:
    """Count the seconds the plugin spends in ``event``."""
    original = getattr(FactCheckPlugin, event)

    def wrapper(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            SPENT[event] = SPENT.get(event, 0.0) + time.perf_counter() - started

    setattr(FactCheckPlugin, event, wrapper)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--profile", action="store_true", help="print the rebuild's costliest functions")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for event in ("on_config", "on_files", "on_post_page", "on_post_build"):
        timed(event)
    report = args.report.resolve()
    os.chdir(report)
    site_dir = tempfile.mkdtemp(prefix="factcheck-edit-path-")
    config = load_config(config_file=str(report / "mkdocs.yml"), site_dir=site_dir, strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    url = "http://127.0.0.1:8000/"
    started = time.perf_counter()
    build(config, serve_url=url, dirty=True)
    print(f"first build: {time.perf_counter() - started:.2f} s", flush=True)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=site_dir)
    server.watch(config.docs_dir)  # as `mkdocs serve` does, before the plugin's on_serve
    config.plugins.on_serve(server, config=config, builder=server.builder)
    server.observer.start()
    record = published_claim(report)
    rebuilds = 3
    for attempt in range(1, rebuilds + 1):
        edit_summary(record, f"Summary after edit {attempt} of the edit path.")
        time.sleep(2 * server.observer.timeout)  # the watcher polls: let it see the edit
        again = load_config(config_file=str(report / "mkdocs.yml"), site_dir=site_dir, strict=False)
        again.site_url = url
        profile = cProfile.Profile() if args.profile and attempt == rebuilds else None
        SPENT.clear()
        started = time.perf_counter()
        if profile:
            profile.enable()
        build(again, serve_url=url, dirty=True)
        if profile:
            profile.disable()
        total = time.perf_counter() - started
        parts = ", ".join(f"{event} {seconds:.2f} s" for event, seconds in SPENT.items())
        rest = total - sum(SPENT.values())
        inputs = config.plugins["factcheck"].session.preview.inputs
        looked = "the edited record" if inputs.changed else "every file"
        print(f"rebuild {attempt} after a one-claim edit, at {looked}: {total:.2f} s ({parts}; MkDocs {rest:.2f} s)")
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
    server.observer.stop()
    config.plugins.on_shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

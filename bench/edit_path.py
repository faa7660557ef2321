"""Profile the preview's edit path in one process: python bench/edit_path.py REPORT [--profile].

Runs what `make serve` runs (MkDocs' dirty build, with the plugin kept across rebuilds) on the
report at REPORT: a first build, then a one-claim summary edit and the rebuild, and prints the
seconds of each. With --profile, prints the rebuild's twenty costliest functions (cProfile).
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import edit_summary, published_claim  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--profile", action="store_true", help="print the rebuild's costliest functions")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    report = args.report.resolve()
    os.chdir(report)
    site_dir = tempfile.mkdtemp(prefix="factcheck-edit-path-")
    config = load_config(config_file=str(report / "mkdocs.yml"), site_dir=site_dir, strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    url = "http://127.0.0.1:8000/"
    started = time.perf_counter()
    build(config, serve_url=url, dirty=True)
    print(f"first build: {time.perf_counter() - started:.2f} s", flush=True)
    record = published_claim(report)
    for attempt in (1, 2):
        edit_summary(record, f"Summary after edit {attempt} of the edit path.")
        again = load_config(config_file=str(report / "mkdocs.yml"), site_dir=site_dir, strict=False)
        again.site_url = url
        profile = cProfile.Profile() if args.profile and attempt == 2 else None
        started = time.perf_counter()
        if profile:
            profile.enable()
        build(again, serve_url=url, dirty=True)
        if profile:
            profile.disable()
        print(f"rebuild {attempt} after a one-claim edit: {time.perf_counter() - started:.2f} s", flush=True)
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
    config.plugins.on_shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the generator on a synthetic report: python bench/run.py --claims 1000.

Generates N claims over max(2, N/50) sources in a temporary folder (from the real report's
mkdocs.yml, ratings.yml, report.yml and docs/), then times `check` and `build` as users run
them, the plain `mkdocs build` of the same rendered pages for comparison, and the search in
headless Chromium. Progress goes to stderr; the last line of stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import run  # noqa: E402
from synthetic import QUERY_WORD, write_report  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {"NO_MKDOCS_2_WARNING": "1", "CI": "true"}

# The plain build: the same configuration and pages, without the generator's plugin.
PLAIN_CONFIG = "INHERIT: ../mkdocs.yml\ndocs_dir: docs\nplugins: []\n"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def plain_build(report: Path) -> float:
    """Render the Markdown with `generator render` and time `mkdocs build` of it alone."""
    plain = report / "plain"
    rendered = plain / "rendered"
    run([PYTHON, "-m", "generator", "--root", str(report), "render", "--out", str(rendered)], REPO, ENV)
    shutil.copytree(report / "docs", plain / "docs")
    shutil.copytree(rendered, plain / "docs", dirs_exist_ok=True)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return run([PYTHON, "-m", "mkdocs", "build", "--quiet", "--strict"], plain, ENV).seconds


def measure(claims: int, keep: Path | None, search: bool) -> dict[str, float | int]:
    work = Path(tempfile.mkdtemp(prefix=f"factcheck-bench-{claims}-")) if keep is None else keep
    report = work / "report"
    try:
        say(f"Generating {claims} claims in {report} ...")
        started = time.perf_counter()
        write_report(REPO, report, claims)
        generate_s = time.perf_counter() - started
        say(f"  {generate_s:.1f} s. Checking ...")
        check = run([PYTHON, "-m", "generator", "--root", str(report), "check"], REPO, ENV)
        say(f"  {check.seconds:.1f} s. Building ...")
        build = run([PYTHON, "-m", "generator", "--root", str(report), "build"], REPO, ENV)
        site = report / "site"
        say(f"  {build.seconds:.1f} s, peak {build.peak_rss_mb:.0f} MB. Plain mkdocs build ...")
        plain_s = plain_build(report)
        say(f"  {plain_s:.1f} s.")
        result: dict[str, float | int] = {
            "claims": claims,
            "check_s": round(check.seconds, 2),
            "generate_s": round(generate_s, 2),
            "build_s": round(build.seconds, 2),
            "plain_mkdocs_build_s": round(plain_s, 2),
            "peak_rss_mb": round(build.peak_rss_mb),
            "site_mb": round(folder_bytes(site) / 1e6, 1),
            "site_kb_per_claim": round(folder_bytes(site) / 1e3 / claims, 1),
        }
        if search:
            from search_timing import time_search

            say(f"Searching for '{QUERY_WORD}' in headless Chromium ...")
            timing = time_search(site, QUERY_WORD)
            result |= {
                "search_first_result_s": round(timing.first_result_s, 3),
                "search_kb": round(timing.bytes / 1e3),
                "search_results": timing.results,
            }
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000, help="how many claims to generate (default 1000)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it, instead of a temporary one")
    parser.add_argument("--no-search", action="store_true", help="skip the browser measurement")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    result = measure(args.claims, args.keep.resolve() if args.keep else None, search=not args.no_search)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

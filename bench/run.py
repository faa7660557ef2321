"""Benchmark the generator on a synthetic report: python bench/run.py --claims 1000.

Generates N claims over max(2, N/50) sources in a temporary folder (from the real report's
mkdocs.yml, ratings.yml, report.yml and docs/), then times `check` and `build` as users run
them, a second build after a one-claim edit, the plain `mkdocs build` of the same rendered
pages for comparison, the live preview as an editor uses it (`make serve`: the time until a
claim's page is served, then from saving a one-claim edit until the served page shows it: two
seconds after it started, and again once its data files and search index have caught up),
and the search in headless Chromium. Progress goes to stderr; the last line of stdout is one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import run  # noqa: E402
from synthetic import QUERY_WORD, write_report  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {"NO_MKDOCS_2_WARNING": "1", "CI": "true"}

# The plain build: the same configuration and pages, without the generator's plugin.
PLAIN_CONFIG = "INHERIT: ../mkdocs.yml\ndocs_dir: docs\nplugins: []\n"
SERVE = ["-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict"]  # what `make serve` runs
SERVE_LIMIT_S = 1800.0  # give up on a preview that takes longer than this to start or to show an edit


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


def edit_summary(record: Path, words: str) -> None:
    """Replace the claim's one-line summary with ``words``, as an editor saving the file would."""
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("summary: "))
    lines[at] = f'summary: "{words}"\n'
    record.write_text("".join(lines), encoding="utf-8")


def published_claim(report: Path) -> Path:
    """Return the first claim record that has a page (not a draft)."""
    for record in sorted((report / "claims").glob("*.yml")):
        if "\nstatus: published\n" in record.read_text(encoding="utf-8"):
            return record
    raise SystemExit("the synthetic report has no published claim")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def page_has(url: str, words: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return words in response.read().decode("utf-8")
    except OSError:
        return False


def wait_until(url: str, words: str, started: float) -> float:
    """Poll ``url`` every 50 ms until it shows ``words``; return the seconds since ``started``."""
    while not page_has(url, words):
        if time.perf_counter() - started > SERVE_LIMIT_S:
            raise SystemExit(f"{url} did not show {words!r} within {SERVE_LIMIT_S:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - started


def search_settled(base: str, started: float) -> None:
    """Wait until the preview's background work (data files, search index) is done: its flag is gone."""
    while True:
        try:
            with urllib.request.urlopen(base + "search-stale.json", timeout=10):
                pass
        except urllib.error.HTTPError:
            return  # 404: nothing is being brought up to date
        except OSError:
            pass
        if time.perf_counter() - started > SERVE_LIMIT_S:
            raise SystemExit(f"the preview's search index was not written within {SERVE_LIMIT_S:.0f} s")
        time.sleep(0.2)


def start_preview(report: Path, port: int, log: TextIO) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PYTHON, *SERVE, "-a", f"127.0.0.1:{port}"],
        cwd=report,
        env={**os.environ, **ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop_preview(server: subprocess.Popen[bytes]) -> None:
    """Stop the preview as an editor does, with Ctrl-C: it then keeps its site for the next session."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=600)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def time_preview(report: Path, record: Path) -> dict[str, float]:
    """Start the preview, edit, stop it, edit again and start it again; return the seconds of each step.

    serve_start_s: until the claim's page is served; edit_preview_s: from a saved edit to the page
    showing it, two seconds after the start; edit_preview_settled_s: the same once the preview's
    background work is done; serve_restart_s: a second session, started after one more edit, until
    the page shows that edit.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/claims/{record.stem}/"
    before = f"Summary before the preview edit {port}"
    after = f"Summary after the preview edit {port}"
    edit_summary(record, before)
    with (report / "serve.log").open("w", encoding="utf-8") as log:
        started = time.perf_counter()
        server = start_preview(report, port, log)
        try:
            start_s = wait_until(url, before, started)
            time.sleep(2)  # let the watcher settle, as an editor reads the page before typing
            edited = time.perf_counter()
            edit_summary(record, after)
            edit_s = wait_until(url, after, edited)
            search_settled(f"http://127.0.0.1:{port}/", time.perf_counter())
            time.sleep(2)
            edited = time.perf_counter()
            edit_summary(record, after + " again")
            settled_s = wait_until(url, after + " again", edited)
        finally:
            stop_preview(server)
        edit_summary(record, after + " in the next session")
        started = time.perf_counter()
        server = start_preview(report, port, log)
        try:
            restart_s = wait_until(url, after + " in the next session", started)
        finally:
            stop_preview(server)
    return {
        "serve_start_s": start_s,
        "edit_preview_s": edit_s,
        "edit_preview_settled_s": settled_s,
        "serve_restart_s": restart_s,
    }


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
        say(f"  {build.seconds:.1f} s, peak {build.peak_rss_mb:.0f} MB. Building again after a one-claim edit ...")
        record = published_claim(report)
        edit_summary(record, "Summary after the rebuild edit.")
        rebuild = run([PYTHON, "-m", "generator", "--root", str(report), "build"], REPO, ENV)
        say(f"  {rebuild.seconds:.1f} s. Checking again (warm) ...")
        check_again = run([PYTHON, "-m", "generator", "--root", str(report), "check"], REPO, ENV)
        say(f"  {check_again.seconds:.1f} s. Plain mkdocs build ...")
        plain_s = plain_build(report)
        say(f"  {plain_s:.1f} s. Starting the preview ({' '.join(SERVE[1:])}) ...")
        preview = time_preview(report, record)
        shown = {field: f"{seconds:.1f} s" for field, seconds in preview.items()}
        say(f"  served in {shown['serve_start_s']}; a one-claim edit shown after {shown['edit_preview_s']},")
        say(f"  {shown['edit_preview_settled_s']} once the background work is done; the next session")
        say(f"  showed the page in {shown['serve_restart_s']}.")
        result: dict[str, float | int] = {
            "claims": claims,
            "check_s": round(check.seconds, 2),
            "check_again_s": round(check_again.seconds, 2),
            "generate_s": round(generate_s, 2),
            "build_s": round(build.seconds, 2),
            "rebuild_s": round(rebuild.seconds, 2),
            "plain_mkdocs_build_s": round(plain_s, 2),
            "build_over_plain": round(build.seconds / plain_s, 2),
            **{field: round(seconds, 2) for field, seconds in preview.items()},
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

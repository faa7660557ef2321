"""A preview never stalls: after a broken save every page answers at once, the last good build's, with the
problems over it in the report's language; the next save that fixes them takes the panel away.

MkDocs' own server left every request hanging after a failed rebuild ("The server will appear stuck
until build errors are resolved").
"""

from __future__ import annotations

import html as html_text
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ARTIFACTS, ENV, copy_fixture

from generator.problems import Problem
from generator.site.problems_overlay import PANEL_ID, PreviewProblems

pytestmark = pytest.mark.slow

PAGES = ["", "claims/", "claims/fc-0001/", "claims/fc-0002/", "sources/typography/", "ratings/", "no-such-page/"]
BROKEN = "claims/fc-0002.yml:6:10: quote not found in source 'typography'"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, timeout: float = 30) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return str(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as error:  # a 404 page is a page too
        return str(error.read().decode("utf-8"))


def wait_for(check: Callable[[], bool], seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`make serve` in a copy of the fixture report; yields the report and the site's address."""
    root = copy_fixture(tmp_path / "report")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/report/"  # site_url has the path /report/
    try:
        assert wait_for(lambda: "The exercise is held every year." in fetch(base + "claims/fc-0002/"), 120)
        yield root, base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def break_quote(root: Path) -> Callable[[], None]:
    record = root / "claims" / "fc-0002.yml"
    good = record.read_text(encoding="utf-8")
    quoted = re.search(r'(?m)^  quote: "(.*)"$', good)
    assert quoted
    record.write_text(good.replace(quoted.group(1), "words no source has ever printed"), encoding="utf-8")
    return lambda: record.write_text(good, encoding="utf-8")


def every_page_answers_at_once(base: str, *said: str) -> None:
    for page in PAGES:
        started = time.monotonic()
        html = fetch(base + page, timeout=5)
        assert time.monotonic() - started < 1, f"{page} took {time.monotonic() - started:.2f} s"
        assert f'<aside id="{PANEL_ID}"' in html, page
        for words in said:
            assert words in html_text.unescape(re.sub("<[^>]+>", "", html)), (page, words)


def test_a_broken_save_is_shown_over_every_page_and_a_fix_takes_it_away(preview: tuple[Path, str]) -> None:
    root, base = preview
    fix = break_quote(root)
    assert wait_for(lambda: PANEL_ID in fetch(base + "claims/fc-0001/"))
    every_page_answers_at_once(base, BROKEN, "The preview could not be rebuilt: 1 problem to fix")
    assert "The exercise is held every year." in fetch(base + "claims/fc-0002/")  # the last good build's page
    fix()
    assert wait_for(lambda: PANEL_ID not in fetch(base + "claims/fc-0001/"))
    assert "The exercise is held every year." in fetch(base + "claims/fc-0002/")


def test_a_broken_configuration_and_a_broken_template_are_shown_too(preview: tuple[Path, str]) -> None:
    root, base = preview
    config = root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("theme:\n  name: material\n", "theme:\n  name: [material\n"), encoding="utf-8")
    assert wait_for(lambda: PANEL_ID in fetch(base))
    every_page_answers_at_once(base, "mkdocs.yml:", "mkdocs.yml cannot be read")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block content %}{{ %}\n')
    config.write_text(good.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")
    assert wait_for(lambda: "main.html:2:1" in fetch(base))
    every_page_answers_at_once(base, "main.html:2:1")
    config.write_text(good, encoding="utf-8")
    assert wait_for(lambda: PANEL_ID not in fetch(base))


@pytest.mark.browser
def test_in_the_browser_the_page_reloads_with_the_problems_then_without(
    preview: tuple[Path, str], browser: object
) -> None:
    root, base = preview
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    try:
        page.goto(base + "claims/fc-0001/")
        fix = break_quote(root)
        panel = page.locator(f"#{PANEL_ID}")
        panel.wait_for(timeout=60_000)  # livereload reloads the page once the rebuild is done
        assert BROKEN in panel.inner_text()
        assert panel.get_attribute("role") == "alert"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "preview-problems.png"))
        fix()
        panel.wait_for(state="detached", timeout=60_000)
        assert "The minister said the drills were defensive in nature." in page.inner_text("h1")
    finally:
        page.close()


def test_the_panel_escapes_what_it_quotes() -> None:
    problems = PreviewProblems()
    html = problems.panel([Problem("claims/<x>.yml", 2, 3, "bad <script>alert(1)</script>", 'hint "quoted"')])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "claims/&lt;x&gt;.yml:2:3" in html and "&#34;quoted&#34;" in html

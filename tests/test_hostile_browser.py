"""In a real browser, no hostile record runs anything: its pages, the search over them, their links.

Every case of tests/hostile that passes the check is built into one site. Chromium opens each
of its claim pages, and searches the site for the hostile words; any dialog (the payloads
call alert), any navigation away from the site and any page error fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_fixture, run_cli, serve
from test_hostile_corpus import CASES, lay_over, passing

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = copy_fixture(tmp_path_factory.mktemp("browser") / "report")
    for case in passing(CASES):
        lay_over(case, report)
    run_cli("--root", str(report), "build", check=True)
    return report / "site"


# What the theme itself asks of other hosts: its fonts, the repository's star count, the sitemap.
THEME_HOSTS = (
    "https://fonts.googleapis.com/",
    "https://fonts.gstatic.com/",
    "https://api.github.com/",
    "https://factcheck.example.org/",
)


@pytest.fixture
def watched(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page, and the list of every dialog, page error and request to an unexpected host it causes."""
    page = browser.new_page()
    seen: list[str] = []

    def outside(route: Any) -> None:
        if not route.request.url.startswith(THEME_HOSTS):
            seen.append(f"request: {route.request.url}")
        route.abort()  # no network: nothing leaves the machine, and nothing waits for it

    page.route(lambda url: not url.startswith(("http://127.0.0.1", "data:", "blob:")), outside)
    page.on("dialog", lambda dialog: (seen.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: seen.append(f"error: {error}"))
    yield page, seen
    page.close()


def test_no_hostile_claim_page_runs_anything(hostile_site: Path, watched: tuple[Any, list[str]]) -> None:
    page, seen = watched
    claims = sorted(p.parent.name for p in (hostile_site / "claims").glob("*/index.html"))
    assert len(claims) > 40
    with serve(hostile_site) as base:
        for claim in claims:
            page.goto(f"{base}claims/{claim}/", wait_until="load")
            page.mouse.move(200, 300)  # hover handlers, had any survived
        for other in ("", "sources/typography/", "sources/hostile/", "claims/", "tags/bases/", "ratings/"):
            page.goto(base + other, wait_until="load")
    assert seen == []


def test_searching_for_hostile_words_shows_them_as_text(hostile_site: Path, watched: tuple[Any, list[str]]) -> None:
    page, seen = watched
    with serve(hostile_site) as base:
        page.goto(base)
        page.keyboard.press("/")
        page.keyboard.type("alert")
        page.wait_for_selector('#fc-search-results[data-query="alert"]')
        titles = page.locator("#fc-search-results .fc-search__name").all_inner_texts()
        assert "<script>alert(1)</script> is said by a reader" in titles
        assert page.locator("#fc-search-results script, #fc-search-results img").count() == 0
    assert seen == []

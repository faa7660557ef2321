"""Search as a reader uses it, in headless Chromium: the fixture report, the real report, mkdocs serve."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import ENV, REPO, copy_fixture, run_cli, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = copy_fixture(tmp_path_factory.mktemp("search") / "report")
    run_cli("--root", str(report), "build", check=True)
    return report / "site"


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("real") / "site"
    run_cli("--root", str(REPO), "build", "--site-dir", str(site), check=True)
    return site


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def search(page: Any, words: str) -> list[str]:
    """Open the search with '/', type ``words``; return the results' lines (verdict or kind, then title)."""
    page.keyboard.press("/")
    page.keyboard.type(words)
    page.wait_for_selector(f'#fc-search-results[data-query="{words}"]')
    return results(page)


def results(page: Any) -> list[str]:
    return [" ".join(text.split()) for text in page.locator("#fc-search-results .fc-search__link").all_inner_texts()]


def choose(page: Any, name: str, value: str) -> list[str]:
    """Pick a filter value (its option's label starts with it) and wait for the results to follow."""
    select = page.get_by_label(name, exact=True)
    select.locator("option").nth(1).wait_for(state="attached")  # the filters load with the index
    label = next(o for o in select.locator("option").all_inner_texts() if o.startswith(value + " ("))
    select.select_option(label=label)
    shown = urlencode({name.lower(): value})
    page.wait_for_selector(f'#fc-search-results[data-filters="{shown}"]', state="attached")
    return results(page)


def test_slash_opens_a_labelled_dialog_that_finds_claims_with_their_verdicts(fixture_site: Path, page: Any) -> None:
    with serve(fixture_site) as base:
        page.goto(base + "claims/fc-0002/")
        dialog = page.get_by_role("dialog", name="Search the report")
        assert not dialog.is_visible()
        found = search(page, "drills")
        assert dialog.is_visible()
        assert page.evaluate("document.activeElement.id") == "fc-search-input"
        assert page.get_by_label("Words to find in claims, sources and pages").input_value() == "drills"
        assert sorted(found) == [
            "Annotated source Drills near Durrës: a test text",
            "False The exercise is held every year.",
            "Mostly true About 28,000 soldiers from 26 countries took part. (withdrawn)",
            "True The minister said the drills were defensive in nature.",
        ]
        assert page.inner_text("#fc-search-status") == "4 pages match."
        sources = page.locator("#fc-search-results .fc-search__source").all_inner_texts()
        assert set(sources) == {"Drills near Durrës: a test text"}
        assert page.locator("#fc-search-results mark").first.inner_text().lower().strip("“”") == "drills"


def test_filters_by_verdict_source_and_tag(fixture_site: Path, page: Any) -> None:
    with serve(fixture_site) as base:
        page.goto(base)
        search(page, "drills")
        assert choose(page, "Verdict", "False") == ["False The exercise is held every year."]
        assert page.inner_text("#fc-search-status") == "1 page matches."
        page.get_by_label("Verdict", exact=True).select_option(index=0)
        assert choose(page, "Tag", "figures") == [
            "Mostly true About 28,000 soldiers from 26 countries took part. (withdrawn)"
        ]
        page.get_by_label("Tag", exact=True).select_option(index=0)
        assert choose(page, "Source", "Readers' comments on a test article") == []
        assert page.inner_text("#fc-search-status") == "No page matches. Try removing a filter."


def test_escape_closes_and_s_opens_again(fixture_site: Path, page: Any) -> None:
    with serve(fixture_site) as base:
        page.goto(base + "ratings/")
        search(page, "drills")
        page.keyboard.press("Escape")
        page.get_by_role("dialog", name="Search the report").wait_for(state="hidden", timeout=10_000)
        page.keyboard.press("s")
        # The dialog opens on the key's event: wait for it, as a busy machine may take a moment.
        page.get_by_role("dialog", name="Search the report").wait_for(state="visible", timeout=10_000)
        page.wait_for_function("document.activeElement && document.activeElement.id === 'fc-search-input'")
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Search").click()
        page.get_by_role("dialog", name="Search the report").wait_for(state="visible", timeout=10_000)


def test_a_result_leads_to_its_page_with_the_words_highlighted(fixture_site: Path, page: Any) -> None:
    with serve(fixture_site) as base:
        page.goto(base)
        search(page, "defensive")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        # The claim whose quote is translated ranks first: its translation says "purely defensive".
        page.wait_for_url("**/claims/fc-translated/?highlight=defensive")
        page.wait_for_selector("mark.pagefind-highlight")
        marks = page.locator("mark.pagefind-highlight").all_inner_texts()
        assert marks and {m.lower() for m in marks} == {"defensive"}
        assert page.locator(".fc-translation mark.pagefind-highlight").count() == 1


def test_only_claims_sources_and_written_pages_are_indexed(fixture_site: Path, real_site: Path) -> None:
    def indexed(site: Path, page: str) -> bool:
        return "data-pagefind-body" in (site / page / "index.html").read_text(encoding="utf-8")

    assert indexed(fixture_site, "claims/fc-0001") and indexed(fixture_site, "sources/typography")
    assert indexed(real_site, "methodology")
    for listing in ("", "claims", "verdicts/false", "tags/drills", "sources", "ratings"):
        assert not indexed(fixture_site, listing), listing
    bundle = fixture_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-highlight.js").is_file()
    assert not (bundle / "pagefind-ui.js").exists()  # the report's own dialog replaces Pagefind's UI


def test_the_real_report_is_searchable_with_verdicts_and_a_source_filter(real_site: Path, page: Any) -> None:
    with serve(real_site) as base:
        page.goto(base)
        found = search(page, "Kosovo")
        claims = page.locator("#fc-search-results .fc-search__link:has(.fc-search__verdict)")
        assert claims.count() >= 3, found
        first = claims.first
        verdict = first.locator(".fc-search__verdict").inner_text().strip()
        title = first.locator(".fc-search__name").inner_text().strip()
        source = page.locator("#fc-search-results .fc-search__result:has(.fc-search__verdict) .fc-search__source")
        chosen = source.first.inner_text().strip()
        filtered = choose(page, "Source", chosen)
        assert filtered and len(filtered) <= len(found)
        assert set(page.locator("#fc-search-results .fc-search__source").all_inner_texts()) == {chosen}
        page.locator("#fc-search-results a", has_text=title).first.click()
        page.wait_for_selector(".fc-verdict")
        assert page.locator(".fc-verdict .fc-badge-label").inner_text().strip() == verdict
        assert page.locator("h1").inner_text().strip() == title


def test_more_results_come_ten_at_a_time(real_site: Path, page: Any) -> None:
    with serve(real_site) as base:
        page.goto(base)
        first = search(page, "the")
        total = int(page.inner_text("#fc-search-status").split()[0])
        assert len(first) == 10 and total > 10
        more = page.get_by_role("button", name=f"Show {min(10, total - 10)} more of {total - 10}")
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.fc-search__link').length > n", arg=10)
        assert len(results(page)) == min(20, total)
        assert page.evaluate("document.activeElement.className") == "fc-search__link"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_search_works_under_mkdocs_serve_at_the_sites_path(tmp_path: Path, page: Any) -> None:
    report = copy_fixture(tmp_path / "report")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=report,
        env={**ENV, "CI": "true"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # The fixture's site_url ends in /report/, where mkdocs serve mounts the site.
    base = f"http://127.0.0.1:{port}/report/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "pagefind/pagefind-entry.json", timeout=5) as response:
                    assert response.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, "mkdocs serve stopped"
                assert time.monotonic() < deadline, "mkdocs serve did not serve the search index"
                time.sleep(0.5)
        page.goto(base + "claims/fc-0001/")
        assert "True The minister said the drills were defensive in nature." in search(page, "minister")
        assert page.locator(".fc-search__link").first.get_attribute("href").startswith("/report/claims/")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_dialog_says_when_a_preview_is_still_updating_the_index(fixture_site: Path, page: Any) -> None:
    flag = fixture_site / "search-stale.json"  # what a preview writes while Pagefind runs in the background
    flag.write_text('{"stale": true}\n', encoding="utf-8")
    try:
        with serve(fixture_site) as base:
            page.goto(base + "claims/fc-0002/")
            search(page, "drills")
            notice = page.locator(".fc-search__stale")
            notice.wait_for(state="visible")
            assert notice.inner_text() == (
                "The search index is being brought up to date: results may miss the latest edits."
            )
            page.keyboard.press("Escape")
            flag.unlink()
            page.keyboard.press("/")
            notice.wait_for(state="hidden")
    finally:
        flag.unlink(missing_ok=True)

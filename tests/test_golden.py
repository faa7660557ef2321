"""Golden files: every page rendered for the fixture report, kept where a reviewer can read it.

Every generated page has its golden file under tests/golden/ (the data files are under
tests/golden/export/, tested with the exports), and no golden file outlives its page. Run with
UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the diff.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURE, GOLDEN, kept_golden, matches_golden

from generator.pipeline import load_report
from generator.render.pages import render_pages
from generator.settings import Layout, Site

SITE = Site(site_url="https://factcheck.example.org/report/", repo_url="https://github.com/example/factcheck-fixture")
PAGES = render_pages(load_report(Layout(FIXTURE)), SITE)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_rendered_page_matches_its_golden_file(page: str) -> None:
    assert matches_golden(GOLDEN / page, PAGES[page]), f"tests/golden/{page} differs; UPDATE_GOLDEN=1 rewrites it"


def test_every_rendered_page_has_a_golden_file_and_every_golden_file_a_page() -> None:
    assert kept_golden(GOLDEN, PAGES, besides=("export/",)) == sorted(PAGES)


def test_drafts_are_not_rendered() -> None:
    assert "claims/fc-0005.md" not in PAGES
    assert "fc-0005" not in PAGES["claims/index.md"]

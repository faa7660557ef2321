"""A reader sees a claim's exception to the standards on its page, and the standards on the methodology page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, serve
from test_standards import EXAMPLES, VALID, standards_report

from generator.cli import main

pytestmark = pytest.mark.browser


def test_a_waiver_reads_plainly_on_the_claim_page(tmp_path: Path, browser: Any) -> None:
    report = standards_report(tmp_path / "report", *VALID, EXAMPLES / "valid" / "waived-single-source.yml")
    assert main(["--root", str(report), "build"]) == 0
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(report / "site") as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "claims/waived-single-source/")
        notice = page.locator(".fc-waivers")
        assert notice.is_visible()
        assert [line for line in notice.inner_text().split("\n") if line][:2] == [
            "An exception to our standards",
            "This verdict rests on fewer independent sources than our standards ask, because the army's "
            "announcement is the only record of the figures we could find.",
        ]
        verdict, waiver = page.locator(".fc-verdict").bounding_box(), notice.bounding_box()
        assert verdict and waiver and verdict["y"] < waiver["y"]  # the verdict first, then why it is excepted
        page.screenshot(path=str(ARTIFACTS / "claim-with-waiver.png"), full_page=True)
        page.locator(".fc-waivers a").click()
        page.wait_for_load_state()
        assert page.url.endswith("/methodology/")
        assert "1 is an exception, each saying why: waived-single-source" in page.locator("article").inner_text()
        page.screenshot(path=str(ARTIFACTS / "methodology-standards.png"), full_page=True)
        page.close()

"""A reader in headless Chromium: a claim page, then one click to its passage in the source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, run_cli, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_fixture

    report = copy_fixture(tmp_path_factory.mktemp("browser") / "report")
    run_cli("--root", str(report), "build", check=True)
    return report / "site"


def test_claim_page_shows_verdict_first_then_reaches_the_passage(site: Path, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "claims/fc-0002/")
        assert page.title().startswith("The exercise is held every year.")
        verdict = page.locator(".fc-verdict .fc-badge")
        assert verdict.inner_text().strip() == "False"
        box = verdict.bounding_box()
        evidence = page.locator("#evidence").bounding_box()
        assert box and evidence and box["y"] < evidence["y"]  # the verdict comes before the evidence
        page.screenshot(path=str(ARTIFACTS / "claim-fc-0002.png"), full_page=True)

        page.locator("a.fc-passage-link").click()
        page.wait_for_load_state()
        assert page.url.endswith("sources/typography/#" + page.url.split("#")[1])
        mark = page.locator(f"#{page.url.split('#')[1]} + mark")
        assert mark.inner_text() == "the exercise is held each year"
        assert mark.is_visible() and mark.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"
        top = mark.bounding_box()
        assert top and 0 <= top["y"] < 900  # scrolled into view, below the header
        label = page.locator("a.fc-ref.fc-v-false[href$='claims/fc-0002/']")
        assert label.inner_text().split() == ["fc-0002", "False"]  # the verdict in words, not colour alone
        page.screenshot(path=str(ARTIFACTS / "source-typography.png"), full_page=True)
        page.close()


def test_a_translated_quote_stands_beside_its_original_and_reaches_the_passage(site: Path, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "claims/fc-translated/")
        original = page.locator(".fc-claimed blockquote.fc-quote")
        translation = page.locator(".fc-claimed .fc-translation")
        assert original.get_attribute("lang") == "fr" and translation.get_attribute("lang") == "en"
        assert original.inner_text() == "les exercices étaient «\u00a0purement défensifs\u00a0»"
        assert translation.locator(".fc-translation-by").inner_text() == "Editor's translation by M. Dupont"
        left, right = original.bounding_box(), translation.bounding_box()
        assert left and right and right["x"] > left["x"] + left["width"]  # side by side on a wide screen
        assert abs(right["y"] - left["y"]) < 20
        page.screenshot(path=str(ARTIFACTS / "claim-fc-translated.png"), full_page=True)

        page.set_viewport_size({"width": 375, "height": 800})
        left, right = original.bounding_box(), translation.bounding_box()
        assert left and right and right["y"] >= left["y"] + left["height"]  # one under the other on a phone
        page.screenshot(path=str(ARTIFACTS / "claim-fc-translated-phone.png"), full_page=True)

        page.set_viewport_size({"width": 1280, "height": 900})
        page.locator(".fc-claimed a.fc-passage-link").click()
        page.wait_for_load_state()
        mark = page.locator(f"#{page.url.split('#')[1]} + mark")
        assert mark.inner_text() == "les exercices étaient «\u00a0purement défensifs\u00a0»"
        assert mark.evaluate("m => m.closest('[lang]').lang") == "fr"
        page.close()

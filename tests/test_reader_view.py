"""What a reader sees of the real report in Chromium: phones, the dark palette, the chart, print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import ARTIFACTS, REPO, run_cli, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VERDICTS = yaml.safe_load((REPO / "ratings.yml").read_text(encoding="utf-8"))["verdicts"]
RECORDS = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "claims").glob("*.yml"))]
PUBLISHED = [r for r in RECORDS if r["status"] == "published"]
SOURCE = sorted((REPO / "seeds").glob("*.yml"))[0].stem
CLAIM = PUBLISHED[0]["id"]
PAGES = {"home": "", "claim": f"claims/{CLAIM}/", "source": f"sources/{SOURCE}/"}

# Colours as the browser resolves them (any CSS syntax, composited on the page), and WCAG contrast.
CONTRAST_JS = """
const rgba = (colour) => {
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.fillStyle = colour; ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255];
};
const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
const pageBg = () => over(rgba(getComputedStyle(document.body).backgroundColor), [255, 255, 255]);
const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
const lum = (c) => { const [r, g, b] = c.map(linear); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("reader") / "site"
    run_cli("build", "--site-dir", str(site), check=True)
    with serve(site) as base:
        yield base


@pytest.fixture
def open_page(browser: Any, base_url: str) -> Iterator[Any]:
    """Open a page of the report at a size and in a palette; close it after the test."""
    contexts = []

    def opener(path: str, viewport: dict[str, int] = DESKTOP, scheme: str = "light") -> Any:
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_without_sideways_scrolling(open_page: Any, name: str) -> None:
    page = open_page(PAGES[name], PHONE)
    overflowing = page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth, found = [];
        for (const el of document.querySelectorAll(".md-content *")) {
          const box = el.getBoundingClientRect();
          let scroller = el.parentElement;  // content inside a scrolling box (a wide table) may be wider
          while (scroller && !["auto", "scroll"].includes(getComputedStyle(scroller).overflowX)) {
            scroller = scroller.parentElement;
          }
          if (box.width && box.right > width + 1 && !scroller) found.push(el.tagName + "." + el.getAttribute("class"));
        }
        return {scroll: document.documentElement.scrollWidth, width, found: found.slice(0, 10)};
        }"""
    )
    assert overflowing["scroll"] <= overflowing["width"], overflowing
    assert not overflowing["found"], overflowing
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"), full_page=True)


def test_chart_names_each_verdict_by_word_icon_and_count(open_page: Any) -> None:
    page = open_page("", PHONE)
    counts = Counter(r["verdict"] for r in PUBLISHED)
    for verdict in VERDICTS:
        row = page.locator(f"svg.fc-chart a.fc-chart-row[href$='verdicts/{verdict['id']}/']")
        n = counts[verdict["id"]]
        assert row.locator(".fc-chart-label").text_content() == verdict["label"]
        assert row.locator(".fc-chart-count").text_content() == str(n)
        assert row.locator("path.fc-chart-icon").count() == 1
        assert row.get_attribute("aria-label") == f"{verdict['label']}: {n} claim{'' if n == 1 else 's'}"
        box = row.bounding_box()
        assert box and box["height"] >= 24, f"the {verdict['label']} row is too small to tap: {box}"
    title = page.locator("svg.fc-chart > title").text_content()
    assert title == f"Claims by verdict ({len(PUBLISHED)} in all): " + "; ".join(
        f"{v['label']}: {counts[v['id']]}" for v in VERDICTS
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_verdict_words_and_highlights_stay_visible_in_both_palettes(open_page: Any, scheme: str) -> None:
    home = open_page("", DESKTOP, scheme)
    chart = home.evaluate(
        CONTRAST_JS
        + """Array.from(document.querySelectorAll(".fc-chart-label, .fc-chart-count"),
             (t) => contrast(over(rgba(getComputedStyle(t).fill), pageBg()), pageBg()))"""
    )
    assert chart and min(chart) >= 4.5, f"chart text contrast in the {scheme} palette: {chart}"
    source = open_page(PAGES["source"], DESKTOP, scheme)
    marks = source.evaluate(
        CONTRAST_JS
        + """Array.from(document.querySelectorAll(".fc-text mark.fc-mark--claim"), (m) => [m.className,
             contrast(over(rgba(getComputedStyle(m).borderBottomColor), pageBg()), pageBg())])"""
    )
    assert marks
    faint = [(cls, round(ratio, 2)) for cls, ratio in marks if ratio < 3]
    assert not faint, f"claim highlights whose underline fades into the {scheme} page (under 3:1): {faint}"
    labels = source.locator(".fc-text a.fc-ref:not(.fc-ref--evidence)")
    assert labels.count() >= 1
    for i in range(labels.count()):
        label = labels.nth(i)
        words = label.inner_text().split()
        assert words[0].startswith("fc-") and " ".join(words[1:]) in {v["label"] for v in VERDICTS}
        assert label.locator("svg.fc-icon").count() == 1  # the icon as well as the word, never colour alone
    ARTIFACTS.mkdir(exist_ok=True)
    source.screenshot(path=str(ARTIFACTS / f"source-{scheme}.png"))


def test_source_facts_read_as_a_table_on_desktop_and_a_column_on_a_phone(open_page: Any) -> None:
    positions = """Array.from(document.querySelectorAll("dl.fc-facts > dt"), (dt) => {
        const [a, b] = [dt.getBoundingClientRect(), dt.nextElementSibling.getBoundingClientRect()];
        return [a.top, b.top, a.left, b.left];
    })"""
    wide = open_page(PAGES["source"], DESKTOP).evaluate(positions)
    assert wide and all(abs(dt_top - dd_top) < 4 and dd_left > dt_left for dt_top, dd_top, dt_left, dd_left in wide)
    narrow = open_page(PAGES["source"], PHONE).evaluate(positions)
    assert narrow and all(dd_top > dt_top and abs(dd_left - dt_left) < 2 for dt_top, dd_top, dt_left, dd_left in narrow)


def test_claim_page_prints_without_the_site_around_it(open_page: Any) -> None:
    page = open_page(PAGES["claim"], DESKTOP)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    badge = page.locator(".fc-verdict .fc-badge")
    colour = next(v["colour"] for v in VERDICTS if v["id"] == PUBLISHED[0]["verdict"]).lstrip("#")
    expected = "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (0, 2, 4)))
    assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == expected
    assert badge.evaluate("b => getComputedStyle(b).printColorAdjust") == "exact"  # printers keep the colour
    assert badge.inner_text().strip() == next(v["label"] for v in VERDICTS if v["id"] == PUBLISHED[0]["verdict"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "claim-print.png"), full_page=True)
    assert page.pdf(format="A4", print_background=True).startswith(b"%PDF")


def test_home_puts_what_was_reviewed_and_the_verdicts_in_the_first_screen(open_page: Any) -> None:
    for viewport in (DESKTOP, PHONE):
        page = open_page("", viewport)
        cards = page.locator(".fc-source-card")
        assert cards.count() == len(list((REPO / "seeds").glob("*.yml")))
        assert cards.first.bounding_box()["y"] < viewport["height"]  # type: ignore[index]
        if viewport is DESKTOP:
            assert page.locator("svg.fc-chart").bounding_box()["y"] < viewport["height"]  # type: ignore[index]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"home-{viewport['width']}.png"))

"""Verdict badges never cover a claim, a title or each other, in any interface language, on a phone or a desktop.

The seed report's claims are built into a desk started in each language (its rating scale in that
language: Serbian has the longest labels) and Chromium measures the boxes of what a reader sees
on every page that lists claims, and of the verdict chart's labels, bars and counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, serve
from desks import start_desk

from generator.i18n import shipped_tags

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = (360, 768, 1280)

# Returns one line per pair of boxes that overlap, naming both, so that a failure says where.
MEASURE = """() => {
  const boxes = (el) => Array.from(el.getClientRects()).filter(r => r.width > 0 && r.height > 0);
  const textBoxes = (el, skip) => {
    const found = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (!node.textContent.trim() || (skip && skip(node))) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      found.push(...Array.from(range.getClientRects()).filter(r => r.width > 0));
    }
    return found;
  };
  const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const name = (el) => (el.textContent || '').trim().slice(0, 40);
  const problems = [];
  const clash = (what, a, aBoxes, b, bBoxes) => {
    for (const x of aBoxes) for (const y of bBoxes) if (meet(x, y)) {
      problems.push(`${what}: "${name(a)}" over "${name(b)}"`); return;
    }
  };
  const width = document.documentElement.clientWidth;
  const badges = Array.from(document.querySelectorAll('.md-content .fc-badge'));
  for (const badge of badges) {
    const box = badge.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) problems.push(`badge out of the page: "${name(badge)}"`);
  }
  for (let i = 0; i < badges.length; i++)
    for (let j = i + 1; j < badges.length; j++)
      clash('badge', badges[i], boxes(badges[i]), badges[j], boxes(badges[j]));
  const texts = Array.from(document.querySelectorAll(
    '.md-content .fc-item-body, .md-content .fc-title, .md-content h2'));
  const inBadge = (node) => node.parentElement.closest('.fc-badge');
  for (const badge of badges) for (const text of texts)
    clash('badge', badge, boxes(badge), text, textBoxes(text, inBadge));
  for (const chart of document.querySelectorAll('svg.fc-chart')) {
    const parts = Array.from(chart.querySelectorAll('.fc-chart-label, .fc-chart-bar, .fc-chart-count'));
    const frame = chart.getBoundingClientRect();
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      if (box.left < frame.left - 1 || box.right > frame.right + 1) problems.push(`chart: "${name(part)}" cut off`);
    }
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++)
        clash('chart', parts[i], [parts[i].getBoundingClientRect()], parts[j], [parts[j].getBoundingClientRect()]);
  }
  return problems;
}"""


@pytest.fixture(scope="module", params=shipped_tags())
def desk_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    language = request.param
    return language, start_desk(tmp_path_factory.mktemp(f"layout-{language}") / "report", language)


def _pages(site: Path) -> list[str]:
    """Home, the claims list, a verdict's and a tag's list, a source's page: every kind that lists claims."""
    tags = sorted(p.parent.name for p in (site / "tags").glob("*/index.html"))
    verdicts = sorted(p.parent.name for p in (site / "verdicts").glob("*/index.html"))
    sources = sorted(p.parent.name for p in (site / "sources").glob("*/index.html"))
    return ["", "claims/", *(f"verdicts/{v}/" for v in verdicts), f"tags/{tags[0]}/", f"sources/{sources[0]}/"]


def test_badges_cover_no_claim_title_or_other_badge(desk_site: tuple[str, Path], browser: Any) -> None:
    language, site = desk_site
    ARTIFACTS.mkdir(exist_ok=True)
    found: list[str] = []
    with serve(site) as base:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in _pages(site):
                page.goto(base + path)
                found += [f"{width}px /{path}: {problem}" for problem in page.evaluate(MEASURE)]
                if path in ("", "claims/"):
                    name = "home" if path == "" else "claims"
                    page.screenshot(path=str(ARTIFACTS / f"layout-{language}-{name}-{width}.png"))
            page.close()
    assert found == []

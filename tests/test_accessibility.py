"""axe-core, run in Chromium on the real report's main kinds of page, finds no serious or critical problem."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import REPO, run_cli, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # the browser's preference -> the palette Material picks


def richest_claim() -> str:
    """Return the published claim with the most evidence: its page has every part a claim page can have."""
    records = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "claims").glob("*.yml"))]
    published = [r for r in records if r["status"] == "published"]
    return max(published, key=lambda r: (len(r.get("evidence", [])), r["id"]))["id"]


PAGES = {
    "home": "",
    "claim": f"claims/{richest_claim()}/",
    **{f"source-{p.stem}": f"sources/{p.stem}/" for p in sorted((REPO / "seeds").glob("*.yml"))},
    "methodology": "methodology/",
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not AXE.is_file():
        pytest.skip(f"{AXE.relative_to(REPO)} not found: run `cd tests/browser && npm ci` (make test does)")
    site = tmp_path_factory.mktemp("a11y") / "site"
    run_cli("build", "--site-dir", str(site), check=True)
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_problem(browser: Any, base_url: str, name: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base_url + PAGES[name])
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.split("\\n")[1])}))"""
        )
    finally:
        context.close()
    serious = [v for v in violations if v["impact"] in {"serious", "critical"}]
    report = "\n".join(
        f"{v['impact']} {v['id']} ({v['help']}), {len(v['nodes'])} element(s):\n    " + "\n    ".join(v["nodes"][:5])
        for v in serious
    )
    assert not serious, f"/{PAGES[name]} in the {scheme} palette:\n{report}"

"""A Serbian desk, end to end: init in Serbian, a Cyrillic source, a claim with Cyrillic tags, check, build.

The source is given without --id: add-source writes its id in Serbian Latin, in ASCII. The
site's pages are then read in Chromium on a phone and on a desktop, and photographed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import ARTIFACTS, run_cli, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = """<!DOCTYPE html>
<html lang="sr">
<head>
<meta charset="utf-8">
<title>Извештај о буџету за образовање 2024</title>
<meta property="og:title" content="Извештај о буџету за образовање 2024">
<meta property="og:site_name" content="Радио-телевизија Србије">
<meta property="article:published_time" content="2024-03-12T09:00:00+01:00">
<meta name="author" content="Јована Јовановић">
</head>
<body><article>
<h1>Извештај о буџету за образовање 2024</h1>
<p>Министарство просвете објавило је у уторак да ће буџет за образовање у 2024. години
бити повећан за десет одсто у односу на претходну годину.</p>
<p>Према саопштењу министарства, највећи део повећања биће употребљен за плате наставника
и за обнову школа у мањим местима широм Србије.</p>
<p>Синдикати просветних радника рекли су да повећање не покрива раст трошкова живота.</p>
</article></body></html>
"""
SOURCE_ID = "radio-televizija-srbije-izvestaj-o-budzetu-za"  # at most 48 characters, whole words
QUOTE = "буџет за образовање у 2024. години бити повећан за десет одсто"

RECORD = """{schema}id: fc-0001
status: published
claim: "Буџет за образовање у 2024. години повећан је за десет одсто."
passage:
  source: {source}
  quote: "{quote}"
claimant: "Министарство просвете"
claim_date: "2024-03-12"
why_checked:
  criteria: [significance]
  note: "Буџет за образовање тиче се сваке породице са децом у школи."
verdict: mostly-true
summary: "Буџет је заиста повећан за десет одсто, али раст трошкова живота поједе већи део повећања."
analysis: |
  Закон о буџету за 2024. годину предвиђа за образовање десет одсто више него закон за 2023.
  годину. Инфлација у 2023. години била је око осам одсто, па је стварно повећање мање.
evidence:
  - publisher: "Народна скупштина Републике Србије"
    title: "Закон о буџету Републике Србије за 2024. годину"
    date: "2023-12-09"
    url: "https://www.parlament.gov.rs/zakon-o-budzetu-2024"
    quote: "Министарство просвете"
    stance: supports
    note: "Закон предвиђа износ за образовање који је за десет одсто већи него прошле године."
  - publisher: "Републички завод за статистику"
    title: "Индекс потрошачких цена, децембар 2023."
    date: "2024-01-12"
    url: "https://www.stat.gov.rs/indeks-potrosackih-cena-2023"
    quote: "потрошачке цене"
    stance: supports
    note: "Инфлација у 2023. години, са којом треба поредити повећање."
reviewers: ["Милица Петровић"]
published: "2024-03-20"
updated: "2024-03-20"
tags: [буџет, образовање, Школе]
"""
TEAM = """members:
  - name: "Милица Петровић"
    role: "Уредница"
    bio: "Новинарка која петнаест година прати образовање и јавне финансије."
"""


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serbian")
    root = folder / "desk"
    run_cli("init", str(root), "--language", "sr", check=True)
    page = folder / "izvestaj.html"
    page.write_text(PAGE, encoding="utf-8")
    added = run_cli("--root", str(root), "add-source", str(page), "--kind", "news-report", check=True)
    assert added.stdout.startswith(
        f"Chose the id {SOURCE_ID} from the publisher and the title; give --id to choose another.\n"
        f"Wrote seeds/originals/{SOURCE_ID}.html, seeds/{SOURCE_ID}.txt, seeds/{SOURCE_ID}.yml.\n"
    )
    started = run_cli("--root", str(root), "new", "--source", SOURCE_ID, "--quote", QUOTE, check=True)
    assert started.stdout == "claims/fc-0001.yml\n"
    record = root / "claims" / "fc-0001.yml"
    schema = record.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    assert schema == "# yaml-language-server: $schema=../schemas/claim.schema.json\n"
    record.write_text(RECORD.format(schema=schema, source=SOURCE_ID, quote=QUOTE), encoding="utf-8")
    (root / "team.yml").write_text(TEAM, encoding="utf-8")
    checked = run_cli("--root", str(root), "check")
    assert checked.returncode == 0, checked.stdout
    assert " 0 errors, " in checked.stdout and checked.stdout.endswith("OK: 1 claim, 1 source, 8 verdicts.\n")
    run_cli("--root", str(root), "build", check=True)
    return root / "site"


def test_the_desks_pages_are_in_serbian_with_ascii_addresses(desk: Path) -> None:
    assert (desk / "sources" / SOURCE_ID / "index.html").is_file()
    assert sorted(p.parent.name for p in (desk / "tags").glob("*/index.html")) == ["budzet", "obrazovanje", "skole"]
    claim = (desk / "claims" / "fc-0001" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sr"' in claim
    assert '<a class="fc-tag" href="../../tags/budzet/">буџет</a>' in claim
    assert '<a class="fc-tag" href="../../tags/skole/">школе</a>' in claim  # shown in lower case
    assert "Углавном тачно" in claim and "Трајна веза" in claim


def test_a_reader_finds_the_claim_by_a_cyrillic_tag_and_sees_it_whole(desk: Path, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(desk) as base:
        for width in (360, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(base + "tags/budzet/")
            link = page.locator("a.fc-item-claim")
            assert link.inner_text() == "Буџет за образовање у 2024. години повећан је за десет одсто."
            badge, words = page.locator("li.fc-item .fc-badge").bounding_box(), link.bounding_box()
            assert badge and words
            beside = badge["x"] + badge["width"] <= words["x"] + 1 or words["x"] + words["width"] <= badge["x"] + 1
            assert beside or badge["y"] + badge["height"] <= words["y"] + 1  # beside it, or above it on a phone
            page.goto(base)
            page.screenshot(path=str(ARTIFACTS / f"serbian-home-{width}.png"), full_page=True)
            link = page.locator("a.fc-item-claim").first
            link.click()
            page.wait_for_load_state()
            assert page.url.endswith("/claims/fc-0001/")
            assert page.locator(".fc-verdict .fc-badge").inner_text().strip() == "Углавном тачно"
            page.screenshot(path=str(ARTIFACTS / f"serbian-claim-{width}.png"), full_page=True)
            page.close()


def test_search_finds_the_claim_by_its_cyrillic_words_and_tag(desk: Path, browser: Any) -> None:
    from test_search import results, search

    with serve(desk) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        claim = "Углавном тачно Буџет за образовање у 2024. години повећан је за десет одсто."
        assert claim in search(page, "буџет")
        tags = page.get_by_label("Ознака", exact=True)  # the tag filter, in Serbian
        tags.locator("option").nth(1).wait_for(state="attached")
        tags.select_option(label=next(o for o in tags.locator("option").all_inner_texts() if o.startswith("буџет (")))
        page.wait_for_selector(f'#fc-search-results[data-filters="{urlencode({"tag": "буџет"})}"]', state="attached")
        assert results(page) == [claim]
        page.close()

"""Each engine builds the whole report: pages, data files, ClaimReview and search, checked in the site."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import copy_fixture

from generator.cli import main

pytestmark = pytest.mark.slow

CLAIMS = ("fc-0001", "fc-0002", "fc-0003", "fc-0004")
PUBLISHED = ("fc-0001", "fc-0002", "fc-0003")  # fc-0004 is withdrawn: it keeps its page, not its ClaimReview
SOURCES = ("typography", "comments")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_each_engine_builds_every_page_the_data_the_claimreview_and_the_search(tmp_path: Path, engine: str) -> None:
    if importlib.util.find_spec(engine) is None:
        pytest.skip(f"{engine} is not installed: pip install 'factcheck-generator[{engine}]'")
    report = copy_fixture(tmp_path / "report")
    assert main(["--root", str(report), "build", "--engine", engine]) == 0
    site = report / "site"
    for claim_id in CLAIMS:
        assert (site / "claims" / claim_id / "index.html").is_file()
    assert not (site / "claims" / "fc-0005").exists()  # a draft
    for source_id in SOURCES:
        assert (site / "sources" / source_id / "index.html").is_file()
    assert (site / "data" / "claims.json").is_file()
    for claim_id in CLAIMS:
        html = (site / "claims" / claim_id / "index.html").read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        found = [json.loads(script) for script in JSON_LD.findall(head)]
        assert [f["@type"] for f in found] == (["ClaimReview"] if claim_id in PUBLISHED else [])
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


@pytest.mark.parametrize(("engine", "name"), [("properdocs", "ProperDocs"), ("zensical", "Zensical")])
def test_a_missing_engine_is_named_with_the_command_that_installs_it(
    tmp_path: Path, engine: str, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = copy_fixture(tmp_path / "report")
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == engine else find_spec(n, *a))
    assert main(["--root", str(report), "build", "--engine", engine]) == 1
    assert capsys.readouterr().err == (f"error: {name} is not installed: pip install 'factcheck-generator[{engine}]'\n")
    assert not (report / "site").exists()  # refused before any work

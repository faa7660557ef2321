"""The open data of a built site, each file read by an independent consumer.

ClaimReview is read back by extruct (the JSON-LD extractor), the feed by feedparser, the CSV by
the csv module and the Web Annotations by the W3C test suite's own JSON Schemas. Both the fixture
report (built with ``mkdocs build --strict`` in a copy) and the real report are checked.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import extruct
import feedparser
import pytest
from conftest import ENV, FIXTURE, REPO, copy_fixture, kept_golden, matches_golden, run_cli

pytestmark = pytest.mark.slow

FIXTURE_URL = "https://factcheck.example.org/report/"
GOLDEN_EXPORT = REPO / "tests" / "golden" / "export"
W3C_TESTS = Path(os.environ.get("W3C_ANNOTATION_TESTS", REPO.parent / "shared" / "w3c-annotation-tests"))


def mkdocs_build(report: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=report, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return report / "site"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mkdocs_build(copy_fixture(tmp_path_factory.mktemp("exports") / "report"))


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    run_cli("build", "--site-dir", str(out), check=True)
    return out


@pytest.fixture(scope="module", params=["fixture", "real"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def data(site: Path) -> dict[str, Any]:
    return json.loads((site / "data" / "claims.json").read_text(encoding="utf-8"))


def claim_pages(site: Path) -> dict[str, str]:
    return {p.parent.name: p.read_text(encoding="utf-8") for p in sorted((site / "claims").glob("fc-*/index.html"))}


def claim_reviews(html: str, url: str) -> list[dict[str, Any]]:
    found = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [item for item in found if item.get("@type") == "ClaimReview"]


class HeadReader(HTMLParser):
    """Collects the head's meta and link tags, and every script element with its type and text."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[tuple[str, str]] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and "content" in values:
            self.meta[values.get("property") or values.get("name", "")] = values["content"]
        elif tag == "link":
            self.links.append(values)
        elif tag == "script":
            self._script = values.get("type", "")
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def read_head(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    return reader


# ClaimReview ------------------------------------------------------------------------------


def test_each_published_claim_page_has_exactly_one_claimreview(site: Path) -> None:
    report = data(site)
    pages = claim_pages(site)
    by_id = {c["id"]: c for c in report["claims"]}
    assert sorted(pages) == sorted(by_id)
    seen = 0
    for claim_id, html in pages.items():
        claim = by_id[claim_id]
        reviews = claim_reviews(html, claim["url"])
        if claim["status"] == "withdrawn":
            assert reviews == []  # the report no longer stands behind a withdrawn verdict
            continue
        assert len(reviews) == 1, claim_id
        review = reviews[0]
        assert review["url"] == claim["url"] == f"{report['url']}claims/{claim_id}/"
        assert review["claimReviewed"] == claim["claim"]
        assert review["author"]["name"] == report["publisher"]["name"]
        assert (review["datePublished"], review["dateModified"]) == (claim["published"], claim["updated"])
        rating = review["reviewRating"]
        assert rating["alternateName"] == claim["verdict"]["label"]
        assert rating["ratingExplanation"] == claim["summary"]
        if claim["verdict"]["rank"] is None:
            assert not {"ratingValue", "bestRating", "worstRating"} & rating.keys()
        else:
            ranks = [v["rank"] for v in report["scale"] if v["rank"] is not None]
            assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (
                claim["verdict"]["rank"],
                max(ranks),
                min(ranks),
            )
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] == claim["claimant"]
        assert item.get("datePublished") == claim["claim_date"] or claim["claim_date"] is None
        source = next(s for s in report["sources"] if s["id"] == claim["passage"]["source"])
        assert item["firstAppearance"]["headline"] == source["title"]
        assert item["appearance"][0]["headline"] == source["title"]
        assert item["firstAppearance"].get("url") == source["url"]
        assert [c["text"] for c in review.get("correction", [])] == [c["note"] for c in claim["corrections"]]
        seen += 1
    assert seen == sum(c["status"] == "published" for c in report["claims"]) > 0


def test_fixture_claimreview_in_detail(fixture_site: Path) -> None:
    html = (fixture_site / "claims" / "fc-0001" / "index.html").read_text(encoding="utf-8")
    (review,) = claim_reviews(html, FIXTURE_URL + "claims/fc-0001/")
    assert review["author"] == {
        "@type": "Organization",
        "name": "Fixture Desk",
        "url": "https://factcheck.example.org/",
    }
    assert review["itemReviewed"]["appearance"] == [
        {
            "@type": "CreativeWork",
            "author": {"@type": "Person", "name": "A. Writer"},
            "datePublished": "2021-05-20",
            "headline": "Drills near Durrës: a test text",
            "inLanguage": "en",
            "publisher": {"@type": "Organization", "name": "Example News"},
            "url": "https://news.example.com/2021/05/drills-near-durres",
        }
    ]
    assert review["correction"] == [
        {"@type": "CorrectionComment", "datePublished": "2021-06-10", "text": "Corrected the date of the briefing."}
    ]
    html = (fixture_site / "claims" / "fc-0003" / "index.html").read_text(encoding="utf-8")
    (review,) = claim_reviews(html, FIXTURE_URL + "claims/fc-0003/")
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Opinion",
        "ratingExplanation": "A characterisation, not rated.",
    }
    html = (fixture_site / "claims" / "fc-translated" / "index.html").read_text(encoding="utf-8")
    (review,) = claim_reviews(html, FIXTURE_URL + "claims/fc-translated/")
    # The review is in the report's language; the text it reviews, in its own.
    assert review["inLanguage"] == "en"
    assert review["itemReviewed"]["appearance"][0]["inLanguage"] == "fr"
    for page in ("index.html", "sources/typography/index.html", "claims/index.html", "ratings/index.html"):
        assert claim_reviews((fixture_site / page).read_text(encoding="utf-8"), FIXTURE_URL) == []


def test_the_datafeed_carries_the_same_claimreviews_as_the_pages(site: Path) -> None:
    feed = json.loads((site / "data" / "claimreview.json").read_text(encoding="utf-8"))
    assert feed["@type"] == "DataFeed" and feed["license"] == "https://creativecommons.org/licenses/by/4.0/"
    items = {e["item"]["url"]: e for e in feed["dataFeedElement"]}
    published = [c for c in data(site)["claims"] if c["status"] == "published"]
    assert sorted(items) == sorted(c["url"] for c in published)
    for claim in published:
        html = (site / "claims" / claim["id"] / "index.html").read_text(encoding="utf-8")
        (review,) = claim_reviews(html, claim["url"])
        review.pop("@context")
        assert items[claim["url"]]["item"] == review
        assert items[claim["url"]]["dateModified"] == claim["updated"]


def test_a_summary_cannot_break_out_of_the_script_element(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    record = report / "claims" / "fc-0002.yml"
    hostile = "Held every two years </script><script>alert(1)</script> & <!-- not each year."
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace('summary: "It is held every two years, not each year."', f"summary: {json.dumps(hostile)}"),
        encoding="utf-8",
    )
    site = mkdocs_build(report)
    html = (site / "claims" / "fc-0002" / "index.html").read_text(encoding="utf-8")
    head = read_head(html)
    assert [t for t, body in head.scripts if "alert(1)" in body] == ["application/ld+json"]
    assert not any(t in ("", "text/javascript") and "alert" in body for t, body in head.scripts)
    assert "</script><script>alert(1)" not in html
    (review,) = claim_reviews(html, FIXTURE_URL + "claims/fc-0002/")
    assert review["reviewRating"]["ratingExplanation"] == hostile  # escaped, yet read back exactly
    assert head.meta["og:description"] == "False. " + hostile


# Sharing ----------------------------------------------------------------------------------


def test_claim_pages_carry_sharing_metadata_starting_with_the_verdict(site: Path) -> None:
    for claim in data(site)["claims"]:
        html = (site / "claims" / claim["id"] / "index.html").read_text(encoding="utf-8")
        head = read_head(html)
        assert head.meta["og:url"] == claim["url"]
        assert head.meta["og:type"] == "article"
        assert head.meta["og:title"] == head.meta["twitter:title"] == " ".join(claim["claim"].split())
        label = claim["verdict"]["label"]
        assert head.meta["og:description"].startswith(label + (" (withdrawn" if claim["withdrawn"] else ". "))
        assert head.meta["twitter:description"] == head.meta["og:description"]
        assert head.meta["twitter:card"] == "summary"
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == [claim["url"]]


def test_fixture_sharing_description_of_a_withdrawn_claim(fixture_site: Path) -> None:
    head = read_head((fixture_site / "claims" / "fc-0004" / "index.html").read_text(encoding="utf-8"))
    assert head.meta["og:description"] == (
        "Mostly true (withdrawn on 1 July 2021). Published twice by mistake; see fc-0001 for the exercise's size."
    )


# Feed -------------------------------------------------------------------------------------


def test_the_atom_feed_has_an_entry_per_claim_dated_by_the_record(site: Path) -> None:
    report = data(site)
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == report["title"]
    assert parsed.feed.links[0].href == report["url"] + "feed.xml"
    assert len(parsed.entries) == len(report["claims"])
    by_url = {c["url"]: c for c in report["claims"]}
    for entry in parsed.entries:
        claim = by_url[entry.id]
        assert entry.link == claim["url"]
        assert entry.published == claim["published"] + "T00:00:00Z"
        assert entry.updated == claim["updated"] + "T00:00:00Z"
        assert entry.tags[0].term == claim["verdict"]["id"]
        assert entry.summary.startswith(
            "Withdrawn on " if claim["withdrawn"] else f"{claim['verdict']['label']}. {claim['summary']}"
        )
    assert [e.updated for e in parsed.entries] == sorted((e.updated for e in parsed.entries), reverse=True)
    for page in ("index.html", "claims/index.html"):
        links = read_head((site / page).read_text(encoding="utf-8")).links
        feeds = [link["href"] for link in links if link.get("type") == "application/atom+xml"]
        assert feeds == [report["url"] + "feed.xml"]


def test_fixture_feed_announces_corrections_and_withdrawals(fixture_site: Path) -> None:
    parsed = feedparser.parse((fixture_site / "feed.xml").read_bytes())
    entries = {e.id.rsplit("/", 2)[-2]: e for e in parsed.entries}
    assert sorted(entries) == ["fc-0001", "fc-0002", "fc-0003", "fc-0004", "fc-translated"]
    assert entries["fc-0001"].summary == (
        "True. The minister did say so, in those words. Corrected on 10 June 2021: Corrected the date of the briefing."
    )
    assert entries["fc-0004"].summary.startswith("Withdrawn on 1 July 2021: Published twice by mistake")
    assert list(entries) == ["fc-0004", "fc-0001", "fc-translated", "fc-0003", "fc-0002"]  # latest update first


# CSV and JSON -----------------------------------------------------------------------------


def test_the_csv_has_one_row_per_claim_with_its_passage(site: Path) -> None:
    report = data(site)
    with (site / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [c["id"] for c in report["claims"]]
    texts = {s["id"]: source_text(site, s) for s in report["sources"]}
    for row, claim in zip(rows, report["claims"], strict=True):
        assert row["url"] == claim["url"]
        assert row["verdict_label"] == claim["verdict"]["label"]
        assert row["rating"] == ("" if claim["verdict"]["rank"] is None else str(claim["verdict"]["rank"]))
        assert row["quote"] == texts[row["source"]][int(row["start"]) : int(row["end"])]
        assert row["summary"] in (claim["summary"], "'" + claim["summary"])


def test_a_csv_cell_cannot_become_a_spreadsheet_formula(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    record = report / "claims" / "fc-0002.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('summary: "It is held', 'summary: "=HYPERLINK(1) It is held'), encoding="utf-8")
    run_cli("--root", str(report), "export", "--site-url", FIXTURE_URL, "--out", str(tmp_path / "out"), check=True)
    with (tmp_path / "out" / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == "fc-0002")
    assert row["summary"] == "'=HYPERLINK(1) It is held every two years, not each year."


def test_every_csv_cell_is_quoted_and_every_listed_item_guarded(tmp_path: Path) -> None:
    # A spreadsheet that splits on ';' (the list separator of many locales) would run "=1+1" of an
    # unquoted "held;=1+1", and a reviewer "=1+1" joined into "Desk;=1+1".
    report = copy_fixture(tmp_path / "report")
    record = report / "claims" / "fc-0002.yml"
    text = record.read_text(encoding="utf-8")
    text = text.replace('summary: "It is held', 'summary: "It is held;=1+1;').replace(
        'reviewers: ["Fixture Desk"]', 'reviewers: ["Fixture Desk", "=1+1", "@SUM(A1)"]'
    )
    record.write_text(text, encoding="utf-8")
    run_cli("--root", str(report), "export", "--site-url", FIXTURE_URL, "--out", str(tmp_path / "out"), check=True)
    raw = (tmp_path / "out" / "data" / "claims.csv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        assert line.startswith('"') and line.endswith('"'), line
    row = next(r for r in csv.DictReader(io.StringIO(raw, newline="")) if r["id"] == "fc-0002")
    assert row["summary"] == "It is held;=1+1; every two years, not each year."
    assert row["reviewers"] == "Fixture Desk;'=1+1;'@SUM(A1)"
    assert '"It is held;=1+1; every two years, not each year."' in raw


def source_text(site: Path, source: dict[str, Any]) -> str:
    raw = (site / source["text"].removeprefix(data(site)["url"])).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == source["sha256"]
    return raw.decode("utf-8")


def test_claims_json_resolves_every_passage_to_its_source_text(site: Path) -> None:
    report = data(site)
    assert report["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    texts = {s["id"]: source_text(site, s) for s in report["sources"]}
    passages = [c["passage"] for c in report["claims"]]
    passages += [e["passage"] for c in report["claims"] for e in c["evidence"] if e["kind"] == "passage"]
    for passage in passages:
        text = texts[passage["source"]]
        assert passage["parts"][0]["start"] == passage["start"] and passage["parts"][-1]["end"] == passage["end"]
        for part in passage["parts"]:
            assert text[part["start"] : part["end"]] == part["text"]
    assert all(c["status"] != "draft" for c in report["claims"])


# W3C Web Annotations ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def must_validators() -> list[tuple[str, Any]]:
    """One validator per MUST assertion of the W3C annotation-model test suite."""
    if not (W3C_TESTS / "annotations" / "annotationMusts.test").is_file():
        pytest.skip(
            f"W3C annotation-model test suite not found at {W3C_TESTS}: "
            "set W3C_ANNOTATION_TESTS to a copy of github.com/w3c/web-annotation-tests"
        )
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    # Without these checkers a draft-04 validator would pass any string as a uri or a date-time.
    assert {"uri", "date-time"} <= set(Draft4Validator.FORMAT_CHECKER.checkers)
    registry: Registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8")), default_specification=DRAFT4))
        for p in sorted((W3C_TESTS / "definitions").glob("*.json"))
    )
    manifest = json.loads((W3C_TESTS / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))
    return [
        (
            name,
            Draft4Validator(
                json.loads((W3C_TESTS / name).read_text(encoding="utf-8")),
                registry=registry,
                format_checker=Draft4Validator.FORMAT_CHECKER,
            ),
        )
        for name in manifest["assertions"]
    ]


def failed_musts(validators: list[tuple[str, Any]], annotation: dict[str, Any]) -> list[str]:
    return [name for name, validator in validators if not validator.is_valid(annotation)]


def test_the_w3c_validators_tell_the_suites_samples_apart(must_validators: list[tuple[str, Any]]) -> None:
    # The suite's own samples: the correct annotations pass, and each incorrect one fails.
    # (anno11-13 use the Composite type, which the model dropped after the samples were written.)
    samples = W3C_TESTS / "samples"
    correct = [
        p for p in sorted((samples / "correct").glob("anno*.json")) if p.stem not in {"anno11", "anno12", "anno13"}
    ]
    assert len(correct) > 30
    for path in correct:
        assert failed_musts(must_validators, json.loads(path.read_text(encoding="utf-8"))) == [], path.name
    incorrect = 0
    for path in sorted((samples / "incorrect").glob("anno*.json")):
        try:
            sample = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue  # some incorrect samples are not JSON at all
        assert failed_musts(must_validators, sample), path.name
        incorrect += 1
    assert incorrect > 20


def test_every_annotation_passes_every_must(site: Path, must_validators: list[tuple[str, Any]]) -> None:
    items = annotations(site)
    for annotation in items:
        assert failed_musts(must_validators, annotation) == [], annotation["id"]
    print(f"\n{site}: {len(items)} annotations pass all {len(must_validators)} MUST assertions")


def test_every_annotation_reanchors_exactly_in_its_source(site: Path) -> None:
    report = data(site)
    collection = json.loads((site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items)
    published = [c for c in report["claims"] if c["status"] == "published"]
    expected = sum(1 + sum(e["kind"] == "passage" for e in c["evidence"]) for c in published)
    assert len(items) == expected > 0
    texts = {s["page"]: source_text(site, s) for s in report["sources"]}
    for annotation in items:
        assert annotation["motivation"] in ("assessing", "linking")
        target = annotation["target"]
        text = texts[target["source"]]
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert quote.get("prefix", "") == text[max(0, start - 32) : start]
        assert quote.get("suffix", "") == text[end : end + 32]
    assert len({a["id"] for a in items}) == len(items)


def annotations(site: Path) -> list[dict[str, Any]]:
    return json.loads((site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]


def test_fixture_annotation_in_detail(fixture_site: Path) -> None:
    collection = json.loads((fixture_site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    items = {a["id"].rsplit("#", 1)[1]: a for a in collection["first"]["items"]}
    assert sorted(items) == [
        "fc-0001-claim",
        "fc-0001-evidence-1",
        "fc-0002-claim",
        "fc-0002-evidence-1",
        "fc-0003-claim",
        "fc-translated-claim",
        "fc-translated-evidence-1",
    ]
    claim = items["fc-0002-claim"]
    assert claim["target"] == {
        "type": "SpecificResource",
        "source": FIXTURE_URL + "sources/typography/",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": "the exercise is held each year",
                "prefix": "s held each year.\n\nCritics said ",
                "suffix": ", but it was not.\n\nAbout 28,000\xa0",
            },
            {"type": "TextPositionSelector", "start": 114, "end": 144},
        ],
    }
    assert [b.get("value") for b in claim["body"]] == ["False", "It is held every two years, not each year.", None]
    assert items["fc-0002-evidence-1"]["motivation"] == "linking"
    # The editor's translation is a body of its own: in the report's language, by its translator,
    # beside the original that the target selects in the source's characters.
    translated = items["fc-translated-claim"]
    assert translated["body"][2] == {
        "type": "TextualBody",
        "purpose": "describing",
        "value": 'the exercises were "purely defensive"',
        "format": "text/plain",
        "language": "en",
        "creator": {"type": "Person", "name": "M. Dupont"},
    }
    assert translated["target"]["selector"][0]["exact"] == "les exercices étaient «\u00a0purement défensifs\u00a0»"
    evidence = items["fc-translated-evidence-1"]["body"]
    assert [b.get("value") for b in evidence] == [
        "context",
        "The size of the exercise, in the same statement.",
        'About 200 soldiers take part; "the cooperation continues"',
        None,
    ]


# Determinism and the command line ---------------------------------------------------------


def test_fixture_exports_match_their_golden_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("--root", str(FIXTURE), "export", "--site-url", FIXTURE_URL, "--out", str(out), check=True)
    assert result.stdout == f"Wrote 8 data files to {out}.\n"
    made = {p.relative_to(out).as_posix(): p.read_bytes().decode() for p in out.rglob("*") if p.is_file()}
    for rel, text in made.items():
        if rel.endswith((".json", ".jsonld")):  # the golden file is laid out, so that a reviewer can read the diff
            assert text == _compact(json.loads(text)), f"{rel} is not in the site's compact form"
            text = _laid_out(text)
        assert matches_golden(GOLDEN_EXPORT / rel, text), f"golden/export/{rel} differs; UPDATE_GOLDEN=1 rewrites it"
    assert kept_golden(GOLDEN_EXPORT, made) == sorted(made)


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _laid_out(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_a_built_site_carries_the_same_bytes_as_the_export_command(fixture_site: Path, tmp_path: Path) -> None:
    run_cli("--root", str(FIXTURE), "export", "--site-url", FIXTURE_URL, "--out", str(tmp_path), check=True)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (fixture_site / path.relative_to(tmp_path)).read_bytes(), path.name


def test_export_needs_the_sites_address(tmp_path: Path) -> None:
    result = run_cli("--root", str(FIXTURE), "export", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "the following arguments are required: --site-url" in result.stderr


def test_counts_seen_by_each_consumer(site: Path) -> None:
    """Print what each consumer read, for the record (pytest -s shows it)."""
    reviews = sum(len(claim_reviews(html, FIXTURE_URL)) for html in claim_pages(site).values())
    entries = len(feedparser.parse((site / "feed.xml").read_bytes()).entries)
    with (site / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = len(list(csv.DictReader(handle)))
    print(f"\n{site}: {reviews} ClaimReviews, {len(annotations(site))} annotations, ", end="")
    print(f"{entries} feed entries, {rows} CSV rows")
    assert entries == rows == len(data(site)["claims"])


# The data page ----------------------------------------------------------------------------


def test_the_data_page_names_every_field_and_links_every_file(real_site: Path) -> None:
    page = (REPO / "docs" / "data.md").read_text(encoding="utf-8")
    report = data(real_site)
    with (real_site / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        columns = next(csv.reader(handle))
    claim = report["claims"][0]
    fields = [*report, *report["sources"][0], *claim, *claim["passage"], *columns]
    fields += [key for item in claim["evidence"] for key in item]
    assert [f for f in dict.fromkeys(fields) if f"`{f}`" not in page] == []
    html = (real_site / "data" / "index.html").read_text(encoding="utf-8")
    links = [href for href in re.findall(r'<a href="([^"#:]+)"><code>', html)]
    assert links == ["claims.json", "claims.csv", "claimreview.json", "annotations.jsonld", "../feed.xml"]
    assert all((real_site / "data" / href).resolve().is_file() for href in links)

"""A corpus of hostile and broken inputs, each with the exact output of ``generator check``.

``tests/hostile/KIND/NAME.yml`` is a claim record dropped into the fixture report's claims/;
``tests/hostile/KIND/NAME/`` is a folder laid over the fixture report (so it can hold source
texts, metadata, ratings.yml or report.yml), where ``LINKS`` lists symbolic links to make
(``path -> target``), ``SIZES`` files to make of a given size (``path bytes``), and
``OUTSIDE/`` files to put beside the report, for links that point out of it. ``NAME.expected``
is what ``python -m generator check`` prints, exactly. Run with UPDATE_GOLDEN=1 to rewrite the
expected files, then read the diff.

Cases that pass the check (markup, Markdown and template syntax in values) are then built
into one site, whose every page must carry nothing but the elements and attributes that the
plain fixture's pages carry, with the hostile words shown as text.
"""

from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, copy_fixture, matches_golden, run_cli
from html_pages import parse_page
from html_safety import analysis_markup, element_sequence, unsafe_urls

from generator.load.yaml_source import load_yaml

HOSTILE = REPO / "tests" / "hostile"
SPECIAL = {"LINKS", "SIZES", "OUTSIDE"}
CASES = sorted(
    [p for p in HOSTILE.glob("*/*.yml")] + [p for p in HOSTILE.glob("*/*") if p.is_dir()],
    key=lambda p: p.relative_to(HOSTILE).as_posix(),
)
KINDS = ("encoding", "markdown", "paths", "schema", "size", "template", "xss", "yaml")


def case_id(case: Path) -> str:
    return case.relative_to(HOSTILE).with_suffix("").as_posix()


def expected_file(case: Path) -> Path:
    return case.parent / f"{case.stem if case.is_file() else case.name}.expected"


def lay_over(case: Path, report: Path) -> list[Path]:
    """Put a case into ``report``; return the paths to remove afterwards."""
    if case.is_file():
        target = report / "claims" / case.name
        shutil.copyfile(case, target)
        return [target]
    added: list[Path] = []
    for source in sorted(case.rglob("*")):
        rel = source.relative_to(case)
        if rel.parts[0] in SPECIAL or source.is_dir():
            continue
        target = report / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        added.append(target)
    outside = case / "OUTSIDE"
    if outside.is_dir():
        shutil.copytree(outside, report.parent / "outside", dirs_exist_ok=True)
    for line in _lines(case / "LINKS"):
        link, target = (part.strip() for part in line.split("->"))
        (report / link).symlink_to(target)
        added.append(report / link)
    for line in _lines(case / "SIZES"):
        path, size = line.rsplit(" ", 1)
        with open(report / path, "wb") as big:
            big.truncate(int(size))  # sparse: the checker must refuse it without reading it
        added.append(report / path)
    return added


def _lines(file: Path) -> list[str]:
    return [line for line in file.read_text(encoding="utf-8").splitlines() if line.strip()] if file.exists() else []


@pytest.fixture(scope="module")
def shared_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture(tmp_path_factory.mktemp("hostile") / "report")


def check_case(case: Path, shared: Path, tmp_path: Path) -> tuple[int, str]:
    # A claim file goes into one shared copy and out again; a folder gets a fresh copy.
    report = shared if case.is_file() else copy_fixture(tmp_path / "report")
    added = lay_over(case, report)
    try:
        result = run_cli("--root", str(report), "check")
    finally:
        if case.is_file():
            for path in added:
                path.unlink()
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.returncode, output


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_hostile_input_gives_its_exact_message(case: Path, shared_report: Path, tmp_path: Path) -> None:
    status, output = check_case(case, shared_report, tmp_path)
    expected = expected_file(case)
    assert matches_golden(expected, output), output
    assert status == (0 if output.startswith("OK: ") else 1)


def test_the_corpus_is_complete_and_grouped_by_kind() -> None:
    assert len(CASES) >= 50
    assert {c.parent.name for c in CASES} == set(KINDS)
    expected = sorted(p.relative_to(HOSTILE).as_posix() for p in HOSTILE.glob("*/*.expected"))
    assert expected == sorted(expected_file(c).relative_to(HOSTILE).as_posix() for c in CASES)


def passing(cases: list[Path]) -> list[Path]:
    return [c for c in cases if expected_file(c).read_text(encoding="utf-8").startswith("OK: ")]


# Plain-text fields, which a twin of each record fills with plain words of the same length.
PLAIN_TEXT = {
    "claim",
    "claimant",
    "claim_date_note",
    "summary",
    "note",
    "publisher",
    "title",
    "reason",
    "author",
    "notes",
    "published_note",
    "author_description",
    "label",
    "definition",
    "description",
    "reviewers",
    "text",
    "by",
}


def plain_twin(value: Any, key: str = "", quoted: bool = False) -> Any:
    """Return ``value`` with every plain-text field made plain words (quotes of seeds/ texts stay)."""
    if isinstance(value, dict):
        return {k: plain_twin(v, k, "source" in value) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_twin(item, key, quoted) for item in value]
    if isinstance(value, str) and (key in PLAIN_TEXT or (key == "quote" and not quoted)):
        return ("Plain words " * len(value))[: max(len(value), 10)].strip()
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The site built with every case that passes the check, and with their plain-worded twins."""
    hostile = copy_fixture(tmp_path_factory.mktemp("hostile") / "report")
    twin = copy_fixture(tmp_path_factory.mktemp("twin") / "report")
    for case in passing(CASES):
        lay_over(case, hostile)
        for added in lay_over(case, twin):
            if added.suffix == ".yml":
                doc, problem = load_yaml(added, added.name)
                assert doc is not None, problem
                # JSON is YAML: the twin needs no quoting rules of its own.
                added.write_text(json.dumps(plain_twin(doc.data), ensure_ascii=False), encoding="utf-8")
    for report in (hostile, twin):
        run_cli("--root", str(report), "build", check=True)
    return hostile / "site", twin / "site"


@pytest.mark.slow
def test_hostile_values_never_become_markup(hostile_site: tuple[Path, Path]) -> None:
    from generator.render.rich_text import ATTRIBUTES, TAGS

    hostile, twin = hostile_site
    pages = sorted(p.relative_to(hostile) for p in hostile.rglob("*.html"))
    assert pages == sorted(p.relative_to(twin) for p in twin.rglob("*.html"))
    assert len(pages) > 60
    allowed = {(tag, "") for tag in TAGS} | {(tag, a) for tag, attrs in ATTRIBUTES.items() for a in attrs}
    for page in pages:
        html = (hostile / page).read_text(encoding="utf-8")
        # The same elements with the same attributes, in the same order, as with plain words.
        assert element_sequence(html) == element_sequence((twin / page).read_text(encoding="utf-8")), page
        assert unsafe_urls(html) == [], page
        assert analysis_markup(html) <= allowed | {("a", "rel")}, page


@pytest.mark.slow
def test_hostile_words_are_shown_as_written(hostile_site: tuple[Path, Path]) -> None:
    site, _ = hostile_site
    page = (site / "claims" / "script-in-claim" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is said by a reader" in page
    page = (site / "claims" / "jinja-expression-in-claim" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }} {{ config }}" in page
    page = (site / "claims" / "entities-in-claim" / "index.html").read_text(encoding="utf-8")
    assert "&amp;lt;script&amp;gt; &amp;#x3C;img src=x onerror=alert(1)&amp;#x3E;" in page
    page = (site / "claims" / "html-in-translation" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p class="fc-translation-text">&lt;/p&gt;&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt; the exercises were '
        "&#34;purely defensive&#34; &lt;img src=x onerror=alert(2)&gt;</p>"
        '<p class="fc-translation-by">Editor&#39;s translation by '
        "=cmd&#34; lang=&#34;x&#34; onmouseover=&#34;alert(3)</p>"
    ) in page
    page = (site / "claims" / "relative-links-in-analysis" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../fc-0002/" rel="noopener noreferrer nofollow">kept</a>' in page
    assert '<a rel="noopener noreferrer nofollow">gone</a>' in page


@pytest.mark.slow
def test_hostile_records_stay_data_in_the_built_exports(hostile_site: tuple[Path, Path]) -> None:
    site, _ = hostile_site
    data = json.loads((site / "data" / "claims.json").read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["script-in-claim"]["claim"] == "<script>alert(1)</script> is said by a reader"
    assert claims["jinja-expression-in-claim"]["claim"] == "{{ 7*7 }} {{ config }} {{ ''.__class__.__mro__ }}"
    json.loads((site / "data" / "claimreview.json").read_text(encoding="utf-8"))
    json.loads((site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    feed = ET.parse(site / "feed.xml").getroot()
    titles = {e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")}
    assert '<![CDATA[ a claim ]]> & <?xml-stylesheet href="x"?>' in titles
    with open(site / "data" / "claims.csv", encoding="utf-8", newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert rows["formula-in-csv"]["claim"] == '\'=HYPERLINK("https://evil.example","click me")'
    assert rows["formula-in-csv"]["claimant"] == "'+cmd|' /C calc'!A0"
    translated = claims["html-in-translation"]
    assert translated["passage"]["translation"] == {
        "text": '</p></div><script>alert(1)</script> the exercises were "purely defensive" '
        "<img src=x onerror=alert(2)>",
        "by": '=cmd" lang="x" onmouseover="alert(3)',
        "language": "en",
    }
    assert translated["evidence"][0]["passage"]["translation"]["by"] == "<b>M. Dupont</b>"
    assert rows["html-in-translation"]["translated_by"] == '\'=cmd" lang="x" onmouseover="alert(3)'
    page = parse_page(site / "claims" / "script-breakout-in-json-ld" / "index.html")
    scripts = [e.raw_text() for e in page.find_all("script") if e.attrs.get("type") == "application/ld+json"]
    assert [json.loads(s)["claimReviewed"] for s in scripts] == ["</script><script>alert(1)</script><!-- a claim"]

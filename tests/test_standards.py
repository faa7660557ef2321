"""The editorial standards: each rule's valid and invalid example with its exact message, waivers, the summary,
and the methodology page written from the policy.

``examples/standards/{valid,invalid}/NAME.yml`` is dropped, alone, into the fixture report with every
rule required (``fixtures/standards/``); an invalid one prints ``NAME.expected``, exactly. Run with
UPDATE_GOLDEN=1 to rewrite the expected files, then read the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, copy_fixture, matches_golden

from generator.cli import main
from generator.pipeline import examine, load_report
from generator.render.pages import SNIPPETS, render_pages, render_snippets
from generator.settings import Layout, Site

EXAMPLES = REPO / "tests" / "examples" / "standards"
POLICY = REPO / "tests" / "fixtures" / "standards"
VALID = sorted((EXAMPLES / "valid").glob("*.yml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yml"))


def standards_report(root: Path, *examples: Path) -> Path:
    """The fixture report with every rule required, holding only the given claim records."""
    report = copy_fixture(root)
    for name in ("standards.yml", "team.yml", "docs/methodology.md", "docs/about.md"):
        shutil.copyfile(POLICY / name, report / name)
    for record in (report / "claims").glob("*.yml"):
        record.unlink()
    for example in examples:
        shutil.copyfile(example, report / "claims" / example.name)
    return report


def check(report: Path, capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str]:
    status = main(["--root", str(report), "check", *args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("example", VALID, ids=[p.stem for p in VALID])
def test_valid_example_meets_the_standards(tmp_path: Path, example: Path, capsys: pytest.CaptureFixture) -> None:
    assert check(standards_report(tmp_path / "r", example), capsys) == (0, "OK: 1 claim, 3 sources, 8 verdicts.\n")


@pytest.mark.parametrize("example", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_example_gives_its_exact_message(tmp_path: Path, example: Path, capsys: pytest.CaptureFixture) -> None:
    status, output = check(standards_report(tmp_path / "r", example), capsys)
    expected = example.with_suffix(".expected")
    assert status == 1
    assert matches_golden(expected, output), output


def test_every_invalid_example_has_its_expected_message() -> None:
    assert [p.stem for p in INVALID] == sorted(p.stem for p in (EXAMPLES / "invalid").glob("*.expected"))


def test_a_rule_at_warning_reports_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    report = standards_report(tmp_path / "r", EXAMPLES / "invalid" / "single-source.yml")
    policy = report / "standards.yml"
    policy.write_text(
        policy.read_text(encoding="utf-8").replace("level: error\n    minimum", "level: warning\n    minimum")
    )
    status, output = check(report, capsys)
    assert status == 0
    assert output.startswith("claims/single-source.yml:16:3: warning: [independent-sources] the rated verdict 'True'")
    assert output.endswith("1 problem in 1 file: 0 errors, 1 warning.\nOK: 1 claim, 3 sources, 8 verdicts.\n")
    status, output = check(report, capsys, "--format", "github")
    assert status == 0 and output.startswith("::warning file=claims/single-source.yml,line=16,col=3,")


def test_a_waiver_of_a_rule_the_claim_meets_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    example = tmp_path / "needless-waiver.yml"
    text = (EXAMPLES / "valid" / "meets-every-rule.yml").read_text(encoding="utf-8")
    example.write_text(
        text.replace("id: meets-every-rule", "id: needless-waiver").replace(
            'reviewers: ["Fixture Desk"]',
            'waivers:\n  - rule: independent-sources\n    reason: "written before the second source was found"\n'
            'reviewers: ["Fixture Desk"]',
        ),
        encoding="utf-8",
    )
    assert check(standards_report(tmp_path / "r", example), capsys) == (
        0,
        "claims/needless-waiver.yml:35:5: warning: [independent-sources] is waived, but the claim meets the rule\n"
        "    Remove the waiver: readers would be told of an exception that is not there.\n"
        "1 problem in 1 file: 0 errors, 1 warning.\n"
        "OK: 1 claim, 3 sources, 8 verdicts.\n",
    )


def test_the_summary_counts_per_rule_who_meets_waives_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    report = standards_report(tmp_path / "r", *VALID, EXAMPLES / "invalid" / "single-source.yml")
    status, output = check(report, capsys, "--standards")
    assert status == 1
    assert output.split("Editorial standards", 1)[1] == (
        ", on 5 published claims:\n"
        "  independent-sources                 error    applies to 4: 2 meet, 1 waive, 1 fail\n"
        "  texts-under-review-are-not-support  error    applies to 5: 5 meet, 0 waive, 0 fail\n"
        "  replicable-evidence                 error    applies to 5: 5 meet, 0 waive, 0 fail\n"
        "  named-review                        error    applies to 5: 5 meet, 0 waive, 0 fail\n"
        "  why-this-claim                      error    applies to 5: 5 meet, 0 waive, 0 fail\n"
    )


def test_the_methodology_states_the_policy_from_its_data(tmp_path: Path) -> None:
    report_dir = standards_report(tmp_path / "r", *VALID)
    layout = Layout(report_dir)
    stated = render_snippets(load_report(layout), "methodology.md")[SNIPPETS["standards"]]
    assert "- **Independent sources** (required). A rated verdict rests on at least 2 independent sources:" in stated
    assert "Of the 3 published claims it applies to, 2 meet it and 1 is an exception, each saying why: " in stated
    assert "[waived-single-source](claims/waived-single-source.md)" in stated
    # Change a number in the policy, and the page changes.
    policy = report_dir / "standards.yml"
    changed = policy.read_text(encoding="utf-8").replace("minimum: 2", "minimum: 3")
    policy.write_text(changed.replace("  named-review:\n    level: error", "  named-review:\n    level: off"))
    report = examine(layout)[0]  # two claims now fall short of the rule; the page still states it
    assert report is not None
    stated = render_snippets(report, "methodology.md")[SNIPPETS["standards"]]
    assert "A rated verdict rests on at least 3 independent sources:" in stated
    assert "Named review" not in stated.split("Not applied:")[0] and "Not applied: Named review." in stated


def test_a_waiver_is_shown_to_readers_on_the_claim_page(tmp_path: Path) -> None:
    report = load_report(Layout(standards_report(tmp_path / "r", *VALID)))
    page = render_pages(report, Site())["claims/waived-single-source.md"]
    assert (
        '<div class="admonition info fc-waivers" role="note"><p class="admonition-title">An exception to our '
        "standards</p><p>This verdict rests on fewer independent sources than our standards ask, because the "
        "army’s announcement is the only record of the figures we could find.</p>"
    ) in page.replace("&#39;", "’").replace("'", "’")
    page = render_pages(report, Site())["claims/reasons-instead-of-a-day-and-address.md"]
    assert (
        "Date: The bulletin gives the month only." in page
        and "No link: A radio bulletin, not published online." in page
    )
    assert "Example Local Radio (republishing Example Wire)" in page
    assert "<dt>Why we checked it</dt><dd>The figure sets the scale of the exercise the report describes.</dd>" in page


def real_report(root: Path) -> Path:
    for part in ("claims", "seeds"):
        shutil.copytree(REPO / part, root / part)
    for name in ("ratings.yml", "report.yml", "standards.yml", "team.yml"):
        shutil.copyfile(REPO / name, root / name)
    return root


def test_the_real_report_meets_its_standards_and_fails_them_when_evidence_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from generator.edit.yaml_edit import EditableYaml

    report = real_report(tmp_path / "real")
    status, output = check(report, capsys)
    assert status == 0 and output.startswith("OK: ")
    record = report / "claims" / "fc-0001.yml"
    doc = EditableYaml.read(record)
    external = [item for item in doc.data["evidence"] if "source" not in item]
    assert len({item.get("republication_of") or item["publisher"] for item in external}) >= 2
    doc.data["evidence"] = [external[0]]
    doc.save(record)
    status, output = check(report, capsys)
    assert status == 1
    assert output.startswith("claims/fc-0001.yml:") and "[independent-sources] the rated verdict 'True'" in output
    # An evidence item's date removed, with no reason given, fails the replicable-evidence rule.
    record = report / "claims" / "fc-0006.yml"
    doc = EditableYaml.read(record)
    dated = next(i for i, item in enumerate(doc.data["evidence"]) if "source" not in item and "date" in item)
    doc.delete(("evidence", dated, "date"))
    doc.delete(("evidence", dated, "date_note"))
    doc.save(record)
    status, output = check(report, capsys)
    assert status == 1
    assert "claims/fc-0006.yml" in output and f"[replicable-evidence] evidence[{dated}] (" in output
    assert "has no date" in output

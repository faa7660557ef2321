"""The checker never crashes: whatever bytes or data a claim file holds, it answers with located problems.

Driven in-process for speed (the loader, the schema check and the cross-checks on a copy of
the fixture report), with a few runs of the real CLI on generated files at the end.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURE, copy_fixture, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.yaml_source import parse_yaml
from generator.pipeline import check_report
from generator.settings import Layout

COUNT = re.compile(r"\d+ problems? in \d+ files?\.")
PROPERTY = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VALID = (FIXTURE / "claims" / "fc-0003.yml").read_text(encoding="utf-8").replace("fc-0003", "fc-0100")
# What hostile or careless YAML is made of.
TOKENS = [
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "!!python/object:os.system ",
    "!x ",
    "<<: ",
    "? ",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "|",
    ">-",
    "#",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "\\",
    "\\x00",
    "\\ud800",
    "\\u202e",
    "\x00",
    "\x85",
    "\u2028",
    "\ufeff",
    "no",
    "yes",
    "~",
    "1e3",
    "012",
    "0x1f",
    "12:30:00",
    "2021-05-20",
    ".inf",
    "null",
    "true",
    "id",
    "evidence",
    "passage",
    "source",
    "quote",
    "verdict",
    "<script>",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["comments", "typography", "opinion", "2021-06-02", "published", "context", "fc-0100"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["id", "source", "quote", "prefix", "suffix", "stance", "note", "date", "reason", "x"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
FIELDS = [
    "id",
    "status",
    "claim",
    "passage",
    "claimant",
    "claim_date",
    "claim_date_note",
    "verdict",
    "summary",
    "analysis",
    "evidence",
    "reviewers",
    "published",
    "updated",
    "corrections",
    "withdrawn",
    "tags",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture(tmp_path_factory.mktemp("properties") / "report")


def check_claim(report: Path, content: bytes, path: str = "claims/fc-0100.yml") -> None:
    """Check the report with ``content`` at ``path``: problems, never an exception."""
    target = report / path
    saved = target.read_bytes() if target.exists() else None
    target.write_bytes(content)
    try:
        _, problems = check_report(Layout(report))
    finally:
        if saved is None:
            target.unlink()
        else:
            target.write_bytes(saved)
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1, problem
        assert problem.message and "\n" not in problem.message, problem


@PROPERTY
@given(st.text())
def test_any_text_parses_or_gives_one_located_problem(text: str) -> None:
    doc, problem = parse_yaml(text, "x.yml")
    assert (doc is None) != (problem is None)
    if problem is not None:
        assert problem.line >= 1 and problem.col >= 1


@PROPERTY
@given(st.lists(st.sampled_from(TOKENS), max_size=30))
def test_yaml_made_of_hostile_tokens_never_crashes_the_checker(report: Path, tokens: list[str]) -> None:
    check_claim(report, "".join(tokens).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.data())
def test_a_valid_record_edited_anywhere_never_crashes_the_checker(report: Path, data: st.DataObject) -> None:
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 8))
        text = text[:at] + data.draw(st.sampled_from(TOKENS)) + text[at + cut :]
    check_claim(report, text.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(st.dictionaries(st.sampled_from(FIELDS), DATA, max_size=len(FIELDS)))
def test_any_data_in_any_field_never_crashes_the_checker(report: Path, fields: dict) -> None:
    # JSON is YAML: each field holds whatever data, of whatever type, nested however.
    check_claim(report, json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass"))


SOURCE_FIELDS = [
    "title",
    "publisher",
    "author",
    "author_description",
    "published",
    "published_note",
    "url",
    "retrieved",
    "language",
    "kind",
    "sections",
    "notes",
    "sha256",
]


@PROPERTY
@given(st.dictionaries(st.sampled_from(SOURCE_FIELDS), DATA, max_size=len(SOURCE_FIELDS)))
def test_any_data_in_source_metadata_never_crashes_the_checker(report: Path, fields: dict) -> None:
    check_claim(report, json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass"), "seeds/comments.yml")


VERDICT_FIELDS = ["id", "label", "definition", "rank", "colour", "icon"]
REPORT_FIELDS = ["title", "publisher", "publisher_url", "description", "language"]


@PROPERTY
@given(st.lists(st.dictionaries(st.sampled_from(VERDICT_FIELDS), SCALARS), max_size=4))
def test_any_rating_scale_never_crashes_the_checker(report: Path, verdicts: list) -> None:
    check_claim(
        report, json.dumps({"verdicts": verdicts}, ensure_ascii=False).encode("utf-8", "surrogatepass"), "ratings.yml"
    )


@PROPERTY
@given(st.dictionaries(st.sampled_from(REPORT_FIELDS), DATA))
def test_any_report_settings_never_crash_the_checker(report: Path, fields: dict) -> None:
    check_claim(report, json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass"), "report.yml")


@PROPERTY
@given(st.binary(max_size=200))
def test_any_bytes_never_crash_the_checker(report: Path, raw: bytes) -> None:
    check_claim(report, raw)


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30))
def test_the_real_cli_reports_generated_files_without_a_traceback(report: Path, tokens: list[str]) -> None:
    target = report / "claims" / "fc-0100.yml"
    target.write_bytes(("".join(tokens)).encode("utf-8", "surrogatepass"))
    try:
        result = run_cli("--root", str(report), "check")
    finally:
        target.unlink()
    assert "Traceback" not in result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert (result.returncode, bool(COUNT.fullmatch(last))) in ((0, False), (1, True)), result.stdout
    assert result.returncode == 1 or last.startswith("OK: ")

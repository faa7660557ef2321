"""Edits through ruamel.yaml keep every other byte of a record: comments, quoting, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from generator.edit.yaml_edit import EditableYaml

RECORDS = sorted(
    [*REPO.glob("claims/*.yml"), *REPO.glob("seeds/*.yml"), *(REPO / "tests" / "fixtures").rglob("*.yml")]
    + [REPO / "ratings.yml", REPO / "report.yml"]
)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_an_unchanged_record_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert EditableYaml.parse(text).dump() == text


def test_a_changed_value_keeps_its_quoting_and_the_comments_around_it() -> None:
    doc = EditableYaml.parse(
        "# head\nevidence:\n  - quote: 'it''s'  # why\n    stance: context\nplain: word\nnothing: null\n"
    )
    doc.set(("evidence", 0, "quote"), "it’s “new”")
    doc.set(("plain",), "other word")
    doc.set_after(("evidence", 0, "prefix"), "Before", after=("quote",))
    assert doc.dump() == (
        "# head\nevidence:\n  - quote: 'it’s “new”' # why\n    prefix: \"Before\"\n    stance: context\n"
        "plain: other word\nnothing: null\n"
    )


def test_windows_line_endings_and_a_bom_are_kept() -> None:
    doc = EditableYaml.parse('\ufeffa: 1\r\nb: "x"\r\n')
    doc.set(("b",), "y")
    assert doc.dump() == '\ufeffa: 1\r\nb: "y"\r\n'

"""What the schemas define and the code uses is defined once: the code's lists follow the schemas."""

from __future__ import annotations

from generator.load.schema_check import load_schema
from generator.standards.rules import BY_NAME


def test_the_rules_of_the_code_are_the_rules_of_both_schemas() -> None:
    waivable = load_schema("claim")["properties"]["waivers"]["items"]["properties"]["rule"]["enum"]
    in_policy = list(load_schema("standards")["properties"]["rules"]["properties"])
    assert waivable == in_policy == list(BY_NAME)


def test_the_stances_the_claim_page_names_are_the_schemas() -> None:
    from pathlib import Path

    stances = load_schema("claim")["definitions"]["stance"]["enum"]
    template = (Path(__file__).resolve().parent.parent / "generator" / "templates" / "claim.md.j2").read_text()
    for stance in stances:
        assert f'"{stance}":' in template, stance

"""Start a claim's version in another language, or mark it as translating the record as it is now."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePosixPath

from generator.edit.yaml_edit import EditableYaml
from generator.files import replace_file
from generator.load.translations import text_version
from generator.model import Claim, Report
from generator.problems import Problem, UsageError, display_path
from generator.settings import Layout, schema_line


def claim_to_translate(
    layout: Layout, claim_id: str, report: Report | None, problems: list[Problem]
) -> tuple[Report, Claim]:
    """Return the report and its claim ``claim_id``, or a UsageError that names what stops its translation."""
    files = {display_path(layout.path(part), layout.root) for part in ("settings", "ratings")}
    stopping = [p for p in problems if p.code == "error" and p.path in files]
    if report is None or stopping:
        names = " and ".join(sorted({p.path for p in stopping})) or "the report"
        raise UsageError(
            f"{names} cannot be used yet, so no claim can be translated",
            "\n".join(str(p) for p in stopping) + "\nFix this first; `python -m generator check` shows it again.",
        )
    claim = next((c for c in report.claims if c.id == claim_id), None)
    if claim is None:
        claims = display_path(layout.path("claims"), layout.root)
        record = [p for p in problems if p.code == "error" and PurePosixPath(p.path) in _names(claims, claim_id)]
        if record:
            raise UsageError(
                f"{record[0].path} has problems, so it cannot be translated yet",
                "\n".join(str(p) for p in record),
            )
        raise UsageError(
            f"no claim record {claim_id}",
            f"Give the id of a claim in claims/, for example {report.claims[0].id}." if report.claims else "",
        )
    return report, claim


def _names(claims: str, claim_id: str) -> set[PurePosixPath]:
    return {PurePosixPath(claims) / f"{claim_id}{suffix}" for suffix in (".yml", ".yaml")}


def translate_claim(layout: Layout, claim: Claim, language: str, languages: Sequence[str]) -> tuple[str, bool]:
    """Write claims/<language>/<id>.yml, or update its translated_from; return its path and whether it is new."""
    if language not in languages:
        published = ", ".join(languages) or "none yet"
        raise UsageError(
            f"report.yml does not publish in '{language}'",
            f"Add it to languages in report.yml first (published now: {published}).",
        )
    file = layout.path("claims") / language / f"{claim.id}.yml"
    shown = display_path(file, layout.root)
    version = text_version(claim)
    if file.exists():
        doc = EditableYaml.read(file)
        if not isinstance(doc.data, dict) or doc.data.get("translates") != claim.id:
            raise UsageError(f"{shown} does not translate {claim.id}", "Set translates: to the claim's id first.")
        doc.set(("translated_from",), version)
        doc.save(file)
        return shown, False
    file.parent.mkdir(parents=True, exist_ok=True)
    header = schema_line(layout.root, file.parent, "translation")
    replace_file(file, (header + _scaffold(claim, language, version)).encode("utf-8"))
    return shown, True


def _scaffold(claim: Claim, language: str, version: str) -> str:
    def original(text: str) -> str:
        return "".join(f"#   {line}".rstrip() + "\n" for line in text.splitlines())

    return (
        f"# {claim.id} in {language}. The passage, verdict, evidence and dates come from {claim.path};\n"
        "# translate the three texts, each under its original, and name who translated them.\n"
        f"translates: {claim.id}\n"
        f"translated_from: {json.dumps(version)}  # the version translated; `generator translate` updates it\n"
        'by: "TODO: who translated it"\n'
        f"# The claim:\n{original(claim.claim)}"
        'claim: "TODO: the claim, translated"\n'
        f"# The summary:\n{original(claim.summary)}"
        'summary: "TODO: the summary, translated"\n'
        f"# The analysis (Markdown):\n{original(claim.analysis)}"
        "analysis: |\n  TODO: the analysis, translated.\n"
    )

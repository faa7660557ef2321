"""Load the claims' versions in the report's other languages: claims/<language>/<id>.yml."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.load.analysis_limits import analysis_problems
from generator.load.claims import refused_file, todo_problems
from generator.load.schema_check import load_valid
from generator.model import Claim, ClaimTranslation
from generator.problems import Problem, display_path


def text_version(claim: Claim) -> str:
    """Return the code of the record's translated text: it changes when the claim, summary or analysis does.

    A translation writes it in ``translated_from``; ``check`` compares the two.
    """
    text = json.dumps([claim.claim, claim.summary, claim.analysis], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def load_translations(
    folder: Path, root: Path, claims: list[Claim], settings: dict[str, Any]
) -> tuple[tuple[ClaimTranslation, ...], list[Problem]]:
    """Load and check every translation; return the valid ones and every problem found."""
    if not folder.is_dir():
        return (), []
    languages = settings.get("languages", [])
    records = {claim.id: claim for claim in claims}
    translations: list[ClaimTranslation] = []
    problems: list[Problem] = []
    with os.scandir(folder) as entries:  # beside thousands of records: the file type comes with the listing
        subs = sorted(Path(e.path) for e in entries if e.is_dir() and not e.name.startswith("."))
    for sub in subs:
        if sub.name not in languages:
            problems.append(_unpublished(sub, root, settings))
            continue
        for file in sorted(sub.iterdir()):
            if file.suffix not in (".yml", ".yaml") or file.name.startswith("."):
                continue
            found, translation = _load_one(file, root, folder, sub.name, records)
            problems += found
            if translation:
                translations.append(translation)
    return tuple(translations), problems


def _unpublished(sub: Path, root: Path, settings: dict[str, Any]) -> Problem:
    language = sub.name
    published = ", ".join([settings.get("language", "?"), *settings.get("languages", [])])
    if language == settings.get("language"):
        hint = f"The records in claims/ are already in {language}: move these there, or remove the folder."
    else:
        hint = f"Add {language} to languages in report.yml, or remove the folder. Languages published: {published}."
    message = f"folder of translations into '{language}', a language the report does not publish"
    return Problem(display_path(sub, root), 1, 1, message, hint)


def _load_one(
    file: Path, root: Path, folder: Path, language: str, records: dict[str, Claim]
) -> tuple[list[Problem], ClaimTranslation | None]:
    shown = display_path(file, root)
    refused = refused_file(file)
    if refused:
        return [Problem(shown, 1, 1, *refused)], None
    doc, problems = load_valid(file, shown, "translation")
    if doc is None:
        return problems, None
    data = doc.data
    problems += todo_problems(doc, data, ())
    claim_id = data["translates"]
    record = folder / f"{claim_id}.yml"
    if claim_id != file.stem:
        problems.append(
            doc.problem(
                ("translates",),
                f"translates '{claim_id}', but the file is named '{file.name}'",
                f"Name the file {claim_id}.yml, or set translates: {file.stem}.",
            )
        )
    elif not record.is_file():
        problems.append(
            doc.problem(
                ("translates",),
                f"translates '{claim_id}', but there is no claim record {display_path(record, root)}",
                "A translation needs the record it translates: check the id, or remove this file.",
            )
        )
    for message, hint in analysis_problems(data["analysis"]):
        problems.append(doc.problem(("analysis",), f"analysis: {message}", hint))
    claim = records.get(claim_id)
    if problems or claim is None:
        return problems, None  # a record with problems has them reported in its own file
    current = text_version(claim)
    stale = data["translated_from"] != current
    if stale:
        problems.append(
            replace(
                doc.problem(
                    ("translated_from",),
                    f"this translation was made from an earlier version of {claim_id}",
                    f"{claim.path} has changed since: its claim, summary or analysis. Bring this translation up to\n"
                    f"date, then set translated_from: {current}"
                    f" (`generator translate {claim_id} --language {language}`).",
                ),
                code="warning",
            )
        )
    translation = ClaimTranslation(
        claim_id, language, shown, data["by"], data["claim"], data["summary"], data["analysis"], stale
    )
    return problems, translation

"""Load the report's own data files: the rating scale (ratings.yml) and settings (report.yml)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.i18n import catalog_id, shipped_tags
from generator.load.schema_check import load_valid
from generator.model import Scale, Verdict
from generator.problems import Problem, display_path


def load_scale(file: Path, root: Path, languages: Sequence[str] = ()) -> tuple[Scale | None, list[Problem]]:
    """Load and check the scale; return it, or None with the problems that stop its use.

    ``languages`` are the report's other languages: each verdict needs its label and definition in each.
    """
    shown = display_path(file, root)
    if not file.exists():
        return None, [Problem(shown, 1, 1, "rating scale not found", "Create it; see the format reference.")]
    doc, problems = load_valid(file, shown, "ratings")
    if doc is None:
        return None, problems
    seen: set[str] = set()
    for i, item in enumerate(doc.data["verdicts"]):
        if item["id"] in seen:
            problems.append(doc.problem(("verdicts", i, "id"), f"verdict '{item['id']}' is defined twice"))
        seen.add(item["id"])
        for language in languages:
            if language not in item.get("translations", {}):
                problems.append(
                    doc.problem(
                        ("verdicts", i, "translations") if "translations" in item else ("verdicts", i, "id"),
                        f"verdict '{item['id']}' has no label and definition in '{language}'",
                        f"report.yml publishes in {language}: add to the verdict\n"
                        f"translations: {{{language}: {{label: ..., definition: ...}}}}",
                    )
                )
    if not any(item["rank"] is not None for item in doc.data["verdicts"]):
        problems.append(doc.problem(("verdicts",), "the scale has no rated verdict (every rank is null)"))
    scale = Scale(tuple(_verdict(item) for item in doc.data["verdicts"]))
    return (None if problems else scale), problems


def load_settings(file: Path, root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Load and check report.yml; return its data, or None with the problems."""
    shown = display_path(file, root)
    if not file.exists():
        return None, [
            Problem(
                shown, 1, 1, "report settings not found", "Create it with title, publisher, description and language."
            )
        ]
    doc, problems = load_valid(file, shown, "report")
    if doc:
        for i, tag in enumerate([doc.data["language"], *doc.data.get("languages", [])]):
            if catalog_id(tag) is None:
                problems.append(
                    doc.problem(
                        ("languages", i - 1) if i else ("language",),
                        f"no interface catalog for language '{tag}'",
                        f"Expected one of: {', '.join(shipped_tags())}. To add a catalog, see docs/languages.md.",
                    )
                )
    return (dict(doc.data) if doc and not problems else None), problems


def _verdict(item: dict[str, Any]) -> Verdict:
    given = item.get("translations", {})
    translations = tuple((tag, text["label"], text["definition"]) for tag, text in sorted(given.items()))
    return Verdict(**{**item, "translations": translations})

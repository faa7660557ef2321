"""Load a whole report: the scale, the sources and the claims, checked together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.claims import load_claims
from generator.load.scale import load_scale, load_settings
from generator.load.sources import load_sources
from generator.load.standards import load_standards
from generator.load.todos import todo_warnings
from generator.model import Report
from generator.problems import InputError, Problem
from generator.standards.check import check_standards


@dataclass(frozen=True)
class Layout:
    """Where a report's parts live, relative to its root folder."""

    root: Path
    claims: str = "claims"
    seeds: str = "seeds"
    ratings: str = "ratings.yml"
    settings: str = "report.yml"
    standards: str = "standards.yml"
    team: str = "team.yml"

    def path(self, part: str) -> Path:
        return self.root / getattr(self, part)


def check_report(layout: Layout) -> tuple[Report | None, list[Problem]]:
    """Load and check everything; return the report (None if any problem is an error) and all problems.

    Problems at the level of a warning (an editorial standard set to warning) come with the report.
    """
    report, problems = examine(layout)
    return (None if any(p.code == "error" for p in problems) else report), problems


def examine(layout: Layout) -> tuple[Report | None, list[Problem]]:
    """Like check_report, but return the report of the valid claims even when there are problems.

    None only when the scale or the settings cannot be used. For summaries, never for pages.
    """
    settings, problems = load_settings(layout.path("settings"), layout.root)
    standards, found = load_standards(layout.path("standards"), layout.path("team"), layout.root)
    problems += found
    scale, found = load_scale(layout.path("ratings"), layout.root)
    problems += found
    sources, found = load_sources(layout.path("seeds"), layout.root)
    problems += found
    claims, found = load_claims(layout.path("claims"), layout.root, sources, scale)
    problems += found
    if scale is None or settings is None:
        return None, sorted(problems)
    report = Report(settings, scale, sources, claims, standards)
    problems += check_standards(report)  # on every valid claim, so that one run reports everything
    problems += todo_warnings(layout.root, [layout.settings, layout.team, "mkdocs.yml"])
    return report, sorted(problems)


def load_report(layout: Layout) -> Report:
    """Return the checked report, or raise InputError with every problem found."""
    report, problems = check_report(layout)
    if report is None:
        raise InputError(problems)
    return report  # warnings are for `check` to show; pages show every waiver

"""Load a whole report: the scale, the sources and the claims, checked together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.claims import load_claims
from generator.load.scale import load_scale, load_settings
from generator.load.sources import load_sources
from generator.model import Report
from generator.problems import InputError, Problem


@dataclass(frozen=True)
class Layout:
    """Where a report's parts live, relative to its root folder."""

    root: Path
    claims: str = "claims"
    seeds: str = "seeds"
    ratings: str = "ratings.yml"
    settings: str = "report.yml"

    def path(self, part: str) -> Path:
        return self.root / getattr(self, part)


def check_report(layout: Layout) -> tuple[Report | None, list[Problem]]:
    """Load and check everything; return the report (None if anything is wrong) and all problems."""
    settings, problems = load_settings(layout.path("settings"), layout.root)
    scale, found = load_scale(layout.path("ratings"), layout.root)
    problems += found
    sources, found = load_sources(layout.path("seeds"), layout.root)
    problems += found
    claims, found = load_claims(layout.path("claims"), layout.root, sources, scale)
    problems += found
    if problems or scale is None or settings is None:
        return None, sorted(problems)
    return Report(settings, scale, sources, claims), []


def load_report(layout: Layout) -> Report:
    """Return the checked report, or raise InputError with every problem found."""
    report, problems = check_report(layout)
    if report is None:
        raise InputError(problems)
    return report

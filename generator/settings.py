"""Where a report's parts live and where its site is published: the settings every stage may read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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


@dataclass(frozen=True)
class Site:
    """Where the site and its repository live, for absolute and 'edit' links ('' when unknown)."""

    site_url: str = ""
    repo_url: str = ""
    branch: str = "main"

    def edit_url(self, path: str) -> str:
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{path}" if self.repo_url else ""

"""Where a report's parts live and where its site is published: the settings every stage may read."""

from __future__ import annotations

import posixpath
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


# Where a report keeps the generator's JSON Schemas for editors' YAML tools: `init` and
# `pin-generator` write them there from the pinned generator. The generator's own repository
# (the seed report) reads them from the package's source instead.
SCHEMAS = "schemas"
PACKAGE_SCHEMAS = "generator/schema"


def schema_line(root: Path, folder: Path, name: str) -> str:
    """Return the YAML language server's first line for a file in ``folder`` checked by schema ``name``.

    >>> schema_line(Path("/desk"), Path("/desk/claims"), "claim")
    '# yaml-language-server: $schema=../schemas/claim.schema.json\\n'
    """
    place = PACKAGE_SCHEMAS if not (root / SCHEMAS).is_dir() and (root / PACKAGE_SCHEMAS).is_dir() else SCHEMAS
    schema = posixpath.relpath(f"{root.as_posix()}/{place}/{name}.schema.json", folder.as_posix())
    return f"# yaml-language-server: $schema={schema}\n"

"""A desk's report in any interface language: started by `init`, with the seed report's sources and claims."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, run_cli


def start_desk(root: Path, language: str) -> Path:
    """Start a report in ``language`` at ``root`` with the seed report's sources and claims, and build it."""
    run_cli("init", str(root), "--language", language, check=True)
    shutil.copytree(REPO / "seeds", root / "seeds", dirs_exist_ok=True)
    for record in (REPO / "claims").glob("*.yml"):
        shutil.copy(record, root / "claims" / record.name)
    for part in ("standards.yml", "team.yml"):  # the seed's claims meet its own standards
        shutil.copy(REPO / part, root / part)
    run_cli("--root", str(root), "build", check=True)
    return root / "site"

"""Build the site with MkDocs into a fresh folder, then swap it in: a failed build changes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(root: Path, site_dir: Path, strict: bool = True) -> int:
    """Run ``mkdocs build`` into a temporary folder beside ``site_dir``; replace it only on success.

    MkDocs empties its output folder before writing, so building in place would destroy the
    previous site when a build fails half-way. Returns MkDocs' exit status.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(work / "site")]
        if strict:
            command.append("--strict")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        status = subprocess.run(command, cwd=root, env=env, check=False).returncode
        if status != 0:
            return status
        old = work / "old"
        if site_dir.exists():
            os.replace(site_dir, old)
        os.replace(work / "site", site_dir)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)

"""The stages import one way, and the core never imports MkDocs: import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, REPO


def test_the_import_contracts_hold() -> None:
    binary = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("import-linter is not installed: pip install -e '.[test]' installs it")
    done = subprocess.run([binary, "--no-cache"], cwd=REPO, env=ENV, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout

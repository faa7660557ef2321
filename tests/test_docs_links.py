"""A link under docs/ that leads out of it fails the build: MkDocs would publish what it points at."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, copy_fixture

from generator.cli import main
from generator.site.docs_links import links_out_of

SECRET = "[remote]\n\ttoken = not-for-the-site\n"
EXPECTED = (
    "docs/leak.md:1:1: file is a link to something outside docs/, which would be published\n"
    "    Copy the file into docs/ instead of linking to it.\n"
    "docs/private:1:1: folder is a link to something outside docs/, which would be published\n"
    "    Copy the folder into docs/ instead of linking to it.\n"
    "2 problems in 2 files."
)


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    report = copy_fixture(tmp_path / "report")
    (report / ".git").mkdir()
    (report / ".git" / "config").write_text(SECRET, encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.md").write_text("# Private notes\n", encoding="utf-8")
    (report / "docs" / "leak.md").symlink_to("../.git/config")
    (report / "docs" / "private").symlink_to(tmp_path / "home")
    return report


def test_mkdocs_refuses_links_out_of_docs_before_building(planted: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=planted, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert f"docs/ has links that lead out of it:\n{EXPECTED}" in result.stderr
    assert not (planted / "site").exists()


def test_generator_build_refuses_them_and_leaves_the_old_site(planted: Path, capfd: pytest.CaptureFixture) -> None:
    (planted / "site").mkdir()
    assert main(["--root", str(planted), "build"]) == 1
    assert EXPECTED in capfd.readouterr().err  # MkDocs runs in a process of its own
    assert list((planted / "site").iterdir()) == []


def test_links_that_stay_inside_docs_are_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "start.md").write_text("# Start\n", encoding="utf-8")
    (docs / "begin.md").symlink_to("guide/start.md")
    (docs / "handbook").symlink_to("guide")
    assert links_out_of(docs, tmp_path) == []


@pytest.mark.slow
def test_every_engine_refuses_them_zensical_too(planted: Path, capsys: pytest.CaptureFixture) -> None:
    # Zensical runs no plugin: the build story itself refuses the links, before any engine runs.
    pytest.importorskip("zensical", reason="Zensical is not installed: pip install 'factcheck-generator[zensical]'")
    assert main(["--root", str(planted), "build", "--engine", "zensical"]) == 1
    assert capsys.readouterr().err == f"error: docs/ has links that lead out of it:\n{EXPECTED}\n"
    assert not (planted / "site").exists()

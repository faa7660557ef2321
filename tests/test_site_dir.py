"""``build --site-dir`` replaces only a folder the generator wrote: never the report, its inputs, or others' files.

A build makes its output folder a copy of the new site. Pointed at ``docs`` it deleted every
hand-written page; pointed at ``.`` it deleted the whole repository. Such folders are refused
before anything is built, and nothing in them changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture

from generator.cli import main

REFUSED_TAIL = (
    "; a build replaces everything in its output folder, so nothing was built.\n"
    "    Choose a folder of its own, such as site (the default).\n"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def report(tmp_path: Path) -> Path:
    root = copy_fixture(tmp_path / "report")
    (root / "docs" / "about.md").write_text("# About\n\nWritten by hand.\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("site_dir", "refused"),
    [
        (".", "this is the report's own folder"),
        ("..", "this folder holds the report"),
        ("docs", "this is docs/, which the report is made from"),
        ("docs/stylesheets", "this lies inside docs/, which the report is made from"),
        ("claims", "this is claims/, which the report is made from"),
        ("seeds", "this is seeds/, which the report is made from"),
        (".git", "this is .git/, which the report is made from"),
    ],
)
def test_the_report_and_its_inputs_are_refused(
    report: Path, site_dir: str, refused: str, capsys: pytest.CaptureFixture
) -> None:
    before = snapshot(report.parent)
    assert main(["--root", str(report), "build", "--site-dir", site_dir]) == 1
    assert capsys.readouterr().err == f"error: --site-dir {site_dir}: {refused}{REFUSED_TAIL}"
    assert snapshot(report.parent) == before


def test_a_folder_holding_files_the_generator_did_not_write_is_refused(
    report: Path, capsys: pytest.CaptureFixture
) -> None:
    (report / "mine").mkdir()
    (report / "mine" / "notes.txt").write_text("my notes\n", encoding="utf-8")
    assert main(["--root", str(report), "build", "--site-dir", "mine"]) == 1
    assert capsys.readouterr().err == (
        "error: --site-dir mine: the folder holds files the generator did not write, such as notes.txt; "
        "a build would delete them, so nothing was built.\n"
        "    Choose an empty or new folder, or move those files out. "
        "(Each build lists what it wrote in .factcheck-site.)\n"
    )
    assert (report / "mine" / "notes.txt").read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.slow
def test_a_site_the_generator_wrote_is_rebuilt_and_a_file_added_to_it_is_kept(
    report: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["--root", str(report), "build"]) == 0
    site = report / "site"
    listed = set((site / ".factcheck-site").read_text(encoding="utf-8").splitlines())
    assert "index.html" in listed and "claims/fc-0001/index.html" in listed
    assert listed == {p for p in snapshot(site) if p != ".factcheck-site"}
    # A claim deleted between builds: its page goes, as the list of the last build says it was ours.
    (report / "claims" / "fc-0003.yml").unlink()
    assert main(["--root", str(report), "build"]) == 0
    assert not (site / "claims" / "fc-0003").exists()
    (site / "CNAME").write_text("factcheck.example.org\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(report), "build"]) == 1
    assert "error: --site-dir site: the folder holds files the generator did not write, such as CNAME;" in (
        capsys.readouterr().err
    )
    assert (site / "CNAME").is_file() and (site / "index.html").is_file()


# A branch can hold ignored files (git add -f), and git checks them out: site/ may be the pull request's.
@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("{victim}", ".factcheck-site lists '{victim}', outside the folder"),
        ("../LICENSE", ".factcheck-site lists '../LICENSE', outside the folder"),
        ("claims/../../LICENSE", ".factcheck-site lists 'claims/../../LICENSE', outside the folder"),
    ],
)
def test_a_planted_list_of_written_files_deletes_nothing_outside_the_site(
    report: Path, tmp_path: Path, line: str, said: str, capsys: pytest.CaptureFixture
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    (report / "LICENSE").write_text("MIT\n", encoding="utf-8")
    (report / "site").mkdir()
    (report / "site" / ".factcheck-site").write_text(line.format(victim=victim) + "\n", encoding="utf-8")
    assert main(["--root", str(report), "build"]) == 1
    assert capsys.readouterr().err == (
        f"error: --site-dir site: {said.format(victim=victim)}, which no build writes; nothing was built.\n"
        "    Delete the folder and build again: a build lists only the files inside it, and writes no link.\n"
    )
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (report / "LICENSE").read_text(encoding="utf-8") == "MIT\n"


def test_a_link_planted_in_the_site_is_refused_before_anything_is_written_through_it(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "index.html").write_text("theirs\n", encoding="utf-8")
    (report / "site").mkdir()
    (report / "site" / "claims").symlink_to(outside, target_is_directory=True)
    (report / "site" / ".factcheck-site").write_text("claims\nclaims/index.html\n", encoding="utf-8")
    assert main(["--root", str(report), "build"]) == 1
    assert capsys.readouterr().err.startswith("error: --site-dir site: claims is a link, which no build writes;")
    assert snapshot(outside) == {"index.html": b"theirs\n"}

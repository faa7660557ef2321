"""Commands that write never overwrite a file they did not mean to, and keep a record's comments and layout.

A pull request can plant files in claims/ and seeds/: a link named like a command's temporary
file (``.fc-0001.yml.tmp``) and pointing out of the repository, or a link where ``new`` would
write. No command may write through them. And ``withdraw``, run on every real published
claim, changes only the lines it must.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, copy_fixture, run_cli
from gitrepo import commit_all, edit, make_report_repo

from generator.edit.withdraw import withdraw_claim
from generator.pipeline import load_report
from generator.render.pages import render_pages
from generator.settings import Layout, Site

PRECIOUS = "a file outside the report, which no command may touch\n"


def plant(link: Path, outside: Path) -> None:
    """Put a link at ``link`` to the file ``outside``, which holds PRECIOUS."""
    outside.write_text(PRECIOUS, encoding="utf-8")
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)


def test_withdraw_never_writes_through_a_planted_temporary_link(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    plant(report / "claims" / ".fc-0001.yml.tmp", tmp_path / "outside.txt")
    run_cli(
        "withdraw", "fc-0001", "--reason", "Published twice by mistake.", "--date", "2021-07-02", cwd=report, check=True
    )
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == PRECIOUS
    record = report / "claims" / "fc-0001.yml"
    assert not record.is_symlink() and "status: withdrawn" in record.read_text(encoding="utf-8")
    assert record.stat().st_mode & 0o777 == 0o644


def test_reanchor_never_writes_through_planted_temporary_links(tmp_path: Path) -> None:
    repo = make_report_repo(tmp_path / "report")
    edit(repo / "seeds" / "typography.txt", "were “defensive in nature.”", "were “purely defensive in nature.”")
    commit_all(repo, "Correct the capture")
    for name in ("claims/.fc-0001.yml.tmp", "seeds/.typography.yml.tmp"):
        plant(repo / name, tmp_path / f"outside-{Path(name).parent}.txt")
    run_cli("reanchor", "--write", cwd=repo, check=True)
    for name in ("claims", "seeds"):
        assert (tmp_path / f"outside-{name}.txt").read_text(encoding="utf-8") == PRECIOUS
    assert run_cli("check", cwd=repo).returncode == 0


def test_render_and_export_never_write_through_planted_temporary_links(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    run_cli("render", "--out", "pages", cwd=report, check=True)
    plant(report / "pages" / "claims" / ".fc-0001.md.tmp", tmp_path / "outside-page.txt")
    plant(report / "data" / "data" / ".claims.json.tmp", tmp_path / "outside-data.txt")
    claim = report / "claims" / "fc-0001.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("official", "published"), encoding="utf-8")
    run_cli("render", "--out", "pages", cwd=report, check=True)
    run_cli("export", "--out", "data", "--site-url", "https://factcheck.example.org/", cwd=report, check=True)
    assert (tmp_path / "outside-page.txt").read_text(encoding="utf-8") == PRECIOUS
    assert (tmp_path / "outside-data.txt").read_text(encoding="utf-8") == PRECIOUS
    assert "published" in (report / "pages" / "claims" / "fc-0001.md").read_text(encoding="utf-8")


def test_new_never_writes_through_a_link_where_a_record_would_go(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    (report / "claims" / "fc-0006.yml").symlink_to(tmp_path / "not-yet-there.yml")  # a link to nothing, yet
    result = run_cli("new", "--source", "comments", "--quote", "nothing to add", cwd=report, check=True)
    assert result.stdout == "claims/fc-0007.yml\n"  # the link's id counts as taken
    assert not (tmp_path / "not-yet-there.yml").exists()
    assert not (report / "claims" / "fc-0007.yml").is_symlink()


REAL_PUBLISHED = sorted(
    p.stem for p in (REPO / "claims").glob("*.yml") if "\nstatus: published\n" in p.read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real")
    for part in ("claims", "seeds"):
        shutil.copytree(REPO / part, root / part)
    for part in ("ratings.yml", "report.yml"):
        shutil.copyfile(REPO / part, root / part)
    return root


def test_there_are_real_published_claims() -> None:
    assert len(REAL_PUBLISHED) >= 10


@pytest.mark.parametrize("claim_id", REAL_PUBLISHED)
def test_withdraw_changes_only_its_own_lines_of_a_real_record(real_report: Path, claim_id: str) -> None:
    record = real_report / "claims" / f"{claim_id}.yml"
    before = record.read_text(encoding="utf-8").splitlines()
    withdraw_claim(Layout(real_report), claim_id, "Published twice by mistake.", "2031-01-02")
    after = record.read_text(encoding="utf-8").splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    removed = [line[2:] for line in diff if line.startswith("-")]
    added = [line[2:] for line in diff if line.startswith("+")]
    # Every comment, blank line, quote style and key order elsewhere stays as it was; the
    # withdrawal follows the corrections log where there is one, else the dates.
    assert all(line.startswith(("status:", "updated:")) for line in removed), removed
    replaced = [
        "status: withdrawn" if line.startswith("status:") else line.replace(line.split(": ", 1)[1], '"2031-01-02"')
        for line in removed
    ]
    block = ["withdrawn:", '  date: "2031-01-02"', '  reason: "Published twice by mistake."']
    assert sorted(added) == sorted(replaced + block)
    at = after.index("withdrawn:")
    assert after[at : at + 3] == block


def test_no_page_is_ever_written_over_by_another() -> None:
    # The checker refuses names like 'index' (tests/hostile/paths); the renderer refuses them too.
    report = load_report(Layout(FIXTURE))
    report.claims[0].id = "index"
    with pytest.raises(ValueError, match="two pages would be written at claims/index.md"):
        render_pages(report, Site())

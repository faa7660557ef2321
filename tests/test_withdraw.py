"""python -m generator withdraw: the record stays, with date and reason, and its page shows a notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import git, make_report_repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_report_repo(tmp_path / "report")


def test_withdraw_edits_only_what_it_must(repo: Path) -> None:
    result = run_cli("withdraw", "fc-0001", "--reason", "Published twice by mistake.", "--date", "2021-07-02", cwd=repo)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Withdrew fc-0001 on 2021-07-02 in claims/fc-0001.yml; its page stays at its address with a notice.\n"
    )
    changed = git(repo, "diff", "--unified=0", "--no-color").splitlines()
    assert [line for line in changed if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-status: published",
        "+status: withdrawn",
        '-updated: "2021-06-10"',
        '+updated: "2021-07-02"',
        "+withdrawn:",
        '+  date: "2021-07-02"',
        '+  reason: "Published twice by mistake."',
    ]
    assert run_cli("check", cwd=repo).returncode == 0


def test_the_page_keeps_its_address_with_a_notice(repo: Path) -> None:
    run_cli(
        "withdraw", "fc-0001", "--reason", "Published twice by mistake.", "--date", "2021-07-02", cwd=repo, check=True
    )
    run_cli("render", "--out", "pages", cwd=repo, check=True)
    page = (repo / "pages" / "claims" / "fc-0001.md").read_text(encoding="utf-8")
    assert (
        '<p class="admonition-title">Withdrawn on 2 July 2021</p><p>Published twice by mistake.</p>'
        "<p>This page stays at its address so that links to it keep working." in page
    )


@pytest.mark.parametrize(
    ("claim", "reason", "message"),
    [
        (
            "fc-0004",
            "A long enough reason.",
            "error: fc-0004 is already withdrawn\n    Edit the reason in claims/fc-0004.yml if it needs changing.\n",
        ),
        (
            "fc-0005",
            "A long enough reason.",
            "error: fc-0005 is a draft, not a published claim\n"
            "    A draft was never on the site: delete the file, or keep it as a draft.\n",
        ),
        (
            "fc-0099",
            "A long enough reason.",
            "error: no claim record claims/fc-0099.yml\n"
            "    Give the claim's id, the file name in claims/ without .yml.\n",
        ),
        (
            "fc-0001",
            "Oops.",
            "error: the reason is too short (5 of at least 10 characters)\n"
            "    Readers see it on the claim's page: say in a sentence why the fact-check is withdrawn.\n",
        ),
    ],
)
def test_refusals(repo: Path, claim: str, reason: str, message: str) -> None:
    result = run_cli("withdraw", claim, "--reason", reason, cwd=repo)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
    assert git(repo, "status", "--porcelain") == ""

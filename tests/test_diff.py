"""python -m generator diff: what a pull request changes, as Markdown for reviewers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli
from gitrepo import commit_all, edit, git, make_report_repo


def change_report(repo: Path) -> None:
    """On a branch: a verdict and summary changed, a claim withdrawn, one deleted, one added,
    evidence edited, and a source text corrected without re-anchoring its quotes."""
    git(repo, "switch", "-q", "-c", "edit-claims")
    fc1 = repo / "claims" / "fc-0001.yml"
    edit(fc1, 'verdict: "true"', "verdict: mostly-true")
    edit(fc1, '"The minister did say so, in those words."', '"The minister said so, but the transcript is longer."')
    edit(
        fc1,
        '    stance: supports\n    note: "The official transcript."',
        '    stance: context\n    note: "The official transcript."',
    )
    (repo / "claims" / "fc-0003.yml").unlink()
    run_cli(
        "withdraw", "fc-0002", "--reason", "The critics were misquoted.", "--date", "2021-07-02", cwd=repo, check=True
    )
    run_cli("new", "--source", "comments", "--quote", "nothing to add", "--date", "2021-07-02", cwd=repo, check=True)
    edit(repo / "seeds" / "typography.txt", "were “defensive in nature.”", "were “purely defensive in nature.”")
    commit_all(repo, "Edit claims")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = make_report_repo(tmp_path / "report")
    change_report(repo)
    return repo


EXPECTED = """\
## Changes to the fact-checks

From main ({base}) to {head}: 1 added, 1 withdrawn, 1 deleted, 1 verdict changed, 2 records edited, 1 source changed.

### :warning: Claims taken off the site

A published claim is never deleted: its page and every link to it would break. Keep the file and withdraw the claim \
instead, with `python -m generator withdraw ID --reason "..."`.

- **fc-0003**: file claims/fc-0003.yml **deleted** (was published). \
“A reader says the base is the largest in the world.”

### Added

- **fc-0006** (draft, TODO: one of true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable): \
“TODO: the claim as reviewed, in one short neutral sentence of your own”

### Withdrawn

- **fc-0002** (was published): “The exercise is held every year.” Reason: The critics were misquoted.

### Verdicts changed

- **fc-0001**: True → **Mostly true**. “The minister said the drills were defensive in nature.”

### Summaries changed

- **fc-0001**
  - before: The minister did say so, in those words.
  - after: The minister said so, but the transcript is longer.

### Evidence changed

- **fc-0001**:
  - stance changed from supports to context: Example Ministry, "Transcript of the briefing" (context)

### Source texts

- **typography**: **text changed** (sha256 b292dbaa3345 → c17e3c17e4f6); the recorded sha256 is not updated: run \
`python -m generator reanchor` to re-anchor its quotes.
"""


def test_diff_between_two_commits(repo: Path) -> None:
    result = run_cli("diff", "main", "edit-claims", cwd=repo)
    base = git(repo, "rev-parse", "--short", "main").strip()
    head = git(repo, "rev-parse", "--short", "edit-claims").strip()
    assert result.stdout == EXPECTED.format(base=base, head=f"edit-claims ({head})")
    assert result.returncode == 1  # a published claim was deleted
    assert result.stderr == (
        "error: claims/fc-0003.yml: a published claim was taken off the site; withdraw it instead\n"
    )


def test_head_defaults_to_the_working_tree(repo: Path) -> None:
    result = run_cli("diff", "main", cwd=repo)
    base = git(repo, "rev-parse", "--short", "main").strip()
    assert result.stdout == EXPECTED.format(base=base, head="the working tree")


def test_uncommitted_edits_are_compared_too(repo: Path) -> None:
    git(repo, "restore", "--source", "main", "--", "claims/fc-0003.yml", "seeds/typography.txt")
    result = run_cli("diff", "main", cwd=repo)
    assert result.returncode == 0
    assert "Claims taken off the site" not in result.stdout
    assert "### Source texts" not in result.stdout


def test_no_change(repo: Path) -> None:
    result = run_cli("diff", "main", "main", cwd=repo)
    short = git(repo, "rev-parse", "--short", "main").strip()
    assert (result.returncode, result.stdout) == (
        0,
        f"## Changes to the fact-checks\n\nFrom main ({short}) to main ({short}): no claim or source changed.\n",
    )


def test_a_deleted_draft_is_listed_but_allowed(repo: Path) -> None:
    git(repo, "restore", "--source", "main", "--", "claims/fc-0003.yml")
    (repo / "claims" / "fc-0005.yml").unlink()
    result = run_cli("diff", "main", cwd=repo)
    assert result.returncode == 0
    assert "- **fc-0005**: file claims/fc-0005.yml **deleted** (was a draft, never published)." in result.stdout


def test_a_claim_sent_back_to_draft_is_flagged(repo: Path) -> None:
    edit(repo / "claims" / "fc-0001.yml", "status: published", "status: draft")
    result = run_cli("diff", "main", cwd=repo)
    assert "- **fc-0001**: status changed from published to draft; its page leaves the site." in result.stdout
    assert "error: claims/fc-0001.yml: a published claim was taken off the site; withdraw it instead\n" in result.stderr


def test_text_from_a_pull_request_is_escaped(repo: Path) -> None:
    edit(
        repo / "claims" / "fc-0001.yml",
        '"The minister said so, but the transcript is longer."',
        '"<img src=x onerror=alert(1)> *bold* [link](https://example.org) `code` | cell"',
    )
    result = run_cli("diff", "main", cwd=repo)
    assert (
        "  - after: &lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\[link\\](https://example.org) \\`code\\` \\| cell\n"
        in result.stdout
    )


def test_an_unknown_revision_says_what_to_try(repo: Path) -> None:
    result = run_cli("diff", "origin/main", cwd=repo)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error: unknown git revision 'origin/main'\n"
        "    Check the name (git branch -a lists branches). A branch of another clone needs git fetch first; "
        "in GitHub Actions, check out with fetch-depth: 0.\n"
    )


def test_a_report_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    copy_fixture(repo / "report")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "The report, in a folder of its own")
    edit(repo / "report" / "claims" / "fc-0003.yml", "verdict: opinion", "verdict: unproven")
    result = run_cli("diff", "main", cwd=repo / "report")
    assert "### Verdicts changed\n\n- **fc-0003**: Opinion → **Unproven**." in result.stdout
    assert "1 verdict changed, 1 record edited." in result.stdout


def test_an_evidence_quote_edited_in_place_is_one_change(repo: Path) -> None:
    edit(repo / "claims" / "fc-0002.yml", 'quote: "The exercise is held each year."', 'quote: "The exercise is held"')
    result = run_cli("diff", "edit-claims", cwd=repo)
    assert result.stdout.endswith(
        "### Evidence changed\n\n- **fc-0002**:\n"
        '  - edited: quote from typography: "The exercise is held each year." (contradicts) → '
        'quote from typography: "The exercise is held" (contradicts)\n'
    )

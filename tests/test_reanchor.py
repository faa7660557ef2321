"""A source text edited in a pull request: check fails, reanchor proposes, --write accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import commit_all, edit, git, make_report_repo

TYPOGRAPHY_SHA = "b292dbaa33453cd8e2be5232074fb9b533c19e0ccd29319da913202cb6739a9f"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture report, committed, then its typography text edited and committed again."""
    repo = make_report_repo(tmp_path / "report")
    text = repo / "seeds" / "typography.txt"
    edit(text, "were “defensive in nature.”", "were “purely defensive in nature.”")
    edit(
        text,
        "Critics said the exercise is held each year, but",
        "Critics said the exercise is held every single year, but",
    )
    commit_all(repo, "Correct the capture of the typography text")
    return repo


def new_sha(repo: Path) -> str:
    import hashlib

    return hashlib.sha256((repo / "seeds" / "typography.txt").read_bytes()).hexdigest()


def test_check_fails_until_the_quotes_are_reanchored(repo: Path) -> None:
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if not line.startswith(" ")] == [
        "claims/fc-0001.yml:7:10: quote not found in source 'typography'",
        "claims/fc-0002.yml:6:10: quote not found in source 'typography'",
        "seeds/typography.yml:10:9: source text typography.txt has changed since it was recorded",
        "3 problems in 3 files.",
    ]


def test_reanchor_proposes_and_changes_nothing(repo: Path) -> None:
    result = run_cli("reanchor", cwd=repo)
    assert result.returncode == 1
    assert result.stdout == (
        "claims/fc-0001.yml:7:10: quote no longer matches the changed source 'typography'\n"
        '    old: "Minister\'s "drills" - held near Durrës... were "defensive in nature.""\n'
        '    new: "Minister’s “drills” — held near Durrës… were “purely defensive in nature.”"\n'
        "    at line 1, col 1 of the new text; edit distance 7\n"
        "claims/fc-0002.yml:6:10: quote no longer matches the changed source 'typography'\n"
        '    old: "the exercise is held each year"\n'
        '    new: "the exercise is held every single year"\n'
        "    at line 4, col 14 of the new text; edit distance 11\n"
        '    prefix: "Critics said" (kept)\n'
        "2 proposals, 0 quotes to fix by hand, 4 quotes still matching, in 1 changed source (typography).\n"
        "To accept the proposals, run: python -m generator reanchor --write\n"
    )
    assert git(repo, "status", "--porcelain") == ""


def test_write_accepts_the_proposals_keeping_everything_else(repo: Path) -> None:
    result = run_cli("reanchor", "--write", cwd=repo)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Wrote claims/fc-0001.yml.\n"
        "Wrote claims/fc-0002.yml.\n"
        "Recorded the new sha256 in seeds/typography.yml.\n"
        "Every quote anchors in the changed texts; run: python -m generator check\n"
    )
    changed = git(repo, "diff", "--unified=0", "--no-color", "--no-prefix").splitlines()
    assert [line for line in changed if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-  quote: 'Minister''s \"drills\" - held near Durrës... were \"defensive in nature.\"'",
        "+  quote: 'Minister’s “drills” — held near Durrës… were “purely defensive in nature.”'",
        '-  quote: "the exercise is held each year"',
        '+  quote: "the exercise is held every single year"',
        f"-sha256: {TYPOGRAPHY_SHA}",
        f"+sha256: {new_sha(repo)}",
    ]
    result = run_cli("check", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "OK: 6 claims, 3 sources, 8 verdicts.\n")
    assert run_cli("reanchor", cwd=repo).stdout == (
        "No source text has changed: every recorded sha256 matches its text.\n"
    )


def test_write_for_one_claim_leaves_the_source_unaccepted(repo: Path) -> None:
    result = run_cli("reanchor", "--write", "fc-0002", cwd=repo)
    assert result.returncode == 1
    assert result.stdout == "Wrote claims/fc-0002.yml.\n"
    assert result.stderr.startswith(
        "Still to do:\nclaims/fc-0001.yml:7:10: quote no longer matches the changed source 'typography'\n"
    )
    assert git(repo, "status", "--porcelain") == " M claims/fc-0002.yml\n"


def test_a_passage_cut_from_the_text_is_left_to_the_editor(repo: Path) -> None:
    edit(repo / "seeds" / "typography.txt", "About 28,000\u00a0soldiers from 26 countries took part, ", "")
    result = run_cli("reanchor", cwd=repo)
    assert result.returncode == 1
    assert "claims/fc-0004.yml:6:10: quote no longer found in the changed source 'typography'; nothing in the new" in (
        result.stdout
    )
    assert "    Edit this quote by hand.\n" in result.stdout
    assert result.stdout.endswith(
        "2 proposals, 2 quotes to fix by hand, 2 quotes still matching, in 1 changed source (typography).\n"
        "To accept the proposals, run: python -m generator reanchor --write\n"
    )
    run_cli("reanchor", "--write", cwd=repo)
    recorded = (repo / "seeds" / "typography.yml").read_text(encoding="utf-8")
    assert f"sha256: {TYPOGRAPHY_SHA}" in recorded  # not accepted while a quote is broken
    assert run_cli("check", cwd=repo).returncode == 1


def test_an_unchanged_text_with_intact_quotes_only_needs_its_sha256(repo: Path) -> None:
    edit(repo / "seeds" / "comments.txt", "Comment two: nothing to add.", "Comment two: nothing to add, really.")
    edit(repo / "claims" / "fc-0005.yml", 'quote: "nothing to add"', 'quote: "nothing to add, really"')
    git(repo, "checkout", "-q", "HEAD~1", "--", "seeds/typography.txt")
    result = run_cli("reanchor", cwd=repo)
    assert result.stdout == (
        "0 proposals, 0 quotes to fix by hand, 3 quotes still matching, in 1 changed source (comments).\n"
        "To record the new sha256, run: python -m generator reanchor --write\n"
    )
    assert run_cli("reanchor", "--write", cwd=repo).stdout == (
        "Recorded the new sha256 in seeds/comments.yml.\n"
        "Every quote anchors in the changed texts; run: python -m generator check\n"
    )
    assert run_cli("check", cwd=repo).returncode == 0


def test_an_editors_cut_is_kept_and_line_breaks_become_spaces(tmp_path: Path) -> None:
    repo = make_report_repo(tmp_path / "report")
    edit(
        repo / "claims" / "fc-0003.yml",
        '"the base is the largest in the world"',
        '"Comment one: the base […] largest in the world"',
    )
    edit(repo / "claims" / "fc-0004.yml", '"the army said on 3 May"', '"but it was not. About 28,000"')
    commit_all(repo, "Quotes with a cut and across a paragraph")
    edit(repo / "seeds" / "comments.txt", "largest in the world", "largest in the whole world")
    edit(repo / "seeds" / "typography.txt", "but it was not.\n\nAbout", "but it was not so.\n\nAbout")
    result = run_cli("reanchor", "--write", cwd=repo)
    assert result.returncode == 0, result.stderr
    changed = git(repo, "diff", "--unified=0", "--no-color", "--", "claims").splitlines()
    assert [line for line in changed if line[:1] == "+" and line[:3] != "+++"] == [
        '+  quote: "Comment one: the base […] largest in the whole world"',
        '+    quote: "but it was not so. About 28,000"',
    ]
    assert run_cli("check", cwd=repo).returncode == 0

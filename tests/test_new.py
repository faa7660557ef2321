"""python -m generator new: a record started from an anchored quote, refused by check until finished."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import edit, git, make_report_repo

from generator.edit.scaffold import Scaffold, write_scaffold
from generator.problems import UsageError

SKELETON = """\
# yaml-language-server: $schema=../schemas/claim.schema.json
# Written by "python -m generator new". Replace every TODO, then run: python -m generator check
id: fc-0006
status: draft
claim: "TODO: the claim as reviewed, in one short neutral sentence of your own"
passage:
  source: "typography"
  quote: "Minister’s “drills” — held near Durrës"
claimant: "TODO: who made the claim: the outlet, a named person, or 'a reader comment'"
claim_date: "2021-05-20"  # the source's publication date; change it if the claim was made earlier
verdict: "TODO: one of true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable"
summary: "TODO: the answer in one or two plain sentences"
analysis: |
  TODO: the reasoning, in Markdown: what was checked, against what, and what it shows.
evidence:
  # An external reference; for a passage of a text in seeds/, write source and quote
  # instead of publisher, title, date and url.
  - publisher: "TODO: who published it"
    title: "TODO: its exact title"
    date: null  # YYYY-MM-DD, YYYY-MM or YYYY when known
    stance: "TODO: supports, contradicts or context"
    note: "TODO: what this evidence shows, in a sentence or two"
reviewers: ["TODO: your name"]
published: "2026-11-22"
updated: "2026-11-22"
tags: []
"""

FILLED = {
    '"TODO: the claim as reviewed, in one short neutral sentence of your own"': '"The minister spoke of drills."',
    "\"TODO: who made the claim: the outlet, a named person, or 'a reader comment'\"": '"Example News"',
    '"TODO: one of true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable"': '"true"',
    '"TODO: the answer in one or two plain sentences"': '"The text says so in those words."',
    "TODO: the reasoning, in Markdown: what was checked, against what, and what it shows.": "The text says so.",
    '"TODO: who published it"': '"Example Ministry"',
    '"TODO: its exact title"': '"Transcript of the briefing"',
    '"TODO: supports, contradicts or context"': "supports",
    '"TODO: what this evidence shows, in a sentence or two"': '"The official transcript."',
    '"TODO: your name"': '"Fixture Desk"',
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_report_repo(tmp_path / "report")


def test_new_writes_a_skeleton_with_the_sources_own_characters(repo: Path) -> None:
    quote = 'Minister\'s "drills" - held near Durrës'  # straight quotes and a hyphen, as typed
    result = run_cli("new", "--source", "typography", "--quote", quote, "--date", "2026-11-22", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "claims/fc-0006.yml\n")
    assert result.stderr == "Replace every TODO in claims/fc-0006.yml, then run: python -m generator check\n"
    assert (repo / "claims" / "fc-0006.yml").read_text(encoding="utf-8") == SKELETON
    assert git(repo, "status", "--porcelain") == "?? claims/fc-0006.yml\n"


def test_check_refuses_the_skeleton_until_every_todo_is_replaced(repo: Path) -> None:
    run_cli(
        "new", "--source", "typography", "--quote", "Minister’s “drills”", "--date", "2026-11-22", cwd=repo, check=True
    )
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    fields = ["claim", "claimant", "verdict", "summary", "analysis", "evidence[0].publisher", "evidence[0].title"]
    fields += ["evidence[0].stance", "evidence[0].note", "reviewers[0]"]
    found = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [line.split(": ", 1)[1] for line in found[:-1]] == [f"{f} still holds a TODO marker" for f in fields]
    assert found[-1] == "10 problems in 1 file."
    record = repo / "claims" / "fc-0006.yml"
    for old, new in FILLED.items():
        edit(record, old, new)
    result = run_cli("check", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "OK: 7 claims, 3 sources, 8 verdicts.\n")


def test_a_repeated_quote_gets_the_fewest_words_that_place_it(repo: Path) -> None:
    result = run_cli("new", "--source", "comments", "--quote", "Comment", "--date", "2026-11-22", cwd=repo)
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        "The quote occurs 2 times in 'comments'; the record takes the first, at line 1, col 1, told apart by "
        'suffix "one:". To take another, run the command again with --prefix or --suffix.'
    )
    text = (repo / "claims" / "fc-0006.yml").read_text(encoding="utf-8")
    assert '  quote: "Comment"\n  suffix: "one:"\nclaimant:' in text


def test_prefix_chooses_another_place(repo: Path) -> None:
    result = run_cli(
        "new",
        "--source",
        "typography",
        "--quote",
        "the exercise is held each year",
        "--prefix",
        "Critics said",
        cwd=repo,
    )
    assert (result.returncode, result.stdout) == (0, "claims/fc-0006.yml\n")
    text = (repo / "claims" / "fc-0006.yml").read_text(encoding="utf-8")
    assert '  quote: "the exercise is held each year"\n  prefix: "Critics said"\nclaimant:' in text


def test_an_absent_quote_is_refused_with_the_closest_passage(repo: Path) -> None:
    result = run_cli("new", "--source", "typography", "--quote", "held every year", cwd=repo)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error: quote not found in seeds/typography.txt\n"
        "    Closest passage (73% alike), line 4, col 27:\n"
        '      "is held each year,"\n'
        "    Copy the words exactly from the source; mark left-out words with … or [...].\n"
    )
    assert not (repo / "claims" / "fc-0006.yml").exists()


def test_context_that_does_not_tell_the_places_apart_is_refused(repo: Path) -> None:
    result = run_cli("new", "--source", "typography", "--quote", "held each year", "--prefix", "exercise is", cwd=repo)
    assert result.returncode == 1
    assert result.stderr == (
        "error: quote occurs 2 times in seeds/typography.txt, even with the given prefix/suffix\n"
        "    Give more words of --prefix or --suffix, copied from just before or after the quote.\n"
    )


def test_an_unknown_source_names_the_known_ones(repo: Path) -> None:
    result = run_cli("new", "--source", "typo", "--quote", "held each year", cwd=repo)
    assert (result.returncode, result.stderr) == (
        1,
        "error: unknown source 'typo'\n"
        "    Expected one of: comments, communique, typography. Source ids are file names in seeds/ without '.txt'.\n",
    )


def test_the_next_id_follows_the_highest(repo: Path) -> None:
    (repo / "claims" / "fc-0041.yml").write_bytes((repo / "claims" / "fc-0005.yml").read_bytes())
    result = run_cli("new", "--source", "comments", "--quote", "nothing to add", cwd=repo)
    assert result.stdout == "claims/fc-0042.yml\n"


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "fc-0001.yml"
    target.write_text("kept\n", encoding="utf-8")
    with pytest.raises(UsageError, match="fc-0001.yml already exists; nothing was written"):
        write_scaffold(Scaffold(target, "new text\n"), tmp_path)
    assert target.read_text(encoding="utf-8") == "kept\n"


def test_a_quote_across_paragraphs_is_written_on_one_line(repo: Path) -> None:
    run_cli("new", "--source", "typography", "--quote", "but it was not. About", cwd=repo, check=True)
    text = (repo / "claims" / "fc-0006.yml").read_text(encoding="utf-8")
    assert '  quote: "but it was not. About"\n' in text

"""python -m generator diff: changes to the rating scale, the settings and the site's configuration.

None of these is a claim record, yet each can change what every published claim shows: relabelling
the verdict 'false' as "True" turns every false claim true on the site without a record changing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import commit_all, edit, git, make_report_repo

from generator.cli import main

WARNING = (
    "### :warning: Changes to how published claims are shown\n\n"
    "Each of these changes pages already on the site, though no claim record changed: "
    "check that it is meant.\n\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_report_repo(tmp_path / "report")


def diff(repo: Path, capsys: pytest.CaptureFixture[str], *revisions: str) -> tuple[int, str, str]:
    """Run ``python -m generator diff`` in-process on ``repo``; return its status, output and errors."""
    status = main(["--root", str(repo), "diff", *(revisions or ("main",))])
    out, err = capsys.readouterr()
    return status, out, err


def heading(repo: Path, tally: str, head: str = "the working tree") -> str:
    short = git(repo, "rev-parse", "--short", "main").strip()
    return f"## Changes to the fact-checks\n\nFrom main ({short}) to {head}: {tally}.\n\n"


RELABELLED = """\
- **false** in verdicts (ratings.yml): label “False” → “True”; 1 claim on the site uses it.
- **false** in verdicts (ratings.yml): rank 1 → 5; 1 claim on the site uses it.

### Rating scale

- **false** in verdicts: label “False” → “True”
- **false** in verdicts: rank 1 → 5
"""


def relabel_false_as_true(repo: Path) -> None:
    ratings = repo / "ratings.yml"
    edit(ratings, '  - id: "false"\n    label: "False"', '  - id: "false"\n    label: "True"')
    edit(ratings, "rank: 1\n", "rank: 5\n")


def test_relabelling_a_verdict_is_flagged_at_the_top(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    relabel_false_as_true(repo)
    status, out, err = diff(repo, capsys)
    assert out == heading(repo, "2 scale changes") + WARNING + RELABELLED
    # A reviewer must see it, but a scale may be changed on purpose: the check does not fail.
    assert status == 0
    assert err == "warning: ratings.yml: this change alters how claims already on the site are shown\n"


def test_a_committed_relabelling_is_flagged_too(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "-q", "-c", "scale")
    relabel_false_as_true(repo)
    commit_all(repo, "Relabel a verdict")
    short = git(repo, "rev-parse", "--short", "scale").strip()
    status, out, _ = diff(repo, capsys, "main", "scale")
    assert out == heading(repo, "2 scale changes", f"scale ({short})") + WARNING + RELABELLED


def test_a_settings_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo / "report.yml", 'title: "Fixture report"', 'title: "Fixture report, revised"')
    edit(repo / "report.yml", 'description: "A small report', 'description: "A tiny report')
    status, out, _ = diff(repo, capsys)
    assert out == heading(repo, "2 settings changes") + WARNING + (
        "- **title** (report.yml): “Fixture report” → “Fixture report, revised”; "
        "it is part of every claim on the site (5).\n"
        "\n"
        "### Report settings\n"
        "\n"
        "- **title**: “Fixture report” → “Fixture report, revised”\n"
        "- **description**: “A small report used by the tests: two short texts and four claims.” → "
        "“A tiny report used by the tests: two short texts and four claims.”\n"
    )
    assert status == 0


def test_a_verdict_added_is_listed_but_not_flagged(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (repo / "ratings.yml").open("a", encoding="utf-8") as file:
        file.write(
            "  - id: disputed\n"
            '    label: "Disputed"\n'
            '    definition: "Experts disagree and the evidence does not settle it."\n'
            "    rank: null\n"
            '    colour: "#6b5b95"\n'
            "    icon: question\n"
        )
    status, out, err = diff(repo, capsys)
    assert out == heading(repo, "1 scale change") + (
        "### Rating scale\n"
        "\n"
        "- **disputed** added to verdicts: label “Disputed”, "
        "definition “Experts disagree and the evidence does not settle it.”, rank null, colour “\\#6b5b95”, "
        "icon “question”\n"
    )
    assert (status, err) == (0, "")


def test_a_verdict_removed_that_a_published_claim_uses(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        repo / "ratings.yml",
        "  - id: opinion\n"
        '    label: "Opinion"\n'
        '    definition: "A judgement, characterisation or belief rather than a statement of fact; it cannot be '
        'true or false. Not rated."\n'
        "    rank: null\n"
        '    colour: "#4f5b6b"\n'
        "    icon: comment\n",
        "",
    )
    removed = (
        "**opinion** removed from verdicts{where}: label “Opinion”, definition “A judgement, characterisation or "
        "belief rather than a statement of fact; it cannot be true or false. Not rated.”, rank null, "
        "colour “\\#4f5b6b”, icon “comment”"
    )
    status, out, _ = diff(repo, capsys)
    assert out == heading(repo, "1 scale change") + WARNING + (
        f"- {removed.format(where=' (ratings.yml)')}; 1 claim on the site uses it.\n"
        "\n"
        "### Rating scale\n"
        "\n"
        f"- {removed.format(where='')}\n"
    )
    assert status == 0


def test_reordered_verdicts(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ratings = repo / "ratings.yml"
    text = ratings.read_text(encoding="utf-8")
    start, end = text.index("  - id: unproven"), text.index("  - id: opinion")
    ratings.write_text(text[:start] + text[end:] + text[start:end], encoding="utf-8")
    _, out, _ = diff(repo, capsys)
    assert out == heading(repo, "1 scale change") + (
        "### Rating scale\n"
        "\n"
        "- verdicts reordered: true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable → "
        "true, mostly-true, mixed, misleading, false, opinion, not-checkable, unproven\n"
    )


def test_true_is_not_taken_for_1(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo / "ratings.yml", "rank: 1\n", "rank: true\n")
    _, out, _ = diff(repo, capsys)
    assert out.endswith("### Rating scale\n\n- **false** in verdicts: rank 1 → true\n")


def test_an_unreadable_scale_in_the_head_is_said_not_crashed_on(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        repo / "ratings.yml",
        'definition: "The claim is inaccurate: the evidence contradicts it."',
        "definition: The claim is inaccurate: the evidence contradicts it.",
    )
    status, out, err = diff(repo, capsys)
    assert out == heading(repo, "1 scale change") + WARNING + (
        "- ratings.yml cannot be read in the working tree, so what changed in it cannot be shown: "
        "read the file's diff.\n"
        "\n"
        "### Rating scale\n"
        "\n"
        "- ratings.yml:31:40: invalid YAML: a ': ' inside a value (in the working tree). "
        "`python -m generator check` says how to fix it.\n"
    )
    assert (status, err) == (0, "warning: ratings.yml: this change alters how claims already on the site are shown\n")


def test_an_unreadable_scale_in_the_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "-q", "-c", "broken")
    (repo / "ratings.yml").write_bytes(b"verdicts: [\xff]\n")
    commit_all(repo, "A scale that is not UTF-8")
    git(repo, "switch", "-q", "main")
    status, out, _ = diff(repo, capsys, "broken")
    short = git(repo, "rev-parse", "--short", "broken").strip()
    assert out == (
        f"## Changes to the fact-checks\n\nFrom broken ({short}) to the working tree: 1 scale change.\n\n"
        + WARNING
        + f"- ratings.yml cannot be read in broken ({short}), so what changed in it cannot be shown: "
        "read the file's diff.\n"
        "\n"
        "### Rating scale\n"
        "\n"
        f"- ratings.yml:1:12: file is not UTF-8 text (byte 0xff) (in broken ({short})). Compare the file by hand.\n"
    )
    assert status == 0


def test_the_site_configuration_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = repo / "mkdocs.yml"
    edit(config, 'site_url: "https://factcheck.example.org/report/"', 'site_url: "https://factcheck.example.net/"')
    config.write_text(config.read_text(encoding="utf-8") + "extra_javascript:\n  - js/track.js\n", encoding="utf-8")
    status, out, err = diff(repo, capsys)
    assert out == heading(repo, "2 site configuration changes") + WARNING + (
        "- mkdocs.yml: **site\\_url** changed, **extra\\_javascript** added; it configures every page of the site.\n"
        "\n"
        "### Site configuration\n"
        "\n"
        "- **site\\_url**: “https://factcheck.example.org/report/” → “https://factcheck.example.net/”\n"
        '- **extra\\_javascript** added: \\["js/track.js"\\]\n'
        "\n"
        "The lines that changed:\n"
        "\n"
        "```diff\n"
        "@@ -1,3 +1,3 @@\n"
        ' site_name: "Fixture report"\n'
        '-site_url: "https://factcheck.example.org/report/"\n'
        '+site_url: "https://factcheck.example.net/"\n'
        ' repo_url: "https://github.com/example/factcheck-fixture"\n'
        "@@ -22 +22,3 @@\n"
        "   /tags/**\n"
        "+extra_javascript:\n"
        "+  - js/track.js\n"
        "```\n"
    )
    assert (status, err) == (0, "warning: mkdocs.yml: this change alters how claims already on the site are shown\n")


def test_a_site_configuration_with_env_tags_is_compared_line_by_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        repo / "mkdocs.yml",
        'repo_url: "https://github.com/example/factcheck-fixture"',
        'repo_url: !ENV [REPO_URL, "https://github.com/example/factcheck-fixture"]',
    )
    _, out, _ = diff(repo, capsys)
    assert out == heading(repo, "1 site configuration change") + WARNING + (
        "- mkdocs.yml: 1 line added, 1 removed; it configures every page of the site.\n"
        "\n"
        "### Site configuration\n"
        "\n"
        "- 1 line added, 1 removed: the file is compared line by line, as it holds YAML "
        "(such as !ENV tags) that is not read here.\n"
        "\n"
        "The lines that changed:\n"
        "\n"
        "```diff\n"
        "@@ -2,3 +2,3 @@\n"
        ' site_url: "https://factcheck.example.org/report/"\n'
        '-repo_url: "https://github.com/example/factcheck-fixture"\n'
        '+repo_url: !ENV [REPO_URL, "https://github.com/example/factcheck-fixture"]\n'
        " edit_uri: edit/main/docs/\n"
        "```\n"
    )


def test_a_team_file_added_then_changed_item_by_item(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = repo / "team.yml"
    team.write_text('members:\n  - name: "Ana Example"\n    role: editor\n', encoding="utf-8")
    _, out, _ = diff(repo, capsys)
    assert out == heading(repo, "1 team change") + (
        '### Team\n\n- new file\n- **members** added: \\[\\{"name": "Ana Example", "role": "editor"\\}\\]\n'
    )
    commit_all(repo, "A team")
    team.write_text(
        'members:\n  - name: "Ana Example"\n    role: "<b>chief</b> editor"\n'
        '  - name: "Bo Example"\n    role: checker\n',
        encoding="utf-8",
    )
    _, out, _ = diff(repo, capsys)
    assert out == heading(repo, "2 team changes") + (
        "### Team\n\n"
        "- **Ana Example** in members: role “editor” → “&lt;b&gt;chief&lt;/b&gt; editor”\n"
        "- **Bo Example** added to members: role “checker”\n"
    )


def test_a_settings_file_deleted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "report.yml").unlink()
    _, out, _ = diff(repo, capsys)
    assert out.startswith(heading(repo, "5 settings changes") + WARNING)
    assert out.endswith(
        "### Report settings\n\n"
        "- file **deleted**\n"
        "- **title** removed: “Fixture report”\n"
        "- **publisher** removed: “Fixture Desk”\n"
        "- **publisher\\_url** removed: “https://factcheck.example.org/”\n"
        "- **description** removed: “A small report used by the tests: two short texts and four claims.”\n"
        "- **language** removed: “en”\n"
    )


def test_comments_and_layout_alone_are_no_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo / "ratings.yml", "# The rating scale:", "# The scale:")
    edit(repo / "report.yml", 'title: "Fixture report"', "title:   Fixture report")
    _, out, _ = diff(repo, capsys)
    assert out == heading(repo, "no claim or source changed").removesuffix("\n\n") + "\n"

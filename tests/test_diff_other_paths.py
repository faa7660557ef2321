"""python -m generator diff lists every other path a pull request changes, and warns for those that change what
runs or what the site shows: hand-written pages, theme overrides, Python files, links, the build's own folders,
the generator's catalogs; the site configuration's changed lines are shown as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import commit_all, edit, git, make_report_repo

from generator.cli import main

WARNING = (
    "### :warning: Files that change what runs or what the site shows\n\n"
    "No claim record shows these changes: read each file's diff before merging.\n\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_report_repo(tmp_path / "report")


def diff(repo: Path, capsys: pytest.CaptureFixture[str], *revisions: str) -> tuple[int, str, str]:
    status = main(["--root", str(repo), "diff", *(revisions or ("main",))])
    out, err = capsys.readouterr()
    return status, out, err


def heading(repo: Path, tally: str, head: str = "the working tree") -> str:
    short = git(repo, "rev-parse", "--short", "main").strip()
    return f"## Changes to the fact-checks\n\nFrom main ({short}) to {head}: {tally}.\n\n"


def test_a_script_in_a_hand_written_page_is_a_warning(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = repo / "docs" / "about.md"
    page.write_text('# About\n\n<script src="https://evil.example/x.js"></script>\n', encoding="utf-8")
    (repo / "notes.txt").write_text("a reviewer's note\n", encoding="utf-8")
    status, out, err = diff(repo, capsys)
    assert out == heading(repo, "1 file that changes what runs or is shown, 1 other file") + WARNING + (
        "- docs/about.md (added): a hand-written page or file of the site: it may hold HTML and scripts, "
        "published as written.\n"
        "\n"
        "### Other files\n"
        "\n"
        "- notes.txt (added)\n"
    )
    assert status == 0
    assert err == (
        "warning: docs/about.md: a hand-written page or file of the site: it may hold HTML and scripts, "
        "published as written\n"
    )


def test_a_theme_override_a_hook_and_a_module_are_warnings_with_the_settings_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "switch", "-q", "-c", "theme")
    config = repo / "mkdocs.yml"
    edit(config, "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - hooks.py\n", encoding="utf-8")
    (repo / "overrides").mkdir()
    (repo / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block scripts %}<script src="https://evil.example/x.js"></script>{% endblock %}\n',
        encoding="utf-8",
    )
    (repo / "hooks.py").write_text("def on_config(config):\n    return config\n", encoding="utf-8")
    (repo / "pagefind.py").write_text("print('imported')\n", encoding="utf-8")
    commit_all(repo, "A theme")
    status, out, _ = diff(repo, capsys, "main", "theme")
    head = f"theme ({git(repo, 'rev-parse', '--short', 'theme').strip()})"
    assert out == heading(
        repo, "2 site configuration changes, 3 files that change what runs or is shown", head
    ) + "### :warning: Changes to how published claims are shown\n\n" + (
        "Each of these changes pages already on the site, though no claim record changed: check that it is meant.\n\n"
        "- mkdocs.yml: **theme** changed, **hooks** added; it configures every page of the site.\n"
        "\n"
    ) + WARNING + (
        "- hooks.py (added): Python code: it runs when the site is checked or built (a hook, a plugin, a module).\n"
        "- overrides/main.html (added): a theme override: its templates make every page.\n"
        "- pagefind.py (added): Python code: it runs when the site is checked or built (a hook, a plugin, a module).\n"
        "\n"
        "### Site configuration\n"
        "\n"
        '- **theme**: \\{"name": "material", "font": false\\} → \\{"name": "material", "custom\\_dir": "overrides",'
        ' "font": false\\}\n'
        '- **hooks** added: \\["hooks.py"\\]\n'
        "\n"
        "The lines that changed:\n"
        "\n"
        "```diff\n"
        "@@ -7,2 +7,3 @@\n"
        "   name: material\n"
        "+  custom_dir: overrides\n"
        "   font: false\n"
        "@@ -22 +23,3 @@\n"
        "   /tags/**\n"
        "+hooks:\n"
        "+  - hooks.py\n"
        "```\n"
    )
    assert status == 0


def test_links_and_the_build_s_own_folders_are_warnings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "claims" / ".drafts").mkdir()
    (repo / "claims" / ".drafts" / "fc-0009.yml").write_text(
        (repo / "claims" / "fc-0002.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (repo / "claims" / "fc-0009.yml").symlink_to(".drafts/fc-0009.yml")
    for planted in ("site/pwned.html", ".cache/build/state"):
        (repo / planted).parent.mkdir(parents=True, exist_ok=True)
        (repo / planted).write_text("planted\n", encoding="utf-8")
        git(repo, "add", "-f", planted)
    status, out, _ = diff(repo, capsys)
    listed = out.split(WARNING)[1]
    assert listed.split("\n\n")[0].splitlines() == [
        "- .cache/build/state (added): the build's kept files, which git must not track (they are not used).",
        "- claims/fc-0009.yml (added, a link): a link: whatever it points at is read as if it were here.",
        "- site/pwned.html (added): the built site, which the build makes and git must not track.",
    ]
    assert status == 0


def test_a_changed_catalog_is_listed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = repo / "generator" / "locale" / "fr" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text('msgid "Evidence"\nmsgstr "<img src=x onerror=alert(1)>"\n', encoding="utf-8")
    _, out, _ = diff(repo, capsys)
    assert (
        "- generator/locale/fr/LC\\_MESSAGES/messages.po (added): the generator itself: its code, templates and"
        " catalogs make every page.\n"
    ) in out

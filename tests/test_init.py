"""`init` starts a report that checks and builds at once, even installed; it never writes over files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

FILES = [
    ".github/workflows/deploy.yml",
    ".github/workflows/pr.yml",
    ".gitignore",
    "Makefile",
    "README.md",
    "claims/.gitkeep",
    "docs/about.md",
    "docs/contributing.md",
    "docs/corrections.md",
    "docs/methodology.md",
    "mkdocs.yml",
    "ratings.yml",
    "report.yml",
    "requirements-bootstrap.txt",
    "requirements.txt",
    *(
        f"schemas/{name}.schema.json"
        for name in ("claim", "ratings", "report", "source", "standards", "team", "translation")
    ),
    "seeds/.gitkeep",
    "standards.yml",
    "team.yml",
    "vendor/factcheck_generator-0.1.0-py3-none-any.whl",
]
TODO_HINT = "    Write what it asks for in its place; the site can be previewed meanwhile.\n"
CHECKED = (
    "".join(
        f"{where}: {what}\n{TODO_HINT}"
        for where, what in [
            ("docs/about.md:3:1", "warning: the page still holds a TODO"),
            ("docs/corrections.md:3:1", "warning: the page still holds a TODO"),
            ("docs/methodology.md:3:1", "warning: the page still holds a TODO"),
            ("mkdocs.yml:2:13", "warning: the settings still hold a TODO"),
            ("report.yml:4:9", "warning: the settings still hold a TODO"),
            ("report.yml:5:13", "warning: the settings still hold a TODO"),
            ("report.yml:7:3", "warning: the settings still hold a TODO"),
            ("team.yml:5:12", "warning: the settings still hold a TODO"),
            ("team.yml:6:12", "warning: the settings still hold a TODO"),
            ("team.yml:7:11", "warning: the settings still hold a TODO"),
        ]
    )
    + "10 problems in 6 files: 0 errors, 10 warnings.\n"
    + "OK: 0 claims, 0 sources, 8 verdicts.\n"
)


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_starts_a_report_whose_check_lists_what_is_left_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "desk-report"
    assert main(["init", str(target)]) == 0
    assert capsys.readouterr().out.startswith(f"Started a report in {target}/: 26 files.\n")
    assert files_in(target) == FILES
    assert main(["--root", str(target), "check"]) == 0
    assert capsys.readouterr().out == CHECKED


@pytest.mark.slow
def test_the_new_report_builds_with_a_home_page_that_says_it_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "desk-report"
    assert main(["init", str(target)]) == 0
    assert main(["--root", str(target), "build"]) == 0
    home = (target / "site" / "index.html").read_text(encoding="utf-8")
    assert "This report has no published fact-checks yet, and no source texts." in home
    about = (target / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "TODO: your name" in about  # the team, from team.yml, until it is filled in
    methodology = (target / "site" / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "Independent sources" in methodology and "required" in methodology


@pytest.mark.parametrize("planted", ["notes.txt", ".git/config"])
def test_init_refuses_a_folder_that_holds_files(tmp_path: Path, planted: str, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "mine"
    (target / planted).parent.mkdir(parents=True, exist_ok=True)
    (target / planted).write_text("mine\n", encoding="utf-8")
    assert main(["init", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"error: {target} already exists and is not an empty folder; nothing was written\n"
        "    Give the name of a new folder, or of an empty one: init never writes over files.\n"
    )
    assert files_in(target) == [planted]


def test_every_schema_line_of_a_new_report_names_a_schema_it_holds(tmp_path: Path) -> None:
    target = tmp_path / "desk-report"
    assert main(["init", str(target)]) == 0
    text = tmp_path / "speech.txt"
    text.write_text("We will build forty new schools by 2026.\n", encoding="utf-8")
    args = ["add-source", str(text), "--kind", "speech", "--title", "Address", "--language", "en"]
    assert main(["--root", str(target), *args]) == 0
    assert main(["--root", str(target), "new", "--source", "address", "--quote", "forty new schools"]) == 0
    lines = {
        path.relative_to(target).as_posix(): path.read_text(encoding="utf-8").splitlines()[0]
        for path in target.rglob("*.yml")
        if ".github" not in path.parts and path.name != "mkdocs.yml"  # MkDocs' settings: no schema of ours
    }
    assert sorted(lines) == [
        "claims/fc-0001.yml",
        "ratings.yml",
        "report.yml",
        "seeds/address.yml",
        "standards.yml",
        "team.yml",
    ]
    for name, line in lines.items():
        schema = line.removeprefix("# yaml-language-server: $schema=")
        assert schema != line and (target / name).parent.joinpath(schema).resolve().is_file(), (name, line)


def test_check_warns_when_a_kept_schema_is_not_the_checkers(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "desk-report"
    assert main(["init", str(target)]) == 0
    kept = target / "schemas" / "claim.schema.json"
    kept.write_text(kept.read_text(encoding="utf-8").replace('"tags"', '"topics"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(target), "check"]) == 0
    assert (
        "schemas/claim.schema.json:1:1: warning: this schema is not the one the generator checks with\n"
        "    Editors' YAML tools read it for completion. Run python -m generator pin-generator with the generator "
        "this report installs, which writes its schemas here, and commit them.\n"
    ) in capsys.readouterr().out

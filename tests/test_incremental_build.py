"""A second `generator build` starts from the first one's, kept in .cache/build/, and makes the same site.

After each edit, site/ must equal, byte for byte and search index included, what a build from
nothing (FACTCHECK_CACHE=off) makes of the same records.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli_process
from test_incremental import edit
from test_preview_builds import differences

pytestmark = pytest.mark.slow

OFF = {"FACTCHECK_CACHE": "off"}


@pytest.mark.parametrize(
    "edits",
    [
        [("summary", "fc-0001", "a second build")],
        [("add", "fc-9001", "x"), ("label", "true", "Entirely true")],
        [("delete", "fc-0003", "x"), ("source", "typography", "A first line")],
    ],
    ids=["a summary", "a new claim and a label", "a deletion and a source"],
)
def test_a_second_build_makes_the_site_a_build_from_nothing_makes(tmp_path: Path, edits: list[tuple]) -> None:
    root = copy_fixture(tmp_path / "report")
    assert run_cli_process("--root", str(root), "build", check=True).returncode == 0
    assert (root / ".cache" / "build" / "state").is_file()
    for kind, claim, value in edits:
        edit(root, kind, claim, value)
    again = run_cli_process("--root", str(root), "build", check=True)
    fresh = run_cli_process("--root", str(root), "build", "--site-dir", "fresh", check=True, env=OFF)
    assert again.stdout == fresh.stdout.replace("fresh/", "site/")
    assert differences(root / "site", root / "fresh", skipped=(".factcheck-site",)) == []


def test_a_kept_build_not_signed_here_is_not_used(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "report")
    run_cli_process("--root", str(root), "build", check=True)
    kept = root / ".cache" / "build" / "site" / "claims" / "fc-0001" / "index.html"
    planted = kept.read_text(encoding="utf-8").replace("<body", "<body data-planted", 1)
    kept.unlink()
    kept.write_text(planted, encoding="utf-8")
    state = root / ".cache" / "build" / "state"
    state.write_bytes(b"0" * 64 + state.read_bytes()[64:])
    edit(root, "summary", "fc-0002", "after the planting")
    run_cli_process("--root", str(root), "build", check=True)
    assert "data-planted" not in (root / "site" / "claims" / "fc-0001" / "index.html").read_text(encoding="utf-8")


def test_what_the_plugin_is_told_lasts_for_one_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs keeps the plugin for the process: a plain `mkdocs build` after `generator build` must be plain."""
    from test_preview_builds import _plugins

    from generator.mkdocs_build import build_with_mkdocs
    from generator.mkdocs_plugin import FactCheckPlugin
    from generator.pipeline import load_report
    from generator.settings import Layout

    root = copy_fixture(tmp_path / "report")
    monkeypatch.chdir(root)
    _plugins().clear()
    try:
        build_with_mkdocs(root, tmp_path / "out", load_report(Layout(root)))
        plugin = next(p for p in _plugins().values() if isinstance(p, FactCheckPlugin))
        assert (plugin.incremental, plugin.index, plugin.prepared) == (False, True, None)
        assert (plugin.session.serving, plugin.session.preview, plugin.session.run) == (False, None, None)
    finally:
        _plugins().clear()


@pytest.mark.parametrize("damage", ["a file named .cache", "a foreign file among the kept pages"])
def test_a_build_does_without_what_it_cannot_keep(tmp_path: Path, damage: str) -> None:
    root = copy_fixture(tmp_path / "report")
    if damage == "a file named .cache":
        (root / ".cache").write_text("not a folder\n", encoding="utf-8")
    else:
        run_cli_process("--root", str(root), "build", check=True)
        pages = root / ".cache" / "build" / "pages"
        (pages / ".generated-pages").unlink()
        (pages / "stray.md").write_text("# A file the generator did not write\n", encoding="utf-8")
    edit(root, "summary", "fc-0001", "despite the cache")
    built = run_cli_process("--root", str(root), "build")
    assert built.returncode == 0 and built.stderr == "", built.stderr
    fresh = run_cli_process("--root", str(root), "build", "--site-dir", "fresh", check=True, env=OFF)
    assert built.stdout == fresh.stdout.replace("fresh/", "site/")
    assert differences(root / "site", root / "fresh", skipped=(".factcheck-site",)) == []


def test_a_kept_build_whose_files_were_changed_is_thrown_away_whole(tmp_path: Path) -> None:
    """A branch can hold .cache/build/site (git add -f) beside a state this user signed: its files are data."""
    root = copy_fixture(tmp_path / "report")
    run_cli_process("--root", str(root), "build", check=True)
    kept = root / ".cache" / "build" / "site"
    page = kept / "claims" / "fc-0001" / "index.html"
    forged = page.read_text(encoding="utf-8").replace("<body", "<body data-forged", 1)
    page.unlink()
    page.write_text(forged, encoding="utf-8")
    (kept / "pwned.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    (kept / "environ.txt").symlink_to("/proc/self/environ")
    (kept / "claims" / "hostname").symlink_to("/etc/hostname")
    edit(root, "summary", "fc-0002", "after the forgery")
    again = run_cli_process("--root", str(root), "build", check=True)
    assert "warning: .cache/build/ is not used: " in again.stderr
    fresh = run_cli_process("--root", str(root), "build", "--site-dir", "fresh", check=True, env=OFF)
    assert differences(root / "site", root / "fresh", skipped=(".factcheck-site",)) == []
    assert fresh.returncode == 0 and not (root / "site" / "pwned.html").exists()
    assert not [p for p in (root / "site").rglob("*") if p.is_symlink()]


def test_a_built_page_edited_by_hand_does_not_survive_the_next_build(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "report")
    run_cli_process("--root", str(root), "build", check=True)
    page = root / "site" / "claims" / "fc-0001" / "index.html"
    with page.open("a", encoding="utf-8") as out:  # in place: through a link, if the kept copy were one
        out.write("<!-- edited by hand -->\n")
    edit(root, "summary", "fc-0002", "a later edit")
    run_cli_process("--root", str(root), "build", check=True)
    assert "edited by hand" not in page.read_text(encoding="utf-8")


def with_override(root: Path, marker: str) -> None:
    """A theme override (custom_dir) that puts ``marker`` into every page."""
    overrides = root / "overrides"
    overrides.mkdir(exist_ok=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}{{ super() }}<meta name="marker" content="'
        + marker
        + '">{% endblock %}\n',
        encoding="utf-8",
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "custom_dir" not in text:
        config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8")


@pytest.mark.parametrize("change", ["override", "environment"])
def test_a_build_after_a_change_beside_the_records_is_the_build_from_nothing(tmp_path: Path, change: str) -> None:
    """What pages are made with besides the records: a theme override's files, mkdocs.yml as !ENV resolves it."""
    root = copy_fixture(tmp_path / "report")
    with_override(root, "first")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'repo_url: "https://github.com/example/factcheck-fixture"',
            "repo_url: !ENV [REPO_URL, 'https://github.com/example/factcheck-fixture']",
        ),
        encoding="utf-8",
    )
    first = {"REPO_URL": "https://github.com/example/first"}
    run_cli_process("--root", str(root), "build", check=True, env=first)
    then = first
    if change == "override":
        with_override(root, "second")
    else:
        then = {"REPO_URL": "https://github.com/example/second"}
    run_cli_process("--root", str(root), "build", check=True, env=then)
    run_cli_process("--root", str(root), "build", "--site-dir", "fresh", check=True, env={**OFF, **then})
    assert differences(root / "site", root / "fresh", skipped=(".factcheck-site",)) == []
    page = (root / "site" / "claims" / "fc-0001" / "index.html").read_text(encoding="utf-8")
    expected, stale = (
        ('content="second"', 'content="first"')
        if change == "override"
        else ("github.com/example/second", "github.com/example/first")
    )
    assert expected in page and stale not in page


def test_an_upgraded_dependency_keys_the_kept_build_anew(tmp_path: Path) -> None:
    """Any installed package may change a page (nh3 cleans the analyses' HTML): its version keys what is kept."""
    from generator.load.record_cache import machine_key, unseal

    root = copy_fixture(tmp_path / "report")
    run_cli_process("--root", str(root), "build", check=True)
    key = machine_key()
    assert key is not None
    state = root / ".cache" / "build" / "state"
    before = unseal(key, state)
    upgraded = tmp_path / "upgraded"
    (upgraded / "nh3-99.0.dist-info").mkdir(parents=True)
    (upgraded / "nh3-99.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: nh3\nVersion: 99.0\n")
    run_cli_process("--root", str(root), "build", check=True, env={"PYTHONPATH": str(upgraded)})
    after = unseal(key, state)
    assert before is not None and after is not None and before["context"] != after["context"]

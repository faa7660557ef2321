"""The preview's MkDocs builds after edits make exactly the site a clean `mkdocs build` makes.

The preview rebuilds with `--dirty`, hands MkDocs only the generated pages that changed when
nothing else did, and writes its data files and search index in the background. After each edit
here, every page, the sitemap and the data files must equal, byte for byte, those of a clean
build of the same records in a process of its own.
"""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from conftest import ENV, copy_fixture
from test_incremental import edit

URL = "http://127.0.0.1:8000/"
SKIPPED = ("pagefind", "search-stale.json", ".factcheck-site")  # the index is compared by the search tests

pytestmark = pytest.mark.slow

EDITS = [
    ("summary", "fc-0001", "a preview edit"),
    ("analysis", "fc-0002", ("fc-0001", "now linked")),
    ("label", "true", "Entirely true"),
    ("add", "fc-9001", "x"),
    ("summary", "fc-9001", "the new claim"),
    ("delete", "fc-9001", "x"),
    ("source", "typography", "A first line"),
    ("reviewers", "fc-0001", "Fixture Desk, second shift"),
    ("team", "fc-0001", "Fixture Desk"),
    ("summary", "fc-0003", "after the team"),
]
# Which rebuilds may hand MkDocs only the changed pages: not those that add or remove a page,
# or change what is put into a hand-written page.
RESTRICTED = [True, True, True, False, True, False, True, True, False, True]


def preview_build(config_file: Path, site: Path, startup: bool) -> None:
    """Build as `mkdocs serve --dirty` does on each change: the plugin is kept, the config read anew."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site), strict=False)
    config.site_url = URL
    if startup:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=URL, dirty=True)


def clean_build(root: Path, out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--no-strict", "--site-dir", str(out)],
        cwd=root,
        env={**ENV, "SITE_URL": URL},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def differences(one: Path, other: Path, skipped: tuple[str, ...] = SKIPPED) -> list[str]:
    """Return the files that differ between two sites, or are in one only (but for those named ``skipped``)."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp, at: str) -> None:
        found.extend(f"{at}{name} (only in the first)" for name in compared.left_only if name not in skipped)
        found.extend(f"{at}{name} (only in the clean build)" for name in compared.right_only if name not in skipped)
        found.extend(f"{at}{name}" for name in compared.diff_files if name not in skipped)
        for name, sub in compared.subdirs.items():
            if name not in skipped:
                walk(sub, f"{at}{name}/")

    walk(filecmp.dircmp(one, other, ignore=[]), "")
    return sorted(found)


def more_edits(root: Path, kind: str, claim: str, value: object) -> None:
    record = root / "claims" / f"{claim}.yml"
    if kind == "reviewers":  # in the page's head (ClaimReview) and on the page
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace('reviewers: ["Fixture Desk"]', f'reviewers: ["{value}"]', 1), "utf-8")
    elif kind == "team":  # put by the generator into a page written by hand
        team = f'members:\n  - name: "{value}"\n    role: "Editors"\n    bio: "The desk of editors."\n'
        (root / "team.yml").write_text(team, encoding="utf-8")
        (root / "standards.yml").write_text("rules:\n  named-review:\n    level: warning\n", encoding="utf-8")
        text = record.read_text(encoding="utf-8")
        record.write_text(re.sub(r'reviewers: \["[^"]*"\]', f'reviewers: ["{value}"]', text, count=1), "utf-8")
    else:
        edit(root, kind, claim, value)


@contextmanager
def watcher(plugin: Any, config: Any, root: Path) -> Iterator[Callable[[], None]]:
    """Watch ``root`` as `mkdocs serve` does (its server's watcher, the plugin's on_serve); yield a function that
    waits until the server has heard of a change, as its rebuild loop does."""
    from mkdocs.livereload import LiveReloadServer

    site = config.site_dir
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=site, polling_interval=0.1)
    server.watch(str(root / "docs"))
    server.watch(str(root / "mkdocs.yml"))
    plugin.on_serve(server, config=config, builder=server.builder)
    server.observer.start()

    def heard() -> None:
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=30), "the watcher saw nothing"
            while server._rebuild_cond.wait(timeout=0.5):  # until the changes stop, as the server waits
                pass
            server._want_rebuild = False

    try:
        yield heard
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


# What the watcher names after each edit: the files the edit changed; None, every file is looked at.
NAMED = [
    {"claims/fc-0001.yml"},
    {"claims/fc-0002.yml"},
    {"ratings.yml"},
    {"claims/fc-9001.yml"},
    {"claims/fc-9001.yml"},
    {"claims/fc-9001.yml"},
    {"seeds/typography.txt", "seeds/typography.yml"},
    {"claims/fc-0001.yml"},
    None,  # team.yml and standards.yml, not there when the watcher started, are now:
    None,  # and so from then on
]


@pytest.mark.parametrize("watched", [False, True], ids=["every file looked at", "told by the watcher"])
def test_the_preview_after_edits_is_the_clean_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched: bool
) -> None:
    """The same with every rebuild looking at every file, or only at those the preview's file watcher names."""
    root = copy_fixture(tmp_path / "report")
    config = root / "mkdocs.yml"  # a preview's address is its site's: the clean build is given the same
    config.write_text(re.sub(r"(?m)^site_url: .*$", f'site_url: "{URL}"', config.read_text("utf-8")), "utf-8")
    (root / "docs" / "team.md").write_text("# Who we are\n\n<!-- factcheck:team -->\n", encoding="utf-8")
    monkeypatch.chdir(root)
    preview = tmp_path / "preview"
    preview.mkdir()
    _plugins().clear()  # a plugin kept by an earlier test in this process
    preview_build(config, preview, startup=True)
    from generator.mkdocs_plugin import FactCheckPlugin

    plugin = next(p for p in _plugins().values() if isinstance(p, FactCheckPlugin))
    assert plugin.session.preview is not None
    restricted, named = [], []
    try:
        with watcher(plugin, _config(config, preview), root) if watched else nullcontext(lambda: None) as heard:
            if watched:  # the first rebuild after the watcher starts looks at every file: what came before went unseen
                preview_build(config, preview, startup=False)
            for step, (kind, claim, value) in enumerate(EDITS):
                more_edits(root, kind, claim, value)
                heard()
                preview_build(config, preview, startup=False)
                restricted.append(plugin.session.preview.restricted)
                told = plugin.session.preview.inputs.changed
                named.append(None if told is None else {p.relative_to(root).as_posix() for p in told})
                assert plugin.session.preview.searching.wait(timeout=120)
                clean = tmp_path / f"clean-{step}"
                clean_build(root, clean)
                assert differences(preview, clean) == [], f"after {kind} {claim}"
                shutil.rmtree(clean)
    finally:
        plugin.on_shutdown()
        _plugins().clear()
    assert restricted == RESTRICTED
    assert named == (NAMED if watched else [None] * len(EDITS))


def _config(config_file: Path, site: Path) -> Any:
    from mkdocs.config import load_config

    return load_config(config_file=str(config_file), site_dir=str(site), strict=False)


def session(root: Path, site: Path) -> object:
    """Start a preview session as `mkdocs serve` does, into the new folder ``site``; return its plugin."""
    from generator.mkdocs_plugin import FactCheckPlugin

    _plugins().clear()
    site.mkdir()
    preview_build(root / "mkdocs.yml", site, startup=True)
    return next(p for p in _plugins().values() if isinstance(p, FactCheckPlugin))


@pytest.mark.parametrize(
    ("tamper", "delete", "restricted"),
    [("", False, True), ("", True, False), ("state", False, False), ("files", False, False)],
    ids=["an edit", "an edit and a deletion", "a state not signed here", "kept files changed"],
)
def test_the_next_session_starts_from_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tamper: str, delete: bool, restricted: bool
) -> None:
    """A session ended keeps its site in .cache/preview/; the next builds only what changed since (MkDocs is given
    only those pages when no page came or went), unless the state it kept was not signed here, or the files it
    kept are not those the state names (a branch may hold .cache/preview/site beside a state signed here)."""
    root = copy_fixture(tmp_path / "report")
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f'site_url: "{URL}"', config.read_text("utf-8")), "utf-8")
    monkeypatch.chdir(root)
    first = session(root, tmp_path / "first")
    first.on_shutdown()  # type: ignore[attr-defined]
    state = root / ".cache" / "preview" / "state"
    assert state.is_file()
    if tamper == "state":
        state.write_bytes(b"0" * 64 + state.read_bytes()[64:])
    if tamper == "files":
        kept = root / ".cache" / "preview" / "site"
        page = kept / "claims" / "fc-0002" / "index.html"
        forged = page.read_bytes().replace(b"<body", b"<body data-forged", 1)
        page.unlink()
        page.write_bytes(forged)
        (kept / "pwned.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
        (kept / "hostname").symlink_to("/etc/hostname")
    edit(root, "summary", "fc-0001", "between two sessions")
    if delete:
        edit(root, "delete", "fc-0003", "x")
    second = session(root, tmp_path / "second")
    try:
        assert second.session.preview.restored is not bool(tamper)  # type: ignore[attr-defined]
        assert second.session.preview.restricted is restricted  # type: ignore[attr-defined]
        assert second.session.preview.searching.wait(timeout=120)  # type: ignore[attr-defined]
        clean_build(root, tmp_path / "clean")
        assert differences(tmp_path / "second", tmp_path / "clean") == []
    finally:
        second.on_shutdown()  # type: ignore[attr-defined]
        _plugins().clear()


def _plugins() -> dict[str, object]:
    """Return the plugins MkDocs keeps across builds in this process, as `mkdocs serve` does."""
    from mkdocs.config.defaults import MkDocsConfig

    return MkDocsConfig.plugins.plugin_cache  # type: ignore[no-any-return]

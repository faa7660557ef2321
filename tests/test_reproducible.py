"""Two builds of the same records are the same, byte for byte, and a deleted claim leaves nothing behind."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, copy_fixture, run_cli, run_cli_process
from html_pages import parse_page

pytestmark = pytest.mark.slow
LAST_CHANGE = "2021-07-01"  # the latest 'updated' of a shown claim in the fixture (fc-0004)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_identical_whatever_the_folder_clock_zone_or_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = copy_fixture(tmp_path / "first" / "report")
    second = copy_fixture(tmp_path / "second" / "elsewhere")
    third = copy_fixture(tmp_path / "third" / "report")
    run_cli("--root", str(first), "build", check=True)
    # Another folder, time zone and locale, in a process of its own: nothing of the machine may show.
    monkeypatch.setitem(ENV, "TZ", "Pacific/Kiritimati")
    monkeypatch.setitem(ENV, "LC_ALL", "C")
    run_cli_process("--root", str(second), "build", check=True)
    # And plain MkDocs, as a contributor previews it.
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=third, env=ENV, check=False)
    assert done.returncode == 0
    built = snapshot(first / "site")
    assert len(built) > 50
    assert snapshot(second / "site") == built
    assert snapshot(third / "site") == built


def test_the_only_dates_are_the_datas(report_dir: Path) -> None:
    run_cli("--root", str(report_dir), "build", check=True)
    site = report_dir / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {LAST_CHANGE}
    # The gzip header's time is the same day, not the time of the build.
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == 1625097600  # 2021-07-01T00:00:00Z
    assert gzip.decompress(raw).decode("utf-8") == sitemap


def test_a_deleted_claim_leaves_no_page_behind(report_dir: Path) -> None:
    run_cli("--root", str(report_dir), "build", check=True)
    assert (report_dir / "site" / "claims" / "fc-0002" / "index.html").is_file()
    (report_dir / "claims" / "fc-0002.yml").unlink()
    run_cli("--root", str(report_dir), "build", check=True)
    site = report_dir / "site"
    assert not (site / "claims" / "fc-0002").exists()
    links = {e.attrs.get("href", "") for page in site.rglob("*.html") for e in parse_page(page).iter()}
    assert not [link for link in links if "fc-0002" in link]


def test_render_removes_the_pages_it_made_and_nothing_else(report_dir: Path) -> None:
    out = report_dir / "build" / "markdown"
    run_cli("render", "--out", "build/markdown", cwd=report_dir, check=True)
    assert (out / "claims" / "fc-0002.md").is_file()
    (out / "claims" / "notes.txt").write_text("an editor's own notes\n", encoding="utf-8")
    (report_dir / "claims" / "fc-0002.yml").unlink()
    result = run_cli("render", "--out", "build/markdown", cwd=report_dir, check=True)
    assert not (out / "claims" / "fc-0002.md").exists()
    assert (out / "claims" / "notes.txt").read_text(encoding="utf-8") == "an editor's own notes\n"
    listed = (out / ".generated-pages").read_text(encoding="utf-8").splitlines()
    assert sorted(p for p in snapshot(out) if p not in (".generated-pages", "claims/notes.txt")) == listed
    assert re.fullmatch(rf"Wrote \d+ of {len(listed)} pages to build/markdown.\n", result.stdout)


def test_render_refuses_a_folder_of_files_it_did_not_write(report_dir: Path) -> None:
    docs = report_dir / "docs"
    before = snapshot(docs)
    result = run_cli("render", "--out", "docs", cwd=report_dir)
    assert result.returncode == 1
    assert result.stderr == (
        "error: docs: the folder holds files the generator did not write, such as .keep; "
        "nothing was written.\n"
        "    Choose an empty or new folder: the generator removes its own old pages there.\n"
    )
    assert snapshot(docs) == before

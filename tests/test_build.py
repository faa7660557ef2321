"""End to end: real MkDocs builds of the fixture and of the real report, and the live preview."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ENV, REPO, run_cli, run_cli_process

pytestmark = pytest.mark.slow


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=False
    )


def test_fixture_builds_strict_with_a_page_per_claim_and_source(report_dir: Path) -> None:
    result = mkdocs("build", "--strict", cwd=report_dir)
    assert result.returncode == 0, result.stderr
    site = report_dir / "site"
    for claim_id in ("fc-0001", "fc-0002", "fc-0003", "fc-0004"):
        assert (site / "claims" / claim_id / "index.html").is_file()
    assert not (site / "claims" / "fc-0005").exists()  # a draft
    for source_id in ("typography", "comments"):
        assert (site / "sources" / source_id / "index.html").is_file()
    html = (site / "claims" / "fc-0004" / "index.html").read_text(encoding="utf-8")
    assert "Withdrawn on 1 July 2021" in html and "Published twice by mistake" in html


def test_source_page_shows_the_sources_characters_not_the_editors_typing(report_dir: Path) -> None:
    assert mkdocs("build", "--strict", cwd=report_dir).returncode == 0
    html = (report_dir / "site" / "sources" / "typography" / "index.html").read_text(encoding="utf-8")
    claim = (report_dir / "site" / "claims" / "fc-0001" / "index.html").read_text(encoding="utf-8")
    # fc-0001 types straight quotes, a hyphen and '...'; pages show the curly quotes, dash and ellipsis
    assert "Minister’s “drills” — held near Durrës… were “defensive in nature.”" in claim
    assert re.search(
        r'<span class="fc-anchor" id="p-0-67"></span><mark class="fc-mark fc-mark--claim fc-v-true">'
        r"Minister’s “drills” — held near Durrës… were “defensive in nature.”</mark>",
        html,
    )
    assert 'href="../../claims/fc-0001/"' in html
    assert "28,000\xa0soldiers" in html  # the no-break space itself is kept


def test_real_report_builds_into_site_with_every_claim(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    claims = sorted(p.stem for p in (REPO / "claims").glob("*.yml"))
    built = sorted(p.parent.name for p in (out / "claims").glob("*/index.html") if p.parent.name.startswith("fc-"))
    assert built == claims
    assert sorted(p.name for p in (out / "sources").iterdir() if p.is_dir()) == [
        "southfront-kosovo-exercise",
        "the-hill-balkan-drills",
    ]
    assert re.fullmatch(r"Built site/: \d+ HTML pages from \d+ claims and 2 sources.\n", result.stdout)


def test_failed_check_leaves_the_previous_site_untouched(report_dir: Path) -> None:
    assert run_cli("--root", str(report_dir), "build").returncode == 0
    before = {p: p.read_bytes() for p in (report_dir / "site").rglob("*") if p.is_file()}
    claim = report_dir / "claims" / "fc-0002.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace('verdict: "false"', "verdict: fals"), encoding="utf-8")
    result = run_cli("--root", str(report_dir), "build")
    assert result.returncode == 1
    assert result.stderr.startswith("claims/fc-0002.yml:11:10: unknown verdict 'fals'\n")
    assert "The site was not built; the previous one, if any, is unchanged." in result.stderr
    assert {p: p.read_bytes() for p in (report_dir / "site").rglob("*") if p.is_file()} == before
    # plain `mkdocs build` stops before it empties site/ as well
    assert mkdocs("build", cwd=report_dir).returncode == 1
    assert {p: p.read_bytes() for p in (report_dir / "site").rglob("*") if p.is_file()} == before


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_live_preview_rebuilds_when_a_claim_changes(report_dir: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=report_dir,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/report/claims/fc-0002/"  # site_url has the path /report/
    try:
        assert wait_for(lambda: "The exercise is held every year." in fetch(url))
        claim = report_dir / "claims" / "fc-0002.yml"
        claim.write_text(
            claim.read_text(encoding="utf-8").replace(
                "It is held every two years, not each year.", "Held every second year, not yearly."
            ),
            encoding="utf-8",
        )
        assert wait_for(lambda: "Held every second year, not yearly." in fetch(url))
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_plugin_can_also_write_the_generated_markdown_for_another_engine(report_dir: Path) -> None:
    config = report_dir / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - factcheck\n", "  - factcheck:\n      write_markdown: build/markdown\n"
        ),
        encoding="utf-8",
    )
    assert mkdocs("build", "--strict", cwd=report_dir).returncode == 0
    written = report_dir / "build" / "markdown"
    assert (
        (written / "claims" / "fc-0001.md")
        .read_text(encoding="utf-8")
        .startswith('---\ntitle: "The minister said the drills were defensive in nature."\n')
    )
    assert (written / "sources" / "typography.md").is_file()


def test_edit_links_follow_the_configured_branch(report_dir: Path) -> None:
    config = report_dir / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - factcheck\n", "  - factcheck:\n      branch: trunk\n"),
        encoding="utf-8",
    )
    assert mkdocs("build", "--strict", cwd=report_dir).returncode == 0
    html = (report_dir / "site" / "claims" / "fc-0001" / "index.html").read_text(encoding="utf-8")
    edit = "https://github.com/example/factcheck-fixture/edit/trunk/claims/fc-0001.yml"
    assert f'class="fc-edit" href="{edit}"' in html
    assert "/edit/main/" not in html


def test_a_python_file_of_the_report_never_stands_in_for_pagefind(report_dir: Path) -> None:
    """`python -m pagefind` would import a pagefind.py from the folder it runs in: a pull request could add one."""
    marker = report_dir.parent / "ran"
    (report_dir / "pagefind.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n", encoding="utf-8")
    run_cli_process("build", cwd=report_dir, check=True)
    assert not marker.exists()
    assert (report_dir / "site" / "pagefind" / "pagefind-entry.json").is_file()

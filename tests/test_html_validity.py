"""Every page the generator writes is valid HTML, as the W3C's Nu HTML Checker (vnu) reads it.

The checker runs over the whole built report; an error in markup of the generator's own fails the
test. Material's templates hold a few errors of their own, listed below by what the checker says
and the markup it quotes, so that any other error, ours, is seen.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, run_cli

pytestmark = pytest.mark.slow

VNU = REPO / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's own (mkdocs-material 9.7): (the start of the checker's message, a part of the markup it quotes).
MATERIAL = [
    # base.html and search.html: the drawer's and the search's toggles are checkboxes with autocomplete="off".
    ("Attribute “autocomplete” is only allowed when the input type is", 'type="checkbox" id="__drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'type="checkbox" id="__search"'),
    # toc.html: the table of contents' title is a label for a toggle that is hidden on wide screens.
    ("The value of the “for” attribute of the “label” element must be the ID", 'for="__toc"'),
    # nav-item.html: a section's label has tabindex="" when it is not focusable.
    ("Bad value “” for attribute “tabindex” on element “label”", 'tabindex=""'),
]


def material_s_own(message: dict[str, str]) -> bool:
    return any(
        message["message"].startswith(said) and markup in message.get("extract", "") for said, markup in MATERIAL
    )


@pytest.fixture(scope="module")
def report_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("java") is None or not VNU.is_file():
        pytest.skip("the Nu HTML Checker needs java and tests/browser's vnu-jar (make test installs both)")
    site = tmp_path_factory.mktemp("valid") / "site"
    run_cli("build", "--site-dir", str(site), check=True)
    return site


def checked(site: Path) -> list[dict[str, str]]:
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    return list(json.loads(done.stderr)["messages"])


def test_every_page_of_the_report_is_valid_html_but_for_material_s_own_errors(report_site: Path) -> None:
    messages = checked(report_site)
    pages = sorted(report_site.rglob("*.html"))
    assert len(pages) > 70
    ours = [
        f"{m['url'].removeprefix('file:' + str(report_site))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not material_s_own(m)
    ]
    assert ours == []


def test_the_checker_finds_an_error_of_ours(report_site: Path, tmp_path: Path) -> None:
    """A caption between a figure's other children, as the evidence was written before: the test can fail."""
    page = tmp_path / "site" / "claim.html"
    page.parent.mkdir()
    page.write_text(
        "<!doctype html><html lang=en><title>t</title><figure><p>a</p><figcaption>b</figcaption><p>c</p></figure>",
        encoding="utf-8",
    )
    errors = [m for m in checked(page.parent) if m["type"] == "error" and not material_s_own(m)]
    assert [m["message"][:52] for m in errors] == ["Element “p” not allowed as child of element “figure”"]

"""Invisible characters in a source text are shown where they stand; a direction override reorders nothing."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import copy_fixture

from generator.pipeline import load_report
from generator.render.pages import render_pages
from generator.settings import Layout, Site


def test_a_source_page_marks_each_invisible_character_in_its_place(tmp_path: Path) -> None:
    report = copy_fixture(tmp_path / "report")
    text = report / "seeds" / "comments.txt"
    raw = text.read_bytes().replace(b"Comment one", "Comment \u202eone\u202c, \u200bzero".encode())
    text.write_bytes(raw)
    meta = report / "seeds" / "comments.yml"
    meta.write_text(
        re.sub(r"sha256: \w+", f"sha256: {hashlib.sha256(raw).hexdigest()}", meta.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    page = render_pages(load_report(Layout(report)), Site())["sources/comments.md"]
    assert not re.search("[\u202e\u202c\u200b]", page)
    assert (
        'Comment <span class="fc-invisible" title="An invisible character of the text: '
        'U+202E (RIGHT-TO-LEFT OVERRIDE)">U+202E</span>one<span class="fc-invisible" '
        'title="An invisible character of the text: U+202C (POP DIRECTIONAL FORMATTING)">U+202C</span>, '
        '<span class="fc-invisible" title="An invisible character of the text: U+200B (ZERO WIDTH SPACE)">'
        "U+200B</span>zero"
    ) in page

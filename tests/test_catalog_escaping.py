"""A catalog is text, never trusted HTML: a translated message shows its words, and only the tags its msgid holds.

A pull request may change any catalog's msgstr, and every claim page shows its messages.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_fixture

import generator.i18n as i18n
from generator.pipeline import render_report
from generator.settings import Layout

HOSTILE = {
    "Evidence": "<img src=x onerror=alert(1)>Preuves",
    "Verdict": "Verdict<img src=x onerror=alert(2)",  # a tag left open: the browser reads it to the next '>'
    'Claims in <a href="%(url)s">%(title)s</a>': 'Claims in <a href="%(url)s" onmouseover=alert(3)>%(title)s</a>',
}


def plant(po: Path, planted: dict[str, str]) -> None:
    text = po.read_text(encoding="utf-8")
    for msgid, msgstr in planted.items():
        quoted = msgid.replace('"', '\\"')
        head = f'msgid "{quoted}"\nmsgstr "'
        start = text.index(head) + len(head)
        end = text.index('"\n', start)
        text = text[:start] + msgstr.replace('"', '\\"') + text[end:]
    po.write_text(text, encoding="utf-8")


@pytest.fixture
def hostile_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    for catalog in ("en", "fr"):
        plant(locale / catalog / "LC_MESSAGES" / "messages.po", HOSTILE)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    i18n._translations.cache_clear()
    i18n.Interface.for_language.cache_clear()
    yield locale
    i18n._translations.cache_clear()
    i18n.Interface.for_language.cache_clear()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_hostile_message_is_shown_as_text_on_every_page(
    hostile_catalogs: Path, tmp_path: Path, language: str
) -> None:
    from generator.render import pages

    pages.environment.cache_clear()
    root = copy_fixture(tmp_path / "report")
    settings = root / "report.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: en", f"language: {language}"), "utf-8")
    try:
        rendered = render_report(Layout(root))
    finally:
        pages.environment.cache_clear()
    claim = rendered["claims/fc-0001.md"]
    assert "&lt;img src=x onerror=alert(1)&gt;Preuves" in claim
    every = "".join(rendered.values())
    for planted in ("<img", "onmouseover=alert(3)>"):
        assert planted not in every
    assert "onmouseover=alert(3)&gt;" in rendered["index.md"]
    assert "<cite>" in claim  # another message's own tags come back

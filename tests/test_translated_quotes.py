"""A quote keeps its source's language on the page, with the editor's translation beside it.

The original is marked with the language its seeds/<id>.yml names (lang="" where that is not
known), the translation with the report's; a quote in the report's own language is left as it
was, and a source of unknown language passes the check and says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

from generator.pipeline import load_report
from generator.render.pages import render_pages
from generator.settings import Layout, Site

SITE = Site(site_url="https://factcheck.example.org/report/", repo_url="https://github.com/example/factcheck-fixture")


def quotes_of(page: str) -> list[str]:
    """The opening tags of the quotes and translations of a claim page, in order."""
    return re.findall(r'<blockquote class="fc-quote"[^>]*>|<div class="fc-translation"[^>]*>', page)


def pages_of(report: Path) -> dict[str, str]:
    return render_pages(load_report(Layout(report)), SITE)


def test_the_original_has_its_sources_language_and_the_translation_the_reports(report_dir: Path) -> None:
    page = pages_of(report_dir)["claims/fc-translated.md"]
    assert quotes_of(page) == [
        '<blockquote class="fc-quote" lang="fr" dir="auto">',
        '<div class="fc-translation" lang="en">',
        '<blockquote class="fc-quote" lang="fr" dir="auto">',
        '<div class="fc-translation" lang="en">',
    ]
    assert page.count('<p class="fc-translation-by">Editor&#39;s translation by M. Dupont</p>') == 2


def test_a_quote_in_the_reports_language_keeps_its_plain_quote(report_dir: Path) -> None:
    assert quotes_of(pages_of(report_dir)["claims/fc-0002.md"]) == ['<blockquote class="fc-quote">'] * 2


def test_a_quote_from_another_language_without_a_translation_is_marked_with_that_language(report_dir: Path) -> None:
    record = report_dir / "claims" / "fc-translated.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"\n    translation:\n(      .*\n){2}", "\n", text, count=1), encoding="utf-8")
    page = pages_of(report_dir)["claims/fc-translated.md"]
    assert quotes_of(page) == [
        '<blockquote class="fc-quote" lang="fr" dir="auto">',
        '<div class="fc-translation" lang="en">',
        '<blockquote class="fc-quote" lang="fr" dir="auto">',
    ]


def test_a_source_of_unknown_language_is_checked_and_shown_as_not_known(report_dir: Path) -> None:
    meta = report_dir / "seeds" / "communique.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("language: fr\n", "language: null\n"), encoding="utf-8")
    result = run_cli("--root", str(report_dir), "check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "OK: 6 claims, 3 sources, 8 verdicts.\n", "")
    pages = pages_of(report_dir)
    assert quotes_of(pages["claims/fc-translated.md"])[:2] == [
        '<blockquote class="fc-quote" lang="" dir="auto">',
        '<div class="fc-translation" lang="en">',
    ]
    source = pages["sources/communique.md"]
    assert "<dt>Language</dt><dd>Not known</dd>" in source
    assert '<section class="fc-part fc-part--article" lang="">' in source

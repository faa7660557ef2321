"""Arbitrary text in any field never becomes an element or an attribute of the site's pages.

Each field of the fixture report is given a value drawn from markup, Markdown and template
syntax, line breaks and arbitrary characters (those the loader accepts), and the pages are
rendered through the real path (render_pages) and converted as MkDocs converts them: front
matter read by MkDocs, the body by Python-Markdown with the report's own extensions, the
title and description printed raw into the head, as Material prints them. Every page must
then carry the same elements with the same attributes, in the same order, as when the field
holds plain words; and its Markdown the same blank lines, so that no value can end an HTML
block for another engine either. The analysis, which is Markdown, may add only what its
allow-list lets through, with no address but http(s) or a plain relative one.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import markdown
import pytest
from conftest import FIXTURE, REPO
from html_safety import analysis_markup, element_sequence, unsafe_urls
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator import chars
from generator.load.yaml_source import parse_yaml
from generator.model import Report, Scale
from generator.pipeline import load_report
from generator.render import pages as page_module
from generator.render.pages import render_pages
from generator.render.rich_text import ATTRIBUTES, TAGS
from generator.settings import Layout, Site

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)
SITE = Site(site_url="https://factcheck.example.org/report/", repo_url="https://github.com/example/factcheck-fixture")
REPORT = load_report(Layout(FIXTURE))
CONFIG = load_config(str(REPO / "mkdocs.yml"))
MARK = "Plainwords"
# Refused by the loader: what hides or reorders text, and the two non-characters.
INVISIBLE = "".join(chr(c) for c in range(0x10000) if chars.INVISIBLE.match(chr(c))) + "\ufffe\uffff"
ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=INVISIBLE) | st.sampled_from("\t\n\r")
SNIPPETS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"',
    "'",
    '" onmouseover="alert(1)" x="',
    "</p>",
    "</div></section></dl>",
    "<!--",
    "-->",
    "]]>",
    "&",
    "&amp;",
    "&#x3C;",
    "&lt;b&gt;",
    "[x](javascript:alert(1))",
    "![x](data:text/html,x)",
    "<https://evil.example>",
    "<javascript:alert(1)>",
    "{{ 7*7 }}",
    "{% raw %}",
    "{#",
    "#}",
    "{##",
    "{: onclick=x }",
    "{#id .cls}",
    "\n\n",
    "\n",
    "\r\n",
    "\t",
    "    ",
    "# ",
    "- ",
    "1. ",
    "> ",
    "---",
    "...",
    "```",
    "`",
    "*",
    "_",
    "|",
    "\\",
    "<?php echo 1; ?>",
    "<![CDATA[x]]>",
    "\u2028",
    "\u00a0",
    "…",
    "“",
    "title: x",
    ": ",
    "javascript:",
    "data:",
    "<",
    ">",
    "<svg onload=alert(1)>",
    "</script>",
    "<a href='//evil.example'>",
    '--8<-- "mkdocs.yml"',
    "!!! danger",
    "[^1]",
    "*[HTML]: x",
    "\u200c",  # a joiner some scripts need; the zero-width space and U+FEFF are refused (tests/hostile)
]
TEXT = (
    st.lists(st.sampled_from(SNIPPETS) | st.text(alphabet=ALPHABET, max_size=6), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda value: value.strip())
)


MARKDOWN = st.lists(
    st.sampled_from(
        SNIPPETS
        + [
            "[a](https://example.org/x)",
            "[b](../fc-0002/)",
            "[c](#evidence)",
            "[d](//evil.example)",
            "[e](/x)",
            "[f][1]",
            "\n\n[1]: javascript:alert(1)\n",
            "| a | b |\n| - | - |\n| <b>x</b> | y |\n",
            "*em* **strong**",
            "\n\n    code <b>\n\n",
            "<div onclick=x>\n\n*md*\n\n</div>",
            "<details open ontoggle=alert(1)>",
            "~~del~~",
        ]
    )
    | st.text(alphabet=ALPHABET, max_size=6),
    min_size=1,
    max_size=10,
).map("".join)


@pytest.fixture(scope="module", autouse=True)
def one_environment() -> Iterator[None]:
    # The templates compile once, not on every one of the thousands of renders below.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(page_module, "environment", cache(page_module.environment))
        yield


def claim(report: Report, claim_id: str) -> Any:
    return next(c for c in report.claims if c.id == claim_id)


def set_evidence(report: Report, claim_id: str, index: int, **change: Any) -> None:
    item = claim(report, claim_id).evidence
    item[index] = dataclasses.replace(item[index], **change)


def set_translation(report: Report, claim_id: str, evidence: int | None = None, **change: str) -> None:
    """Change the editor's translation of the claim's passage, or of an evidence passage."""
    record = claim(report, claim_id)
    if evidence is None:
        record.passage = dataclasses.replace(
            record.passage, translation=dataclasses.replace(record.passage.translation, **change)
        )
        return
    passage = record.evidence[evidence].passage
    new = dataclasses.replace(passage, translation=dataclasses.replace(passage.translation, **change))
    set_evidence(report, claim_id, evidence, passage=new)


def set_verdict(report: Report, verdict_id: str, **change: str) -> None:
    new = dataclasses.replace(report.scale.get(verdict_id), **change)
    report.scale = Scale(tuple(new if v.id == verdict_id else v for v in report.scale.verdicts))
    for item in report.claims:
        if item.verdict.id == verdict_id:
            item.verdict = new


SETTERS: dict[str, Callable[[Report, str], None]] = {
    "claim": lambda r, v: setattr(claim(r, "fc-0001"), "claim", v),
    "claimant": lambda r, v: setattr(claim(r, "fc-0001"), "claimant", v),
    "claim_date_note": lambda r, v: setattr(claim(r, "fc-0002"), "claim_date_note", v),
    "summary": lambda r, v: setattr(claim(r, "fc-0001"), "summary", v),
    "reviewers": lambda r, v: setattr(claim(r, "fc-0001"), "reviewers", [v, "Fixture Desk"]),
    "evidence.note": lambda r, v: set_evidence(r, "fc-0001", 0, note=v),
    "evidence.publisher": lambda r, v: set_evidence(r, "fc-0001", 1, publisher=v),
    "evidence.title": lambda r, v: set_evidence(r, "fc-0001", 1, title=v),
    "evidence.quote": lambda r, v: set_evidence(r, "fc-0001", 1, quote=v),
    "evidence.date_note": lambda r, v: set_evidence(r, "fc-0001", 1, date_note=v),
    "evidence.url_note": lambda r, v: set_evidence(r, "fc-0001", 1, url_note=v),
    "evidence.title_note": lambda r, v: set_evidence(r, "fc-0001", 1, title_note=v),
    "passage.translation.text": lambda r, v: set_translation(r, "fc-translated", text=v),
    "passage.translation.by": lambda r, v: set_translation(r, "fc-translated", by=v),
    "evidence.translation.text": lambda r, v: set_translation(r, "fc-translated", 0, text=v),
    "evidence.translation.by": lambda r, v: set_translation(r, "fc-translated", 0, by=v),
    "corrections.note": lambda r, v: claim(r, "fc-0001").corrections[0].update(note=v),
    "withdrawn.reason": lambda r, v: claim(r, "fc-0004").withdrawn.update(reason=v),
    "source.title": lambda r, v: r.sources["typography"].meta.update(title=v),
    "source.publisher": lambda r, v: r.sources["typography"].meta.update(publisher=v),
    "source.author": lambda r, v: r.sources["typography"].meta.update(author=v),
    "source.author_description": lambda r, v: r.sources["typography"].meta.update(author_description=v),
    "source.notes": lambda r, v: r.sources["typography"].meta.update(notes=v),
    "source.published_note": lambda r, v: r.sources["comments"].meta.update(published_note=v),
    "source.addresses.note": lambda r, v: r.sources["comments"].meta["addresses"][0].update(note=v),
    "report.title": lambda r, v: r.settings.update(title=v),
    "report.description": lambda r, v: r.settings.update(description=v),
    "verdict.label": lambda r, v: set_verdict(r, "true", label=v),
    "verdict.definition": lambda r, v: set_verdict(r, "false", definition=v),
}


def pages_with(field: str, value: str) -> dict[str, str]:
    report = copy.deepcopy(REPORT)
    SETTERS[field](report, value)
    return render_pages(report, SITE)


def to_html(page: str) -> str:
    """Convert a generated page as MkDocs does, with its title and description in a head, as Material prints them."""
    body, meta = get_data(page)
    html = markdown.Markdown(extensions=CONFIG["markdown_extensions"], extension_configs=CONFIG["mdx_configs"])
    head = f'<title>{meta.get("title", "")}</title><meta name="description" content="{meta.get("description", "")}">'
    return head + html.convert(body) + f"<!-- {sorted(meta)} -->"


def shape(page: str) -> list[bool]:
    """Which lines of a page's Markdown are blank: where a Markdown engine may end an HTML block."""
    return [bool(line.strip()) for line in page.splitlines()]


@cache
def plain(field: str) -> dict[str, tuple[list[Any], list[bool]]]:
    """The pages that show ``field``, as their elements and line shape when it holds plain words."""
    pages = pages_with(field, MARK)
    return {path: (element_sequence(to_html(md)), shape(md)) for path, md in pages.items() if MARK in md}


def test_every_field_is_shown_somewhere() -> None:
    for field in SETTERS:
        assert plain(field), field


@PROPERTY
@given(TEXT | MARKDOWN)
def test_the_values_drawn_are_ones_the_loader_accepts(value: str) -> None:
    doc, problem = parse_yaml(f"claim: {json.dumps(value, ensure_ascii=False)}\n", "x.yml")
    assert problem is None and doc is not None
    # YAML 1.1 reads U+2028 and U+2029 as line breaks, folding the spaces around them: only the
    # spacing changes, which every page collapses anyway.
    assert doc.data["claim"].split() == value.split()


@PROPERTY
@given(st.sampled_from(sorted(SETTERS)), TEXT)
def test_any_text_in_any_field_adds_no_element_or_attribute(field: str, value: str) -> None:
    pages = pages_with(field, value)
    for path, (elements, lines) in plain(field).items():
        html = to_html(pages[path])
        assert element_sequence(html) == elements, (path, value)
        assert shape(pages[path]) == lines, (path, value)
        assert unsafe_urls(html) == [], (path, value)


def analysis_page(text: str) -> str:
    report = copy.deepcopy(REPORT)
    claim(report, "fc-0001").analysis = text
    return to_html(render_pages(report, SITE)["claims/fc-0001.md"])


@PROPERTY
@given(MARKDOWN)
def test_any_markdown_in_the_analysis_adds_only_allowed_markup(text: str) -> None:
    html = analysis_page(text)
    allowed = {(tag, "") for tag in TAGS} | {(tag, a) for tag, attrs in ATTRIBUTES.items() for a in attrs}
    assert analysis_markup(html) <= allowed | {("a", "rel")}, text
    assert unsafe_urls(html) == [], text
    plain = element_sequence(analysis_page(MARK), skip_class="fc-analysis")
    assert element_sequence(html, skip_class="fc-analysis") == plain

"""Every reader page of a report is wholly in its language: our messages, Material's own words, the 404 page.

The seed report's sources and claims are built into a desk's report started in each interface
language, and every page a reader reaches is searched for an English word of the interface: one
of our catalog's messages, one of Material's, or the credit and titles Material writes in English.
The format reference is for editors (linked from the contributing page, not in the navigation).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import material
import pytest
from babel.messages.pofile import read_po
from desks import start_desk
from html_pages import Element, parse_page

from generator.i18n import LOCALE_DIR, Interface, shipped_tags

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
_ENTRY = re.compile(r'^\s*"([a-z.]+)": "(.*)",?$', re.M)
# Where English may stand on any page: names, and what the desk writes itself (TODO lines of init).
ALLOWED = {"Material for MkDocs", "Pagefind", "Atom", "JSON", "CSV", "SHA-256"}
# Written in English by Material whatever its language, or by Python-Markdown.
ALWAYS_ENGLISH = ("Made with", "Permanent link", "404 - Not found")
EDITORS_ONLY = ("reference/",)  # the format reference, for editors


def _material(language: str) -> dict[str, str]:
    path = MATERIAL_LANGUAGES / f"{language}.html"
    return dict(_ENTRY.findall(path.read_text(encoding="utf-8"))) if path.exists() else {}


@cache
def english_words(language: str) -> frozenset[str]:
    """The interface's English texts that ``language`` says otherwise: whole texts a page may show."""
    catalog = Interface.for_language(language).catalog
    with (LOCALE_DIR / catalog / "LC_MESSAGES" / "messages.po").open("rb") as po:
        messages = read_po(po)
    words = {
        m.id
        for m in messages
        if isinstance(m.id, str) and m.id and m.string and m.string != m.id and not re.search(r"%\(|\{|<", m.id)
    }
    theme = _material("sr" if language == "sr-Latn" else language)  # sr-Latn: ours over Material's sr
    ours = Path(__file__).resolve().parent.parent / "generator" / "theme" / "partials" / "languages"
    if (ours / f"{language}.html").exists():
        theme |= dict(_ENTRY.findall((ours / f"{language}.html").read_text(encoding="utf-8")))
    words |= {text for key, text in _material("en").items() if theme.get(key, text) != text or key not in theme}
    words = {" ".join(w.split()) for w in words}
    return frozenset(w for w in words if len(w) > 2 and w not in ALLOWED and not w.startswith("TODO"))


def _texts(element: Element) -> list[str]:
    """The texts a reader sees or hears: text nodes, and the titles, labels and placeholders of elements."""
    found: list[str] = []
    if element.tag in ("script", "style", "code", "pre"):  # code is quoted as it is typed, in no language
        return found
    for name in ("title", "aria-label", "placeholder", "alt"):
        if element.attrs.get(name):
            found.append(element.attrs[name])
    for child in element.children:
        found.extend(_texts(child) if isinstance(child, Element) else [child])
    return [" ".join(t.split()) for t in found if t.strip()]


@pytest.fixture(scope="module", params=[t for t in shipped_tags() if t != "en"])
def desk_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    language = request.param
    return language, start_desk(tmp_path_factory.mktemp(f"desk-{language}") / "report", language)


@pytest.mark.slow
def test_no_reader_page_shows_an_english_word_of_the_interface(desk_site: tuple[str, Path]) -> None:
    language, site = desk_site
    english = english_words(language)
    found: dict[str, set[str]] = {}
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(EDITORS_ONLY)]
    assert len(pages) > 50
    for page in pages:
        for text in _texts(parse_page(page)):
            if text in english or any(phrase in text for phrase in ALWAYS_ENGLISH):
                found.setdefault(text, set()).add(page.relative_to(site).as_posix())
    assert {text: sorted(where)[:3] for text, where in found.items()} == {}


@pytest.mark.slow
def test_the_404_page_and_the_permalinks_speak_the_reports_language(desk_site: tuple[str, Path]) -> None:
    language, site = desk_site
    ui = Interface.for_language(language)
    missing = parse_page(site / "404.html")
    assert ui.gettext("Page not found") in _texts(missing)
    methodology = (site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert f'title="{ui.gettext("Permanent link")}"' in methodology
    assert ui.gettext("Made with {name}").partition("{name}")[0] in methodology


def test_the_format_reference_is_not_in_the_readers_navigation() -> None:
    scaffold = Path(__file__).resolve().parent.parent / "generator" / "scaffold" / "mkdocs.yml.j2"
    seed = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    for settings in (scaffold, seed):
        nav = settings.read_text(encoding="utf-8").split("\nnav:\n")[1].split("\n\n")[0]
        assert "reference/format.md" not in nav

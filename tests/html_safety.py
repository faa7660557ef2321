"""What markup a page carries, apart from its words: to prove that data never becomes markup."""

from __future__ import annotations

from urllib.parse import urlsplit

from html_pages import parse_html

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background"}
SAFE_SCHEMES = {"", "http", "https"}


def page_structure(html: str) -> set[tuple[str, str]]:
    """Return every (tag, "") and (tag, attribute name) in ``html``: its markup without its text."""
    found: set[tuple[str, str]] = set()
    for element in parse_html(html).iter():
        if element.tag != "#document":
            found.add((element.tag, ""))
            found.update((element.tag, name) for name in element.attrs)
    return found


def element_sequence(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Return the tags of ``html`` in order, each with its attribute names."""
    return [(e.tag, tuple(sorted(e.attrs))) for e in parse_html(html).iter() if e.tag != "#document"]


def unsafe_urls(html: str) -> list[tuple[str, str, str]]:
    """Return (tag, attribute, value) for every address in ``html`` with a scheme other than http(s)."""
    unsafe = []
    for element in parse_html(html).iter():
        for name, value in element.attrs.items():
            if name in URL_ATTRIBUTES or name.startswith("on"):
                scheme = urlsplit(value.strip().replace("\t", "").replace("\n", "")).scheme.lower()
                if name.startswith("on") or scheme not in SAFE_SCHEMES:
                    unsafe.append((element.tag, name, value))
    return unsafe


def analysis_markup(html: str) -> set[tuple[str, str]]:
    """Return the (tag, attribute) pairs inside the page's analysis, which come from an editor's Markdown."""
    found: set[tuple[str, str]] = set()
    for element in parse_html(html).iter():
        if "fc-analysis" in element.classes:
            for inner in list(element.iter())[1:]:
                found.add((inner.tag, ""))
                found.update((inner.tag, name) for name in inner.attrs)
    return found

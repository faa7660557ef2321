"""What markup a page carries, apart from its words: to prove that data never becomes markup."""

from __future__ import annotations

from urllib.parse import urlsplit

from html_pages import Element, parse_html

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


def element_sequence(html: str, skip_class: str = "") -> list[tuple[str, tuple[str, ...]]]:
    """Return the tags of ``html`` in order, each with its attribute names (not inside ``skip_class``)."""
    found: list[tuple[str, tuple[str, ...]]] = []

    def walk(element: Element) -> None:
        found.append((element.tag, tuple(sorted(element.attrs))))
        if not (skip_class and skip_class in element.classes):
            for child in element.children:
                if isinstance(child, Element):
                    walk(child)

    walk(parse_html(html))
    return found[1:]


def unsafe_urls(html: str) -> list[tuple[str, str, str]]:
    """Return (tag, attribute, value) for every event handler, and every address that is neither
    http(s) nor on this site (another scheme, or another host through '//' or a backslash)."""
    unsafe = []
    for element in parse_html(html).iter():
        for name, value in element.attrs.items():
            if name in URL_ATTRIBUTES or name.startswith("on"):
                address = "".join(value.split())
                scheme = urlsplit(address).scheme.lower()
                other_host = not scheme and (address.startswith("//") or "\\" in address)
                if name.startswith("on") or scheme not in SAFE_SCHEMES or other_host:
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

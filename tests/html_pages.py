"""Read built HTML pages as small element trees, to check what a reader's browser would get."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    """One element: its tag, attributes, and children (elements and strings) in order."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """Yield this element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str = "", cls: str = "") -> list[Element]:
        return [e for e in self.iter() if (not tag or e.tag == tag) and (not cls or cls in e.classes)]

    def find(self, tag: str = "", cls: str = "") -> Element:
        found = self.find_all(tag, cls)
        if not found:
            raise AssertionError(f"no <{tag or '*'} class={cls!r}> in <{self.tag} {self.attrs}>")
        return found[0]

    def text(self) -> str:
        """Return the element's text with runs of white space made single spaces."""
        return " ".join(self.raw_text().split())

    def raw_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.raw_text() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_page(path: Path) -> Element:
    """Parse one HTML file into an element tree."""
    return parse_html(path.read_text(encoding="utf-8"))


def parse_html(html: str) -> Element:
    """Parse HTML text into an element tree."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def page_path(url_path: str) -> str:
    """Return the file a directory URL is served from: claims/x/ -> claims/x/index.html."""
    return url_path + "index.html" if url_path.endswith("/") or not url_path else url_path


def resolve(page: str, href: str) -> tuple[str, str]:
    """Resolve ``href`` found in the page file ``page`` to (file under the site, fragment)."""
    parts = urlsplit(href)
    target = unquote(parts.path)
    if not target:
        return page, parts.fragment
    if target.startswith("/"):
        joined = posixpath.normpath(target).lstrip("/")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), target)).removeprefix(".")
    if target.endswith("/") and joined:
        joined += "/"
    return page_path(joined), parts.fragment

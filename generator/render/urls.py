"""Where each generated page lives, and relative links between pages (directory URLs)."""

from __future__ import annotations

import posixpath

from generator.names import tag_slug

PER_PAGE = 50


def claim_page(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def translated_claim_page(language: str, claim_id: str) -> str:
    return f"{language}/claims/{claim_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def verdict_page(verdict_id: str, page: int = 1) -> str:
    return f"verdicts/{verdict_id}.md" if page == 1 else f"verdicts/{verdict_id}/page-{page}.md"


def tag_page(tag: str, page: int = 1, language: str = "") -> str:
    """Return a tag's page; ``language``, the report's, says how its letters are written in ASCII."""
    name = tag_slug(tag, language)
    return f"tags/{name}.md" if page == 1 else f"tags/{name}/page-{page}.md"


def claims_index(page: int = 1) -> str:
    return "claims/index.md" if page == 1 else f"claims/page-{page}.md"


def built_file(path: str) -> str:
    """Return the file an engine writes for the Markdown file ``path``: claims/x.md -> claims/x/index.html."""
    return url_of(path) + "index.html"


def url_of(path: str) -> str:
    """Return the directory URL MkDocs gives a Markdown file: claims/x.md -> claims/x/."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def link(from_path: str, to_path: str, fragment: str = "") -> str:
    """Return the relative URL from one generated page to another (or to an asset)."""
    here = url_of(from_path)
    there = url_of(to_path) if to_path.endswith(".md") else to_path
    rel = _relpath(there, here)
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def _relpath(there: str, here: str) -> str:
    """Return posixpath.relpath('/' + there, '/' + here), without its cost on plain paths (a listing has thousands).

    >>> [_relpath(a, b) for a, b in [("claims/x/", "claims/y/"), ("", "tags/t/page-2/"), ("a.css", ""), ("c/", "c/")]]
    ['../x', '../../..', 'a.css', '.']
    """
    target, start = there.split("/"), here.split("/")
    if ".." in target or ".." in start:
        return posixpath.relpath("/" + there, "/" + here)
    target = [part for part in target if part and part != "."]
    start = [part for part in start if part and part != "."]
    common = 0
    for a, b in zip(target, start, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def absolute(site_url: str, path: str, fragment: str = "") -> str:
    """Return the absolute URL of a page, given the site's base URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    there = url_of(path) if path.endswith(".md") else path
    return base + there + (f"#{fragment}" if fragment else "")

"""Where each generated page lives, and relative links between pages (directory URLs)."""

from __future__ import annotations

import posixpath

PER_PAGE = 50


def claim_page(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def verdict_page(verdict_id: str, page: int = 1) -> str:
    return f"verdicts/{verdict_id}.md" if page == 1 else f"verdicts/{verdict_id}/page-{page}.md"


def tag_page(tag: str, page: int = 1) -> str:
    return f"tags/{tag}.md" if page == 1 else f"tags/{tag}/page-{page}.md"


def claims_index(page: int = 1) -> str:
    return "claims/index.md" if page == 1 else f"claims/page-{page}.md"


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
    rel = posixpath.relpath("/" + there, "/" + here) if there else posixpath.relpath("/", "/" + here)
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def absolute(site_url: str, path: str, fragment: str = "") -> str:
    """Return the absolute URL of a page, given the site's base URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    there = url_of(path) if path.endswith(".md") else path
    return base + there + (f"#{fragment}" if fragment else "")

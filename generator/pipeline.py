"""The whole path from records to pages, as one story: load, check, render, write."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load import Layout, load_report
from generator.model import Report
from generator.render.pages import Site, render_pages


def render_report(layout: Layout, site_url: str = "", repo_url: str = "") -> dict[str, str]:
    """Load and check the report, then render every page; raise InputError on any problem."""
    return load_and_render(layout, Site(site_url=site_url, repo_url=repo_url))[1]


def load_and_render(layout: Layout, site: Site) -> tuple[Report, dict[str, str]]:
    """Return the checked report and its pages, for callers that also export it; raise InputError."""
    report = load_report(layout)  # settings, scale, sources, claims: every problem at once
    return report, render_pages(report, site)


def write_pages(pages: dict[str, str], out: Path) -> int:
    """Write ``pages`` under ``out``, touching only files whose bytes change; remove stale ones.

    Returns how many files were written. Unchanged files keep their bytes and times, so a
    live preview rebuilds quickly; files this function wrote before and no longer makes are
    removed, so a deleted claim leaves no stale page.
    """
    out.mkdir(parents=True, exist_ok=True)
    root = out.resolve()
    written = 0
    for rel, content in sorted(pages.items()):
        target = (out / rel).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"page path escapes the output folder: {rel}")
        data = content.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        written += 1
    wanted = {(out / rel).resolve() for rel in pages}
    for existing in sorted(root.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written

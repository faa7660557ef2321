"""The whole path from records to a site, as one story: check, render, build, index, publish in place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.files import remove_file, replace_file
from generator.load.claims import load_claims
from generator.load.kept_inputs import KeptInputs
from generator.load.scale import load_scale, load_settings
from generator.load.schema_copies import schema_copy_warnings
from generator.load.sources import load_sources
from generator.load.standards import load_standards
from generator.load.tags import tag_problems
from generator.load.todos import todo_warnings
from generator.load.translations import load_translations
from generator.model import Report
from generator.problems import ConfigError, InputError, Problem
from generator.render.kept import KeptPages
from generator.render.pages import render_pages
from generator.settings import Layout, Site
from generator.site.build_date import date_build
from generator.site.docs_links import refuse_links_out_of
from generator.site.progress import Progress
from generator.site.site_build import build_site
from generator.site.site_dir import check_site_dir
from generator.standards.check import check_standards


def check_report(layout: Layout, kept: KeptInputs | None = None) -> tuple[Report | None, list[Problem]]:
    """Load and check everything; return the report (None if any problem is an error) and all problems.

    Problems at the level of a warning (an editorial standard set to warning) come with the report.
    With ``kept`` (a preview's), only the inputs that changed since its last check are read again.
    """
    report, problems = examine(layout, kept)
    return (None if any(p.code == "error" for p in problems) else report), problems


def examine(layout: Layout, kept: KeptInputs | None = None) -> tuple[Report | None, list[Problem]]:
    """Like check_report, but return the report of the valid claims even when there are problems.

    None only when the scale or the settings cannot be used. For summaries, never for pages.
    """
    kept = kept or KeptInputs()  # nothing kept: every input is read
    root = layout.root
    settings, problems = kept.read(["settings"], lambda: load_settings(layout.path("settings"), root))
    standards, found = kept.read(
        ["standards", "team"], lambda: load_standards(layout.path("standards"), layout.path("team"), root)
    )
    problems += found
    languages = (settings or {}).get("languages", ())
    scale, found = kept.read(["ratings", "settings"], lambda: load_scale(layout.path("ratings"), root, languages))
    problems += found
    sources, found = kept.read(["seeds"], lambda: load_sources(layout.path("seeds"), root))
    problems += found
    claims, found = load_claims(layout.path("claims"), root, sources, scale, cache=True, kept=kept.records)
    problems += found + tag_problems(claims, (settings or {}).get("language", ""))
    translations, found = load_translations(layout.path("claims"), layout.root, claims, settings or {})
    problems += found
    if scale is None or settings is None:
        return None, sorted(problems)
    report = Report(settings, scale, sources, claims, standards, translations)
    problems += check_standards(report)  # on every valid claim, so that one run reports everything
    problems += todo_warnings(layout.root, [layout.settings, layout.team, "mkdocs.yml"])
    problems += schema_copy_warnings(layout.root)
    return report, sorted(problems)


def load_report(layout: Layout, kept: KeptInputs | None = None) -> Report:
    """Return the checked report, or raise InputError with every problem found (``kept``: see check_report)."""
    report, problems = check_report(layout, kept)
    if report is None:
        raise InputError(problems)
    return report  # warnings are for `check` to show; pages show every waiver


@dataclass(frozen=True)
class Built:
    """What a build made: the report it was made from, its warnings, and how many files changed."""

    report: Report
    warnings: list[Problem]
    changed: int


Engine = Callable[[Path, Path, Report], None]  # (report's root, folder to build into, checked report)


def build(layout: Layout, site_dir: Path, engine: Engine, shown: str = "") -> Built:
    """Check the report and build its site into ``site_dir`` with ``engine``; the old site stays on any failure.

    Raises ConfigError for an output folder that may not be replaced, InputError when a record,
    source, the scale or the standards have errors, GeneratorError when the engine or the
    search index fails.
    """
    # Refuse a folder the build would wrongly empty: the report, its inputs, or others' files.
    check_site_dir(layout.root, site_dir, (layout.claims, layout.seeds, "docs", ".git"), shown)
    # Refuse links out of docs/: an engine would publish what they point at (Zensical runs no plugin).
    refuse_links_out_of(layout.root / "docs", layout.root)
    # Load and check every source, record and setting, and the editorial standards: all at once.
    Progress().stage("Checking the claims and sources...")
    report, problems = check_report(layout)
    if report is None:
        raise InputError(problems)
    # Date the site by its data, so that two builds of the same records are the same, byte for byte.
    undate = date_build(report)
    try:
        # Render the pages and build the site into a new folder; index it for search; move in what changed.
        changed = build_site(site_dir, lambda folder: engine(layout.root, folder, report))
    finally:
        undate()
    return Built(report, problems, changed)


def render_report(layout: Layout, site_url: str = "", repo_url: str = "") -> dict[str, str]:
    """Load and check the report, then render every page; raise InputError on any problem."""
    return load_and_render(layout, Site(site_url=site_url, repo_url=repo_url))[1]


def load_and_render(
    layout: Layout,
    site: Site,
    report: Report | None = None,
    kept: KeptPages | None = None,
    inputs: KeptInputs | None = None,
) -> tuple[Report, dict[str, str]]:
    """Return the checked report (``report`` if given) and its pages; raise InputError on any problem.

    With ``kept`` (a preview's), only the pages whose inputs changed since its last render are rendered;
    with ``inputs``, only the inputs that changed since its last check are read.
    """
    report = report or load_report(layout, inputs)
    return report, render_pages(report, site, kept=kept)


def write_pages(pages: dict[str, str], out: Path) -> int:
    """Write ``pages`` under ``out``, touching only files whose bytes change; remove stale ones.

    Returns how many files were written; see rewrite_pages.
    """
    return len(rewrite_pages(pages, out))


def rewrite_pages(pages: dict[str, str], out: Path, written_before: dict[str, str] | None = None) -> list[str]:
    """Write ``pages`` under ``out``, touching only files whose bytes change; remove stale ones.

    Returns the paths written. Unchanged files keep their bytes and times, so a
    live preview rebuilds quickly. The files written are listed in ``out/.generated-pages``:
    those listed before and no longer made are removed, so a deleted claim leaves no stale
    page, and no other file is ever removed. A folder that already holds files but no such
    list is refused (ConfigError), so ``--out docs`` cannot wipe hand-written pages.

    A page that is the very text ``written_before`` holds for it (a preview's last write) is
    not read back to compare, if its file is still there.
    """
    out.mkdir(parents=True, exist_ok=True)
    root = out.resolve()
    listed = root / MANIFEST
    if not listed.is_file():
        foreign = sorted(p for p in root.rglob("*") if not p.is_dir())
        if foreign:
            raise ConfigError(
                f"{out}: the folder holds files the generator did not write, such as "
                f"{foreign[0].relative_to(root).as_posix()}; nothing was written.\n"
                "    Choose an empty or new folder: the generator removes its own old pages there."
            )
    before = set(listed.read_text(encoding="utf-8").splitlines()) if listed.is_file() else set()
    written = []
    for rel, content in sorted(pages.items()):
        if written_before is not None and written_before.get(rel) is content and (root / rel).is_file():
            continue  # written there last time, at this path, which was then checked
        target = _inside(root, rel)
        if target is None:
            raise ValueError(f"page path escapes the output folder: {rel}")
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, data)
        written.append(rel)
    for rel in sorted(before - set(pages), reverse=True):
        stale = _inside(root, rel)
        if stale is not None and stale.is_file() and not stale.is_symlink():
            remove_file(stale, root)
    replace_file(listed, "".join(f"{rel}\n" for rel in sorted(pages)).encode("utf-8"))
    return written


MANIFEST = ".generated-pages"


def _inside(root: Path, rel: str) -> Path | None:
    """Return ``root/rel`` if it stays inside ``root`` (a listed path is data, not trusted)."""
    if not rel or rel.startswith("/"):
        return None
    target = (root / rel).resolve()
    return target if target.is_relative_to(root) and target != root else None

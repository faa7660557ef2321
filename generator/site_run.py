"""One build or preview of the site, as any engine's events ask it of the core.

The MkDocs plugin maps MkDocs' events onto the methods here: checking and rendering before
the engine cleans its output, the pages to add, each page's head and edit link, the data
files and the search index once the engine is done. Nothing here imports an engine.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.export.files import export_files, write_files
from generator.export.head import Head, feed_link, page_heads
from generator.files import remove_file
from generator.load.kept_inputs import KeptInputs
from generator.model import Report
from generator.pipeline import load_and_render, rewrite_pages
from generator.render import urls
from generator.render.compact import compact_html
from generator.render.kept import KeptPages, digest
from generator.render.pages import REPORT_CSS, SEARCH_CSS, fill_in, interface
from generator.settings import Layout, Site
from generator.site.build_date import EPOCH, date_build
from generator.site.docs_links import refuse_links_out_of
from generator.site.page_language import mark_languages
from generator.site.progress import Progress
from generator.site.search_index import BackgroundIndex, index_site
from generator.site.site_dir import record_written
from generator.site.theme_language import theme_language, theme_words

THEME = Path(__file__).resolve().parent / "theme"  # the report's head, styles and Pagefind search
NO_SITE_URL = "site_url is not set in mkdocs.yml: ClaimReview, the feed and the data files are left out"
UNUSED_SEARCH = "the 'search' plugin is not used: the report is searched with Pagefind; remove it from mkdocs.yml"
INPUTS = ("claims", "seeds", "ratings", "settings", "standards", "team")  # what a preview watches


class SiteRun:
    """The report's part of one engine run: checked, rendered, then finished once the engine has built."""

    def __init__(
        self,
        layout: Layout,
        site: Site,
        docs: Path,
        report: Report | None = None,
        engine: str = "MkDocs",
        kept: KeptPages | None = None,
        inputs: KeptInputs | None = None,
    ):
        """Check ``docs`` and the report (``report`` if already checked) and render every page.

        With ``kept`` (a preview's, across its rebuilds), only pages whose inputs changed are rendered;
        with ``inputs`` (the preview's, told which files changed), only the inputs that changed are read.

        Raises ConfigError for links out of ``docs``, InputError for problems in the records:
        both before the engine cleans its output folder, so that the old site stays.
        """
        self.layout, self.site, self.progress = layout, site, Progress()
        if report is None:  # `generator build` has refused such links before running the engine
            refuse_links_out_of(docs, layout.root)
        self.progress.stage("Checking the records and rendering their pages...")
        self.report, self.pages = load_and_render(layout, site, report, kept, inputs)
        self.progress.done(f"Rendered {len(self.pages):,} pages")
        self.heads: dict[str, Head] = page_heads(self.report, site, kept) if site.site_url else {}
        self.feed = feed_link(self.report, site) if site.site_url else None
        self.built = self.total = 0
        self.engine = engine
        self.ui = interface(self.report)
        # The engine dates the sitemap by this clock; the data's own date makes builds reproducible.
        self._undate = date_build(self.report)

    def notices(self, plugins: list[str]) -> list[str]:
        """Return what the engine's log should warn of in the site's settings (``plugins``: the ones in use)."""
        return [
            *([] if self.site.site_url else [NO_SITE_URL]),
            *([UNUSED_SEARCH] if "material/search" in plugins else []),
        ]

    @staticmethod
    def stylesheets(listed: list[str]) -> list[str]:
        """Return the site's ``listed`` style sheets with the report's own: verdicts first, search last."""
        return [*(s for s in REPORT_CSS if s not in listed), *listed, *([] if SEARCH_CSS in listed else [SEARCH_CSS])]

    @staticmethod
    def theme_dirs(dirs: list[str], custom_dir: bool) -> list[str]:
        """Return the theme's folders with the report's theme after the report's own overrides, before the theme's."""
        return dirs if str(THEME) in dirs else [*dirs[: int(custom_dir)], str(THEME), *dirs[int(custom_dir) :]]

    @staticmethod
    def watched(layout: Layout) -> list[Path]:
        """Return the report's inputs that exist, for a preview to watch (standards and a team are optional)."""
        return [path for part in INPUTS if (path := layout.path(part)).exists()]

    def theme_settings(self, config_file: Path, theme_dirs: list[str]) -> tuple[str | None, dict[str, Any]]:
        """Return the theme's language (None: keep mkdocs.yml's) and the words of the report's partials."""
        return theme_language(self.ui, config_file, theme_dirs), theme_words(self.ui)

    @staticmethod
    def markdown_extensions(listed: list[str]) -> list[str]:
        """Return the site's Markdown extensions with attr_list, which keeps the pages' heading ids in any language."""
        return listed if "attr_list" in listed else [*listed, "attr_list"]

    def write_markdown(self, folder: Path, written_before: dict[str, str] | None = None) -> list[str]:
        """Write the generated pages to ``folder`` (for `serve --dirty`, or for another engine); return those written.

        ``written_before``: the pages last written there, which need not be read back to compare.
        """
        return rewrite_pages(self.pages, folder, written_before)

    @staticmethod
    def remove_built(site_dir: Path, pages: set[str]) -> None:
        """Remove what the engine built of ``pages`` from ``site_dir``, and the folders that leaves empty."""
        for page in sorted(pages):
            remove_file(site_dir / (urls.built_file(page) if page.endswith(".md") else page), site_dir)

    def filled(self, docs: Path) -> dict[str, str]:
        """Return the digest of each hand-written page of ``docs`` that the report's data is put into, by its path."""
        found = {}
        for page in sorted(docs.rglob("*.md")):
            text = page.read_text(encoding="utf-8", errors="replace")
            if "<!-- factcheck:" in text:
                here = page.relative_to(docs).as_posix()
                found[here] = digest(self.fill_in(text, here))
        return found

    def steady(self, filled: dict[str, str]) -> str:
        """Return the digest of what every page of the site lists or dates, beyond its own content.

        Two preview builds with the same digest make the same sitemap and the same navigation:
        only the pages whose Markdown or head changed need building again. It covers which pages
        there are, the build's date, and (``filled``) the hand-written pages the report's data is put into.
        """
        return digest(repr((sorted(self.pages), os.environ.get(EPOCH), sorted(filled.items()))))

    def edit_url(self, meta: dict[str, Any]) -> str | None:
        """Return the 'edit' address of a generated page: its claim's or source's record."""
        record = (
            f"{self.layout.claims}/{meta['factcheck_claim']}.yml"
            if "factcheck_claim" in meta
            else f"{self.layout.seeds}/{meta['factcheck_source']}.yml"
            if "factcheck_source" in meta
            else None
        )
        if record is None:
            return None
        return self.site.edit_url(record) or None

    def fill_in(self, markdown: str, page: str) -> str:
        """Put the report's own data (the standards, the team) where a hand-written page asks for it."""
        return fill_in(self.report, markdown, page)

    def page_built(self, html: str) -> str:
        """Count a page the engine has written, and return its HTML without the templates' indentation."""
        self.built += 1
        self.progress.count(f"Building pages with {self.engine}", self.built, self.total)
        html = compact_html(html)
        # The theme marks a right-to-left language on <body>; the root element says it for the whole page.
        return html.replace("<html ", f'<html dir="{self.ui.direction}" ', 1) if self.ui.direction == "rtl" else html

    def finish(self, site_dir: Path, index: bool = True, background: BackgroundIndex | None = None) -> None:
        """Write the data files into the built site and, unless the caller does it later, index it for search.

        With ``background`` (a preview's rebuild), the index is brought up to date in a thread instead.
        """
        mark_languages(site_dir, self.report)
        if background is not None:  # the data files too are written after the page is served
            background.start(site_dir, self._write_data(site_dir) if self.site.site_url else None)
            self.progress.finish()
            return
        if self.site.site_url:
            self._write_data(site_dir)()
        if not index:
            self.progress.finish()
            return
        self.progress.stage("Indexing the site for search with Pagefind...")
        indexed = index_site(site_dir)
        self.progress.done(f"Indexed {indexed:,} pages for search")
        record_written(site_dir)  # so that `generator build` may later replace this site

    def _write_data(self, site_dir: Path) -> Callable[[], None]:
        report, site = self.report, self.site
        return lambda: write_files(export_files(report, site), site_dir)

    def close(self) -> None:
        """Put the build's date back as it was before the run."""
        self._undate()

"""The thin adapter between MkDocs events and the generator's core (the only MkDocs import)."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.export.files import export_files, write_files
from generator.export.head import feed_link, page_heads
from generator.pipeline import load_and_render, write_pages
from generator.problems import GeneratorError, InputError
from generator.render.compact import compact_html
from generator.render.pages import VERDICT_CSS, render_snippets
from generator.report_problems import format_problems
from generator.settings import Layout, Site
from generator.site.build_date import last_change
from generator.site.docs_links import links_out_of
from generator.site.progress import Progress
from generator.site.search_index import index_site
from generator.site.site_dir import record_written

log = logging.getLogger("mkdocs.plugins.factcheck")
# The report's search (Pagefind) in Material's header: partials, script and style of its own.
SEARCH_THEME = Path(__file__).resolve().parent / "theme"
SEARCH_CSS = "assets/stylesheets/factcheck-search.css"
# The report's own styles (verdicts, quotes, annotated texts), served from the same theme folder.
REPORT_CSS = "assets/stylesheets/factcheck.css"


class FactCheckConfig(base.Config):
    claims = c.Type(str, default="claims")
    seeds = c.Type(str, default="seeds")
    ratings = c.Type(str, default="ratings.yml")
    settings = c.Type(str, default="report.yml")
    standards = c.Type(str, default="standards.yml")
    team = c.Type(str, default="team.yml")
    write_markdown = c.Optional(c.Type(str))
    branch = c.Type(str, default="main")


class FactCheckPlugin(BasePlugin[FactCheckConfig]):
    """Check the records before MkDocs empties site/, then add the generated pages to the build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this event keeps the plugin across the rebuilds of `mkdocs serve`, and with it a
        # folder of the generated pages where unchanged files keep their times: `serve --dirty`
        # then renders again only the pages an edit changed.
        self.pages_dir = Path(tempfile.mkdtemp(prefix="factcheck-pages-")) if command == "serve" else None

    def on_shutdown(self) -> None:
        if getattr(self, "unset_epoch", False):
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        pages_dir = getattr(self, "pages_dir", None)
        if pages_dir is not None:
            shutil.rmtree(pages_dir, ignore_errors=True)

    def on_config(self, config: Any) -> Any:
        mkdocs_log = logging.getLogger("mkdocs")
        if config.strict and mkdocs_log.level > logging.WARNING:
            # `--quiet` silences warnings before strict mode can count them, so `build --quiet
            # --strict` passed broken links; in strict mode a warning is a failure, and is shown.
            mkdocs_log.setLevel(logging.WARNING)
        root = Path(config.config_file_path).resolve().parent
        self.layout = Layout(
            root,
            self.config.claims,
            self.config.seeds,
            self.config.ratings,
            self.config.settings,
            self.config.standards,
            self.config.team,
        )
        self.site = Site(site_url=config.site_url or "", repo_url=config.repo_url or "", branch=self.config.branch)
        self.progress = Progress()
        leaks = links_out_of(Path(config.docs_dir), root)
        if leaks:  # before the build cleans site/, like the records' problems below
            raise PluginError(f"docs/ has links that lead out of it:\n{format_problems(leaks)}")
        self.progress.stage("Checking the records and rendering their pages...")
        try:
            prepared = getattr(self, "prepared", None)  # the report `generator build` has just checked
            self.report, self.pages = load_and_render(self.layout, self.site, prepared)
        except InputError as err:
            # Raised here, before the build cleans site/, so a failing check leaves the old site as it was.
            raise PluginError(f"the fact-check records have problems:\n{format_problems(err.problems)}") from None
        self.progress.done(f"Rendered {len(self.pages):,} pages")
        # MkDocs dates the sitemap by this clock; the data's own date makes builds reproducible.
        if os.environ.get("SOURCE_DATE_EPOCH") in (None, getattr(self, "epoch", None)):
            if not hasattr(self, "epoch"):
                self.unset_epoch = "SOURCE_DATE_EPOCH" not in os.environ  # put back as it was on shutdown
            self.epoch = os.environ["SOURCE_DATE_EPOCH"] = str(last_change(self.report))
        if self.config.write_markdown:
            try:
                write_pages(self.pages, root / self.config.write_markdown)
            except GeneratorError as err:
                raise PluginError(str(err)) from None
        self.heads = page_heads(self.report, self.site) if self.site.site_url else {}
        self.feed = feed_link(self.report, self.site) if self.site.site_url else None
        if not self.site.site_url:
            log.warning("site_url is not set in mkdocs.yml: ClaimReview, the feed and the data files are left out")
        for position, sheet in enumerate((VERDICT_CSS, REPORT_CSS)):
            if sheet not in config.extra_css:
                config.extra_css.insert(position, sheet)
        if str(SEARCH_THEME) not in config.theme.dirs:
            # After the report's own overrides (custom_dir), before Material's templates.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(SEARCH_THEME))
        if SEARCH_CSS not in config.extra_css:
            config.extra_css.append(SEARCH_CSS)
        if "material/search" in config.plugins:
            log.info("the 'search' plugin is not used: the report is searched with Pagefind; remove it from mkdocs.yml")
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        pages_dir = getattr(self, "pages_dir", None)
        if pages_dir:
            write_pages(self.pages, pages_dir)
        for path, content in self.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.warning("docs/%s is replaced by the generated page of the same name", path)
                files.remove(existing)
            if pages_dir:
                files.append(File.generated(config, path, abs_src_path=str(pages_dir / path)))
            else:
                files.append(File.generated(config, path, content=content))
        self.built, self.total = 0, len(files.documentation_pages())
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        # A hand-written page may ask for the report's own data: the standards, the team.
        if "<!-- factcheck:" in markdown:
            for marker, snippet in render_snippets(self.report, page.file.src_uri).items():
                markdown = markdown.replace(marker, snippet)
        return markdown

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        self.built += 1
        self.progress.count("Building pages with MkDocs", self.built, self.total)
        return compact_html(output)

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        meta = page.meta or {}
        if page.file.generated_by:
            page.edit_url = None
            record = (
                f"{self.config.claims}/{meta['factcheck_claim']}.yml"
                if "factcheck_claim" in meta
                else f"{self.config.seeds}/{meta['factcheck_source']}.yml"
                if "factcheck_source" in meta
                else None
            )
            if record and config.repo_url:
                page.edit_url = f"{config.repo_url.rstrip('/')}/edit/{self.config.branch}/{record}"
        # Read by the theme's main.html (generator/theme), which adds them to the page's head.
        context["factcheck_head"] = self.heads.get(page.file.src_uri)
        context["factcheck_feed"] = self.feed
        return context

    def on_post_build(self, config: Any) -> None:
        if self.site.site_url:
            write_files(export_files(self.report, self.site), Path(config.site_dir))
        if not getattr(self, "index", True):  # `generator build` indexes the site itself, once moved in place
            self.progress.finish()
            return
        self.progress.stage("Indexing the site for search with Pagefind...")
        try:
            indexed = index_site(Path(config.site_dir))  # on every build, `mkdocs serve` included
        except GeneratorError as err:
            raise PluginError(str(err)) from None
        self.progress.done(f"Indexed {indexed:,} pages for search")
        record_written(Path(config.site_dir))  # so that `generator build` may later replace this site

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        for part in ("claims", "seeds", "ratings", "settings", "standards", "team"):
            if self.layout.path(part).exists():  # a report need not have standards or a team
                server.watch(str(self.layout.path(part)))
        return server

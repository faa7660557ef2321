"""The adapter between MkDocs events and the generator's core: each event is a call on a SiteRun."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.problems import GeneratorError, InputError
from generator.render.pages import REPORT_CSS, SEARCH_CSS
from generator.report_problems import format_problems
from generator.settings import Layout, Site
from generator.site_run import SiteRun

log = logging.getLogger("mkdocs.plugins.factcheck")
THEME = Path(__file__).resolve().parent / "theme"  # the report's head, styles and Pagefind search
PARTS = ("claims", "seeds", "ratings", "settings", "standards", "team")


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

    run: SiteRun | None = None
    prepared = None  # the report `generator build` has just checked, when it runs MkDocs
    index = True  # False when `generator build` indexes the site itself, once moved in place

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Kept across `mkdocs serve` rebuilds: unchanged pages keep their times there, so that
        # `serve --dirty` renders again only the pages an edit changed.
        self.pages_dir = Path(tempfile.mkdtemp(prefix="factcheck-pages-")) if command == "serve" else None

    def on_shutdown(self) -> None:
        if self.run:
            self.run.close()
        if getattr(self, "pages_dir", None):
            shutil.rmtree(str(self.pages_dir), ignore_errors=True)

    def on_config(self, config: Any) -> Any:
        if config.strict and logging.getLogger("mkdocs").level > logging.WARNING:
            logging.getLogger("mkdocs").setLevel(logging.WARNING)  # `--quiet --strict` must still count warnings
        root = Path(config.config_file_path).resolve().parent
        self.layout = Layout(root, *(getattr(self.config, part) for part in PARTS))
        site = Site(config.site_url or "", config.repo_url or "", self.config.branch)
        if self.run:
            self.run.close()
        try:  # before MkDocs cleans site/: a failing check leaves the old site as it was
            self.run = SiteRun(self.layout, site, Path(config.docs_dir), self.prepared)
            if self.config.write_markdown:
                self.run.write_markdown(root / self.config.write_markdown)
        except InputError as err:
            raise PluginError(f"the fact-check records have problems:\n{format_problems(err.problems)}") from None
        except GeneratorError as err:
            raise PluginError(str(err)) from None
        if not site.site_url:
            log.warning("site_url is not set in mkdocs.yml: ClaimReview, the feed and the data files are left out")
        if "material/search" in config.plugins:
            log.info("the 'search' plugin is not used: the report is searched with Pagefind; remove it from mkdocs.yml")
        config.extra_css[:0] = [sheet for sheet in REPORT_CSS if sheet not in config.extra_css]
        config.extra_css += [] if SEARCH_CSS in config.extra_css else [SEARCH_CSS]
        if str(THEME) not in config.theme.dirs:  # after the report's own overrides, before Material's
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.run is not None
        if self.pages_dir:
            self.run.write_markdown(self.pages_dir)
        for path, content in self.run.pages.items():
            if (existing := files.get_file_from_path(path)) is not None:
                log.warning("docs/%s is replaced by the generated page of the same name", path)
                files.remove(existing)
            if self.pages_dir:
                files.append(File.generated(config, path, abs_src_path=str(self.pages_dir / path)))
            else:
                files.append(File.generated(config, path, content=content))
        self.run.total = len(files.documentation_pages())
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        assert self.run is not None
        return self.run.fill_in(markdown, page.file.src_uri)

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        assert self.run is not None
        if page.file.generated_by:
            page.edit_url = self.run.edit_url(page.meta or {})
        context["factcheck_head"] = self.run.heads.get(page.file.src_uri)  # read by the theme's main.html
        context["factcheck_feed"] = self.run.feed
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        assert self.run is not None
        return self.run.page_built(output)

    def on_post_build(self, config: Any) -> None:
        assert self.run is not None
        try:
            self.run.finish(Path(config.site_dir), index=self.index)
        except GeneratorError as err:
            raise PluginError(str(err)) from None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        for part in PARTS:
            if self.layout.path(part).exists():  # a report need not have standards or a team
                server.watch(str(self.layout.path(part)))
        return server

"""The adapter between MkDocs events and the generator's core: each event is a call on a SiteRun."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.problems import GeneratorError, InputError
from generator.render.kept import KeptPages
from generator.report_problems import format_problems
from generator.settings import Layout, Site
from generator.site.search_index import BackgroundIndex
from generator.site_run import INPUTS, SiteRun

log = logging.getLogger("mkdocs.plugins.factcheck")


class FactCheckConfig(base.Config):
    claims, seeds = c.Type(str, default="claims"), c.Type(str, default="seeds")
    ratings, settings = c.Type(str, default="ratings.yml"), c.Type(str, default="report.yml")
    standards, team = c.Type(str, default="standards.yml"), c.Type(str, default="team.yml")
    write_markdown = c.Optional(c.Type(str))
    branch = c.Type(str, default="main")


class FactCheckPlugin(BasePlugin[FactCheckConfig]):
    """Check the records before MkDocs empties site/, then add the generated pages to the build."""

    run: SiteRun | None = None
    prepared = None  # the report `generator build` has just checked, when it runs MkDocs
    index = True  # False when `generator build` indexes the site itself, once moved in place
    pages_dir: Path | None = None  # kept across `serve` rebuilds, so that `--dirty` skips unchanged pages
    searching: BackgroundIndex | None = None  # a preview indexes for search in the background
    kept: KeptPages | None = None  # a preview's pages and heads, rendered again only when their inputs change
    written: dict[str, str] | None = None  # the pages last written to pages_dir
    steady: str | None = None  # what the last preview build listed and dated (SiteRun.steady)
    sitemaps: dict[str, bytes] = {}  # the last preview build's sitemap, when it saw every page
    restricted = False  # this build hands MkDocs only the generated pages that changed
    pending: tuple[dict, dict[str, str], str] | None = None  # this build's heads, filled pages and steady
    heads: dict = {}  # the page heads of the last preview build
    filled: dict[str, str] = {}  # the hand-written pages holding the report's data, as last built

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.pages_dir = Path(tempfile.mkdtemp(prefix="factcheck-pages-")) if command == "serve" else None
        self.searching = BackgroundIndex() if command == "serve" else None
        self.kept = KeptPages() if command == "serve" else None
        self.written, self.steady, self.pending, self.restricted = None, None, None, False
        self.sitemaps, self.heads, self.filled = {}, {}, {}
        self.compiled = _Compiled()  # the theme's templates, compiled once per preview

    def on_shutdown(self) -> None:
        if self.run:
            self.run.close()
        if self.searching:
            self.searching.wait(timeout=60)
        if self.pages_dir:
            shutil.rmtree(self.pages_dir, ignore_errors=True)

    def on_config(self, config: Any) -> Any:
        if config.strict and logging.getLogger("mkdocs").level > logging.WARNING:
            logging.getLogger("mkdocs").setLevel(logging.WARNING)  # `--quiet --strict` must still count warnings
        root = Path(config.config_file_path).resolve().parent
        self.layout = Layout(root, *(getattr(self.config, part) for part in INPUTS))
        site = Site(config.site_url or "", config.repo_url or "", self.config.branch)
        if self.run:
            self.run.close()
        with _as_plugin_error():  # before MkDocs cleans site/: a failing check leaves the old site as it was
            self.run = SiteRun(self.layout, site, Path(config.docs_dir), self.prepared, kept=self.kept)
            if self.config.write_markdown:
                self.run.write_markdown(root / self.config.write_markdown)
        for notice in self.run.notices(list(config.plugins)):
            log.warning(notice)
        config.extra_css = self.run.stylesheets(config.extra_css)
        config.theme.dirs = self.run.theme_dirs(config.theme.dirs, bool(config.theme.custom_dir))
        config_file = Path(config.config_file_path)
        language, config.extra["factcheck_ui"] = self.run.theme_settings(config_file, config.theme.dirs)
        if language:
            config.theme["language"] = language
        config.markdown_extensions = self.run.markdown_extensions(config.markdown_extensions)
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.run is not None
        wanted: set[str] | None = None  # None: every generated page goes to MkDocs
        if self.pages_dir:
            changed = self.run.write_markdown(self.pages_dir, self.written)
            # A page no longer made (a claim deleted, renamed or drafted) leaves the preview too.
            self.run.remove_built(Path(config.site_dir), set(self.written or ()) - set(self.run.pages))
            self.written = self.run.pages
            # A page whose head changed, or a hand-written page the report's data changed in, is
            # built again though its Markdown file is the same: what MkDocs built of it goes.
            reheaded = [page for page, head in self.run.heads.items() if self.heads.get(page) != head]
            filled = self.run.filled(Path(config.docs_dir))
            refilled = [page for page, made in filled.items() if self.filled.get(page) != made]
            for page in [*reheaded, *refilled]:
                (Path(config.site_dir) / self.run.built_page(page)).unlink(missing_ok=True)
            self.pending = (self.run.heads, filled, self.run.steady(filled))
            if self.pending[2] == self.steady and self.sitemaps:
                # The same pages, dates and hand-written pages as the last build: MkDocs need only
                # see the pages that changed (and those the navigation names); the others are built.
                wanted = {*changed, *reheaded, *_named_in(config.nav)}
        self.restricted = wanted is not None
        for path, content in self.run.pages.items():
            if (existing := files.get_file_from_path(path)) is not None:
                log.warning("docs/%s is replaced by the generated page of the same name", path)
                files.remove(existing)
            if wanted is not None and path not in wanted:
                continue
            if self.pages_dir:
                files.append(File.generated(config, path, abs_src_path=str(self.pages_dir / path)))
            else:
                files.append(File.generated(config, path, content=content))
        self.run.total = len(files.documentation_pages())
        return files

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        if self.kept is not None:  # MkDocs makes the theme's environment anew on each rebuild
            env.bytecode_cache = self.compiled
        return env

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        return self.run.fill_in(markdown, page.file.src_uri) if self.run else markdown

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        assert self.run is not None
        if page.file.generated_by:
            page.edit_url = self.run.edit_url(page.meta or {})
        context["factcheck_head"] = self.run.heads.get(page.file.src_uri)  # read by the theme's main.html
        context["factcheck_feed"] = self.run.feed
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return self.run.page_built(output) if self.run else output

    def on_post_build(self, config: Any) -> None:
        with _as_plugin_error():
            assert self.run is not None
            if self.searching and self.searching.error:
                log.warning(self.searching.error)
            site_dir = Path(config.site_dir)
            if self.pages_dir and self.pending:  # MkDocs maps only the pages it saw: one that saw all maps the site
                if self.restricted:
                    for name, data in self.sitemaps.items():
                        (site_dir / name).write_bytes(data)
                else:
                    self.sitemaps = {n: (site_dir / n).read_bytes() for n in SITEMAPS if (site_dir / n).is_file()}
                self.heads, self.filled, self.steady = self.pending  # what the site now holds: once it is built
            # A preview serves its pages at once, the first build's too; search catches up (and says so).
            self.run.finish(site_dir, index=self.index, background=self.searching)

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        for path in SiteRun.watched(self.layout):
            server.watch(str(path))
        return server


SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def _named_in(nav: Any) -> set[str]:
    """Return the pages that mkdocs.yml's ``nav`` names (MkDocs warns of one it is not given)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {page for value in nav.values() for page in _named_in(value)}
    if isinstance(nav, list):
        return {page for item in nav for page in _named_in(item)}
    return set()


class _Compiled(BytecodeCache):
    """The theme's templates compiled once per preview, by name; Jinja compiles one again if its source changed."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


@contextmanager
def _as_plugin_error() -> Iterator[None]:
    """Show the core's errors as MkDocs shows a plugin's: one message, no traceback."""
    try:
        yield
    except InputError as err:
        raise PluginError(f"the fact-check records have problems:\n{format_problems(err.problems)}") from None
    except GeneratorError as err:
        raise PluginError(str(err)) from None

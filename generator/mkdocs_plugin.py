"""The adapter between MkDocs events and the generator's core: each event is a call on a SiteRun."""

from __future__ import annotations

import logging
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
from mkdocs.utils.yaml import yaml_load

from generator.preview import Preview, preview_context
from generator.problems import GeneratorError, InputError
from generator.report_problems import format_problems
from generator.settings import Layout, Site
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
    preview: Preview | None = None  # `mkdocs serve`'s session: what it keeps across rebuilds
    serving = False
    incremental = False  # `generator build` keeps its last build in .cache/build/ and builds only what changed
    site_dir: Path | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.preview = None  # made by the first build, which knows the report and the address served
        self.compiled = _Compiled()  # the theme's templates, compiled once per preview

    def on_shutdown(self) -> None:
        if self.run:
            self.run.close()
        if self.preview:
            self.preview.close(self.site_dir)
        # MkDocs keeps this plugin for the rest of the process: what it holds would stay in memory
        # while `generator build` has Pagefind index the site, and what it was told is for one build.
        self.run = self.preview = self.prepared = None
        self.incremental, self.index = False, True

    def on_config(self, config: Any) -> Any:
        if config.strict and logging.getLogger("mkdocs").level > logging.WARNING:
            logging.getLogger("mkdocs").setLevel(logging.WARNING)  # `--quiet --strict` must still count warnings
        root = Path(config.config_file_path).resolve().parent
        self.layout = Layout(root, *(getattr(self.config, part) for part in INPUTS))
        site = Site(config.site_url or "", config.repo_url or "", self.config.branch)
        if self.run:
            self.run.close()
        if (self.serving or self.incremental) and self.preview is None:
            self.site_dir = Path(config.site_dir)
            address = f"{config.site_url} {config.dev_addr if self.serving else ''}"
            with open(config.config_file_path, encoding="utf-8") as settings:
                resolved = yaml_load(settings)  # as MkDocs reads it: !ENV values and INHERIT resolved
            made_with = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
            made_with += [Path(config.config_file_path).parent / hook for hook in config.hooks]
            context = preview_context(resolved, made_with, address)
            self.preview = Preview(root, context, "preview" if self.serving else "build")
            self.preview.restore(self.site_dir)  # the last session's site, if built here from the same
        kept = self.preview.kept if self.preview else None
        with _as_plugin_error():  # before MkDocs cleans site/: a failing check leaves the old site as it was
            self.run = SiteRun(self.layout, site, Path(config.docs_dir), self.prepared, kept=kept)
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
        wanted = None  # None: MkDocs is given every generated page
        if self.preview:
            wanted = self.preview.prepare(self.run, Path(config.site_dir), Path(config.docs_dir), _named_in(config.nav))
        for path, content in self.run.pages.items():
            if (existing := files.get_file_from_path(path)) is not None:
                log.warning("docs/%s is replaced by the generated page of the same name", path)
                files.remove(existing)
            if wanted is not None and path not in wanted:
                continue
            if self.preview:
                files.append(File.generated(config, path, abs_src_path=str(self.preview.pages_dir / path)))
            else:
                files.append(File.generated(config, path, content=content))
        self.run.total = len(files.documentation_pages())
        return files

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        if self.preview is not None:  # MkDocs makes the theme's environment anew on each rebuild
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
            site_dir = Path(config.site_dir)
            if self.preview:
                if self.preview.searching.error:
                    log.warning(self.preview.searching.error)
                self.preview.built(site_dir)
            # A preview serves its pages at once, the first build's too; search catches up (and says so).
            background = self.preview.searching if self.preview and self.serving else None
            self.run.finish(site_dir, index=self.index, background=background)

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        for path in SiteRun.watched(self.layout):
            server.watch(str(path))
        return server


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

"""The adapter between MkDocs events and the generator's core: each event is one call on a Session."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils.yaml import yaml_load

from generator.problems import GeneratorError, InputError
from generator.report_problems import format_problems
from generator.site_session import Session

log = logging.getLogger("mkdocs.plugins.factcheck")


class FactCheckConfig(base.Config):
    claims, seeds = c.Type(str, default="claims"), c.Type(str, default="seeds")
    ratings, settings = c.Type(str, default="ratings.yml"), c.Type(str, default="report.yml")
    standards, team = c.Type(str, default="standards.yml"), c.Type(str, default="team.yml")
    write_markdown = c.Optional(c.Type(str))
    branch = c.Type(str, default="main")


class FactCheckPlugin(BasePlugin[FactCheckConfig]):
    """Check the records before MkDocs empties site/, then add the generated pages to the build."""

    prepared = None  # the report `generator build` has just checked, when it runs MkDocs
    index = True  # False when `generator build` indexes the site itself, once moved in place
    incremental = False  # `generator build` keeps its last build in .cache/build/ and builds only what changed

    def __init__(self) -> None:
        super().__init__()
        self.session = Session(serving=False)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.session = Session(serving=command == "serve")

    def on_shutdown(self) -> None:
        self.session.close()
        # MkDocs keeps this plugin for the rest of the process: what it was told is for one build.
        self.session, self.prepared = Session(serving=False), None
        self.incremental, self.index = False, True

    def on_config(self, config: Any) -> Any:
        with open(config.config_file_path, encoding="utf-8") as settings:
            resolved = yaml_load(settings)  # as MkDocs read it: !ENV values and INHERIT resolved
        with _as_plugin_error():  # before MkDocs cleans site/: a failing check leaves the old site as it was
            self.session.configure(config, dict(self.config), self.prepared, self.incremental, resolved)
        for notice in self.session.notices:
            log.warning(notice)
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        for path, content, source in self.session.generated(config):
            if (existing := files.get_file_from_path(path)) is not None:
                log.warning("docs/%s is replaced by the generated page of the same name", path)
                files.remove(existing)
            made = File.generated(config, path, abs_src_path=source) if source else None
            files.append(made or File.generated(config, path, content=content or ""))
        self.session.count(len(files.documentation_pages()))
        return files

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        return self.session.theme_environment(env)

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        return self.session.fill_in(markdown, page.file.src_uri)

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        made = self.session.page_context(page.file.src_uri, bool(page.file.generated_by), page.meta or {})
        if "edit_url" in made:
            page.edit_url = made.pop("edit_url")
        context.update(made)  # factcheck_head is read by the theme's main.html
        return context

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return self.session.page_built(output)

    def on_post_build(self, config: Any) -> None:
        with _as_plugin_error():
            self.session.finish(Path(config.site_dir), index=self.index)

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        return self.session.serve(server, Path(config.config_file_path))


@contextmanager
def _as_plugin_error() -> Iterator[None]:
    """Show the core's errors as MkDocs shows a plugin's: one message, no traceback."""
    try:
        yield
    except InputError as err:
        raise PluginError(f"the fact-check records have problems:\n{format_problems(err.problems)}") from None
    except GeneratorError as err:
        raise PluginError(str(err)) from None

"""The report's part of an engine process: each build it runs, and a preview's session across them.

MkDocs (and its fork ProperDocs) call the factcheck plugin on each event of a build; the plugin
is an adapter that makes one call here per event. What this module reads and sets of the
engine's configuration are the settings every MkDocs-like engine has (``site_url``,
``theme.dirs``, ``extra_css``, …), so nothing here imports an engine. A preview's server is
given a builder that never leaves it stuck (generator.site.problems_overlay).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from generator.preview import Preview, preview_context
from generator.settings import Layout, Site
from generator.site.problems_overlay import PreviewProblems
from generator.site.watcher import Changes
from generator.site_run import INPUTS, SiteRun

log = logging.getLogger("mkdocs.plugins.factcheck")


class Session:
    """What one engine process knows of the report across its builds: one for `build`, many for `serve`."""

    def __init__(self, serving: bool) -> None:
        self.serving = serving
        self.run: SiteRun | None = None
        self.preview: Preview | None = None  # made by the first build, which knows the report and the address
        self.compiled = _Compiled()  # the theme's templates, compiled once per preview
        self.problems = PreviewProblems()
        self.changes = Changes()  # what the preview's file watcher saw change
        self.site_dir: Path | None = None
        self.notices: list[str] = []

    def configure(self, config: Any, options: dict[str, Any], prepared: Any, incremental: bool, resolved: Any) -> None:
        """Check and render the report (``prepared``: checked already) and set the engine's ``config`` for it.

        ``options``: the plugin's settings in mkdocs.yml; ``resolved``: mkdocs.yml as the engine read it.
        Raises InputError or ConfigError before the engine cleans its output, so that the old site stays.
        """
        if config.strict and logging.getLogger("mkdocs").level > logging.WARNING:
            logging.getLogger("mkdocs").setLevel(logging.WARNING)  # `--quiet --strict` must still count warnings
        config_file = Path(config.config_file_path)
        root = config_file.resolve().parent
        layout = Layout(root, *(options[part] for part in INPUTS))
        site = Site(config.site_url or "", config.repo_url or "", options["branch"])
        if self.run:
            self.run.close()
            self.run = None
        if (self.serving or incremental) and self.preview is None:
            self.site_dir = Path(config.site_dir)
            address = f"{config.site_url} {config.dev_addr if self.serving else ''}"
            made_with = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
            made_with += [root / hook for hook in config.hooks]
            context = preview_context(resolved, made_with, address)
            self.preview = Preview(root, context, "preview" if self.serving else "build")
            self.preview.restore(self.site_dir)  # the last session's site, if built here from the same
        kept, inputs = (self.preview.kept, self.preview.inputs) if self.preview else (None, None)
        if inputs is not None:
            inputs.since(layout, self.changes.take())  # what the file watcher saw change since the last build
        try:
            with self.problems.kept(self.serving):
                self.run = SiteRun(layout, site, Path(config.docs_dir), prepared, kept=kept, inputs=inputs)
        except BaseException:
            self.changes.rescan()  # what was read before the failure is not vouched for
            raise
        if options["write_markdown"]:
            self.run.write_markdown(root / options["write_markdown"])
        self.notices = self.run.notices(list(config.plugins))
        config.extra_css = self.run.stylesheets(config.extra_css)
        config.theme.dirs = self.run.theme_dirs(config.theme.dirs, bool(config.theme.custom_dir))
        language, config.extra["factcheck_ui"] = self.run.theme_settings(config_file, config.theme.dirs)
        if language:
            config.theme["language"] = language
        config.markdown_extensions = self.run.markdown_extensions(config.markdown_extensions)
        # The headings' permalink sign is titled in the report's language, unless mkdocs.yml titles it.
        if "toc" in config.markdown_extensions:
            config.mdx_configs.setdefault("toc", {}).setdefault(
                "permalink_title", config.extra["factcheck_ui"]["permalink"]
            )

    def generated(self, config: Any) -> Iterator[tuple[str, str | None, str | None]]:
        """Yield the generated pages the engine is given: (path, content, or the file that holds it)."""
        assert self.run is not None
        wanted = None  # None: every generated page
        if self.preview:
            wanted = self.preview.prepare(self.run, Path(config.site_dir), Path(config.docs_dir), named_in(config.nav))
        for path, content in self.run.pages.items():
            if wanted is not None and path not in wanted:
                continue
            if self.preview:
                yield path, None, str(self.preview.pages_dir / path)
            else:
                yield path, content, None

    def count(self, pages: int) -> None:
        """Say how many pages the engine builds, for its progress."""
        if self.run:
            self.run.total = pages

    def theme_environment(self, env: Any) -> Any:
        """Give a preview's theme environment, which the engine makes anew on each rebuild, the compiled templates."""
        if self.preview is not None:
            env.bytecode_cache = self.compiled
        return env

    def fill_in(self, markdown: str, page: str) -> str:
        return self.run.fill_in(markdown, page) if self.run else markdown

    def page_context(self, page: str, generated: bool, meta: dict[str, Any]) -> dict[str, Any]:
        """What the theme's templates read of a page: its head, the feed, and for a generated page, its edit link."""
        assert self.run is not None
        made = {"factcheck_head": self.run.heads.get(page), "factcheck_feed": self.run.feed}
        return {**made, "edit_url": self.run.edit_url(meta)} if generated else made

    def page_built(self, html: str) -> str:
        return self.run.page_built(html) if self.run else html

    def finish(self, site_dir: Path, index: bool) -> None:
        """Once the engine has built: the preview's state, the data files, and the search index."""
        assert self.run is not None
        if self.preview:
            if self.preview.searching.error:
                log.warning(self.preview.searching.error)
            self.preview.built(site_dir)
        # A preview serves its pages at once, the first build's too; search catches up (and says so).
        background = self.preview.searching if self.preview and self.serving else None
        self.run.finish(site_dir, index=index, background=background)
        self.problems.clear()

    def serve(self, server: Any, config_file: Path) -> Any:
        """Watch the report's inputs, and make the preview's ``server`` serve every page, with any problems over it.

        Each change to an input is noted before the server hears of it (site.watcher), so that the
        rebuild it starts reads and checks only the files that changed.
        """
        layout = self.run.layout if self.run else None
        watched = SiteRun.watched(layout) if layout else []
        absent = [path for part in INPUTS if layout and (path := layout.path(part)) not in watched]
        with self.changes.watching(server.observer, len(watched), absent):
            for path in watched:
                server.watch(str(path))
        return self.problems.guard(server, self.run.ui if self.run else None, config_file)

    def close(self) -> None:
        """End the engine process's last build: the build's date back, and a preview's site kept for the next."""
        if self.run:
            self.run.close()
        if self.preview:
            self.preview.close(self.site_dir)
        self.run = self.preview = None


def named_in(nav: Any) -> set[str]:
    """Return the pages that mkdocs.yml's ``nav`` names (MkDocs warns of one it is not given)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {page for value in nav.values() for page in named_in(value)}
    if isinstance(nav, list):
        return {page for item in nav for page in named_in(item)}
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

"""Zensical, the Material team's successor to MkDocs, as the engine of `generator build`.

Zensical reads mkdocs.yml but runs no MkDocs plugin, so the generator does the plugin's work
first: it writes every page (the generated ones and docs/) into a project folder of its own,
with a config derived from mkdocs.yml, and puts each page's head in its front matter for the
theme template (generator/zensical_theme) to print. Zensical builds that folder; the data files
are written into the site after it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.export.files import export_files, write_files
from generator.export.head import Head, feed_link, page_heads
from generator.model import Report
from generator.problems import ConfigError, GeneratorError
from generator.render.pages import REPORT_CSS, SEARCH_CSS, fill_in, interface, render_pages
from generator.settings import Site
from generator.site.page_language import mark_languages
from generator.site.theme_language import theme_language, theme_words

INSTALL = "pip install 'factcheck-generator[zensical]'"
THEMES = Path(__file__).resolve().parent
CSS = [*REPORT_CSS, SEARCH_CSS]  # in the order the MkDocs plugin adds them


def build_with_zensical(root: Path, out: Path, report: Report, strict: bool = True) -> None:
    """Build the report of ``root`` into ``out`` with Zensical; raise GeneratorError if it fails."""
    check_installed()
    config = _read_config(root / "mkdocs.yml")
    site = Site(site_url=config.get("site_url") or "", repo_url=config.get("repo_url") or "")
    # Zensical wants the site folder inside the project's: both go next to ``out``, then it moves in.
    project = Path(tempfile.mkdtemp(prefix=".zensical-", dir=out.parent))
    try:
        docs = project / "docs"
        _copy_docs(root / config.get("docs_dir", "docs"), docs, report)
        heads = page_heads(report, site) if site.site_url else {}
        feed = feed_link(report, site) if site.site_url else None
        for rel, content in render_pages(report, site).items():
            target = docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            page = _with_front_matter(content, heads.get(rel), feed) if rel.endswith(".md") else content
            target.write_text(page, encoding="utf-8")
        _write_theme(project / "overrides")
        config.pop("plugins", None)  # Zensical ignores them; the pages above are what they would add
        config.update(docs_dir="docs", site_dir="site", extra_css=CSS + list(config.get("extra_css") or []))
        config["theme"] = {**config.get("theme", {}), "custom_dir": "overrides"}
        # The theme's words in the report's language, as the MkDocs plugin gives them (site_run.py).
        ui = interface(report)
        language = theme_language(ui, root / "mkdocs.yml", [str(project / "overrides"), str(_templates())])
        if language:
            config["theme"]["language"] = language
        config["extra"] = {**(config.get("extra") or {}), "factcheck_ui": theme_words(ui)}
        extensions = config.get("markdown_extensions") or []
        if not any(e == "attr_list" or (isinstance(e, dict) and "attr_list" in e) for e in extensions):
            config["markdown_extensions"] = [*extensions, "attr_list"]
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        command = [sys.executable, "-P", "-m", "zensical", "build", "-f", str(project / "mkdocs.yml")]
        done = subprocess.run(command + (["--strict"] if strict else []), cwd=project, check=False)
        if done.returncode != 0:
            raise GeneratorError("Zensical could not build the site: see its messages above")
        mark_languages(project / "site", report)
        (project / "site").rename(out)
    finally:
        shutil.rmtree(project, ignore_errors=True)
    if site.site_url:
        write_files(export_files(report, site), out)


def _templates() -> Path:
    """Return the folder of Zensical's own templates."""
    spec = importlib.util.find_spec("zensical")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent / "templates"


def check_installed() -> None:
    """Raise ConfigError, naming the command that installs it, when Zensical is not installed."""
    if importlib.util.find_spec("zensical") is None:
        raise ConfigError(f"Zensical is not installed: {INSTALL}")


def _with_front_matter(content: str, head: Head | None, feed: dict[str, str] | None) -> str:
    """Return a generated page with what the plugin gives the theme (head, feed) in its front matter."""
    extra: dict[str, Any] = {"factcheck_generated": True}
    if head is not None:
        extra["factcheck_head"] = {
            "json_ld": head.json_ld,
            "meta": [list(m) for m in head.meta],
            "alternates": [list(a) for a in head.alternates],
        }
    if feed is not None:
        extra["factcheck_feed"] = feed
    added = yaml.safe_dump(extra, allow_unicode=True, width=1_000_000)
    if content.startswith("---\n"):
        return "---\n" + added + content[4:]
    return f"---\n{added}---\n\n{content}"


def _copy_docs(source: Path, docs: Path, report: Report) -> None:
    """Copy the hand-written docs/, with the report's snippets put in, as the plugin does per page."""
    docs.mkdir(parents=True)
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(source).as_posix()
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(fill_in(report, path.read_text(encoding="utf-8"), rel), encoding="utf-8")
        else:
            shutil.copy2(path, target)


def _write_theme(overrides: Path) -> None:
    """Put the report's theme (search, styles) and Zensical's own templates over it in ``overrides``."""
    shutil.copytree(THEMES / "theme", overrides)
    shutil.copytree(THEMES / "zensical_theme", overrides, dirs_exist_ok=True)


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's loader: `!ENV NAME` or `!ENV [NAME, ..., default]` reads the environment."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    scalar = isinstance(node, yaml.ScalarNode)
    names = [loader.construct_scalar(node)] if scalar else loader.construct_sequence(node)  # type: ignore[arg-type]
    *names, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[n] for n in names if n in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env)


def _read_config(path: Path) -> dict[str, Any]:
    """Return mkdocs.yml as a dict; raise ConfigError when it cannot be read."""
    try:
        with path.open(encoding="utf-8") as f:
            config = yaml.load(f, Loader=_EnvLoader)  # noqa: S506  # a SafeLoader with !ENV only
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot be read: {err}") from None
    return config if isinstance(config, dict) else {}

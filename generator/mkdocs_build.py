"""MkDocs as the engine of `generator build`: it runs in this process, on the report already checked,
and builds only what changed since the last build kept in .cache/build/.

The only other MkDocs import besides the plugin: the core hands the checked report to the
plugin instance that MkDocs loads from mkdocs.yml, so nothing is read or checked twice and no
file or environment variable carries the report between processes.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.model import Report
from generator.problems import GeneratorError
from generator.site.plugin_build import build_through_plugin


def build_with_mkdocs(root: Path, out: Path, report: Report, strict: bool = True) -> None:
    """Build ``root``'s mkdocs.yml into ``out`` from ``report``; raise GeneratorError if MkDocs fails."""
    shown = logging.StreamHandler(sys.stderr)  # what `mkdocs build --quiet` shows: warnings and errors
    shown.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    shown.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    level = mkdocs_log.level
    mkdocs_log.addHandler(shown)
    mkdocs_log.setLevel(logging.WARNING)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out), strict=strict)
        # MkDocs' dirty build keeps the pages the plugin put back from the last build, and builds
        # those whose Markdown is newer; it warns that dirty builds may be inaccurate, which the
        # plugin's own tests rule out for what it puts back (tests/test_preview_builds.py).
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        build_through_plugin(config, lambda c: build(c, dirty=True), report, incremental=True)
    except MkDocsException as err:
        said = str(err).strip()
        raise GeneratorError(f"MkDocs could not build the site{': ' + said if said else ''}") from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(_not_the_dirty_warning)
        mkdocs_log.removeHandler(shown)
        mkdocs_log.setLevel(level)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")

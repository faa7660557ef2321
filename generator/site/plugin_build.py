"""Run a build of MkDocs or of its fork ProperDocs through the factcheck plugin, told what the build story does.

Both engines load the same plugin from mkdocs.yml and fire the same events; they only differ
in the modules they are imported from, so the caller passes their config and build function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.model import Report
from generator.problems import ConfigError

PLUGIN = "factcheck"


def build_through_plugin(
    config: Any, build: Callable[[Any], None], report: Report | None = None, incremental: bool = False
) -> None:
    """Build ``config`` with ``build``, handing the plugin ``report`` (if checked already) and the index to do later.

    With ``incremental``, the plugin starts from the last build kept in .cache/build/ (``build`` must
    then be the engine's dirty build, which keeps what is in the output folder).
    """
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise ConfigError(f"mkdocs.yml does not use the {PLUGIN} plugin: add '- {PLUGIN}' under plugins")
    if report is not None:
        plugin.prepared = report
    plugin.index = False  # the build story indexes the site once it is moved in place
    plugin.incremental = incremental
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()

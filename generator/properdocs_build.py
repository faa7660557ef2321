"""ProperDocs, the maintained fork of MkDocs 1.x, as the engine of `generator build`.

ProperDocs reads mkdocs.yml, loads the factcheck plugin and Material from MkDocs' entry points,
and redirects every `mkdocs.*` import to its own modules. That redirection cannot share a
process with MkDocs once MkDocs is imported (the plugin's base class would be MkDocs' own, which
ProperDocs refuses), so ProperDocs runs in a process of its own, where the plugin checks the
records again.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from generator.model import Report
from generator.problems import ConfigError, GeneratorError
from generator.site.plugin_build import build_through_plugin

INSTALL = "pip install 'factcheck-generator[properdocs]'"


def build_with_properdocs(root: Path, out: Path, report: Report, strict: bool = True) -> None:
    """Build ``root``'s mkdocs.yml into ``out`` with ProperDocs; raise GeneratorError if it fails."""
    check_installed()
    args = [str(root / "mkdocs.yml"), str(out), "strict" if strict else ""]
    done = subprocess.run([sys.executable, "-P", "-m", __name__, *args], cwd=root, check=False)
    if done.returncode != 0:
        raise GeneratorError("ProperDocs could not build the site: see its messages above")


def check_installed() -> None:
    """Raise ConfigError, naming the command that installs it, when ProperDocs is not installed."""
    if importlib.util.find_spec("properdocs") is None:
        raise ConfigError(f"ProperDocs is not installed: {INSTALL}")


def _main(config_file: str, site_dir: str, strict: str) -> None:
    """Build as `properdocs build --quiet` would, leaving the search index to `generator build`."""
    import logging

    import properdocs.replacement  # noqa: F401  # before the plugin's `import mkdocs...`
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.exceptions import MkDocsException

    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    try:
        build_through_plugin(load_config(config_file, site_dir=site_dir, strict=bool(strict)), build)
    except (MkDocsException, ConfigError) as err:
        sys.exit(f"ERROR   -  {str(err).strip()}")


if __name__ == "__main__":
    _main(*sys.argv[1:4])

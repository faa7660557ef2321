"""Tell when the schemas a report keeps for editors' YAML tools (schemas/) are not the checker's own.

`init` and `pin-generator` write them from the generator the report pins; a copy edited by hand,
or left behind by an upgrade made without `pin-generator`, would offer editors fields and forms
that the checker then refuses.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.schema_check import SCHEMA_DIR
from generator.problems import Problem, display_path
from generator.settings import SCHEMAS


def schema_copy_warnings(root: Path) -> list[Problem]:
    """Return a warning for each schema in the report's schemas/ that differs from the generator's."""
    folder = root / SCHEMAS
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    for copy in sorted(folder.glob("*.schema.json")):
        own = SCHEMA_DIR / copy.name
        try:
            same = own.is_file() and copy.is_file() and copy.read_bytes() == own.read_bytes()
        except OSError:
            same = False
        if not same:
            found.append(
                Problem(
                    display_path(copy, root),
                    1,
                    1,
                    "this schema is not the one the generator checks with",
                    "Editors' YAML tools read it for completion. Run python -m generator pin-generator with the "
                    "generator this report installs, which writes its schemas here, and commit them.",
                    code="warning",
                )
            )
    return found

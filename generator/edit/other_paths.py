"""Every other path two versions of a report differ in, and which of them change what runs or what readers see.

The records, sources and report files are compared field by field elsewhere; a pull request can
also add a script to a hand-written page, a theme override, a hook, a module the tools import,
a link, or files in the folders the build keeps for itself. Each is listed, and those that change
what runs or what the site shows say why a reviewer must read them.

    >>> why("docs/index.md", "", "overrides")
    'a hand-written page or file of the site: it may hold HTML and scripts, published as written'
    >>> why("notes/plan.txt", "", "")
    ''
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.edit.revisions import SITE_CONFIG, Files, wanted

LINK_MODE = "120000"


@dataclass(frozen=True)
class PathChange:
    """A path added, deleted or changed that the diff compares no other way."""

    path: str
    kind: str  # added, deleted, changed
    link: bool = False  # a link in either version
    why: str = ""  # what it changes, when it changes what runs or what the site shows


def why(path: str, mode: str, overrides: str) -> str:
    """Say what a change to ``path`` (with git ``mode``) can alter, or '' for a file that alters neither."""
    if mode == LINK_MODE:
        return "a link: whatever it points at is read as if it were here"
    if path.startswith(".cache/"):
        return "the build's kept files, which git must not track (they are not used)"
    if path.startswith("site/"):
        return "the built site, which the build makes and git must not track"
    if path.endswith(".py"):
        return "Python code: it runs when the site is checked or built (a hook, a plugin, a module)"
    if overrides and path.startswith(overrides + "/"):
        return "a theme override: its templates make every page"
    if path.startswith("docs/"):
        return "a hand-written page or file of the site: it may hold HTML and scripts, published as written"
    if path.startswith(".github/"):
        return "a workflow or repository setting: it runs with the repository's permissions"
    if path.startswith("generator/"):
        return "the generator itself: its code, templates and catalogs make every page"
    if path in ("Makefile", "pyproject.toml") or path.startswith(("requirements", "vendor/")):
        return "what the workflows install and run"
    return ""


def other_paths(root: Path, base: str, head: str, head_files: Files) -> list[PathChange]:
    """Return the paths from commit ``base`` to ``head`` (a commit, or '' for the files on disk) that no other part
    of the diff shows: everything but the records, sources and report files, and those of them that are links."""
    overrides = custom_dir(head_files.get(SITE_CONFIG))
    raw = _git(
        root, "diff", "--raw", "-z", "--relative", "--no-renames", "--no-ext-diff", base, *([head] if head else [])
    )
    fields = raw.split(b"\0")
    changes: dict[str, PathChange] = {}
    for at in range(0, len(fields) - 1, 2):
        info, name = fields[at].decode(), fields[at + 1].decode("utf-8", "surrogateescape")
        if not info.startswith(":"):
            continue
        old_mode, new_mode, *_, status = info[1:].split()
        kind = {"A": "added", "D": "deleted"}.get(status[:1], "changed")
        link = LINK_MODE in (old_mode, new_mode)
        if link or not wanted(name):
            changes[name] = PathChange(name, kind, link, why(name, LINK_MODE if link else new_mode, overrides))
    if not head:  # on disk: the files git does not track yet, but for those it ignores
        for name in _git(root, "ls-files", "-z", "--others", "--exclude-standard").decode().split("\0"):
            link = (root / name).is_symlink()
            if name and (link or not wanted(name)):
                changes[name] = PathChange(name, "added", link, why(name, LINK_MODE if link else "", overrides))
    return [changes[name] for name in sorted(changes)]


def custom_dir(config: bytes | None) -> str:
    """The theme override folder mkdocs.yml names (read as YAML nodes: its !ENV tags need no constructor), or ''."""
    try:
        node: Any = yaml.compose(config.decode("utf-8", errors="replace")) if config else None
    except yaml.YAMLError:
        return ""
    for key in ("theme", "custom_dir"):
        if not isinstance(node, yaml.MappingNode):
            return ""
        node = next((value for name, value in node.value if getattr(name, "value", None) == key), None)
    value = getattr(node, "value", "")
    return value.removeprefix("./").rstrip("/") if isinstance(value, str) else ""


def _git(root: Path, *args: str) -> bytes:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    return done.stdout if done.returncode == 0 else b""

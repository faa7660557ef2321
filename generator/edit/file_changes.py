"""Compare a report file (the scale, the settings, the site's configuration) between two versions, key by key."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from generator.edit.revisions import SITE_CONFIG, Files
from generator.load.yaml_source import decode, parse_yaml
from generator.problems import Problem

# Lists of a report file whose items claim records name: a claim shows its item as the file says.
REFERRED = {("ratings.yml", "verdicts"): "verdict"}
# Settings every claim carries, on its page or in its data (ClaimReview, Web Annotations, the feed).
ON_EVERY_CLAIM = {"report.yml": ("title", "publisher", "publisher_url", "language")}
Items = dict[str, dict[str, Any]]  # a list's items by their id or name, each without it


@dataclass(frozen=True)
class Setting:
    """A key of a report file added, removed or changed; or an item of one of its lists, or a field of one."""

    key: str
    kind: str  # added, removed, changed, reordered
    before: Any = None
    after: Any = None
    item: str = ""  # the id or name of the list's item, for a change inside a list
    field: str = ""  # the item's field that changed
    claims: int = 0  # claims on the site that show what changed
    every: bool = False  # every claim on the site carries the key (claims counts them all)


@dataclass(frozen=True)
class FileChange:
    """A report file (the scale, the settings, the site's configuration) that differs between two versions."""

    path: str
    kind: str  # added, deleted, changed, unreadable
    settings: tuple[Setting, ...] = ()
    problem: Problem | None = None  # why it cannot be read (kind unreadable)
    side: str = ""  # the version that cannot be read: base or head
    lines: tuple[int, int] | None = None  # lines added and removed, when it is compared line by line
    every_page: bool = False  # it configures every page of the site
    excerpt: tuple[str, ...] = ()  # the changed lines, as a unified diff, for the site's configuration

    @property
    def shown(self) -> list[Setting]:
        """The changes that alter what claims already on the site show."""
        return [s for s in self.settings if s.claims or s.every]

    @property
    def flagged(self) -> bool:
        return self.kind == "unreadable" or self.every_page or bool(self.shown)


def file_change(path: str, base: Files, head: Files, on_site: list[dict[str, Any]]) -> FileChange | None:
    """Compare one report file key by key; say so when a version cannot be read, never raise."""
    old, new = base.get(path), head.get(path)
    if old == new:
        return None
    kind = "added" if old is None else "deleted" if new is None else "changed"
    before, before_problem = _mapping(old, path)
    after, after_problem = _mapping(new, path)
    problem = after_problem or before_problem
    if path == SITE_CONFIG:  # hooks, scripts and overrides run on every page: the lines themselves are shown
        settings = () if problem is not None else tuple(_settings(path, before, after, on_site))
        lines = _line_counts(old, new) if not settings and kind == "changed" else None
        return FileChange(path, kind, settings, lines=lines, every_page=True, excerpt=_excerpt(old, new))
    if problem is not None:
        return FileChange(path, "unreadable", problem=problem, side="head" if after_problem else "base")
    settings = tuple(_settings(path, before, after, on_site))
    if not settings and kind == "changed":
        return None  # only comments or layout changed
    return FileChange(path, kind, settings, every_page=path == SITE_CONFIG)


def _mapping(raw: bytes | None, path: str) -> tuple[dict[str, Any], Problem | None]:
    if raw is None:
        return {}, None
    text, problem = decode(raw, path)
    if text is None:
        return {}, problem
    doc, problem = parse_yaml(text, path)
    if doc is None:
        return {}, problem
    if not isinstance(doc.data, dict):
        return {}, Problem(path, 1, 1, "the file holds no 'key: value' lines")
    return doc.data, None


def _excerpt(old: bytes | None, new: bytes | None, most: int = 200) -> tuple[str, ...]:
    """Return the lines that changed from ``old`` to ``new`` as a unified diff (no file names), at most ``most``."""
    before, after = ((raw or b"").decode("utf-8", errors="replace").splitlines() for raw in (old, new))
    lines = [line for line in difflib.unified_diff(before, after, lineterm="", n=1)][2:]
    if len(lines) > most:
        lines = [*lines[:most], f"… {len(lines) - most} more lines: read the file's diff"]
    return tuple(lines)


def _line_counts(old: bytes | None, new: bytes | None) -> tuple[int, int]:
    """Return how many lines were added and removed from ``old`` to ``new``."""
    before, after = ((raw or b"").decode("utf-8", errors="replace").splitlines() for raw in (old, new))
    opcodes = difflib.SequenceMatcher(None, before, after).get_opcodes()
    changed = [(j2 - j1, i2 - i1) for op, i1, i2, j1, j2 in opcodes if op != "equal"]
    return sum(a for a, _ in changed), sum(r for _, r in changed)


def _settings(path: str, before: dict[str, Any], after: dict[str, Any], on_site: list[dict[str, Any]]) -> list[Setting]:
    out: list[Setting] = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        referred = REFERRED.get((path, key))
        uses = Counter(name for r in on_site if referred and (name := r.get(referred)) and isinstance(name, str))
        # A change to a whole list that claims refer to reaches every claim that names one of its items.
        on_every = key in ON_EVERY_CLAIM.get(path, ())
        users = len(on_site) if on_every else sum(uses.values())
        if key not in before:
            out.append(Setting(key, "added", after=new))
        elif key not in after:
            out.append(Setting(key, "removed", before=old, claims=users, every=on_every))
        elif _same(old, new):
            continue
        elif (items := _keyed(old, new)) is not None:
            out += _item_changes(key, *items, uses)
        else:
            out.append(Setting(key, "changed", old, new, claims=users, every=on_every))
    return out


def _same(old: Any, new: Any) -> bool:
    """Whether two loaded values are equal, telling true from 1 (Python's == does not)."""
    return json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True)


def _keyed(old: Any, new: Any) -> tuple[Items, Items] | None:
    """Return both lists as their items by id (or by name), each without it; None unless both are so keyed."""
    for name in ("id", "name"):
        both = [_by(name, old), _by(name, new)]
        if both[0] is not None and both[1] is not None:
            return both[0], both[1]
    return None


def _by(name: str, value: Any) -> Items | None:
    if not isinstance(value, list) or not value or not all(isinstance(i, dict) for i in value):
        return None
    keys = [i.get(name) for i in value]
    if not all(isinstance(k, str) for k in keys) or len(set(keys)) != len(keys):
        return None
    return {k: {f: v for f, v in i.items() if f != name} for k, i in zip(keys, value, strict=True)}


def _item_changes(key: str, old: Items, new: Items, uses: Counter[str]) -> list[Setting]:
    out = []
    for item in [*old, *(i for i in new if i not in old)]:
        if item not in old:
            out.append(Setting(key, "added", after=new[item], item=item))
        elif item not in new:
            out.append(Setting(key, "removed", before=old[item], item=item, claims=uses[item]))
        else:
            out += _field_changes(key, item, old[item], new[item], uses[item])
    kept_before, kept_after = [i for i in old if i in new], [i for i in new if i in old]
    if kept_before != kept_after:
        out.append(Setting(key, "reordered", tuple(kept_before), tuple(kept_after)))
    return out


def _field_changes(key: str, item: str, was: dict[str, Any], now: dict[str, Any], claims: int) -> list[Setting]:
    out = []
    for name in [*was, *(f for f in now if f not in was)]:
        if name not in now:
            out.append(Setting(key, "removed", before=was[name], item=item, field=name, claims=claims))
        elif name not in was:
            out.append(Setting(key, "added", after=now[name], item=item, field=name, claims=claims))
        elif not _same(was[name], now[name]):
            out.append(Setting(key, "changed", was[name], now[name], item, name, claims))
    return out

"""Compare the claims, sources and report files of two versions of a report, as a reviewer needs to see them."""

from __future__ import annotations

import difflib
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.edit.revisions import COMPARED_FILES, SITE_CONFIG, Files
from generator.folding import fold_quote
from generator.load.yaml_source import decode, parse_yaml
from generator.model import SHOWN
from generator.problems import Problem, clip

COMPARED = ("claim", "claimant", "claim_date", "analysis", "tags", "reviewers", "corrections")
# Lists of a report file whose items claim records name: a claim shows its item as the file says.
REFERRED = {("ratings.yml", "verdicts"): "verdict"}
# Settings every claim carries, on its page or in its data (ClaimReview, Web Annotations, the feed).
ON_EVERY_CLAIM = {"report.yml": ("title", "publisher", "publisher_url", "language")}
Items = dict[str, dict[str, Any]]  # a list's items by their id or name, each without it


@dataclass(frozen=True)
class Record:
    """A claim record as one version has it; ``data`` is empty when the file cannot be read."""

    id: str
    path: str
    data: dict[str, Any]

    def text(self, key: str) -> str:
        value = self.data.get(key)
        return value if isinstance(value, str) else ""

    @property
    def status(self) -> str:
        return self.text("status") or "unreadable"


@dataclass(frozen=True)
class Changed:
    """A claim present in both versions, with what changed."""

    before: Record
    after: Record
    evidence: tuple[str, ...] = ()  # one line per evidence item added, removed or changed
    fields: tuple[str, ...] = ()  # other fields that changed


@dataclass(frozen=True)
class SourceChange:
    """A source text added, deleted or changed, and whether its recorded sha256 follows."""

    id: str
    kind: str  # added, deleted, changed, metadata
    before_sha: str = ""
    after_sha: str = ""
    recorded: str = ""  # the sha256 written in seeds/<id>.yml after the change


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

    @property
    def shown(self) -> list[Setting]:
        """The changes that alter what claims already on the site show."""
        return [s for s in self.settings if s.claims or s.every]

    @property
    def flagged(self) -> bool:
        return self.kind == "unreadable" or self.every_page or bool(self.shown)


@dataclass
class Changes:
    """Every difference a reviewer should see between two versions of a report."""

    added: list[Record] = field(default_factory=list)
    deleted: list[Record] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    sources: list[SourceChange] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # verdict id -> label, from ratings.yml
    files: list[FileChange] = field(default_factory=list)

    def status_changes(self, to: str | None = None) -> list[Changed]:
        return [c for c in self.changed if c.before.status != c.after.status and (to is None or c.after.status == to)]

    @property
    def unpublished(self) -> list[Changed]:
        """Claims whose page was on the site and no longer is, though the file is kept."""
        return [c for c in self.changed if c.before.status in SHOWN and c.after.status not in SHOWN]

    @property
    def deleted_published(self) -> list[Record]:
        return [r for r in self.deleted if r.status in SHOWN or r.status == "unreadable"]

    @property
    def verdicts(self) -> list[Changed]:
        return [c for c in self.changed if c.before.text("verdict") != c.after.text("verdict")]

    @property
    def quotes(self) -> list[Changed]:
        return [c for c in self.changed if c.before.data.get("passage") != c.after.data.get("passage")]

    @property
    def summaries(self) -> list[Changed]:
        return [c for c in self.changed if c.before.text("summary") != c.after.text("summary")]

    @property
    def empty(self) -> bool:
        return not (self.added or self.deleted or self.changed or self.sources or self.files)

    @property
    def flagged(self) -> list[FileChange]:
        """Report files whose change alters how claims already on the site are shown."""
        return [f for f in self.files if f.flagged]

    def label(self, verdict: str) -> str:
        return self.labels.get(verdict, verdict or "none")


def compare(base: Files, head: Files) -> Changes:
    """Return what changed from ``base`` to ``head`` (both as read by generator.edit.revisions)."""
    before, after = _records(base), _records(head)
    changes = Changes(labels=_labels(head) or _labels(base))
    changes.added = [after[k] for k in sorted(after.keys() - before.keys())]
    changes.deleted = [before[k] for k in sorted(before.keys() - after.keys())]
    for key in sorted(before.keys() & after.keys()):
        old, new = before[key], after[key]
        if old.data == new.data:
            continue
        fields = tuple(k for k in COMPARED if old.data.get(k) != new.data.get(k))
        changes.changed.append(Changed(old, new, tuple(_evidence_changes(old, new)), fields))
    changes.sources = _source_changes(base, head)
    on_site = [r for r in after.values() if r.status in SHOWN]
    changes.files = [c for path in COMPARED_FILES if (c := _file_change(path, base, head, on_site)) is not None]
    return changes


def _records(files: Files) -> dict[str, Record]:
    records = {}
    for path, raw in files.items():
        if not path.startswith("claims/"):
            continue
        stem = path.removeprefix("claims/").removesuffix(".yml")
        doc, _ = parse_yaml(raw.decode("utf-8-sig", errors="replace"), path)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        records[stem] = Record(stem, path, data)
    return records


def _labels(files: Files) -> dict[str, str]:
    raw = files.get("ratings.yml")
    doc, _ = parse_yaml(raw.decode("utf-8-sig", errors="replace"), "ratings.yml") if raw else (None, None)
    verdicts = doc.data.get("verdicts") if doc is not None and isinstance(doc.data, dict) else None
    if not isinstance(verdicts, list):
        return {}
    return {
        str(v["id"]): str(v["label"])
        for v in verdicts
        if isinstance(v, dict) and isinstance(v.get("id"), str) and isinstance(v.get("label"), str)
    }


def _evidence_key(item: Any) -> tuple[str, ...]:
    if not isinstance(item, dict):
        return ("other", repr(item))
    if "source" in item:
        return ("quote", str(item.get("source")), fold_quote(str(item.get("quote", ""))))
    return ("reference", str(item.get("publisher", "")), str(item.get("title", "")))


def describe_evidence(item: Any) -> str:
    """Name one item of evidence in a few words: its source and quote, or its publisher and title."""
    if not isinstance(item, dict):
        return "an unreadable item"
    stance = item.get("stance", "?")
    if "source" in item:
        return f'quote from {item.get("source")}: "{clip(str(item.get("quote", "")), 80, join_lines=True)}" ({stance})'
    return f'{item.get("publisher", "?")}, "{clip(str(item.get("title", "")), 80, join_lines=True)}" ({stance})'


def _evidence_changes(old: Record, new: Record) -> list[str]:
    before = [i for i in old.data.get("evidence") or [] if i is not None]
    after = [i for i in new.data.get("evidence") or [] if i is not None]
    if before == after:
        return []
    old_keys = {_evidence_key(i): i for i in before}
    new_keys = {_evidence_key(i): i for i in after}
    added = [i for k, i in new_keys.items() if k not in old_keys]
    removed = [i for k, i in old_keys.items() if k not in new_keys]
    lines = []
    for item in added:
        # An item whose quote or title was edited in place reads as one change, not two.
        at = after.index(item)
        was = before[at] if at < len(before) else None
        if was in removed and _evidence_key(was)[:2] == _evidence_key(item)[:2]:
            removed.remove(was)
            lines.append(f"edited: {describe_evidence(was)} → {describe_evidence(item)}")
        else:
            lines.append(f"added: {describe_evidence(item)}")
    lines += [f"removed: {describe_evidence(i)}" for i in removed]
    for k, item in new_keys.items():
        was = old_keys.get(k)
        if was is None or was == item:
            continue
        what = [key for key in sorted(set(was) | set(item)) if was.get(key) != item.get(key)]
        if "stance" in what:
            lines.append(f"stance changed from {was.get('stance')} to {item.get('stance')}: {describe_evidence(item)}")
        else:
            lines.append(f"{', '.join(what)} changed: {describe_evidence(item)}")
    if not lines:
        lines.append("evidence reordered")
    return lines


def _source_changes(base: Files, head: Files) -> list[SourceChange]:
    out = []
    ids = {
        p[len("seeds/") : -len(".txt")]
        for p in (base.keys() | head.keys())
        if p.startswith("seeds/") and p.endswith(".txt")
    }
    for source_id in sorted(ids):
        text, meta = f"seeds/{source_id}.txt", f"seeds/{source_id}.yml"
        old, new = base.get(text), head.get(text)
        before_sha = hashlib.sha256(old).hexdigest() if old is not None else ""
        after_sha = hashlib.sha256(new).hexdigest() if new is not None else ""
        recorded = _recorded_sha(head.get(meta))
        if old is None:
            out.append(SourceChange(source_id, "added", after_sha=after_sha, recorded=recorded))
        elif new is None:
            out.append(SourceChange(source_id, "deleted", before_sha=before_sha))
        elif old != new:
            out.append(SourceChange(source_id, "changed", before_sha, after_sha, recorded))
        elif base.get(meta) != head.get(meta):
            out.append(SourceChange(source_id, "metadata", before_sha, after_sha, recorded))
    return out


def _recorded_sha(raw: bytes | None) -> str:
    if raw is None:
        return ""
    doc, _ = parse_yaml(raw.decode("utf-8-sig", errors="replace"), "metadata")
    value = doc.data.get("sha256") if doc is not None and isinstance(doc.data, dict) else None
    return value if isinstance(value, str) else ""


def _file_change(path: str, base: Files, head: Files, on_site: list[Record]) -> FileChange | None:
    """Compare one report file key by key; say so when a version cannot be read, never raise."""
    old, new = base.get(path), head.get(path)
    if old == new:
        return None
    kind = "added" if old is None else "deleted" if new is None else "changed"
    before, before_problem = _mapping(old, path)
    after, after_problem = _mapping(new, path)
    problem = after_problem or before_problem
    if problem is not None and path == SITE_CONFIG:
        return FileChange(path, kind, lines=_line_counts(old, new), every_page=True)
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


def _line_counts(old: bytes | None, new: bytes | None) -> tuple[int, int]:
    """Return how many lines were added and removed from ``old`` to ``new``."""
    before, after = ((raw or b"").decode("utf-8", errors="replace").splitlines() for raw in (old, new))
    opcodes = difflib.SequenceMatcher(None, before, after).get_opcodes()
    changed = [(j2 - j1, i2 - i1) for op, i1, i2, j1, j2 in opcodes if op != "equal"]
    return sum(a for a, _ in changed), sum(r for _, r in changed)


def _settings(path: str, before: dict[str, Any], after: dict[str, Any], on_site: list[Record]) -> list[Setting]:
    out: list[Setting] = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        referred = REFERRED.get((path, key))
        uses = Counter(r.text(referred) for r in on_site if r.text(referred)) if referred else Counter()
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

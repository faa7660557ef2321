"""Compare the claims, sources and report files of two versions of a report, as a reviewer needs to see them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from generator.edit.file_changes import FileChange, file_change
from generator.edit.other_paths import PathChange
from generator.edit.revisions import COMPARED_FILES, Files
from generator.folding import fold_quote
from generator.load.yaml_source import parse_yaml
from generator.model import SHOWN
from generator.problems import clip

COMPARED = ("claim", "claimant", "claim_date", "analysis", "tags", "reviewers", "corrections")


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
class TranslationChange:
    """A claim's version in another language, added, deleted or edited (``fields``: what changed)."""

    path: str  # claims/<language>/<id>.yml
    kind: str  # added, deleted, changed
    fields: tuple[str, ...] = ()


@dataclass
class Changes:
    """Every difference a reviewer should see between two versions of a report."""

    added: list[Record] = field(default_factory=list)
    deleted: list[Record] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    sources: list[SourceChange] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # verdict id -> label, from ratings.yml
    files: list[FileChange] = field(default_factory=list)
    translations: list[TranslationChange] = field(default_factory=list)
    paths: list[PathChange] = field(default_factory=list)  # every other path, from generator.edit.other_paths

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
        return not (
            self.added or self.deleted or self.changed or self.sources or self.files or self.translations or self.paths
        )

    @property
    def flagged(self) -> list[FileChange]:
        """Report files whose change alters how claims already on the site are shown."""
        return [f for f in self.files if f.flagged]

    @property
    def reaching(self) -> list[PathChange]:
        """Other paths whose change alters what runs or what the site shows."""
        return [p for p in self.paths if p.why]

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
    changes.translations = _translation_changes(base, head)
    on_site = [r.data for r in after.values() if r.status in SHOWN]
    changes.files = [c for path in COMPARED_FILES if (c := file_change(path, base, head, on_site)) is not None]
    return changes


def _records(files: Files) -> dict[str, Record]:
    records = {}
    for path, raw in files.items():
        if not path.startswith("claims/") or path.count("/") != 1:
            continue
        stem = path.removeprefix("claims/").removesuffix(".yml")
        doc, _ = parse_yaml(raw.decode("utf-8-sig", errors="replace"), path)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        records[stem] = Record(stem, path, data)
    return records


def _translation_changes(base: Files, head: Files) -> list[TranslationChange]:
    def read(files: Files) -> dict[str, dict[str, Any]]:
        found = {}
        for path, raw in files.items():
            if path.startswith("claims/") and path.count("/") == 2:
                doc, _ = parse_yaml(raw.decode("utf-8-sig", errors="replace"), path)
                found[path] = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        return found

    before, after = read(base), read(head)
    changes = []
    for path in sorted(before.keys() | after.keys()):
        if path not in before:
            changes.append(TranslationChange(path, "added"))
        elif path not in after:
            changes.append(TranslationChange(path, "deleted"))
        elif before[path] != after[path]:
            keys = sorted(before[path].keys() | after[path].keys(), key=str)
            fields = tuple(str(k) for k in keys if before[path].get(k) != after[path].get(k))
            changes.append(TranslationChange(path, "changed", fields))
    return changes


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

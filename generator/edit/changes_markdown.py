"""Write the changes between two versions as Markdown, for a pull request or a GitHub job summary.

Everything quoted from the records comes from a pull request, so it is escaped: it can
neither run HTML nor start Markdown of its own.

    >>> escape("<b>*bold*</b> & [link](x)")
    '&lt;b&gt;\\\\*bold\\\\*&lt;/b&gt; &amp; \\\\[link\\\\](x)'
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.edit.changes import Changed, Changes, Record, SourceChange, TranslationChange
from generator.edit.file_changes import FileChange, Setting
from generator.edit.other_paths import PathChange
from generator.problems import clip

_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!])")
# Each report file's section title, and what one of its changes is called in the first line.
_TITLES = {
    "ratings.yml": ("Rating scale", "scale change"),
    "report.yml": ("Report settings", "settings change"),
    "standards.yml": ("Editorial standards", "standards change"),
    "team.yml": ("Team", "team change"),
    "mkdocs.yml": ("Site configuration", "site configuration change"),
}


def escape(text: str) -> str:
    """Return ``text`` on one line, safe to put inside a Markdown paragraph or list item."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def format_changes(changes: Changes, base: str, head: str) -> str:
    """Return the Markdown report of ``changes`` from ``base`` to ``head`` (both as headings show them)."""
    lines = ["## Changes to the fact-checks", ""]
    lines.append(f"From {escape(base)} to {escape(head)}: {_tally(changes)}.")
    if changes.empty:
        return "\n".join(lines) + "\n"
    if changes.deleted or changes.unpublished:
        lines += ["", "### :warning: Claims taken off the site", ""]
        lines.append(
            "A published claim is never deleted: its page and every link to it would break. "
            "Keep the file and withdraw the claim instead, with "
            '`python -m generator withdraw ID --reason "..."`.'
        )
        lines.append("")
        for r in changes.deleted:
            was = "was a draft, never published" if r.status == "draft" else f"was {escape(r.status)}"
            lines.append(f"- **{escape(r.id)}**: file {escape(r.path)} **deleted** ({was}). {_claim(r)}")
        for c in changes.unpublished:
            lines.append(
                f"- **{escape(c.after.id)}**: status changed from {escape(c.before.status)} to "
                f"{escape(c.after.status)}; its page leaves the site. {_claim(c.after)}"
            )
    if changes.flagged:
        lines += ["", "### :warning: Changes to how published claims are shown", ""]
        lines.append(
            "Each of these changes pages already on the site, though no claim record changed: check that it is meant."
        )
        lines.append("")
        for f in changes.flagged:
            lines += _flagged(f, base, head)
    if changes.reaching:
        lines += ["", "### :warning: Files that change what runs or what the site shows", ""]
        lines.append("No claim record shows these changes: read each file's diff before merging.")
        lines.append("")
        lines += [f"- {_path(p)}: {escape(p.why)}." for p in changes.reaching]
    _section(
        lines, "Added", [f"- **{escape(r.id)}** ({_status_verdict(changes, r)}): {_claim(r)}" for r in changes.added]
    )
    _section(lines, "Withdrawn", [_withdrawn(c) for c in changes.status_changes("withdrawn")])
    others = [c for c in changes.status_changes() if c.after.status != "withdrawn" and c not in changes.unpublished]
    _section(
        lines,
        "Status changed",
        [
            f"- **{escape(c.after.id)}**: {escape(c.before.status)} → {escape(c.after.status)}. {_claim(c.after)}"
            for c in others
        ],
    )
    _section(
        lines,
        "Verdicts changed",
        [
            f"- **{escape(c.after.id)}**: {escape(changes.label(c.before.text('verdict')))} → "
            f"**{escape(changes.label(c.after.text('verdict')))}**. {_claim(c.after)}"
            for c in changes.verdicts
        ],
    )
    _section(lines, "Summaries changed", [_before_after(c, "summary") for c in changes.summaries])
    _section(lines, "Quoted passages changed", [_before_after(c, "passage") for c in changes.quotes])
    _section(
        lines,
        "Evidence changed",
        [
            f"- **{escape(c.after.id)}**:" + "".join(f"\n  - {escape(e)}" for e in c.evidence)
            for c in changes.changed
            if c.evidence
        ],
    )
    _section(
        lines,
        "Other fields changed",
        [f"- **{escape(c.after.id)}**: {', '.join(escape(f) for f in c.fields)}" for c in changes.changed if c.fields],
    )
    _section(lines, "Translations", [_translation(t) for t in changes.translations])
    _section(lines, "Source texts", [_source(s) for s in changes.sources])
    for f in changes.files:
        _section(lines, _title(f.path)[0], _file(f, base, head))
    _section(lines, "Other files", [f"- {_path(p)}" for p in changes.paths if not p.why])
    return "\n".join(lines) + "\n"


def _path(p: PathChange) -> str:
    link = ", a link" if p.link else ""
    return f"{escape(clip(p.path, 200))} ({p.kind}{link})"


def _section(lines: list[str], title: str, items: list[str]) -> None:
    if items:
        lines += ["", f"### {title}", "", *items]


def _tally(changes: Changes) -> str:
    counts = [
        (len(changes.added), "added"),
        (len(changes.status_changes("withdrawn")), "withdrawn"),
        (len(changes.deleted), "deleted"),
        (len(changes.verdicts), "verdicts changed" if len(changes.verdicts) != 1 else "verdict changed"),
        (len(changes.changed), "records edited" if len(changes.changed) != 1 else "record edited"),
        (len(changes.sources), "sources changed" if len(changes.sources) != 1 else "source changed"),
        (
            len(changes.translations),
            "translations changed" if len(changes.translations) != 1 else "translation changed",
        ),
    ]
    for f in changes.files:
        n = len(f.settings) or 1
        counts.append((n, _title(f.path)[1] + ("s" if n != 1 else "")))
    reaching = len(changes.reaching)
    counts.append(
        (
            reaching,
            "files that change what runs or is shown" if reaching != 1 else "file that changes what runs or is shown",
        )
    )
    others = len(changes.paths) - reaching
    counts.append((others, "other files" if others != 1 else "other file"))
    said = [f"{n} {what}" for n, what in counts if n]
    return ", ".join(said) if said else "no claim or source changed"


def _translation(t: TranslationChange) -> str:
    _, language, name = t.path.split("/")
    what = f"{', '.join(escape(f) for f in t.fields)} changed" if t.kind == "changed" else t.kind
    return f"- **{escape(name.removesuffix('.yml'))}** in {escape(language)} ({escape(t.path)}): {what}"


def _claim(r: Record) -> str:
    return f"“{escape(clip(r.text('claim'), 160, join_lines=True))}”" if r.text("claim") else ""


def _status_verdict(changes: Changes, r: Record) -> str:
    return f"{escape(r.status)}, {escape(changes.label(r.text('verdict')))}"


def _withdrawn(c: Changed) -> str:
    reason = c.after.data.get("withdrawn")
    why = reason.get("reason") if isinstance(reason, dict) else None
    text = f"- **{escape(c.after.id)}** (was {escape(c.before.status)}): {_claim(c.after)}"
    return text + (f" Reason: {escape(clip(str(why), 200, join_lines=True))}" if why else " No reason given.")


def _before_after(c: Changed, key: str) -> str:
    return (
        f"- **{escape(c.after.id)}**\n"
        f"  - before: {escape(clip(_shown(c.before, key), 200, join_lines=True)) or '(none)'}\n"
        f"  - after: {escape(clip(_shown(c.after, key), 200, join_lines=True)) or '(none)'}"
    )


def _shown(r: Record, key: str) -> str:
    value = r.data.get(key)
    if isinstance(value, dict):  # a passage: its quote, with the context that places it
        quote = f"{value.get('source')}: “{value.get('quote')}”"
        context = [f"{k} “{value[k]}”" for k in ("prefix", "suffix") if isinstance(value.get(k), str)]
        return quote + (f" ({', '.join(context)})" if context else "")
    return r.text(key)


def _source(s: SourceChange) -> str:
    name = f"**{escape(s.id)}**"
    if s.kind == "added":
        return f"- {name}: new source text (sha256 {s.after_sha[:12]})."
    if s.kind == "deleted":
        return f"- {name}: source text **deleted**; every claim quoting it must be changed."
    if s.kind == "metadata":
        return f"- {name}: metadata changed (seeds/{escape(s.id)}.yml); the text is the same."
    text = f"- {name}: **text changed** (sha256 {s.before_sha[:12]} → {s.after_sha[:12]})"
    if s.recorded == s.after_sha:
        return text + "; the recorded sha256 is updated, so its quotes were re-anchored."
    return text + "; the recorded sha256 is not updated: run `python -m generator reanchor` to re-anchor its quotes."


def _title(path: str) -> tuple[str, str]:
    return _TITLES.get(path, (path, f"{path} change"))


def _file(f: FileChange, base: str, head: str) -> list[str]:
    """Return the lines listing every change to one report file."""
    if f.problem is not None:
        where = head if f.side == "head" else base
        fix = "`python -m generator check` says how to fix it." if f.side == "head" else "Compare the file by hand."
        p = f.problem
        return [f"- {escape(p.path)}:{p.line}:{p.col}: {escape(p.message)} (in {escape(where)}). {fix}"]
    lines = {"added": ["- new file"], "deleted": ["- file **deleted**"]}.get(f.kind, [])
    if f.lines is not None:
        lines.append(
            f"- {_line_counts(f.lines)}: the file is compared line by line, as it holds YAML "
            "(such as !ENV tags) that is not read here."
        )
    lines += [f"- {_setting(s)}" for s in f.settings]
    if f.excerpt:
        # A fence longer than any run of backticks in the lines: nothing in them can end it.
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", "\n".join(f.excerpt))), default=0))
        lines += ["", "The lines that changed:", "", f"{fence}diff", *(clip(x, 300) for x in f.excerpt), fence]
    return lines


def _flagged(f: FileChange, base: str, head: str) -> list[str]:
    """Return the warning lines for one report file, each with what it changes on the site."""
    path = escape(f.path)
    if f.problem is not None:
        where = escape(head if f.side == "head" else base)
        return [f"- {path} cannot be read in {where}, so what changed in it cannot be shown: read the file's diff."]
    if f.every_page:
        what = ", ".join(dict.fromkeys(f"**{_name(s.key)}** {'changed' if s.item else s.kind}" for s in f.settings))
        if f.lines is not None:
            what = _line_counts(f.lines)
        elif not what:
            what = "new file" if f.kind == "added" else "file deleted"
        return [f"- {path}: {what}; it configures every page of the site."]
    return [f"- {_setting(s, f.path)}; {_reach(s)}." for s in f.shown]


def _setting(s: Setting, path: str = "") -> str:
    """Describe one change to a report file; ``path`` names the file, for a line outside its section."""
    of = f" ({escape(path)})" if path else ""
    key = _name(s.key)
    if s.kind == "reordered":
        return f"{key}{of} reordered: {_names(s.before)} → {_names(s.after)}"
    if not s.item:
        if s.kind == "changed":
            return f"**{key}**{of}: {_value(s.before)} → {_value(s.after)}"
        return f"**{key}** {s.kind}{of}: {_value(s.after if s.kind == 'added' else s.before)}"
    item = f"**{_name(s.item)}**"
    if s.field and s.kind == "changed":
        return f"{item} in {key}{of}: {_name(s.field)} {_value(s.before)} → {_value(s.after)}"
    if s.field:
        return f"{item} in {key}{of}: {_name(s.field)} {s.kind}: {_value(s.after if s.kind == 'added' else s.before)}"
    fields = s.after if s.kind == "added" else s.before
    listed = ", ".join(f"{_name(name)} {_value(v)}" for name, v in fields.items())
    return f"{item} {s.kind} {'to' if s.kind == 'added' else 'from'} {key}{of}" + (f": {listed}" if listed else "")


def _reach(s: Setting) -> str:
    """Say which claims on the site show the change."""
    if s.every:
        return f"it is part of every claim on the site ({s.claims})"
    return "1 claim on the site uses it" if s.claims == 1 else f"{s.claims} claims on the site use it"


def _value(value: Any) -> str:
    """Show a value from a report file as its YAML reads: text in quotes, a list or mapping as JSON."""
    if isinstance(value, str):
        return f"“{escape(clip(value, 120, join_lines=True))}”"
    if value is None or isinstance(value, bool | int):
        return json.dumps(value)
    return escape(clip(json.dumps(value, ensure_ascii=False), 120, join_lines=True))


def _name(text: str) -> str:
    """Show a key, an id or a name from a report file, cut short: a pull request may make it huge."""
    return escape(clip(text, 80, join_lines=True))


def _names(names: tuple[str, ...]) -> str:
    return escape(clip(", ".join(names), 400, join_lines=True))


def _line_counts(lines: tuple[int, int]) -> str:
    added, removed = lines
    return f"{added} line{'s' if added != 1 else ''} added, {removed} removed"

"""After a source text is edited, find where each broken quote went, and propose the new words.

A source whose text no longer has its recorded sha256 has changed. Every quote of that
source that no longer anchors is looked for again, word by word (generator.anchor.word_align), with
its prefix and suffix when it has them; the closest passage of the new text becomes a
proposal in the source's own characters, with its edit distance (rapidfuzz's Levenshtein)
to the old quote. Nothing is written until an editor
accepts (``reanchor --write``); the sha256 is updated only when every quote of the source
anchors again, so ``check`` keeps failing until then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from generator.anchor.context_words import distinguishing_context
from generator.anchor.matcher import Match, anchor
from generator.anchor.quotes import closest_hint
from generator.anchor.word_align import align
from generator.edit.yaml_edit import EditableYaml, on_one_line
from generator.folding import ELISION, fold_quote
from generator.load.sources import load_sources
from generator.load.yaml_source import PathKey, load_yaml
from generator.model import Source
from generator.names import ID as SOURCE_ID
from generator.problems import display_path, line_col
from generator.settings import Layout

MIN_SIMILARITY = 0.6  # below this, the closest passage is more likely a different passage


@dataclass(frozen=True)
class QuoteRef:
    """One anchored quote in a claim record: where it is written, and what it says."""

    file: Path
    shown: str
    at: PathKey
    line: int
    col: int
    source_id: str
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Proposal:
    """New words for a quote that no longer matches, in the changed source's own characters."""

    ref: QuoteRef
    quote: str
    prefix: str
    suffix: str
    distance: int
    line: int
    col: int


@dataclass(frozen=True)
class Unresolved:
    """A quote of a changed source that needs an editor's hand, and why."""

    ref: QuoteRef
    message: str
    hint: str


@dataclass
class Reanchoring:
    """What a changed source means for its quotes: proposals, what needs a hand, what still holds."""

    changed: dict[str, Source] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    intact: dict[str, int] = field(default_factory=dict)  # per source: quotes that still anchor


def find_quotes(folder: Path, root: Path) -> list[QuoteRef]:
    """Return every quote of a seeds/ source written in the records of ``folder`` that can be read."""
    refs: list[QuoteRef] = []
    for file in sorted(folder.glob("*.yml")):
        doc, _ = load_yaml(file, display_path(file, root))
        if doc is None or not isinstance(doc.data, dict):
            continue  # check reports it
        places: list[tuple[PathKey, object]] = [(("passage",), doc.data.get("passage"))]
        evidence = doc.data.get("evidence")
        if isinstance(evidence, list):
            places += [(("evidence", i), item) for i, item in enumerate(evidence)]
        for at, item in places:
            if not isinstance(item, dict):
                continue
            source_id, quote = item.get("source"), item.get("quote")
            if not (isinstance(source_id, str) and isinstance(quote, str) and SOURCE_ID.fullmatch(source_id)):
                continue
            line, col = doc.where((*at, "quote"))
            context = {k: item[k] for k in ("prefix", "suffix") if isinstance(item.get(k), str)}
            refs.append(QuoteRef(file, doc.path, at, line, col, source_id, quote, **context))
    return refs


def propose(layout: Layout) -> Reanchoring:
    """Look at every quote of every changed source; return the proposals and what needs a hand."""
    sources, _ = load_sources(layout.path("seeds"), layout.root)
    result = Reanchoring(changed={k: s for k, s in sources.items() if s.meta.get("sha256") != s.sha256})
    for ref in find_quotes(layout.path("claims"), layout.root):
        source = result.changed.get(ref.source_id)
        if source is None:
            continue
        if anchor(source.folded, ref.quote, ref.prefix, ref.suffix).match:
            result.intact[source.id] = result.intact.get(source.id, 0) + 1
            continue
        outcome = reanchor_quote(source, ref)
        if isinstance(outcome, Proposal):
            result.proposals.append(outcome)
        else:
            result.unresolved.append(outcome)
    return result


def reanchor_quote(source: Source, ref: QuoteRef) -> Proposal | Unresolved:
    """Find where ``ref``'s quote went in the changed ``source``; propose it, or say why not."""
    plain = anchor(source.folded, ref.quote)
    if plain.ambiguous and not (ref.prefix or ref.suffix):
        return Unresolved(
            ref,
            f"quote occurs {plain.times} in the changed source '{source.id}'",
            "Choose one with prefix or suffix (words just before or after); check lists the places.",
        )
    # With elisions, the parts are aligned with any words allowed between them; a quote whole
    # wins a tie, as '...' in a quote may be the source's own ellipsis, not a cut.
    tries: list[tuple[list[str], list[str]]] = [([ref.quote], [])]
    marks = [m.group().strip() for m in ELISION.finditer(ref.quote)]
    parts = ELISION.split(ref.quote)
    if marks and all(fold_quote(p) for p in parts):
        tries.append((parts, marks))
    found = [(a, used) for attempt, used in tries if (a := align(source.folded, attempt, ref.prefix, ref.suffix))]
    if found:
        best, used = min(found, key=lambda f: f[0].cost)
        spans = tuple(source.folded.span(s, e) for s, e in best.parts)
        quote = on_one_line(source.text[spans[0][0] : spans[0][1]])
        for mark, (s, e) in zip(used, spans[1:], strict=True):
            quote += f" {mark} " + on_one_line(source.text[s:e])
        if Levenshtein.normalized_similarity(fold_quote(ref.quote), fold_quote(quote)) >= MIN_SIMILARITY:
            return _proposal(source, ref, Match(spans[0][0], spans[-1][1], spans), quote)
    return Unresolved(
        ref,
        f"quote no longer found in the changed source '{source.id}'; nothing in the new text is close enough",
        closest_hint(source, ref.quote),
    )


def _proposal(source: Source, ref: QuoteRef, match: Match, quote: str) -> Proposal | Unresolved:
    # Keep the record's own prefix/suffix when they still pick the passage; else find the fewest words.
    for prefix, suffix in ((ref.prefix, ref.suffix), ("", "")):
        found = anchor(source.folded, quote, prefix, suffix).match
        if found and (found.start, found.end) == (match.start, match.end):
            break
    else:
        context = distinguishing_context(source, quote, match)
        if context is None:
            return Unresolved(
                ref,
                f"the new passage occurs more than once in '{source.id}' and no nearby words tell it apart",
                "Quote a longer passage by hand.",
            )
        prefix, suffix = context
    line, col = line_col(source.text, match.start)
    distance = Levenshtein.distance(fold_quote(ref.quote), fold_quote(quote))
    return Proposal(ref, quote, prefix, suffix, distance, line, col)


def accept(result: Reanchoring, layout: Layout, only: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Write the proposals (for claims in ``only``, or all) and record the sha256 of every source
    whose quotes all anchor again; return the records and source files written."""
    chosen = [p for p in result.proposals if only is None or p.ref.file.stem in only]
    written: list[str] = []
    for file in sorted({p.ref.file for p in chosen}):
        doc = EditableYaml.read(file)
        for p in (p for p in chosen if p.ref.file == file):
            doc.set((*p.ref.at, "quote"), p.quote)
            for key, value, after in (("prefix", p.prefix, ("quote",)), ("suffix", p.suffix, ("prefix", "quote"))):
                if value:
                    doc.set_after((*p.ref.at, key), value, after=after)
                else:
                    doc.delete((*p.ref.at, key))
        if doc.save(file):
            written.append(display_path(file, layout.root))
    recorded: list[str] = []
    refs = find_quotes(layout.path("claims"), layout.root)
    # Accepting some claims' proposals accepts only their sources' new texts.
    accepted = result.changed if only is None else {p.ref.source_id: result.changed[p.ref.source_id] for p in chosen}
    for source_id, source in sorted(accepted.items()):
        mine = [r for r in refs if r.source_id == source_id]
        if all(anchor(source.folded, r.quote, r.prefix, r.suffix).match for r in mine):
            meta = layout.path("seeds") / f"{source_id}.yml"
            doc = EditableYaml.read(meta)
            doc.set(("sha256",), source.sha256)
            if doc.save(meta):
                recorded.append(display_path(meta, layout.root))
    return written, recorded


def describe(result: Reanchoring) -> str:
    """Say what ``propose`` found, one entry per quote, for a person at a terminal or in CI logs."""
    if not result.changed:
        return "No source text has changed: every recorded sha256 matches its text."
    entries: list[tuple[tuple[str, int, int], str]] = []
    for p in result.proposals:
        text = f"{p.ref.shown}:{p.ref.line}:{p.ref.col}: quote no longer matches the changed source '{p.ref.source_id}'"
        text += f'\n    old: "{_one_line(p.ref.quote)}"\n    new: "{_one_line(p.quote)}"'
        text += f"\n    at line {p.line}, col {p.col} of the new text; edit distance {p.distance}"
        for key, old, new in (("prefix", p.ref.prefix, p.prefix), ("suffix", p.ref.suffix, p.suffix)):
            if new and new == old:
                text += f'\n    {key}: "{_one_line(new)}" (kept)'
            elif new:
                text += f'\n    {key}: "{_one_line(new)}" (' + (f'was "{_one_line(old)}")' if old else "added)")
            elif old:
                text += f'\n    {key}: removed (was "{_one_line(old)}"), no longer needed'
        entries.append(((p.ref.shown, p.ref.line, p.ref.col), text))
    for u in result.unresolved:
        text = f"{u.ref.shown}:{u.ref.line}:{u.ref.col}: {u.message}"
        text += "".join(f"\n    {line}" for line in (u.hint + "\nEdit this quote by hand.").splitlines())
        entries.append(((u.ref.shown, u.ref.line, u.ref.col), text))
    lines = [text for _, text in sorted(entries)]
    names = ", ".join(sorted(result.changed))
    intact = sum(result.intact.values())
    lines.append(
        f"{_count(len(result.proposals), 'proposal')}, {_count(len(result.unresolved), 'quote')} to fix by hand, "
        f"{_count(intact, 'quote')} still matching, in {_count(len(result.changed), 'changed source')} ({names})."
    )
    if result.proposals:
        lines.append("To accept the proposals, run: python -m generator reanchor --write")
    elif not result.unresolved:
        lines.append("To record the new sha256, run: python -m generator reanchor --write")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"

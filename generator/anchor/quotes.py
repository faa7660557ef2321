"""Anchor a record's quotes in their sources, explaining every failure with a way to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.anchor.matcher import Anchoring, Match, anchor
from generator.folding import fold_quote
from generator.model import Passage, Source
from generator.problems import line_col

ELLIPSIS = " … "
HINT_NEEDLE = 200


@dataclass(frozen=True)
class Unanchored:
    """Why a quote does not anchor: the key of its item at fault, what is wrong, how to fix it."""

    key: str  # "source" or "quote"
    message: str
    hint: str


def resolve_passage(quoted: dict, sources: dict[str, Source]) -> Passage | Unanchored:
    """Anchor a record's quoted item ({source, quote, prefix?, suffix?}); return its passage, or why not."""
    source = sources.get(quoted["source"])
    if source is None:
        known = ", ".join(sorted(sources)) or "none"
        return Unanchored(
            "source",
            f"unknown source '{quoted['source']}'",
            f"Expected one of: {known}. Source ids are file names in seeds/ without '.txt'.",
        )
    found = anchor(source.folded, quoted["quote"], quoted.get("prefix", ""), quoted.get("suffix", ""))
    if found.match:
        return to_passage(source, found.match)
    return _explain(quoted, source, found)


def to_passage(source: Source, match: Match) -> Passage:
    text = ELLIPSIS.join(source.text[s:e] for s, e in match.parts)
    return Passage(source.id, match.start, match.end, match.parts, text)


def _explain(quoted: dict, source: Source, found: Anchoring) -> Unanchored:
    context = bool(quoted.get("prefix") or quoted.get("suffix"))
    if found.ambiguous:
        places = []
        for m in found.candidates[:5]:
            line, col = line_col(source.text, m.start)
            others = [o for o in found.candidates if o != m]
            before = _distinct_words(source, m, others, before=True)
            after = _distinct_words(source, m, others, before=False)
            shown = _clip(source.text[max(0, m.start - 30) : m.start], 30, left=True)
            shown += f"[{_clip(source.text[m.start : m.end])}]" + _clip(source.text[m.end : m.end + 30], 30)
            places.append(
                f'line {line}, col {col}: …{shown}…\n  to choose it, add  prefix: "{before}"  or  suffix: "{after}"'
            )
        return Unanchored(
            "quote",
            f"quote occurs {found.times} in source '{source.id}'",
            "Tell the places apart with prefix or suffix (words just before or after):\n" + "\n".join(places),
        )
    if context:
        plain = anchor(source.folded, quoted["quote"])
        if plain.candidates:
            return Unanchored(
                "quote",
                f"quote found in source '{source.id}', but not with the given prefix/suffix",
                "Copy the words just before (prefix) or after (suffix) the quote exactly from the source.",
            )
    return Unanchored("quote", f"quote not found in source '{source.id}'", closest_hint(source, quoted["quote"]))


def closest_hint(source: Source, quote: str) -> str:
    """Name the passage of ``source`` most like ``quote``, for a hint."""
    # The alignment costs the needle's length times the text's: its first words suffice for a hint.
    needle = fold_quote(quote)[:HINT_NEEDLE]
    hay = source.folded.text
    if not needle or not hay:
        return "The source text is empty."
    best = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=0)
    if best is None or best.score < 40:
        return "Nothing in the source is close; check that the quote is from this source."
    start, end = _whole_words(source.text, *source.folded.span(best.dest_start, best.dest_end))
    line, col = line_col(source.text, start)
    return (
        f"Closest passage ({best.score:.0f}% alike), line {line}, col {col}:\n"
        f'  "{_clip(source.text[start:end], 200)}"\n'
        "Copy the words exactly from the source; mark left-out words with … or [...]."
    )


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace() and start > end - 400:
        start -= 1
    while end < len(text) and not text[end].isspace() and end < start + 400:
        end += 1
    return start, end


def _clip(text: str, limit: int = 60, left: bool = False) -> str:
    text = " ".join(text.split()) if not left else " ".join(text.split()) + (" " if text[-1:].isspace() else "")
    if len(text) <= limit:
        return text
    return text[-limit:] if left else text[: limit - 1] + "…"


def _distinct_words(source: Source, match: Match, others: list[Match], before: bool, most: int = 8) -> str:
    """Return the fewest words next to ``match`` that no other occurrence shares."""

    def words(m: Match, count: int) -> str:
        if before:
            return " ".join(source.text[max(0, m.start - 300) : m.start].split()[-count:])
        return " ".join(source.text[m.end : m.end + 300].split()[:count])

    for count in range(2, most + 1):
        mine = words(match, count)
        if all(words(o, count).lower() != mine.lower() for o in others):
            return mine
    return words(match, most)

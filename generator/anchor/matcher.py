"""Find a quote in a source text, forgiving only typography, and map it back to the original.

For matching only, both texts are *folded*: curly and straight quotes and apostrophes become
one, every dash becomes '-', every run of whitespace (no-break spaces included) becomes one
space, and the ellipsis '…' becomes '...'. A map from folded positions to original positions
lets every match be reported, and shown, in the source's own characters.

    >>> text = "Kirby said “it’s called transparency — it’s”"
    >>> [text[s:e] for s, e in find_all(fold(text), "it's called transparency - it's")]
    ['it’s called transparency — it’s']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_QUOTES = {c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
_DASHES = {c: "-" for c in "‐‑‒–—―−"}
_TABLE = str.maketrans(_QUOTES | _DASHES | {"…": "..."})
_SPACE = re.compile(r"\s+")
_ONE_FOR_ONE = str.maketrans(_QUOTES | _DASHES)
_ONE_SPACE = re.compile(r"\s")  # the same characters as str.isspace()
_IRREGULAR = re.compile(r"\s{2,}|…")
# An elision in a quote: "…", "..." or "[...]" / "[…]" standing between two parts.
ELISION = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|…|\.\.\.)\s*")


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each folded character, the original index it came from."""

    text: str
    starts: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the original text's span."""
        if start == end:
            position = self.starts[start] if start < len(self.starts) else self.original_length
            return position, position
        last = end - 1
        stop = self.starts[end] if end < len(self.starts) else self.original_length
        # A folded character may stand for several originals (a run of spaces, '…' as '...');
        # the span ends where the next folded character begins, less trailing whitespace.
        return self.starts[start], max(stop, self.starts[last] + 1)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping the map back to original positions."""
    # Quotes, dashes and single whitespace characters fold one for one, in C; only runs of
    # whitespace and ellipses change the length, and they are few.
    same_length = _ONE_SPACE.sub(" ", text.translate(_ONE_FOR_ONE))
    out: list[str] = []
    starts: list[int] = []
    position = 0
    for irregular in _IRREGULAR.finditer(text):
        start, end = irregular.span()
        out.append(same_length[position:start])
        starts.extend(range(position, start))
        folded = "..." if text[start] == "…" else " "
        out.append(folded)
        starts.extend([start] * len(folded))
        position = end
    out.append(same_length[position:])
    starts.extend(range(position, len(text)))
    return Folded("".join(out), tuple(starts), len(text))


def fold_quote(quote: str) -> str:
    """Fold an editor's quote the same way, trimming outer whitespace."""
    return _SPACE.sub(" ", quote.translate(_TABLE)).strip()


def find_all(source: Folded, quote: str) -> list[tuple[int, int]]:
    """Return every original-text span where ``quote`` occurs (folded), in order."""
    needle = fold_quote(quote)
    if not needle:
        return []
    spans, at = [], source.text.find(needle)
    while at != -1:
        spans.append(source.span(at, at + len(needle)))
        at = source.text.find(needle, at + 1)
    return spans


@dataclass(frozen=True)
class Match:
    """Where a quote lies in its source: the whole span, and its parts when it has elisions."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Anchoring:
    """The outcome of anchoring one quote: exactly one match, or why there is none."""

    match: Match | None
    candidates: tuple[Match, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.match is None and len(self.candidates) > 1


MAX_ELISION_GAP = 2000


def anchor(source: Folded, quote: str, prefix: str = "", suffix: str = "") -> Anchoring:
    """Anchor ``quote`` in ``source``; ``prefix``/``suffix`` pick one of several occurrences.

    A quote is first tried whole; if that fails and it holds elisions, its parts are found
    in order, each within a short gap of the one before.
    """
    candidates = [Match(s, e, ((s, e),)) for s, e in find_all(source, quote)]
    if not candidates:
        parts = [p for p in ELISION.split(quote) if fold_quote(p)]
        if len(parts) > 1:
            candidates = _elided(source, parts)
    if prefix or suffix:
        candidates = [m for m in candidates if _has_context(source, m, prefix, suffix)]
    if len(candidates) == 1:
        return Anchoring(candidates[0], tuple(candidates))
    return Anchoring(None, tuple(candidates))


def _elided(source: Folded, parts: list[str]) -> list[Match]:
    # Each part is searched once: a short part occurring thousands of times must not make
    # the search quadratic (a hostile quote like "e … e" would otherwise stall the checker).
    later = [find_all(source, part) for part in parts[1:]]
    later_starts = [[start for start, _ in spans] for spans in later]
    found: list[Match] = []
    for first_start, first_end in find_all(source, parts[0]):
        spans, end = [(first_start, first_end)], first_end
        for occurrences, starts in zip(later, later_starts, strict=True):
            i = bisect_left(starts, end)
            if i == len(starts) or starts[i] > end + MAX_ELISION_GAP:
                break
            spans.append(occurrences[i])
            end = occurrences[i][1]
        else:
            found.append(Match(spans[0][0], spans[-1][1], tuple(spans)))
    return found


def _has_context(source: Folded, match: Match, prefix: str, suffix: str) -> bool:
    # Context is compared on the folded text either side of the match.
    before = source.text[: bisect_left(source.starts, match.start)].rstrip()
    after = source.text[bisect_left(source.starts, match.end) :].lstrip()
    return before.endswith(fold_quote(prefix)) and after.startswith(fold_quote(suffix))

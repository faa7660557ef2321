"""Fold a text for matching, forgiving only typography, with the map back to its own characters.

Curly and straight quotes, apostrophes and the quotation marks of other languages („ ‚
« » ‹ › 「 」) become one, every dash becomes '-', every run of whitespace
(no-break spaces included) becomes one space, and the ellipsis '…' becomes '...'. A quote and
its source are folded alike; the map lets every match be shown in the source's own characters.

    >>> fold_quote("「受け入れる」 – „ja“")
    '"受け入れる" - "ja"'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTES = {c: "'" for c in "‘’‚‛′`´‹›"} | {c: '"' for c in "“”„‟″«»「」『』"}
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

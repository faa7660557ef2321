"""Find where a quote went in an edited text: the passage closest to it, word by word.

Quote and text are compared as words and punctuation marks, folded as for anchoring. The
alignment is semi-global: the whole quote (with its prefix and suffix, when the record has
them) against any stretch of the text, one edit per word inserted, deleted or replaced.
Counting whole words, not characters, keeps a word inserted at the edge of a passage
inside it rather than trading it for a look-alike of the quote's first letters.

    >>> from generator.folding import fold
    >>> text = fold("Officials said the drills were “purely defensive in nature.”")
    >>> found = align(text, ['were "defensive in nature."'])
    >>> text.text[found.start:found.end], found.cost
    ('were "purely defensive in nature."', 0.99)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.folding import Folded, fold_quote

TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_CELLS = 3_000_000  # beyond this many comparisons, look only near the rough place first
# Near ties are broken toward keeping the quote's words: a word of the quote dropped costs a
# little more than one replaced, a word added a little less, so that "each year" -> "every
# single year" reads as an edit of the passage, not as its last words cut off or replaced.
DELETION = 1.01
INSERTION = 0.99


@dataclass(frozen=True)
class Alignment:
    """Where the quote's parts lie in the folded text now, and how many word edits it took."""

    parts: tuple[tuple[int, int], ...]
    cost: float

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def align(text: Folded, parts: list[str], prefix: str = "", suffix: str = "") -> Alignment | None:
    """Return the stretches of ``text`` (folded positions) closest to the quote ``parts`` in context.

    Between two parts (an elision) any number of words may stand, at no cost.
    """
    pieces = [_tokens(fold_quote(prefix))] + [_tokens(fold_quote(p)) for p in parts] + [_tokens(fold_quote(suffix))]
    needle = [t for piece in pieces for t, _, _ in piece]
    segment = [k - 1 for k, piece in enumerate(pieces) for _ in piece]  # -1 prefix, 0.. parts, len(parts) suffix
    if not any(0 <= s < len(parts) for s in segment):
        return None
    hay = _tokens(text.text)
    if len(hay) * len(needle) > MAX_CELLS:
        rough = fuzz.partial_ratio_alignment(" ".join(needle), text.text, score_cutoff=0)
        if rough is None:
            return None
        reach = 3 * sum(len(p) for p in parts) + len(prefix) + len(suffix)
        lo, hi = max(0, rough.dest_start - reach), min(len(text.text), rough.dest_end + reach)
        hay = [t for t in hay if t[1] >= lo and t[2] <= hi]
    if not hay:
        return None
    cost, taken = _semi_global(needle, [t for t, _, _ in hay], segment, len(parts))
    spans = []
    for part in range(len(parts)):
        mine = [j for j, k in taken.items() if k == part]
        if not mine:
            return None
        spans.append((hay[min(mine)][1], hay[max(mine)][2]))
    return Alignment(tuple(spans), cost)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return 0.5 if a.casefold() == b.casefold() else 1.0


def _semi_global(needle: list[str], hay: list[str], segment: list[int], parts: int) -> tuple[float, dict[int, int]]:
    """Align all of ``needle`` to a stretch of ``hay``; return the cost, and for each hay word
    that stands for a word of the quote (matched, replaced or inserted within a part), its part."""
    n, m = len(needle), len(hay)
    # Inserting words after needle word i-1 is free where an elision stands between two parts.
    free = [0 < i < n and 0 <= segment[i - 1] < segment[i] < parts for i in range(n + 1)]
    previous = [0.0] * (m + 1)  # the quote may start anywhere: no cost before it
    moves: list[bytearray] = [bytearray(m + 1)]
    for i in range(1, n + 1):
        row = [i * DELETION] + [0.0] * m
        move = bytearray(m + 1)
        move[0] = 1
        word, insert = needle[i - 1], 0.0 if free[i] else INSERTION
        for j in range(1, m + 1):
            best, how = previous[j - 1] + _substitution(word, hay[j - 1]), 0
            if previous[j] + DELETION < best:
                best, how = previous[j] + DELETION, 1  # a needle word deleted from the text
            if row[j - 1] + insert < best:
                best, how = row[j - 1] + insert, 2  # a word inserted in the text
            row[j], move[j] = best, how
        previous = row
        moves.append(move)
    end = min(range(m + 1), key=lambda j: (previous[j], -j))
    taken: dict[int, int] = {}
    i, j = n, end
    while i > 0:
        how = moves[i][j]
        if how == 0:
            if 0 <= segment[i - 1] < parts:
                taken[j - 1] = segment[i - 1]
            i, j = i - 1, j - 1
        elif how == 1:
            i -= 1
        else:
            if i < n and segment[i - 1] == segment[i] and 0 <= segment[i] < parts:
                taken[j - 1] = segment[i]  # inserted between two words of one part
            j -= 1
    return previous[end], taken

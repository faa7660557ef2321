"""Fold a text for matching, forgiving only typography, with the map back to its own characters.

Curly and straight quotes, apostrophes (’ ʼ ʻ ′) and the quotation marks of other languages
(„ ‚ « » ‹ › 「 」 『 』 〝 〞) become one, every dash and the minus sign become '-', every run
of whitespace (no-break spaces included) becomes one space, and the ellipsis '…' becomes '...'.
The spaces French typography sets inside guillemets and before ; : ! ? are left out, so that
"« oui » : non" reads as '"oui": non', as an editor types it. A quote and its source are folded
alike; the map lets every match be shown in the source's own characters, and only those.

    >>> fold_quote("「受け入れる」 – „ja“ « oui » !")
    '"受け入れる" - "ja" "oui"!'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTES = {c: "'" for c in "‘’‚‛′‵`´‹›ʼʻ＇"} | {c: '"' for c in "“”„‟″‶«»「」『』〝〞〟＂"}
_DASHES = {c: "-" for c in "‐‑‒–—―−⸺⸻﹘﹣－"}
_TABLE = str.maketrans(_QUOTES | _DASHES | {"…": "..."})
_ONE_FOR_ONE = str.maketrans(_QUOTES | _DASHES)
_ONE_SPACE = re.compile(r"\s")  # the same characters as str.isspace()
# A run of whitespace is left out (group 1) after an opening guillemet (one not following a
# letter or digit), before a closing one (not followed by one) and before ; : ! ?; German and
# Swedish »…« have no space inside and keep the spaces outside. Any other run of two or more
# becomes one space. Every run is tried once from its first character, without backtracking
# (*+): at every space of a 5 MB text, that costs no more than the search for runs alone.
_LEFT_OUT = r"(?<=[«‹]\s)(?<!\w[«‹]\s)\s*+|\s*+(?=[;:!?»›])(?![»›]\w)"
_IRREGULAR = re.compile(rf"\s(?:({_LEFT_OUT})|\s+)|…")
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
        if self.text[last] != " ":
            # One original character each ('…' is folded to three with the same start), and
            # a space left out after it is no part of the span.
            return self.starts[start], self.starts[last] + 1
        # A folded space stands for a run of whitespace: it ends where the next character begins.
        return self.starts[start], self.starts[end] if end < len(self.starts) else self.original_length


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping the map back to original positions."""
    # Quotes, dashes and single whitespace characters fold one for one, in C; only runs of
    # whitespace, spaces left out and ellipses change the length, and they are few.
    same_length = _ONE_SPACE.sub(" ", text.translate(_ONE_FOR_ONE))
    out: list[str] = []
    starts: list[int] = []
    position = 0
    for irregular in _IRREGULAR.finditer(text):
        start, end = irregular.span()
        out.append(same_length[position:start])
        starts.extend(range(position, start))
        folded = "..." if text[start] == "…" else "" if irregular.lastindex else " "
        out.append(folded)
        starts.extend([start] * len(folded))
        position = end
    out.append(same_length[position:])
    starts.extend(range(position, len(text)))
    return Folded("".join(out), tuple(starts), len(text))


def fold_quote(quote: str) -> str:
    """Fold an editor's quote the same way, trimming outer whitespace."""
    return fold(quote).text.strip(" ")

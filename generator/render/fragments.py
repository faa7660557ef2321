"""Text fragment links (``#:~:text=``) that open the original page at a quoted passage.

A browser highlights the first stretch of the page that matches the directive, case aside,
between word boundaries. So a directive names the quote (or, for a long quote, its first and
last words), and adds a few words of context before or after it when the quote is short or
occurs more than once in the text as captured.

    >>> text = "The exercise is held each year. Critics said the exercise is held each year."
    >>> fragment_url("https://example.org/a", directive_for(text, 45, 76))
    'https://example.org/a#:~:text=said-,the%20exercise%20is%20held%20each%20year.'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from generator.folding import ELISION
from generator.model import Passage, Source

_WORD = re.compile(r"\S+")
_RUN = re.compile(r"\s+|\S+")
_BLANKS = re.compile(r"\s+")
LONG = 12  # words: past this a quote is named by its first and last EDGE words
EDGE = 4
SHORT = 4  # words: a quote this short gets context even when it is unique in the capture
CONTEXT = 3  # at most this many words of context on each side


@dataclass(frozen=True)
class TextDirective:
    """The parts of a text directive: textStart, and optionally textEnd, prefix and suffix."""

    start: str
    end: str = ""
    prefix: str = ""
    suffix: str = ""

    def encode(self) -> str:
        """Return ``text=[prefix-,]textStart[,textEnd][,-suffix]``, each part percent-encoded."""
        parts = [f"{_encode(self.prefix)}-"] if self.prefix else []
        parts.append(_encode(self.start))
        if self.end:
            parts.append(_encode(self.end))
        if self.suffix:
            parts.append(f"-{_encode(self.suffix)}")
        return "text=" + ",".join(parts)


def fragment_url(url: str, directive: TextDirective) -> str:
    """Return ``url`` with the text directive added (after any fragment it already has)."""
    return url + (":~:" if "#" in url else "#:~:") + directive.encode()


def passage_link(source: Source, passage: Passage) -> str | None:
    """Return the link to a passage on the original page, or None when the source has no address."""
    url = source.meta.get("url")
    if not url:
        return None
    return fragment_url(url, directive_for(source.text, passage.start, passage.end))


def quote_link(url: str | None, quote_text: str | None) -> str | None:
    """Return the link to a quote on an external page; its text is unknown, so no context is added."""
    if not url or not quote_text:
        return None
    parts = [p for p in ELISION.split(quote_text) if p.strip()]
    words = _BLANKS.split(" ".join(parts).strip())
    if len(parts) == 1 and len(words) <= LONG:
        return fragment_url(url, TextDirective(" ".join(words)))
    first, last = parts[0].split(), parts[-1].split()
    return fragment_url(url, TextDirective(" ".join(first[:EDGE]), " ".join(last[-EDGE:])))


@lru_cache(maxsize=100_000)  # a page and the data both link each passage: every one of 10,000 claims
def directive_for(text: str, start: int, end: int) -> TextDirective:
    """Return the directive that finds ``text[start:end]`` (widened to whole words) and nothing else."""
    words, ends, breaks = _words_of(text)

    def line(position: int) -> int:
        return bisect_right(breaks, position)

    inside = list(range(bisect_right(ends, start), bisect_left(words, (end,))))
    if not inside:
        return TextDirective(_one_line(text[start:end]))
    first, last = inside[0], inside[-1]
    # A directive's textStart cannot run across the end of a paragraph; a range can.
    ranged = last - first + 1 > LONG or line(words[first][0]) != line(words[last][0])
    if ranged:
        head = [i for i in inside[:EDGE] if line(words[i][0]) == line(words[first][0])]
        tail = [i for i in inside[-EDGE:] if line(words[i][0]) == line(words[last][0])]
        spans = [(words[head[0]][0], words[head[-1]][1]), (words[tail[0]][0], words[tail[-1]][1])]
    else:
        spans = [(words[first][0], words[last][1])]
    before = [
        i for i in range(first - 1, max(first - 1 - CONTEXT, -1), -1) if line(words[i][0]) == line(words[first][0])
    ]
    after = [
        i for i in range(last + 1, min(last + 1 + CONTEXT, len(words))) if line(words[i][0]) == line(words[last][0])
    ]
    short = last - first + 1 < SHORT
    best = None
    for p, s in _context_sizes(len(before), len(after), short):
        prefix = (words[before[p - 1]][0], words[first][0]) if p else None
        suffix = (words[last][1], words[after[s - 1]][1]) if s else None
        candidate = _directive(text, spans, prefix, suffix)
        best = candidate
        if _finds_only(text, spans, prefix, suffix):
            return candidate
    assert best is not None
    return best  # the text repeats itself beyond any context: the first match is the best a link can do


@lru_cache(maxsize=1024)
def _words_of(text: str) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Return the spans of the words of ``text``, their ends, and where its lines break (once per text)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    return words, [e for _, e in words], [m.start() for m in re.finditer("\n", text)]


def _context_sizes(before: int, after: int, short: bool) -> list[tuple[int, int]]:
    sizes = [(0, 0)]
    for k in range(1, CONTEXT + 1):
        sizes += [(k, 0), (0, k), (k, k)]
    sizes = [(min(p, before), min(s, after)) for p, s in sizes]
    if short and (before or after):
        sizes = [(p, s) for p, s in sizes if p + s]
    return list(dict.fromkeys(sizes))


def _directive(
    text: str, spans: list[tuple[int, int]], prefix: tuple[int, int] | None, suffix: tuple[int, int] | None
) -> TextDirective:
    return TextDirective(
        start=_one_line(text[spans[0][0] : spans[0][1]]),
        end=_one_line(text[spans[1][0] : spans[1][1]]) if len(spans) > 1 else "",
        prefix=_one_line(text[prefix[0] : prefix[1]]) if prefix else "",
        suffix=_one_line(text[suffix[0] : suffix[1]]) if suffix else "",
    )


def _finds_only(
    text: str, spans: list[tuple[int, int]], prefix: tuple[int, int] | None, suffix: tuple[int, int] | None
) -> bool:
    """Tell whether a browser would match the directive once only in ``text``, at ``spans``."""
    folded, starts = _folded(text)

    def at(position: int) -> int:
        return bisect_left(starts, position)

    ranged = len(spans) > 1
    head = (at(prefix[0] if prefix else spans[0][0]), at(suffix[1] if suffix and not ranged else spans[0][1]))
    found = _occurrences(folded, folded[head[0] : head[1]], 0)
    if next(found, None) != head[0] or next(found, None) is not None:
        return False
    if not ranged:
        return True
    tail = (at(spans[1][0]), at(suffix[1] if suffix else spans[1][1]))
    return next(_occurrences(folded, folded[tail[0] : tail[1]], at(spans[0][1])), None) == tail[0]


def _occurrences(folded: str, needle: str, start: int) -> Iterator[int]:
    """Yield where ``needle`` occurs in ``folded`` from ``start``, beginning and ending on word boundaries."""
    lead, trail = needle[:1].isalnum(), needle[-1:].isalnum()
    at = folded.find(needle, start)
    while at >= 0:
        stop = at + len(needle)
        if not (lead and at and folded[at - 1].isalnum()) and not (
            trail and stop < len(folded) and folded[stop].isalnum()
        ):
            yield at
        at = folded.find(needle, at + 1)


@lru_cache(maxsize=1024)
def _folded(text: str) -> tuple[str, list[int]]:
    """Return ``text`` as a browser compares it (lower case, each run of white space one space), and
    where each of its characters starts in ``text``."""
    lower = text.lower()
    if len(lower) != len(text):  # a few letters lower-case to two characters; keep their case
        lower = "".join(c if len(c.lower()) > 1 else c.lower() for c in text)
    parts: list[str] = []
    starts: list[int] = []
    for match in _RUN.finditer(lower):
        if match.group().isspace():
            parts.append(" ")
            starts.append(match.start())
        else:
            parts.append(match.group())
            starts.extend(range(match.start(), match.end()))
    return "".join(parts), starts


def _one_line(part: str) -> str:
    # Pages and captures break lines differently, and browsers match any white space as one space.
    return " ".join(part.split())


def _encode(part: str) -> str:
    # quote() leaves '-' alone, but in a directive it marks a prefix or a suffix.
    return quote(part, safe="").replace("-", "%2D")

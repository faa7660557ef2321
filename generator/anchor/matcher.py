"""Find a quote in a source text, forgiving only typography, and map it back to the original.

Both texts are folded (generator.folding) for matching only: every match is reported, and
shown, in the source's own characters.

    >>> from generator.folding import fold
    >>> text = "Kirby said “it’s called transparency — it’s”"
    >>> [text[s:e] for s, e in find_all(fold(text), "it's called transparency - it's")]
    ['it’s called transparency — it’s']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from heapq import merge
from itertools import islice

from generator.folding import ELISION, Folded, fold_quote


def find_all(source: Folded, quote: str) -> list[tuple[int, int]]:
    """Return every original-text span where ``quote`` occurs (folded), in order."""
    needle = fold_quote(quote)
    return [source.span(at, at + len(needle)) for at in _occurrences(source.text, needle)] if needle else []


def _occurrences(text: str, needle: str, start: int = 0) -> Iterator[int]:
    """Yield each folded position from ``start`` on where ``needle`` begins, overlapping ones too."""
    at = text.find(needle, start)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


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
    candidates: tuple[Match, ...] = ()  # at most MAX_PLACES + 1: a quote found more often is not counted

    @property
    def ambiguous(self) -> bool:
        return self.match is None and len(self.candidates) > 1

    @property
    def times(self) -> str:
        """How often the quote occurs, as a message says it: '3 times', or 'more than 1,000 times'."""
        if len(self.candidates) > MAX_PLACES:
            return f"more than {MAX_PLACES:,} times"
        return f"{len(self.candidates)} times"


MAX_ELISION_GAP = 2000
# A quote found this often needs a longer quote, not a list of its places; counting stops here,
# so that a few letters repeated through a 5 MB source cost no more than a few places.
MAX_PLACES = 1000


def anchor(source: Folded, quote: str, prefix: str = "", suffix: str = "") -> Anchoring:
    """Anchor ``quote`` in ``source``; ``prefix``/``suffix`` pick one of several occurrences.

    A quote is first tried whole; if that fails and it holds elisions, its parts are found
    in order, each within a short gap of the one before.
    """
    needle, before, after = fold_quote(quote), fold_quote(prefix), fold_quote(suffix)
    places: Iterator[Match] = iter(())
    if needle and needle in source.text:
        spans = (source.span(at, at + len(needle)) for at in _in_context(source, needle, before, after))
        places = (Match(s, e, ((s, e),)) for s, e in spans)
    else:
        parts = [fold_quote(p) for p in ELISION.split(quote) if fold_quote(p)]
        if len(parts) > 1:
            places = _elided(source, parts, before, after)
    candidates = tuple(islice(places, MAX_PLACES + 1))
    if len(candidates) == 1:
        return Anchoring(candidates[0], candidates)
    return Anchoring(None, candidates)


def _in_context(source: Folded, needle: str, before: str, after: str, start: int = 0) -> Iterator[int]:
    """Yield each folded position from ``start`` on where ``needle`` occurs with ``before``/``after`` beside it."""
    if not before and not after:
        yield from _occurrences(source.text, needle, start)
        return
    # The context is searched for with the needle, so that a prefix found nowhere costs one search,
    # however often the needle occurs. Between them, the folded text holds at most one space, and
    # the rest of a '…' (folded '...') that the needle starts or ends inside.
    leads = [before + space + dots for space in ("", " ") for dots in _dots(needle[0])] if before else [""]
    tails = [dots + space + after for dots in _dots(needle[-1]) for space in ("", " ")] if after else [""]
    found = merge(*(_shifted(source.text, lead, needle + tail, start) for lead in leads for tail in tails))
    last = -1
    for at in found:
        if at != last and _has_context(source, *source.span(at, at + len(needle)), before, after):
            yield at
        last = at


def _shifted(text: str, lead: str, rest: str, start: int) -> Iterator[int]:
    """Yield where ``rest`` begins in each occurrence of ``lead + rest`` from ``start`` on."""
    for at in _occurrences(text, lead + rest, max(start - len(lead), 0)):
        yield at + len(lead)


def _dots(edge: str) -> tuple[str, ...]:
    return ("", ".", "..") if edge == "." else ("",)


def _elided(source: Folded, parts: list[str], before: str, after: str) -> Iterator[Match]:
    # Each later part's next occurrence is kept, as the places it is looked for from only move on:
    # a short part occurring thousands of times must not make the search quadratic (a hostile
    # quote like "e … e" would otherwise stall the checker).
    text, starts, first = source.text, source.starts, parts[0]
    following: list[int] = [-1] * (len(parts) - 1)
    # With a suffix, the last part is looked for only where the suffix follows it: a suffix found
    # nowhere, or rarely, then ends or shortens the search instead of testing every place.
    last_places = list(_in_context(source, parts[-1], "", after)) if after else None
    places = _in_context(source, first, before, "")
    while (first_at := next(places, -1)) != -1:
        spans = [source.span(first_at, first_at + len(first))]
        for i, part in enumerate(parts[1:]):
            end = spans[-1][1]
            at = following[i]
            if at < bisect_left(starts, end):
                at = following[i] = _next(
                    text, part, bisect_left(starts, end), last_places if i == len(parts) - 2 else None
                )
                if at == -1:
                    return  # no place from here on has this part after its first
            if starts[at] > end + MAX_ELISION_GAP:
                if i == 0:
                    # No first part ending before this one's gap can reach it: look on from there.
                    # (A first part at f ends at most one past starts[f + len(first)].)
                    skip = bisect_left(starts, starts[at] - MAX_ELISION_GAP - 1) - len(first)
                    if skip > first_at + 1:
                        places = _in_context(source, first, before, "", skip)
                break
            spans.append(source.span(at, at + len(part)))
        else:
            match = Match(spans[0][0], spans[-1][1], tuple(spans))
            if not after or _has_context(source, match.start, match.end, "", after):
                yield match


def _next(text: str, part: str, start: int, places: list[int] | None) -> int:
    """Return the first place from ``start`` where ``part`` begins, among ``places`` when given; -1 if none."""
    if places is None:
        return text.find(part, start)
    i = bisect_left(places, start)
    return places[i] if i < len(places) else -1


def _has_context(source: Folded, start: int, end: int, before: str, after: str) -> bool:
    # Context is compared on the folded text either side of the match, read from the match
    # outwards, not copied whole: a quote found thousands of times is compared as often.
    text = source.text
    stop, begin = bisect_left(source.starts, start), bisect_left(source.starts, end)
    while stop and text[stop - 1].isspace():
        stop -= 1
    while begin < len(text) and text[begin].isspace():
        begin += 1
    return text.endswith(before, 0, stop) and text.startswith(after, begin)

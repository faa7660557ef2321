"""Anchoring stays quick on sources where a quote, or its prefix, occurs a great many times.

A source may hold 5 MB and a quote of a few letters may occur in it hundreds of thousands of
times: comparing each place's context with the whole text before it, or every place's words
with every other's, made a check take minutes. The places are now found with a bounded
window each and counted up to a bound; these tests hold the results, not the time.
"""

from __future__ import annotations

from bisect import bisect_left
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.anchor import matcher
from generator.anchor.matcher import MAX_ELISION_GAP, MAX_PLACES, Match, anchor
from generator.anchor.quotes import Unanchored, resolve_passage
from generator.folding import ELISION, Folded, fold, fold_quote
from generator.load.yaml_source import Located
from generator.model import Source

# 100,000 places of "ab ab": at this size the old matcher took 2 s with a prefix and 7 s to explain.
REPEATED = "ab " * 100_000


def check(text: str, **quoted: str) -> str:
    """Return the problem ``generator check`` reports for one quote of ``text``, as it prints it."""
    doc = Located("claims/fc-0001.yml", {}, {("passage", "quote"): (7, 10)})
    found = resolve_passage({"source": "s", **quoted}, {"s": Source("s", text, {}, "")})
    assert isinstance(found, Unanchored)
    return str(doc.problem(("passage", found.key), found.message, found.hint))


def test_a_prefix_found_nowhere_among_many_places_is_reported_as_before() -> None:
    assert check(REPEATED, quote="ab ab", prefix="zz") == (
        "claims/fc-0001.yml:7:10: quote found in source 's', but not with the given prefix/suffix\n"
        "    Copy the words just before (prefix) or after (suffix) the quote exactly from the source."
    )
    assert check(REPEATED, quote="ab ab", suffix="zz").startswith("claims/fc-0001.yml:7:10: quote found in source")


def test_a_prefix_or_suffix_picks_the_one_place_among_many() -> None:
    text = REPEATED + "zz ab ab " + REPEATED
    for context in ({"prefix": "zz"}, {"suffix": "ab zz"}, {"prefix": "zz", "suffix": "ab"}):
        found = anchor(fold(text), "ab ab", **context).match
        place = len(REPEATED) + 3 if "prefix" in context else len(REPEATED) - 9
        assert found is not None and (found.start, found.end) == (place, place + 5), context
    found = anchor(fold(text), "ab … ab", prefix="zz").match
    place = len(REPEATED) + 3
    assert found is not None and found.parts == ((place, place + 2), (place + 3, place + 5))


def test_a_quote_found_very_often_names_a_bounded_number_of_places() -> None:
    found = anchor(fold(REPEATED), "ab ab")
    assert found.ambiguous and len(found.candidates) == MAX_PLACES + 1
    assert found.times == f"more than {MAX_PLACES:,} times"
    places = [
        "    line 1, col 1: …[ab ab]ab ab ab ab ab ab ab ab ab ab…\n"
        '      to choose it, add  prefix: ""  or  suffix: "ab ab ab ab ab ab ab ab"',
        "    line 1, col 4: …ab [ab ab]ab ab ab ab ab ab ab ab ab ab…\n"
        '      to choose it, add  prefix: "ab"  or  suffix: "ab ab ab ab ab ab ab ab"',
        "    line 1, col 7: …ab ab [ab ab]ab ab ab ab ab ab ab ab ab ab…\n"
        '      to choose it, add  prefix: "ab ab"  or  suffix: "ab ab ab ab ab ab ab ab"',
        "    line 1, col 10: …ab ab ab [ab ab]ab ab ab ab ab ab ab ab ab ab…\n"
        '      to choose it, add  prefix: "ab ab ab"  or  suffix: "ab ab ab ab ab ab ab ab"',
        "    line 1, col 13: …ab ab ab ab [ab ab]ab ab ab ab ab ab ab ab ab ab…\n"
        '      to choose it, add  prefix: "ab ab ab ab"  or  suffix: "ab ab ab ab ab ab ab ab"',
    ]
    expected = (
        "claims/fc-0001.yml:7:10: quote occurs more than 1,000 times in source 's'\n"
        "    Tell the places apart with prefix or suffix (words just before or after):\n" + "\n".join(places)
    )
    assert check(REPEATED, quote="ab ab") == expected
    assert check(REPEATED, quote="ab … ab") == expected
    assert check(REPEATED, quote="ab ab", prefix="ab").splitlines()[:3] == [
        *expected.splitlines()[:2],
        "    line 1, col 4: …ab [ab ab]ab ab ab ab ab ab ab ab ab ab…",
    ]


def test_a_quote_found_a_few_times_is_still_counted_exactly() -> None:
    assert anchor(fold("ab " * 4), "ab ab").times == "3 times"
    assert (
        check("ab " * 4, quote="ab ab").splitlines()[0] == "claims/fc-0001.yml:7:10: quote occurs 3 times in source 's'"
    )


def test_an_elided_quote_whose_last_part_is_far_away_anchors_only_near_it() -> None:
    last = len(REPEATED) + 2 * MAX_ELISION_GAP
    found = anchor(fold(REPEATED + "x " * MAX_ELISION_GAP + "ab zz"), "ab … zz")
    assert found.match is not None and found.match.parts == ((last, last + 2), (last + 3, last + 5))


def _plain_anchor(source: Folded, quote: str, prefix: str = "", suffix: str = "") -> list[Match]:
    """The plain definition of anchoring, every place compared with the whole text, that anchor() must match."""

    def find_all(needle: str) -> list[tuple[int, int]]:
        needle = fold_quote(needle)
        spans, at = [], source.text.find(needle) if needle else -1
        while at != -1:
            spans.append(source.span(at, at + len(needle)))
            at = source.text.find(needle, at + 1)
        return spans

    candidates = [Match(s, e, ((s, e),)) for s, e in find_all(quote)]
    if not candidates:
        parts = [p for p in ELISION.split(quote) if fold_quote(p)]
        if len(parts) > 1:
            later = [find_all(part) for part in parts[1:]]
            for first in find_all(parts[0]):
                spans = [first]
                for occurrences in later:
                    i = bisect_left([s for s, _ in occurrences], spans[-1][1])
                    if i == len(occurrences) or occurrences[i][0] > spans[-1][1] + matcher.MAX_ELISION_GAP:
                        break
                    spans.append(occurrences[i])
                else:
                    candidates.append(Match(spans[0][0], spans[-1][1], tuple(spans)))

    def has_context(m: Match) -> bool:
        before = source.text[: bisect_left(source.starts, m.start)].rstrip()
        after = source.text[bisect_left(source.starts, m.end) :].lstrip()
        return before.endswith(fold_quote(prefix)) and after.startswith(fold_quote(suffix))

    return [m for m in candidates if has_context(m)] if prefix or suffix else candidates


PIECES = st.sampled_from(["a", "b", ".", "…", " ", "  ", "\n", "\u00a0", "’", "'", "x"])
WORDS = st.lists(PIECES, max_size=6).map("".join)


@settings(max_examples=1500, deadline=None, derandomize=True, database=None)
@given(
    st.lists(PIECES, max_size=80).map("".join),
    st.lists(st.sampled_from(["a", "b", ".", "…", " ", "x", " … ", " [...] "]), min_size=1, max_size=6).map("".join),
    WORDS,
    WORDS,
)
def test_anchoring_matches_its_plain_definition(text: str, quote: str, prefix: str, suffix: str) -> None:
    source = fold(text)
    found = anchor(source, quote, prefix, suffix)
    plain = _plain_anchor(source, quote, prefix, suffix)
    assert list(found.candidates) == plain
    assert found.match == (plain[0] if len(plain) == 1 else None)


@settings(max_examples=1500, deadline=None, derandomize=True, database=None)
@given(
    st.lists(st.sampled_from(["a", "b", "x", " ", "  ", "…", "."]), max_size=80).map("".join),
    st.lists(st.sampled_from(["a", "b", "ab", " … ", "..."]), min_size=3, max_size=7).map("".join),
    st.sampled_from(["", "a", "x", "b …"]),
    st.sampled_from(["", "b", "x", "a ."]),
    st.integers(0, 6),
)
def test_elided_quotes_match_their_plain_definition_for_any_gap(
    text: str, quote: str, prefix: str, suffix: str, gap: int
) -> None:
    source = fold(text)
    with mock.patch.object(matcher, "MAX_ELISION_GAP", gap):
        assert list(anchor(source, quote, prefix, suffix).candidates) == _plain_anchor(source, quote, prefix, suffix)


def test_an_elided_quote_with_a_suffix_found_nowhere_among_many_places_is_reported_as_before() -> None:
    # Every place of "ab … ab" was tested against the suffix: 8 s on 5 MB, now one search for it.
    assert check(REPEATED, quote="ab … ab", suffix="zz") == (
        "claims/fc-0001.yml:7:10: quote found in source 's', but not with the given prefix/suffix\n"
        "    Copy the words just before (prefix) or after (suffix) the quote exactly from the source."
    )


def test_an_elided_quote_with_a_suffix_is_found_only_where_the_suffix_follows() -> None:
    text = REPEATED + "cd ef gh zz" + " ab gh" * 1000
    found = anchor(fold(text), "ab … gh", suffix="zz")
    # Every 'ab' within the gap before the one 'gh zz' is a place; none of the later 'ab gh' is.
    ends = {match.parts[-1] for match in found.candidates}
    assert ends == {(len(REPEATED) + 6, len(REPEATED) + 8)}
    assert 600 < len(found.candidates) <= MAX_ELISION_GAP // 3 + 1

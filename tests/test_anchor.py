"""The matcher against the seeds' real typography: curly quotes, no-break spaces, dashes, '…', 'Durrës'."""

from __future__ import annotations

import pytest
from conftest import REPO

from generator.anchor.matcher import anchor
from generator.folding import fold

HILL = (REPO / "seeds" / "the-hill-balkan-drills.txt").read_text(encoding="utf-8")
SOUTHFRONT = (REPO / "seeds" / "southfront-kosovo-exercise.txt").read_text(encoding="utf-8")


def only(text: str, quote: str, **context: str) -> str:
    found = anchor(fold(text), quote, **context)
    assert found.match is not None, (found.candidates, quote)
    return text[found.match.start : found.match.end]


@pytest.mark.parametrize(
    ("typed", "original"),
    [
        # straight apostrophe and quotes, a plain hyphen for the em dash
        (
            "I'm going to continually talk about what we're doing - it's called transparency",
            "I’m going to continually talk about what we’re doing — it’s called transparency",
        ),
        ('called Russia "a great security partner."', "called Russia “a great security partner.”"),
        # a plain space where the source has a no-break space
        (
            "which include 26 countries and 28,000 multinational forces",
            "which include 26 countries and 28,000 multinational forces",
        ),
        # three dots for the ellipsis, inside a quote that is not elided
        ("easier time...Ukraine's noble sacrifices", "easier time…Ukraine’s noble sacrifices"),
        ("landing in the port of Durrës", "landing in the port of Durrës"),
    ],
)
def test_typed_quote_anchors_to_the_sources_own_characters(typed: str, original: str) -> None:
    text = HILL if original in HILL else SOUTHFRONT
    assert only(text, typed) == original


def test_no_break_spaces_are_matched_by_plain_spaces() -> None:
    assert only(HILL, "as the U.S. continues its Defender Europe 2021 drills") == (
        "as the U.S.\xa0continues\xa0its Defender Europe 2021 drills"
    )
    assert only(SOUTHFRONT, 'This year, "Defender Europe" was held in Albania') == (
        "This year,\xa0“Defender Europe”\xa0was held in Albania"
    )


def test_a_quote_across_a_paragraph_break_matches_one_typed_space() -> None:
    assert only(HILL, "the Balkans. Serbian and Russian defense forces") == (
        "the Balkans.\xa0\n\nSerbian and Russian defense forces"
    )


def test_elided_quote_keeps_each_part_in_the_source() -> None:
    found = anchor(
        fold(SOUTHFRONT), "Deciding to host such provocative exercises […] only signals for Serbia to capitulate"
    )
    assert found.match is not None
    parts = [SOUTHFRONT[s:e] for s, e in found.match.parts]
    assert parts == ["Deciding to host such provocative exercises", "only signals for Serbia to capitulate"]
    # the first part occurs twice; the elision picks the occurrence followed by the second part
    assert found.match.start == SOUTHFRONT.rindex("Deciding to host such provocative exercises")


def test_repeated_quote_is_ambiguous_until_context_tells_the_places_apart() -> None:
    quote = "Holding Defender Europe 2023 Exercises In Kosovo Aimed Against Serbia And Russia"
    found = anchor(fold(SOUTHFRONT), quote)
    assert found.match is None and found.ambiguous and len(found.candidates) == 2
    assert only(SOUTHFRONT, quote, prefix="Support SouthFront") == quote
    second = anchor(fold(SOUTHFRONT), quote, prefix="Support SouthFront").match
    assert second is not None and second.start == SOUTHFRONT.index(quote, SOUTHFRONT.index(quote) + 1)


def test_absent_quote_has_no_candidates() -> None:
    assert anchor(fold(HILL), "roughly 2,000 troops").candidates == ()


def test_offsets_are_code_points_of_the_original_text() -> None:
    found = anchor(fold(SOUTHFRONT), "port of Durres").candidates
    assert found == ()  # letters are never folded: ë is not e
    match = anchor(fold(SOUTHFRONT), "port of Durrës").match
    assert match is not None
    assert SOUTHFRONT[match.start : match.end] == "port of Durrës"
    assert match.end - match.start == len("port of Durrës")

"""Any passage of a real source, retyped with plain quotes and spaces, anchors back to exactly itself.

When the retyped words occur more than once in the text, the quote is reported ambiguous,
with that passage among the candidates, and never anchored to one of them by chance.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURE, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.anchor.matcher import MAX_ELISION_GAP, anchor
from generator.folding import fold, fold_quote

# The real seeds, the fixture's, and short texts in Serbian (Cyrillic and Latin), Arabic, Japanese
# and French, with their own quotation marks („ “ ” ‚ ‘ « » ‹ › 「 」 『 』), dashes and ellipses, and
# French typography's no-break spaces inside guillemets and before ; : ! ?.
LANGUAGES = sorted((REPO / "tests" / "fixtures" / "languages").glob("*.txt"))
TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted(REPO.glob("seeds/*.txt")) + sorted(FIXTURE.glob("seeds/*.txt")) + LANGUAGES
]
PLAIN = str.maketrans(
    {c: "'" for c in "‘’‚‹›"} | {c: '"' for c in "“”„«»「」『』"} | {"–": "-", "—": "-", "\u00a0": " "}
)
# What French typography puts in and an editor does not type: the no-break space inside « » and ‹ ›
# and before ; : ! ? (the French fixture has no other space there).
TYPOGRAPHIC_SPACE = re.compile(r"(?<=[«‹])[\u00a0\u202f]|[\u00a0\u202f](?=[»›;:!?])")
PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None)


def retype(passage: str, spaces: str) -> str:
    """Type ``passage`` as an editor would: straight quotes, hyphens, three dots and plain spaces."""
    return spaces.join(TYPOGRAPHIC_SPACE.sub("", passage).translate(PLAIN).replace("…", "...").split())


def occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


@st.composite
def passages(draw: st.DrawFn, longest: int = 300) -> tuple[str, int, int]:
    """Draw a text and a passage of it that starts and ends with a visible character."""
    text = draw(st.sampled_from(TEXTS))
    start = draw(st.integers(0, len(text) - 1))
    # Mostly passages of a few words or more, which are often unique; some of a letter or two, which are not.
    end = min(len(text), start + draw(st.integers(1, 3) | st.integers(10, longest) | st.integers(10, longest)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text, start, end


def test_the_real_seeds_are_used() -> None:
    assert len(TEXTS) >= 7 and all(TEXTS) and len(LANGUAGES) == 5


@pytest.mark.parametrize(
    ("name", "typed", "shown"),
    [
        ("sr-cyrl", 'вежбе "искључиво одбрамбене природе" - и', "вежбе „искључиво одбрамбене природе“ — и"),
        (
            "sr-cyrl",
            "питао: 'Зашто баш сада?' - одговора није било...",
            "питао: ‚Зашто баш сада?‘ — одговора није било…",
        ),
        ("ar", 'التدريبات "دفاعية بحتة" - وإنها', "التدريبات «دفاعية بحتة» — وإنها"),
        ("ar", "صحفي: 'لماذا الآن؟'", "صحفي: ‹لماذا الآن؟›"),
        ("ja", '演習は"純粋に防衛的なもの"であり', "演習は「純粋に防衛的なもの」であり"),
        ("ja", '"協力は続いている"という。', "『協力は続いている』という。"),
        ("fr", 'étaient "purement défensifs" - et', "étaient «\u00a0purement défensifs\u00a0» — et"),
        ("fr", 'participent; "la coopération', "participent\u202f; «\u202fla coopération"),
        (
            "fr",
            'demandé : "Pourquoi maintenant ?" - sans',
            "demandé\u00a0: «\u00a0Pourquoi maintenant\u202f?\u00a0» – sans",
        ),
        ("fr", "dit: 'jamais'\", selon", "dit\u00a0: ‹\u00a0jamais\u00a0›\u00a0», selon"),
        ("fr", "témoin !", "témoin\u202f!"),
        ("fr", "purement défensifs", "purement défensifs"),
        ("fr", "« a lieu chaque année »", "«\u00a0a lieu chaque année\u00a0»"),
        ("sr-latn", 'vežbe "isključivo odbrambene prirode" - i', "vežbe „isključivo odbrambene prirode“ – i"),
        ("sr-latn", 'a "saradnja se nastavlja".', "a „saradnja se nastavlja”."),
        ("sr-latn", "rekli 'nikad', rekli smo 'ne sada'.\"", "rekli ‚nikad‘, rekli smo ‚ne sada‘.“"),
    ],
)
def test_a_quote_typed_with_plain_punctuation_anchors_in_any_script(name: str, typed: str, shown: str) -> None:
    text = (REPO / "tests" / "fixtures" / "languages" / f"{name}.txt").read_text(encoding="utf-8")
    found = anchor(fold(text), typed)
    assert found.match is not None
    assert text[found.match.start : found.match.end] == shown


@pytest.mark.parametrize(
    ("text", "typed", "shown"),
    [
        # Spaces typed inside French guillemets, in the source as in the quote.
        ("Il a dit « purement défensifs » hier.", '"purement défensifs"', "« purement défensifs »"),
        ("Il a dit «purement défensifs» hier.", "« purement défensifs »", "«purement défensifs»"),
        # German and Swedish guillemets point the other way, with no space inside: the space
        # outside them stays.
        ("Er sagte »rein defensiv« und ging.", 'sagte "rein defensiv" und', "sagte »rein defensiv« und"),
        ("Han sa »helt defensivt» och gick.", 'sa "helt defensivt" och', "sa »helt defensivt» och"),
        # Apostrophes of Ukrainian (ʼ), Uzbek (ʻ) and the prime; the minus sign and other dashes.
        ("Це мʼясо з Обʼєднаних", "м'ясо з Об'єднаних", "мʼясо з Обʼєднаних"),
        ("Oʻzbekiston va Gʻarb", "O'zbekiston va G'arb", "Oʻzbekiston va Gʻarb"),
        ("de −5 ‒ 7 ― fin", "-5 - 7 - fin", "−5 ‒ 7 ― fin"),
        ("「演習」﹣〝防衛〞－＂終＂", '"演習"-"防衛"-"終"', "「演習」﹣〝防衛〞－＂終＂"),
    ],
)
def test_a_quote_anchors_across_each_languages_own_typography(text: str, typed: str, shown: str) -> None:
    found = anchor(fold(text), typed)
    assert found.match is not None
    assert text[found.match.start : found.match.end] == shown


def test_a_space_left_out_beside_guillemets_is_not_part_of_the_passage() -> None:
    text = "étaient «\u00a0purement défensifs\u00a0» — et"
    found = anchor(fold(text), "purement défensifs").match
    assert found is not None and (found.start, found.end) == (10, 28)
    assert text[found.start : found.end] == "purement défensifs"


@PROPERTY
@given(passages(), st.sampled_from([" ", "  ", "\n", " \t "]))
def test_a_retyped_passage_anchors_back_to_its_span(passage: tuple[str, int, int], spaces: str) -> None:
    text, start, end = passage
    if start == end:
        return
    quote = retype(text[start:end], spaces)
    folded = fold(text)
    found = anchor(folded, quote)
    places = occurrences(folded.text, fold_quote(quote))
    assert places, "a passage of the text must be found in it"
    spans = [(m.start, m.end) for m in found.candidates]
    assert (start, end) in spans
    if len(places) == 1:
        assert found.match is not None
        assert (found.match.start, found.match.end) == (start, end)
        assert text[found.match.start : found.match.end] == text[start:end]
    else:
        assert found.match is None and found.ambiguous
        assert len(found.candidates) == len(places)


@PROPERTY
@given(passages(longest=80), st.data())
def test_two_retyped_passages_joined_by_an_ellipsis_anchor_to_both(passage: tuple[str, int, int], data) -> None:
    text, start, end = passage
    gap_end = data.draw(st.integers(end + 1, min(len(text), end + MAX_ELISION_GAP))) if end < len(text) else end
    second = data.draw(st.integers(gap_end, min(len(text), gap_end + 80))) if gap_end < len(text) else gap_end
    while gap_end < second and text[gap_end].isspace():
        gap_end += 1
    while second > gap_end and text[second - 1].isspace():
        second -= 1
    if start == end or gap_end == second:
        return
    first_words, second_words = retype(text[start:end], " "), retype(text[gap_end:second], " ")
    folded = fold(text)
    found = anchor(folded, f"{first_words} … {second_words}")
    whole = occurrences(folded.text, fold_quote(f"{first_words} ... {second_words}"))
    if whole or "..." in first_words + second_words or "[" in first_words + second_words:
        return  # read as one quote, or as more than two parts: the other property covers it
    if (
        len(occurrences(folded.text, fold_quote(first_words))) == 1
        and len(occurrences(folded.text, fold_quote(second_words))) == 1
    ):
        assert found.match is not None
        assert found.match.parts == ((start, end), (gap_end, second))
        assert (found.match.start, found.match.end) == (start, second)

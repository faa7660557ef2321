"""An analysis the checker accepts renders quickly: the inputs that make Markdown slow are refused.

Python-Markdown reads from each '<' that starts a tag to the '>' that ends it, again for every
such '<' when no '>' comes: 6,666 '<x ' in a row took 11 s to render. It splits a paragraph at
each heading or rule and reads the rest again: 5,000 setext headings in one paragraph took 7 s.
These tests hold the messages and what stays accepted, not the time.
"""

from __future__ import annotations

from generator.load.analysis_limits import analysis_problems
from generator.render.rich_text import render_markdown


def test_tags_that_no_angle_bracket_closes_are_refused() -> None:
    text = "The words match.\n\n" + "<x " * 6666
    assert analysis_problems(text) == [
        (
            "line 3 starts 6,666 HTML tags that no '>' closes, too many to read",
            "Write '<' with a space after it when it starts no tag (a < b), or close each tag with '>'.",
        )
    ]
    assert (
        analysis_problems("a\n" + "<x\n" * 3000)[0][0]
        == "line 2 starts 3,000 HTML tags that no '>' closes, too many to read"
    )
    # A '>' inside a quoted value ends no tag: these are read to the end of the text, one after another.
    assert analysis_problems("<a b='>'1. " * 1800)[0][0].startswith("line 1 starts 1,800 HTML tags")
    assert (
        analysis_problems('<p a="' * 3000)[0][0] == "line 1 starts 3,000 HTML tags that no '>' closes, too many to read"
    )


def test_many_headings_or_rules_in_one_paragraph_are_refused() -> None:
    assert analysis_problems("a\n=\n" * 5000) == [
        (
            "paragraph 1 (line 1) holds 5,000 headings or rules in 20,000 characters, too many for one paragraph",
            "Put a blank line after each heading and each rule.",
        )
    ]
    assert analysis_problems("x\n\n" + "# a\n" * 5000)[0][0] == (
        "paragraph 2 (line 3) holds 5,000 headings or rules in 20,000 characters, too many for one paragraph"
    )
    assert analysis_problems("a\n---\n" * 3000)[0][0].startswith("paragraph 1 (line 1) holds 3,000 headings or rules")


def test_ordinary_markup_stays_accepted_and_renders_as_before() -> None:
    ordinary = [
        "The words match the *official* transcript.\n\nSee [the transcript](https://example.org/transcript).",
        "<em>hi</em> and <b>x</b>, 2 < 3 and x<y, <https://example.org/a> and <a@b.org>.",
        "Results\n=======\n\nText.\n\n## Method\nMore text.\n\n---\n\nEnd.",
        "| a | b |\n| --- | --- |\n" + "| <em>1</em> | 2 |\n" * 200,
        "Heading\n-------\n" + "x<y, " * 500,
        "# One\ntext\n# Two\ntext\n# Three\ntext",
    ]
    for text in ordinary:
        assert analysis_problems(text) == [], text
    assert render_markdown(ordinary[1]) == (
        "<p><em>hi</em> and x, 2 &lt; 3 and x&lt;y, "
        '<a href="https://example.org/a" rel="noopener noreferrer nofollow">https://example.org/a</a> and '
        '<a rel="noopener noreferrer nofollow">a@b.org</a>.</p>'
    )

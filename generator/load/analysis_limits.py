"""Limits on an analysis' Markdown, so that rendering it stays quick and can never crash.

Python-Markdown reads from every '[' to the end of its paragraph looking for a link: a
paragraph of 20,000 '[' took 80 seconds to render. It nests list items written on one line
by recursion: five hundred '- ' in a row exceeded Python's recursion limit. Its HTML reader
reads from each '<' that starts a tag to the '>' that ends it, and from the next '<' again
when none does: 6,666 '<x ' took 11 seconds. It splits a paragraph at a heading or a rule
and reads the rest again: 5,000 one-letter headings in one paragraph took 7 seconds. No
real analysis needs any of these, so they are refused when checking, with a way to fix them.

    >>> analysis_problems("See [the transcript](https://example.org/t).")
    []
    >>> analysis_problems("- " * 30 + "x")[0][0]
    'line 1 nests 30 lists or quotes on one line; at most 20'
"""

from __future__ import annotations

import re
import string

from markdown.htmlparser import htmlparser

MAX_MARKERS = 20
# Characters read while looking for links, at most, in one paragraph: about a quarter second.
MAX_BRACKET_WORK = 400_000
# Characters read for tags, at most, in the whole text: about a sixth of a second.
MAX_TAG_WORK = 1_000_000
# Characters read again after headings and rules, at most, in one paragraph: about a quarter second.
MAX_SPLIT_WORK = 4_000_000
TAG_WINDOW = 1000
_TAG_START = re.compile(r"<[a-zA-Z]")  # what Python-Markdown's HTML reader takes for the start of a tag
_TAG_END = htmlparser.locatestarttagend_tolerant  # and how far it reads it
# What may follow the tag read for html.parser to take it as not yet ended (check_for_whole_start_tag).
_LEFT_OPEN = {"", "=", "/", *string.ascii_letters}
# A line that ends a heading or is a rule ('# ...', '===', '---', '***', '- - -', '___'), also in
# a quote or a list item, however indented. The markers before it are matched once (atomic),
# never tried again in other ways: "- - - … x" would otherwise take exponential time.
_SPLITS = re.compile(
    r"^(?: *[=-]+ *$|(?>(?: *(?:>|[*+] |- (?=.)|[0-9]{1,9}[.)] ) ?)*) *(?:#|[=*_-]+ *$|(?:[-*_] {0,2}){3,}$))",
    re.M,
)
_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]*)+", re.MULTILINE)
_MARKER = re.compile(r"[-*+>]|[0-9]{1,9}[.)]")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def analysis_problems(text: str) -> list[tuple[str, str]]:
    """Return (message, hint) for each way ``text`` would make its page slow or impossible to render."""
    problems = []
    for found in _MARKERS.finditer(text):
        depth = len(_MARKER.findall(found.group()))
        if depth > MAX_MARKERS:
            line = text.count("\n", 0, found.start()) + 1
            problems.append(
                (
                    f"line {line} nests {depth} lists or quotes on one line; at most {MAX_MARKERS}",
                    "Start each list item or quote on a line of its own.",
                )
            )
    start = 0
    for number, paragraph in enumerate(_PARAGRAPHS.split(text), start=1):
        brackets = paragraph.count("[")
        if brackets * len(paragraph) > MAX_BRACKET_WORK:
            line = text.count("\n", 0, text.find(paragraph, start)) + 1
            problems.append(
                (
                    f"paragraph {number} (line {line}) holds {brackets} '[' in {len(paragraph):,} characters, "
                    "too many to read for links",
                    "Split it into shorter paragraphs, or write fewer brackets: each one makes Markdown read "
                    "to the end of its paragraph.",
                )
            )
        splits = len(_SPLITS.findall(paragraph))
        if splits * len(paragraph) > MAX_SPLIT_WORK:
            line = text.count("\n", 0, text.find(paragraph, start)) + 1
            problems.append(
                (
                    f"paragraph {number} (line {line}) holds {splits:,} headings or rules in {len(paragraph):,} "
                    "characters, too many for one paragraph",
                    "Put a blank line after each heading and each rule.",
                )
            )
        start = text.find(paragraph, start) + len(paragraph)
    problems.extend(_open_tags(text))
    return problems


def _open_tags(text: str) -> list[tuple[str, str]]:
    """Return the problem, if any, of too many tags that the HTML reader reads to no '>'."""
    # The reader's own pattern finds where each tag ends; a tag it takes whole is skipped, and
    # after one left open it reads on from the next character. Past TAG_WINDOW, a tag is taken
    # to run to the end of the text: fewer characters are read, never more.
    work, left_open, first, after = 0, 0, -1, 0
    for found in _TAG_START.finditer(text):
        at = found.start()
        if at < after:
            continue
        end = _TAG_END.match(text, at, at + TAG_WINDOW).end()
        if end < at + TAG_WINDOW and (text.startswith("/>", end) or text[end : end + 1] not in _LEFT_OPEN):
            work += end - at
            after = end
            continue
        work += end - at if end < at + TAG_WINDOW else len(text) - at
        left_open += 1
        first = at if first == -1 else first
    if work <= MAX_TAG_WORK:
        return []
    line = text.count("\n", 0, first) + 1
    return [
        (
            f"line {line} starts {left_open:,} HTML tags that no '>' closes, too many to read",
            "Write '<' with a space after it when it starts no tag (a < b), or close each tag with '>'.",
        )
    ]

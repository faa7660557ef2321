"""Limits on an analysis' Markdown, so that rendering it stays quick and can never crash.

Python-Markdown reads from every '[' to the end of its paragraph looking for a link: a
paragraph of 20,000 '[' took 80 seconds to render. It nests list items written on one line
by recursion: five hundred '- ' in a row exceeded Python's recursion limit. No real analysis
needs either, so both are refused when checking, with a way to fix them.

    >>> analysis_problems("See [the transcript](https://example.org/t).")
    []
    >>> analysis_problems("- " * 30 + "x")[0][0]
    'line 1 nests 30 lists or quotes on one line; at most 20'
"""

from __future__ import annotations

import re

MAX_MARKERS = 20
# Characters read while looking for links, at most, in one paragraph: about a quarter second.
MAX_BRACKET_WORK = 400_000
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
        start = text.find(paragraph, start) + len(paragraph)
    return problems

"""Check the tags of all claims together: two different tags may not share the address of one page."""

from __future__ import annotations

from generator.model import Claim
from generator.names import tag_key, tag_slug
from generator.problems import Problem


def tag_problems(claims: list[Claim], language: str) -> list[Problem]:
    """Return a problem for each tag whose page address another tag, written in other letters, has already.

    ``language``: the report's, which says how the tags' letters are written in ASCII.
    """
    first: dict[str, str] = {}  # by address: the tag that has it, compared regardless of case
    problems: list[Problem] = []
    for claim in sorted(claims, key=lambda c: c.path):
        for i, tag in enumerate(claim.tags):
            other = first.setdefault(tag_slug(tag, language), tag)
            if tag_key(other) != tag_key(tag):
                problems.append(
                    Problem(
                        claim.path,
                        *claim.located("tags", i),
                        f"tag '{tag}' would have the page tags/{tag_slug(tag, language)}/ of tag '{other}'",
                        f"Use '{other}', or a tag of other words.",
                    )
                )
    return problems

"""Choose the fewest words around a passage that tell it apart from the quote's other places.

>>> from generator.model import Source
>>> source = Source("s", "Critics said it is yearly. Others said it is yearly too.", {}, "")
>>> places = anchor(source.folded, "it is yearly").candidates
>>> distinguishing_context(source, "it is yearly", places[1])
('', 'too.')
"""

from __future__ import annotations

from generator.anchor.matcher import Match, anchor
from generator.model import Source

MAX_WORDS = 12
WINDOW = 2000  # characters either side read for context words
MAX_CONTEXT = 200  # the schema's limit on prefix and suffix


def distinguishing_context(source: Source, quote: str, match: Match) -> tuple[str, str] | None:
    """Return (prefix, suffix), one of them usually empty, that anchor ``quote`` at ``match`` only.

    Words are the source's own, joined by single spaces. The shortest context holding a word
    wins, a prefix before a suffix of the same length; None when none up to MAX_WORDS works.
    """
    before = source.text[max(0, match.start - WINDOW) : match.start].split()
    after = source.text[match.end : match.end + WINDOW].split()
    tries: list[tuple[str, str]] = []
    for count in range(1, MAX_WORDS + 1):
        if count <= len(before):
            tries.append((" ".join(before[-count:]), ""))
        if count <= len(after):
            tries.append(("", " ".join(after[:count])))
    for count in range(1, MAX_WORDS + 1):
        tries.append((" ".join(before[-count:]), " ".join(after[:count])))
    for prefix, suffix in tries:
        if len(prefix) > MAX_CONTEXT or len(suffix) > MAX_CONTEXT:
            continue
        if not any(ch.isalnum() for ch in prefix + suffix):
            continue  # a lone quotation mark or full stop works, but no editor would recognise it
        found = anchor(source.folded, quote, prefix, suffix).match
        if found and (found.start, found.end) == (match.start, match.end):
            return prefix, suffix
    return None

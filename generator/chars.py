"""Characters that cannot be seen but change what a reader sees: one definition for every stage.

Direction marks and overrides reorder the text around them (U+202E shows "gnp.exe" as
"exe.png"), and zero-width characters hide inside words. Records may not hold them (the loader
refuses them, naming each); a source text keeps them, as captured, and its pages show each as
a visible mark; messages print them as escapes. The joiners U+200C and U+200D are not among
them: several scripts and emoji need them.

    >>> [f"U+{ord(c):04X}" for c in INVISIBLE.findall("a\\u200bb\\u202ec\\u200dd")]
    ['U+200B', 'U+202E']
"""

from __future__ import annotations

import re
import unicodedata

# A character class body, so that other patterns can include it.
INVISIBLE_CLASS = "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")


def describe(char: str) -> str:
    """Name a character as messages and pages do: ``U+200F (RIGHT-TO-LEFT MARK)``."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")

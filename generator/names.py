"""The names a report gives its records, sources and tags, and the names they may not take.

>>> bool(ID.fullmatch("fc-0007")), bool(ID.fullmatch("fc-0007\\n")), takes_a_listing_address("page-2")
(True, False, True)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii

# A claim's, a source's or a tag's id: its file name and its address on the site.
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_LISTING_NAMES = re.compile(r"index|page-[0-9]+")


def takes_a_listing_address(name: str) -> bool:
    """Tell whether a claim, source or tag called ``name`` would have the address of a listing page.

    claims/index.md is the list of claims, claims/page-2.md its second page, and so on.

    >>> takes_a_listing_address("index"), takes_a_listing_address("page-2"), takes_a_listing_address("fc-0002")
    (True, True, False)
    """
    return bool(_LISTING_NAMES.fullmatch(name))


# Serbian Cyrillic has an exact Latin form (Gaj's alphabet); these are its letters whose ASCII
# form differs from anyascii's, which writes Cyrillic as Russian is romanised (ш -> sh).
_SERBIAN = str.maketrans({"ш": "s", "Ш": "S", "ж": "z", "Ж": "Z", "ч": "c", "Ч": "C", "џ": "dz", "Џ": "Dz"})
_WORD = re.compile(r"[a-z0-9]+")


def transliterate(text: str, language: str = "") -> str:
    """Write ``text`` in ASCII, letter for letter: Serbian Cyrillic as Serbian Latin, any other script by anyascii.

    >>> transliterate("Извештај о буџету", "sr"), transliterate("Ο προϋπολογισμός"), transliterate("教育")
    ('Izvestaj o budzetu', 'O proypologismos', 'JiaoYu')
    """
    if language.lower().split("-")[0] == "sr":
        text = text.translate(_SERBIAN)
    return anyascii(unicodedata.normalize("NFC", text))


def slug(text: str, language: str = "", limit: int = 64) -> str:
    """Return an id from the words of ``text``, transliterated, at most ``limit`` characters; '' when none is left.

    >>> slug("Извештај о буџету за образовање 2024", "sr"), slug("الميزانية")
    ('izvestaj-o-budzetu-za-obrazovanje-2024', 'lmyznyh')
    """
    chosen: list[str] = []
    for word in _WORD.findall(transliterate(text, language).lower()):
        if len("-".join([*chosen, word])) > limit:
            break
        chosen.append(word)
    return "-".join(chosen)


def tag_key(tag: str) -> str:
    """Return what two tags are compared by: the same letters, whatever their case and composition."""
    return unicodedata.normalize("NFC", tag).casefold()


def tag_slug(tag: str, language: str = "") -> str:
    """Return a tag page's address: the tag in ASCII (as the report's ``language`` writes it in Latin
    letters), or a digest of it when no letter has an ASCII form.

    >>> tag_slug("climate"), tag_slug("Буџет", "sr"), tag_slug("Буџет"), tag_slug("予算")
    ('climate', 'budzet', 'budzhet', 'yusuan')
    """
    words = slug(tag_key(tag), language, limit=64)
    return words or "tag-" + hashlib.sha256(tag_key(tag).encode()).hexdigest()[:8]

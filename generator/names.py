"""The names a report gives its records, sources and tags, and the names they may not take.

>>> bool(ID.fullmatch("fc-0007")), bool(ID.fullmatch("fc-0007\\n")), takes_a_listing_address("page-2")
(True, False, True)
"""

from __future__ import annotations

import re

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

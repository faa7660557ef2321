"""Fill the English catalog from the messages themselves: `make messages` runs it after an update.

English is the language the messages are written in, so its catalog says each one as it is;
it is kept complete like the others, and a desk may change a wording there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def fill_english(path: Path) -> int:
    """Give every empty or fuzzy message of the catalog at ``path`` its own text; return how many were filled."""
    with path.open("rb") as po:
        catalog = read_po(po, locale="en")
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        empty = not any(message.string if isinstance(message.string, tuple) else (message.string,))
        if empty or message.fuzzy:
            message.string = ids if isinstance(message.id, tuple) else ids[0]  # type: ignore[assignment]
            message.flags.discard("fuzzy")
            filled += 1
    with path.open("wb") as po:
        write_po(po, catalog, width=100)
    return filled


if __name__ == "__main__":
    print(f"{fill_english(Path(sys.argv[1]))} English messages filled")

"""Drop the indentation the theme's templates leave in every page, without changing what shows.

A run of whitespace that holds a line break renders as one space wherever whitespace is
collapsed, which is everywhere except in the elements kept as they are here. Material's pages
are about a sixth indentation; at 10,000 claims that is 50 MB the site no longer carries.
"""

from __future__ import annotations

import re

# Elements whose whitespace may matter: preformatted text, form text, scripts and styles.
_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_INDENT = re.compile(r"\n\s+")


def compact_html(html: str) -> str:
    """Replace each run of whitespace holding a line break by one line break, outside kept elements.

    >>> compact_html("<ul>\\n    <li>a</li>\\n\\n  </ul>\\n<pre>  x\\n    y</pre>")
    '<ul>\\n<li>a</li>\\n</ul>\\n<pre>  x\\n    y</pre>'
    """
    parts = _KEPT.split(html)
    # split() gives text, then (element, tag name) pairs: compact the text, keep the elements.
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)

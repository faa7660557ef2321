"""Render an editor's Markdown (the analysis) to HTML that carries no active content."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from html import escape

import markdown
import nh3
from markupsafe import Markup

TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "sup",
    "sub",
    "del",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str, claim_links: Mapping[str, str] | None = None) -> Markup:
    """Return ``text`` as safe HTML: raw HTML is dropped, links keep only http(s) or plain relative URLs.

    A relative link is kept when it is a path from the claim's page, like ``../fc-0002/`` or
    ``#evidence``; one that leaves the site's folder (``/x``, ``//host/x``, ``\\host``) loses its
    address, as does any other scheme (``javascript:``, ``data:``, ``mailto:``).

    >>> render_markdown("*Hi* <script>x()</script> [a](javascript:alert(1))")
    Markup('<p><em>Hi</em>  <a rel="noopener noreferrer nofollow">a</a></p>')
    >>> render_markdown("[b](//evil.example)")
    Markup('<p><a rel="noopener noreferrer nofollow">b</a></p>')

    Bare claim ids found in ``claim_links`` become links to their pages:

    >>> render_markdown("See fc-0002.", {"fc-0002": "../fc-0002/"})
    Markup('<p>See <a href="../fc-0002/" rel="noopener noreferrer nofollow">fc-0002</a>.</p>')
    """
    if claim_links:
        text = _CLAIM_ID.sub(lambda m: f"[{m[1]}]({claim_links[m[1]]})" if m[1] in claim_links else m[1], text)
    return _converted(text)


# A preview renders the report again on every rebuild: an analysis whose text (its claim links
# already in it) did not change is not converted again. The result depends on the text alone.
@lru_cache(maxsize=50_000)
def _converted(text: str) -> Markup:
    # Headings from editors start at h3: the page owns h1 and h2.
    try:
        html = _markdown().reset().convert(text)
    except RecursionError:  # the checker refuses such nesting (analysis_limits); never crash a build
        html = "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n"))
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        url_relative=_plain_relative,
    )
    # No blank line may remain inside the HTML block, or the page's Markdown would end it there.
    clean = _PRE.sub(lambda m: m.group(0).replace("\n", "&#10;"), clean)
    return Markup(re.sub(r"\n\s*\n", "\n", clean).strip())


# A claim id standing alone in prose: not inside a word, a path, a link text or a code span.
_CLAIM_ID = re.compile(r"(?<![\w\-/\[`#.])([a-z][a-z0-9]*-[0-9][a-z0-9-]*)(?![\w-]|\]|`)")
_PRE = re.compile(r"<pre>.*?</pre>", re.DOTALL)
_NOT_PLAIN = re.compile(r"^[/\\]|\\|[\s\x00-\x1f\x7f]|^[^/?#]*:")


@cache
def _markdown() -> markdown.Markdown:
    # One converter, reset before each use: building one per analysis costs more than converting it.
    return markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


def _plain_relative(url: str) -> str | None:
    """Keep a relative URL only if it is a plain path, query or fragment from the page."""
    return None if _NOT_PLAIN.search(url) else url

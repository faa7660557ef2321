"""Render an editor's Markdown (the analysis) to HTML that carries no active content."""

from __future__ import annotations

import re

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


def render_markdown(text: str) -> Markup:
    """Return ``text`` as safe HTML: raw HTML is dropped, links keep only http(s) or relative URLs.

    >>> render_markdown("*Hi* <script>x()</script> [a](javascript:alert(1))")
    Markup('<p><em>Hi</em>  <a rel="noopener noreferrer nofollow">a</a></p>')
    """
    # Headings from editors start at h3: the page owns h1 and h2.
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # No blank line may remain inside the HTML block, or the page's Markdown would end it there.
    clean = _PRE.sub(lambda m: m.group(0).replace("\n", "&#10;"), clean)
    return Markup(re.sub(r"\n\s*\n", "\n", clean).strip())


_PRE = re.compile(r"<pre>.*?</pre>", re.DOTALL)

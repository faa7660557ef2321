"""Give each translated page its own language, once the engine has built it in the site's."""

from __future__ import annotations

import re
from pathlib import Path

from generator.files import replace_file
from generator.i18n import Interface
from generator.model import Report
from generator.render import urls
from generator.render.versions import language_pages

_HTML = re.compile(r"<html\b[^>]*>")
_BODY = re.compile(r"<body\b[^>]*>")
_LANG = re.compile(r"""\s(?:lang|dir)=(?:"[^"]*"|'[^']*'|[^\s>]*)""")


def mark_languages(site_dir: Path, report: Report) -> int:
    """Set lang (and dir) on every page in another language in ``site_dir``; return how many were marked.

    Search indexes each language on its own by these attributes, and readers' tools (screen
    readers, hyphenation, translation offers) read the page in its language.
    """
    marked = 0
    for page, language in language_pages(report).items():
        file = site_dir / urls.built_file(page)
        if file.is_file():
            html = file.read_text(encoding="utf-8")
            replace_file(file, with_language(html, language).encode("utf-8"))
            marked += 1
    return marked


def with_language(html: str, tag: str) -> str:
    """Return ``html`` with its <html> in language ``tag``, and it and <body> in that language's direction.

    >>> with_language('<html lang="en" class="no-js"><body dir="ltr">', "ar")
    '<html class="no-js" lang="ar" dir="rtl"><body dir="rtl">'
    """
    direction = Interface.for_language(tag).direction

    def html_tag(found: re.Match[str]) -> str:
        return _LANG.sub("", found[0])[:-1] + f' lang="{tag}" dir="{direction}">'

    def body_tag(found: re.Match[str]) -> str:
        return _LANG.sub("", found[0])[:-1] + f' dir="{direction}">'

    return _BODY.sub(body_tag, _HTML.sub(html_tag, html, count=1), count=1)

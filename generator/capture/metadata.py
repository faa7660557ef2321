"""Read what a page says about itself in its own markup: JSON-LD, OpenGraph and other meta tags.

Each value is taken from the first place, in a fixed order, that states it, and the place is
recorded, so a reader can check it in the original. Nothing is inferred from the article's text.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
URL = re.compile(r'https?://[^\s<>"]+')
# Only the types that say what kind of text it is: a plain NewsArticle is as often an opinion.
KINDS = {
    "OpinionNewsArticle": "opinion",
    "AnalysisNewsArticle": "analysis",
    "BackgroundNewsArticle": "analysis",
    "ReportageNewsArticle": "news-report",
    "SocialMediaPosting": "social-media",
    "Report": "report",
}
TITLE = ("og:title", "twitter:title", "dc.title", "citation_title")
AUTHOR = ("author", "article:author", "og:article:author", "dc.creator", "citation_author", "parsely-author")
PUBLISHER = ("og:site_name", "dc.publisher", "publisher", "citation_publisher")
PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "citation_publication_date",
    "prism.publicationdate",
    "parsely-pub-date",
    "date",
)
LANGUAGES = ("content-language", "language", "dc.language", "og:locale")


@dataclass
class Found:
    """One value the page states, and where; or None, and why not."""

    value: str | None
    where: str


@dataclass
class Metadata:
    """What the original says about itself, field by field."""

    fields: dict[str, Found] = field(default_factory=dict)

    def value(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found.value if found else None


def page_metadata(data: bytes, url: str | None) -> Metadata:
    """Return the title, author, publisher, date, language, canonical address and kind a page states."""
    try:
        tree = lxml_html.fromstring(data)
    except (etree.ParserError, ValueError):
        tree = None
    meta: dict[str, str] = {}
    ld: dict[str, Any] = {}
    title_tag = ""
    lang = ""
    canonical = ""
    if tree is not None:
        meta = _meta_tags(tree)
        ld = _ld_article(tree)
        title_tag = " ".join((tree.findtext(".//title") or "").split())
        lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
        canonical = next(iter(tree.xpath('//link[@rel="canonical"]/@href')), "")
    found = Metadata()
    found.fields["title"] = _first(
        [("JSON-LD headline", _ld_text(ld.get("headline")))]
        + [(f"meta {key}", meta.get(key)) for key in TITLE]
        + [("the title element", title_tag)],
        "the page's markup states no title",
    )
    found.fields["author"] = _first(
        [("JSON-LD author", _names(ld.get("author")))]
        + [(f"meta {key}", meta.get(key)) for key in AUTHOR if not URL.fullmatch(meta.get(key, ""))],
        "the page's markup names no author",
    )
    if found.fields["author"].value is None:
        found.fields["author"] = _byline(data, url) or found.fields["author"]
    found.fields["publisher"] = _first(
        [("JSON-LD publisher", _names(ld.get("publisher")))] + [(f"meta {key}", meta.get(key)) for key in PUBLISHER],
        "the page's markup names no publisher",
    )
    found.fields["published"] = _date(
        [("JSON-LD datePublished", _ld_text(ld.get("datePublished")))]
        + [(f"meta {key}", meta.get(key)) for key in PUBLISHED]
    )
    found.fields["language"] = _language(
        [("JSON-LD inLanguage", _ld_text(ld.get("inLanguage"))), ("the html element's lang", lang)]
        + [(f"meta {key}", meta.get(key)) for key in LANGUAGES]
    )
    found.fields["canonical_url"] = _address(
        [
            ("link rel=canonical", canonical),
            ("meta og:url", meta.get("og:url")),
            ("JSON-LD url", _ld_text(ld.get("url"))),
        ],
        url,
    )
    kinds = [KINDS[t] for t in _types(ld) if t in KINDS]
    found.fields["kind"] = Found(kinds[0], f"JSON-LD @type {ld.get('@type')}") if kinds else Found(None, "")
    return found


def _byline(data: bytes, url: str | None) -> Found | None:
    """The author a byline element of the page names (class or rel author), as trafilatura finds it."""
    from trafilatura import extract_metadata

    author = getattr(extract_metadata(data, default_url=url), "author", None)
    return Found(author, "the page's byline, as trafilatura reads it") if author else None


def _meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = " ".join((element.get("content") or "").split())
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    return tags


def _ld_article(tree: Any) -> dict[str, Any]:
    """Return the JSON-LD item that describes the page's text (the first with a headline), or {}."""
    items: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            doc = json.loads(script.text_content(), strict=False)
        except ValueError:
            continue  # a page's broken JSON-LD says nothing
        items += _flatten(doc)
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    for item in items:
        if item.get("headline"):
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and "name" not in publisher and publisher.get("@id") in by_id:
                item = {**item, "publisher": by_id[publisher["@id"]]}
            return item
    return {}


def _flatten(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, list):
        return [item for part in doc for item in _flatten(part)]
    if isinstance(doc, dict):
        return [doc, *_flatten(doc.get("@graph", []))]
    return []


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type", [])
    return [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)]


def _ld_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    if isinstance(value, list) and value:
        value = value[0]
    return " ".join(html.unescape(value).split()) if isinstance(value, str) else None


def _names(value: Any) -> str | None:
    people = value if isinstance(value, list) else [value]
    names = [_ld_text(p.get("name") if isinstance(p, dict) else p) for p in people]
    return ", ".join(dict.fromkeys(n for n in names if n)) or None


def _first(candidates: list[tuple[str, str | None]], none: str) -> Found:
    for where, value in candidates:
        if value and len(value.strip()) >= 2:
            return Found(value.strip(), where)
    return Found(None, none)


def _date(candidates: list[tuple[str, str | None]]) -> Found:
    unread: list[str] = []
    for where, value in candidates:
        if not value:
            continue
        match = ISO_DATE.match(value.strip())
        if match:
            return Found("-".join(match.groups()), f"{where}, {value.strip()}")
        unread.append(f"{where} says '{value}'")
    why = "the page's markup gives no date of publication"
    return Found(None, why + (f" in a form read here ({'; '.join(unread)})" if unread else ""))


def _language(candidates: list[tuple[str, str | None]]) -> Found:
    for where, value in candidates:
        if not value:
            continue
        primary, *rest = value.strip().replace("_", "-").split("-")
        tag = "-".join([primary.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])
        if LANGUAGE.fullmatch(tag):
            return Found(tag, f"{where}, {value.strip()}")
    return Found(None, "the page's markup states no language")


def _address(candidates: list[tuple[str, str | None]], base: str | None) -> Found:
    for where, value in candidates:
        if value:
            address = urljoin(base, value.strip()) if base else value.strip()
            if URL.fullmatch(address) and len(address) <= 2000:
                return Found(address, where)
    return Found(None, "the page's markup gives no address of its own")


def pdf_metadata(data: bytes) -> Metadata:
    """Return the title, author and language a PDF's document information states (never a publication date)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    info: Any = reader.metadata or {}
    catalog_lang = reader.root_object.get("/Lang")
    found = Metadata()
    found.fields["title"] = _first([("the PDF's /Title", _pdf_text(info.get("/Title")))], "the PDF states no title")
    found.fields["author"] = _first([("the PDF's /Author", _pdf_text(info.get("/Author")))], "the PDF names no author")
    found.fields["publisher"] = Found(None, "a PDF does not name its publisher")
    created = _pdf_text(info.get("/CreationDate"))
    found.fields["published"] = Found(
        None,
        "the PDF states no date of publication"
        + (
            f"; its file was created on {created}, which is not necessarily the date it was published"
            if created
            else ""
        ),
    )
    found.fields["language"] = _language([("the PDF's /Lang", _pdf_text(catalog_lang))])
    found.fields["canonical_url"] = Found(None, "a PDF gives no address of its own")
    return found


def _pdf_text(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value is not None else None

"""The Atom feed: one entry per fact-check and language, updated when it is corrected or withdrawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.export.common import LICENCE_NAME, LICENCE_URL, base_url, date_time, exported, page_url
from generator.i18n import Interface
from generator.model import Claim, Report
from generator.render.versions import Version, versions
from generator.settings import Site

ATOM = "http://www.w3.org/2005/Atom"
PATH = "feed.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# XML 1.0 cannot carry these at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def atom_feed(report: Report, site: Site) -> str:
    """Return the feed as an XML document; its entries run from the latest update back."""
    base = base_url(site)
    ui = Interface.for_language(report.settings["language"])
    claims = sorted(exported(report), key=lambda c: (c.updated, c.id), reverse=True)
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: report.settings["language"]})
    _add(feed, "id", base)
    _add(feed, "title", report.settings["title"])
    _add(feed, "subtitle", report.settings["description"])
    # With no claim there is no date to give; the epoch keeps the output free of the clock.
    _add(feed, "updated", date_time(claims[0].updated) if claims else "1970-01-01T00:00:00Z")
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": base + PATH})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": base})
    author = ET.SubElement(feed, "author")
    _add(author, "name", report.settings["publisher"])
    if report.settings.get("publisher_url"):
        _add(author, "uri", report.settings["publisher_url"])
    _add(
        feed,
        "rights",
        ui.gettext("Data published under {licence}: {url}").format(licence=LICENCE_NAME, url=LICENCE_URL),
    )
    for version in (v for c in claims for v in versions(report, c)):
        claim = version.claim
        url = page_url(site, version.page)
        language = {XML_LANG: version.language} if version.translation else {}
        entry = ET.SubElement(feed, "entry", language)
        _add(entry, "id", url)
        _add(entry, "title", claim.claim)
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url})
        _add(entry, "published", date_time(claim.published))
        _add(entry, "updated", date_time(claim.updated))
        ET.SubElement(
            entry,
            "category",
            {
                "term": claim.verdict.id,
                "label": _clean(claim.verdict.label),
                "scheme": base + _ratings_url(report, version),
            },
        )
        _add(
            entry,
            "summary",
            entry_summary(claim, Interface.for_language(version.language) if version.translation else ui),
        )
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _ratings_url(report: Report, version: Version) -> str:
    return "ratings/" if version.translation is None else f"{version.language}/ratings/"


def entry_summary(claim: Claim, ui: Interface) -> str:
    """Return the verdict and summary, then the withdrawal or the latest correction, if any."""
    text = f"{claim.verdict.label}. {claim.summary}"
    if claim.withdrawn:
        return ui.gettext("Withdrawn on {date}: {reason} (It was rated: {rating})").format(
            date=ui.format_date(claim.withdrawn["date"]), reason=claim.withdrawn["reason"], rating=text
        )
    if claim.corrections:
        latest = claim.corrections[-1]
        text += " " + ui.gettext("Corrected on {date}: {note}").format(
            date=ui.format_date(latest["date"]), note=latest["note"]
        )
    return text


def _add(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _clean(text)
    return element


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)

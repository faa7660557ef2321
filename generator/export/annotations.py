"""W3C Web Annotations: each claimed passage assessed, and each evidence passage linked to its claim.

Every annotation targets the page of its source on this site and selects the passage twice:
by quote, with about 32 characters of context on each side, and by position, in Unicode code
points of the source text as captured (the text the source page shows, byte for byte).
"""

from __future__ import annotations

from typing import Any

from generator.export.common import LICENCE_URL, base_url, claim_url, date_time, reviewed, source_url
from generator.model import Claim, Passage, Report
from generator.settings import Site

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
PATH = "data/annotations.jsonld"


def annotation_collection(report: Report, site: Site) -> dict[str, Any]:
    """Return every annotation of the published claims as one AnnotationCollection of one page."""
    home = base_url(site) + PATH
    items = [a for claim in reviewed(report) for a in claim_annotations(report, site, claim)]
    return {
        "@context": ANNO_CONTEXT,
        "id": home,
        "type": "AnnotationCollection",
        "label": f"{report.settings['title']}: claims and evidence in their sources",
        "creator": _creator(report),
        "rights": LICENCE_URL,
        "total": len(items),
        "first": {"id": f"{home}#page-1", "type": "AnnotationPage", "partOf": home, "startIndex": 0, "items": items},
    }


def claim_annotations(report: Report, site: Site, claim: Claim) -> list[dict[str, Any]]:
    """Return the annotations of one claim: its passage first, then each evidence passage in order."""
    home = base_url(site) + PATH
    language = report.settings["language"]
    common = {
        "@context": ANNO_CONTEXT,
        "type": "Annotation",
        "created": date_time(claim.published),
        "modified": date_time(claim.updated),
        "creator": _creator(report),
        "rights": LICENCE_URL,
    }
    page = {"id": claim_url(site, claim), "type": "Text", "format": "text/html", "language": language}
    out = [
        {
            **common,
            "id": f"{home}#{claim.id}-claim",
            "motivation": "assessing",
            "body": [
                _text(claim.verdict.label, "classifying", language),
                _text(claim.summary, "assessing", language),
                *_translation(claim.passage, language),
                page,
            ],
            "target": _target(report, site, claim.passage),
        }
    ]
    for number, item in enumerate(claim.evidence, start=1):
        if item.passage is None:
            continue  # an external reference: its text is not in the report, so there is nothing to select
        out.append(
            {
                **common,
                "id": f"{home}#{claim.id}-evidence-{number}",
                "motivation": "linking",
                "body": [
                    _text(item.stance, "classifying", language),
                    _text(item.note, "describing", language),
                    *_translation(item.passage, language),
                    page,
                ],
                "target": _target(report, site, item.passage),
            }
        )
    return out


def quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    """Return the TextQuoteSelector of ``text[start:end]``, with its context from the text itself.

    >>> quote_selector("One two three four", 4, 7)
    {'type': 'TextQuoteSelector', 'exact': 'two', 'prefix': 'One ', 'suffix': ' three four'}
    """
    selector = {"type": "TextQuoteSelector", "exact": text[start:end]}
    if start:
        selector["prefix"] = text[max(0, start - CONTEXT_CHARS) : start]
    if end < len(text):
        selector["suffix"] = text[end : end + CONTEXT_CHARS]
    return selector


def _target(report: Report, site: Site, passage: Passage) -> dict[str, Any]:
    source = report.sources[passage.source_id]
    # A passage with a gap ("A … B") is selected whole, gap included: one span, one quote.
    return {
        "type": "SpecificResource",
        "source": source_url(site, source),
        "selector": [
            quote_selector(source.text, passage.start, passage.end),
            {"type": "TextPositionSelector", "start": passage.start, "end": passage.end},
        ],
    }


def _text(value: str, purpose: str, language: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain", "language": language}


def _translation(passage: Passage, language: str) -> list[dict[str, Any]]:
    """The editor's translation of the passage, as a body in the report's language by its translator."""
    if passage.translation is None:
        return []
    body: dict[str, Any] = _text(passage.translation.text, "describing", language)
    return [{**body, "creator": {"type": "Person", "name": passage.translation.by}}]


def _creator(report: Report) -> dict[str, str]:
    creator = {"type": "Organization", "name": report.settings["publisher"]}
    if report.settings.get("publisher_url"):
        creator["homepage"] = report.settings["publisher_url"]
    return creator

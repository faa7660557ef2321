"""schema.org ClaimReview for each published fact-check, and the DataFeed that lists them all."""

from __future__ import annotations

from typing import Any

from generator.export.common import (
    LICENCE_URL,
    SCHEMA_ORG,
    base_url,
    exported,
    page_url,
    reviewed_versions,
)
from generator.model import Claim, Report, Source
from generator.render.versions import Version
from generator.settings import Site


def claim_review(report: Report, site: Site, version: Version) -> dict[str, Any]:
    """Return the ClaimReview of one claim in one language (``version``), without its @context.

    A verdict the scale does not rate (an opinion, say) has no number: it keeps its label in
    alternateName and leaves out ratingValue, bestRating and worstRating, which are for
    numeric ratings only.
    """
    claim = version.claim
    verdict = claim.verdict
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": verdict.label,
        "ratingExplanation": claim.summary,
    }
    if verdict.rank is not None:
        rating.update(ratingValue=verdict.rank, bestRating=report.scale.best, worstRating=report.scale.worst)
    source = report.sources[claim.passage.source_id]
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _claimant(claim, report),
        "appearance": [_appearance(source)],
        "firstAppearance": _appearance(source),
    }
    if claim.claim_date:
        item["datePublished"] = claim.claim_date
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": page_url(site, version.page),
        "claimReviewed": claim.claim,
        "author": publisher(report),
        "datePublished": claim.published,
        "dateModified": claim.updated,
        "inLanguage": version.language,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if claim.corrections:
        review["correction"] = [
            {"@type": "CorrectionComment", "datePublished": c["date"], "text": c["note"]} for c in claim.corrections
        ]
    return review


def page_claim_review(report: Report, site: Site, version: Version) -> dict[str, Any]:
    """Return the ClaimReview as it stands alone in a page's head: with its @context."""
    return {"@context": SCHEMA_ORG, **claim_review(report, site, version)}


def data_feed(report: Report, site: Site) -> dict[str, Any]:
    """Return a schema.org DataFeed of every published ClaimReview, one DataFeedItem each (one per language)."""
    feed: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "DataFeed",
        "name": f"{report.settings['title']}: ClaimReview feed",
        "url": base_url(site) + "data/claimreview.json",
        "license": LICENCE_URL,
        "publisher": publisher(report),
        "dataFeedElement": [
            {
                "@type": "DataFeedItem",
                "dateCreated": v.claim.published,
                "dateModified": v.claim.updated,
                "item": claim_review(report, site, v),
            }
            for v in reviewed_versions(report)
        ],
    }
    if exported(report):
        feed["dateModified"] = max(c.updated for c in exported(report))
    return feed


def publisher(report: Report) -> dict[str, Any]:
    """Return the organisation that publishes the report, as schema.org describes one."""
    organisation = {"@type": "Organization", "name": report.settings["publisher"]}
    if report.settings.get("publisher_url"):
        organisation["url"] = report.settings["publisher_url"]
    return organisation


def _claimant(claim: Claim, report: Report) -> dict[str, Any]:
    # The records name a claimant in words only: an outlet that published a source is an
    # organisation; anyone else (a named person, "a reader comment") is taken to be a person.
    outlets = {s.meta.get("publisher") for s in report.sources.values()}
    kind = "Organization" if claim.claimant in outlets else "Person"
    return {"@type": kind, "name": claim.claimant}


def _appearance(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
    if source.meta.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": source.meta["publisher"]}
    if source.meta.get("author"):
        work["author"] = {"@type": "Person", "name": source.meta["author"]}
    if source.meta.get("published"):
        work["datePublished"] = source.meta["published"]
    if source.meta.get("url"):
        work["url"] = source.meta["url"]
    if source.meta.get("language"):
        work["inLanguage"] = source.meta["language"]
    return work

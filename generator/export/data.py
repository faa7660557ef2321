"""The report as data: every record resolved (claims.json), one row per claim (claims.csv), the texts."""

from __future__ import annotations

import csv
import hashlib
import io
from typing import Any

from generator.export.common import LICENCE_NAME, LICENCE_URL, base_url, claim_url, exported, page_url, source_url
from generator.model import Claim, Evidence, Passage, Report, Source, Translation
from generator.render.fragments import passage_link, quote_link
from generator.render.versions import Version, versions
from generator.settings import Site

CSV_COLUMNS = (
    "id",
    "status",
    "url",
    "claim",
    "claimant",
    "claim_date",
    "verdict",
    "verdict_label",
    "rating",
    "summary",
    "source",
    "source_title",
    "quote",
    "quote_translation",
    "translated_by",
    "start",
    "end",
    "evidence",
    "published",
    "updated",
    "corrections",
    "latest_correction",
    "withdrawn",
    "tags",
    "reviewers",
)
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_path(source: Source) -> str:
    return f"data/sources/{source.id}.txt"


def claims_data(report: Report, site: Site) -> dict[str, Any]:
    """Return the whole report as one JSON document: settings, scale, sources and resolved claims."""
    settings = report.settings
    return {
        "title": settings["title"],
        "description": settings["description"],
        "language": settings["language"],
        "languages": list(report.languages),
        "publisher": {"name": settings["publisher"], "url": settings.get("publisher_url")},
        "url": base_url(site),
        "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "scale": [
            {"id": v.id, "label": v.label, "definition": v.definition, "rank": v.rank} for v in report.scale.verdicts
        ],
        "sources": [_source(report, site, s) for s in sorted(report.sources.values(), key=lambda s: s.id)],
        "claims": [_claim(report, site, c) for c in exported(report)],
    }


def claims_csv(report: Report, site: Site) -> str:
    """Return one CSV row per claim (RFC 4180: comma-separated, CRLF line ends, UTF-8, every cell quoted).

    Every cell is quoted, so that a spreadsheet splitting on ';' (the list separator of many
    locales) keeps a value whole, and each item of a ';'-joined list is guarded on its own.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for claim in exported(report):
        source = report.sources[claim.passage.source_id]
        latest = claim.corrections[-1] if claim.corrections else None
        row = {
            "id": claim.id,
            "status": claim.status,
            "url": claim_url(site, claim),
            "claim": claim.claim,
            "claimant": claim.claimant,
            "claim_date": claim.claim_date or "",
            "verdict": claim.verdict.id,
            "verdict_label": claim.verdict.label,
            "rating": "" if claim.verdict.rank is None else claim.verdict.rank,
            "summary": claim.summary,
            "source": source.id,
            "source_title": source.title,
            "quote": source.text[claim.passage.start : claim.passage.end],
            "quote_translation": translation.text if (translation := claim.passage.translation) else "",
            "translated_by": translation.by if translation else "",
            "start": claim.passage.start,
            "end": claim.passage.end,
            "evidence": len(claim.evidence),
            "published": claim.published,
            "updated": claim.updated,
            "corrections": len(claim.corrections),
            "latest_correction": f"{latest['date']}: {latest['note']}" if latest else "",
            "withdrawn": f"{claim.withdrawn['date']}: {claim.withdrawn['reason']}" if claim.withdrawn else "",
            "tags": ";".join(_cell(tag) for tag in claim.tags),
            "reviewers": ";".join(_cell(name) for name in claim.reviewers),
        }
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    # Values come from pull requests; a leading apostrophe keeps a spreadsheet from running one.
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _source(report: Report, site: Site, source: Source) -> dict[str, Any]:
    keys = ("title", "publisher", "author", "published", "published_note", "url", "retrieved", "language", "kind")
    return {
        "id": source.id,
        **{key: source.meta.get(key) for key in keys},
        "sha256": hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
        "length": len(source.text),
        "page": source_url(site, source),
        "text": base_url(site) + text_path(source),
        "sections": [{"start": s.start, "kind": s.kind, "label": s.label} for s in source.sections],
        "addresses": source.meta.get("addresses", []),
    }


def _claim(report: Report, site: Site, claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "status": claim.status,
        "url": claim_url(site, claim),
        "record": claim.path,
        "claim": claim.claim,
        "claimant": claim.claimant,
        "claim_date": claim.claim_date,
        "claim_date_note": claim.claim_date_note,
        "passage": _passage(report, claim.passage),
        "verdict": {"id": claim.verdict.id, "label": claim.verdict.label, "rank": claim.verdict.rank},
        "summary": claim.summary,
        "analysis": claim.analysis,
        "evidence": [_evidence(report, item) for item in claim.evidence],
        "reviewers": claim.reviewers,
        "published": claim.published,
        "updated": claim.updated,
        "corrections": [{"date": c["date"], "note": c["note"]} for c in claim.corrections],
        "withdrawn": dict(claim.withdrawn) if claim.withdrawn else None,
        "tags": claim.tags,
        "translations": [_version(site, v) for v in versions(report, claim)[1:]],
    }


def _version(site: Site, version: Version) -> dict[str, Any]:
    translated, translation = version.claim, version.translation
    assert translation is not None  # only a translated version is listed
    return {
        "language": version.language,
        "url": page_url(site, version.page),
        "record": translated.path,
        "claim": translated.claim,
        "verdict_label": translated.verdict.label,
        "summary": translated.summary,
        "analysis": translated.analysis,
        "by": translation.by,
        "current": not version.stale,
    }


def _passage(report: Report, passage: Passage) -> dict[str, Any]:
    source = report.sources[passage.source_id]
    return {
        "source": passage.source_id,
        "start": passage.start,
        "end": passage.end,
        "parts": [{"start": s, "end": e, "text": source.text[s:e]} for s, e in passage.parts],
        "language": source.meta.get("language"),
        "translation": _translation(report, passage.translation),
        "original": passage_link(source, passage),
    }


def _translation(report: Report, translation: Translation | None) -> dict[str, Any] | None:
    if translation is None:
        return None
    return {"text": translation.text, "by": translation.by, "language": report.settings["language"]}


def _evidence(report: Report, item: Evidence) -> dict[str, Any]:
    if item.passage is not None:
        return {"kind": "passage", "stance": item.stance, "note": item.note, "passage": _passage(report, item.passage)}
    return {
        "kind": "reference",
        "stance": item.stance,
        "note": item.note,
        "publisher": item.publisher,
        "title": item.title,
        "date": item.date,
        "url": item.url,
        "quote": item.quote,
        "original": quote_link(item.url, item.quote),
        "republication_of": item.republication_of,
        "date_note": item.date_note,
        "url_note": item.url_note,
        "title_note": item.title_note,
    }

"""What each claim page adds to its <head>: its ClaimReview as JSON-LD, and sharing metadata."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from generator.export.claimreview import page_claim_review
from generator.export.common import base_url, exported, page_url, script_json
from generator.export.feed import PATH as FEED_PATH
from generator.i18n import Interface
from generator.model import Claim, Report
from generator.render.kept import KeptPages, key_of
from generator.render.versions import Version, versions
from generator.settings import Site


@dataclass(frozen=True)
class Head:
    """A page's extra head: JSON-LD safe to print raw in a <script>, and (attribute, key, content) metas.

    The meta contents are plain text: the theme template escapes them.
    """

    json_ld: str
    meta: tuple[tuple[str, str, str], ...]
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, address) of each language's version
    language: str = ""  # the page's language, when it is not the report's


def page_heads(report: Report, site: Site, kept: KeptPages | None = None) -> dict[str, Head]:
    """Return the head of every claim page, by the page's path under docs/ (claims/<id>.md, <language>/claims/...).

    With ``kept`` (a preview's, that has just rendered this report's pages), a head whose claim
    did not change is not made again.
    """
    heads = {}
    for claim in exported(report):
        every = versions(report, claim)
        for version in every:
            if kept is None:
                heads[version.page] = claim_head(report, site, version, every)
                continue
            key = key_of(kept.frame, kept.fingerprint(claim), [(v.language, v.page, v.translation) for v in every])
            heads[version.page] = kept.value(
                f"head {version.page}", key, partial(claim_head, report, site, version, every)
            )
    return heads


def claim_head(report: Report, site: Site, version: Version, every: list[Version]) -> Head:
    """Return one claim page's head; a withdrawn claim keeps its sharing metadata but no ClaimReview."""
    claim = version.claim
    url = page_url(site, version.page)
    description = share_description(claim, Interface.for_language(version.language))
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", report.settings["title"]),
        ("property", "og:title", claim.claim),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "article:published_time", claim.published),
        ("property", "article:modified_time", claim.updated),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", claim.claim),
        ("name", "twitter:description", description),
    ]
    meta = tuple((attribute, key, " ".join(str(content).split())) for attribute, key, content in tags)
    json_ld = script_json(page_claim_review(report, site, version)) if claim.status == "published" else ""
    if len(every) == 1:
        return Head(json_ld, meta)
    alternates = tuple((v.language, page_url(site, v.page)) for v in every)
    alternates += (("x-default", page_url(site, every[0].page)),)
    language = version.language if version.translation else ""
    return Head(json_ld, meta, alternates, language)


def share_description(claim: Claim, ui: Interface) -> str:
    """Return the description shown when the page is shared: the verdict first, then the summary."""
    if claim.withdrawn:
        return ui.gettext("{verdict} (withdrawn on {date}). {reason}").format(
            verdict=claim.verdict.label, date=ui.format_date(claim.withdrawn["date"]), reason=claim.withdrawn["reason"]
        )
    return f"{claim.verdict.label}. {claim.summary}"


def feed_link(report: Report, site: Site) -> dict[str, str]:
    """Return the title and address of the Atom feed, for the link every page's head carries."""
    ui = Interface.for_language(report.settings["language"])
    title = ui.gettext("{title}: fact-checks (Atom)").format(title=report.settings["title"])
    return {"title": title, "href": base_url(site) + FEED_PATH}

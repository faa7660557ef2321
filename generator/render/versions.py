"""A fact-check as each of the report's languages publishes it: the record's, then each translation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError

from generator.model import Claim, ClaimTranslation, Report
from generator.render import urls


@dataclass(frozen=True)
class Version:
    """One language's version of a claim: its page, and the claim with that language's texts."""

    claim: Claim
    language: str
    page: str
    translation: ClaimTranslation | None = None  # None for the record's own language

    @property
    def stale(self) -> bool:
        return self.translation is not None and self.translation.stale


def versions(report: Report, claim: Claim) -> list[Version]:
    """Return every version of ``claim``: the record's first, then its translations."""
    return [Version(claim, report.languages[0], urls.claim_page(claim.id))] + [
        Version(t.applied_to(claim), t.language, urls.translated_claim_page(t.language, claim.id), t)
        for t in report.translations_of(claim.id)
    ]


def translated(report: Report, claims: list[Claim]) -> list[Version]:
    """Return the translated versions of ``claims``, claim by claim."""
    return [version for claim in claims for version in versions(report, claim)[1:]]


@cache
def language_name(tag: str) -> str:
    """Return the language's name in that language, as a language switcher shows it ("Српски" for sr)."""
    try:
        name = Locale.parse(tag, sep="-").get_display_name(tag.replace("-", "_")) or tag
    except (ValueError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:]

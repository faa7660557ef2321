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
    def pair(self) -> tuple[str, str]:
        return self.language, self.page

    @property
    def stale(self) -> bool:
        return self.translation is not None and self.translation.stale


def versions(report: Report, claim: Claim) -> list[Version]:
    """Return every version of ``claim``: the record's first, then its translations."""
    return [Version(claim, report.languages[0], urls.claim_page(claim.id))] + [
        Version(t.applied_to(claim), t.language, urls.translated_claim_page(t.language, claim.id), t)
        for t in report.translations_of(claim.id)
    ]


def language_home(report: Report, language: str) -> str:
    """Return the page that lists the fact-checks in ``language``: the home page for the record's own."""
    return "index.md" if language == report.languages[0] else f"{language}/index.md"


def ratings_page(report: Report, language: str) -> str:
    """Return the page of the rating scale in ``language``."""
    return "ratings.md" if language == report.languages[0] else f"{language}/ratings.md"


def language_pages(report: Report) -> dict[str, str]:
    """Return the language of every page in another language than the report's, by its path under docs/."""
    pages = {v.page: v.language for v in translated(report, report.visible)}
    for language in report.languages[1:]:
        pages[language_home(report, language)] = pages[ratings_page(report, language)] = language
    return pages


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

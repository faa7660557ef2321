"""The report's data, as the pages and exports see it once everything is checked."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from generator.folding import Folded, fold

# The statuses whose claim has a page on the site, the one definition of what readers see:
# published claims, and withdrawn ones at their address with a notice; never drafts.
SHOWN = ("published", "withdrawn")


@dataclass(frozen=True)
class Verdict:
    """One step of the rating scale (rank is None for the kinds that are not rated)."""

    id: str
    label: str
    definition: str
    rank: int | None
    colour: str
    icon: str
    translations: tuple[tuple[str, str, str], ...] = ()  # (language, label, definition) for the other languages

    @property
    def rated(self) -> bool:
        return self.rank is not None

    def in_language(self, language: str) -> Verdict:
        """Return this verdict with its label and definition in ``language``, if ratings.yml gives them."""
        for tag, label, definition in self.translations:
            if tag == language:
                return replace(self, label=label, definition=definition)
        return self


@dataclass(frozen=True)
class Scale:
    """The rating scale, in the order of ratings.yml."""

    verdicts: tuple[Verdict, ...]

    def get(self, verdict_id: str) -> Verdict | None:
        return next((v for v in self.verdicts if v.id == verdict_id), None)

    @property
    def best(self) -> int:
        return max(v.rank for v in self.verdicts if v.rank is not None)

    @property
    def worst(self) -> int:
        return min(v.rank for v in self.verdicts if v.rank is not None)


@dataclass(frozen=True)
class Section:
    """A part of a source text of its own kind (page furniture, reader comments)."""

    start: int
    kind: str
    label: str


@dataclass
class Source:
    """A source text, byte for byte, and what is known about it (None where unknown)."""

    id: str
    text: str
    meta: dict[str, Any]
    sha256: str
    sections: list[Section] = field(default_factory=list)

    @cached_property
    def folded(self) -> Folded:
        return fold(self.text)

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    def section_at(self, position: int) -> Section | None:
        """Return the section a position of the text falls in, if the text has sections."""
        current = None
        for section in self.sections:
            if section.start <= position:
                current = section
        return current


@dataclass(frozen=True)
class Translation:
    """The editor's translation of a quote into the report's language, and who made it."""

    text: str
    by: str


@dataclass(frozen=True)
class Passage:
    """An anchored quote: where it lies in its source, in the source's own characters."""

    source_id: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    text: str  # the source's characters, parts joined by ' … '
    translation: Translation | None = None

    @property
    def anchor_id(self) -> str:
        return f"p-{self.start}-{self.end}"


@dataclass(frozen=True)
class Evidence:
    """One item of evidence: a passage of a source in seeds/, or an external reference."""

    stance: str
    note: str
    passage: Passage | None = None
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    quote: str | None = None
    republication_of: str | None = None
    date_note: str | None = None
    url_note: str | None = None
    title_note: str | None = None

    @property
    def original_publisher(self) -> str | None:
        """The publisher whose work this is: the original of a republication."""
        return self.republication_of or self.publisher


@dataclass
class Claim:
    """A checked claim record, resolved against its sources and the scale."""

    id: str
    path: str
    status: str
    claim: str
    passage: Passage
    claimant: str
    claim_date: str | None
    claim_date_note: str | None
    verdict: Verdict
    summary: str
    analysis: str
    evidence: list[Evidence]
    reviewers: list[str]
    published: str
    updated: str
    corrections: list[dict[str, str]]
    withdrawn: dict[str, str] | None
    tags: list[str]
    why_checked: dict[str, Any] | None = None
    right_of_reply: dict[str, Any] | None = None
    waivers: list[dict[str, str]] = field(default_factory=list)
    # Where each value is written in the record, (line, col) by its path: for the standards' messages.
    where: dict[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    def located(self, *at: str | int) -> tuple[int, int]:
        """Return the (line, col) of the value at ``at``, or of its nearest parent written in the record."""
        while at and at not in self.where:
            at = at[:-1]
        return self.where.get(at, (1, 1))

    def waiver(self, rule: str) -> dict[str, str] | None:
        return next((w for w in self.waivers if w["rule"] == rule), None)


@dataclass(frozen=True)
class Member:
    """A person (or a declared pseudonym) who reviews claims, as the About page shows them."""

    name: str
    role: str
    bio: str
    pseudonym: str | None = None


@dataclass(frozen=True)
class Rule:
    """One rule of the editorial standards, at its level, with its parameters."""

    name: str
    level: str  # error, warning or off
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Standards:
    """The desk's editorial policy (standards.yml) and its team (team.yml); empty when a report has none."""

    rules: tuple[Rule, ...] = ()
    team: tuple[Member, ...] = ()

    def rule(self, name: str) -> Rule | None:
        return next((r for r in self.rules if r.name == name and r.level != "off"), None)


@dataclass(frozen=True)
class ClaimTranslation:
    """A claim's text in another language the report publishes; all else comes from its record."""

    claim_id: str
    language: str
    path: str
    by: str
    claim: str
    summary: str
    analysis: str
    stale: bool  # the record's text has changed since it was translated

    def applied_to(self, claim: Claim) -> Claim:
        """Return ``claim`` as this language publishes it: its texts and its verdict's label translated."""
        return replace(
            claim,
            claim=self.claim,
            summary=self.summary,
            analysis=self.analysis,
            verdict=claim.verdict.in_language(self.language),
            path=self.path,
        )


@dataclass
class Report:
    """Everything the pages and exports are made from."""

    settings: dict[str, Any]
    scale: Scale
    sources: dict[str, Source]
    claims: list[Claim]
    standards: Standards = field(default_factory=Standards)
    translations: tuple[ClaimTranslation, ...] = ()

    def translations_of(self, claim_id: str) -> list[ClaimTranslation]:
        """Return the claim's versions in the report's other languages, in the order of report.yml."""
        return self._translations.get(claim_id, [])

    def translated_into(self, claim_id: str, language: str) -> bool:
        return any(t.language == language for t in self.translations_of(claim_id))

    @cached_property
    def _translations(self) -> dict[str, list[ClaimTranslation]]:
        order = {language: i for i, language in enumerate(self.languages)}
        by_claim: dict[str, list[ClaimTranslation]] = {}
        for translation in sorted(self.translations, key=lambda t: order.get(t.language, len(order))):
            by_claim.setdefault(translation.claim_id, []).append(translation)
        return by_claim

    @property
    def languages(self) -> tuple[str, ...]:
        """The report's language, then the others it publishes fact-checks in."""
        return (self.settings["language"], *self.settings.get("languages", ()))

    @property
    def visible(self) -> list[Claim]:
        """Claims shown on the site: published and withdrawn ones, not drafts."""
        return [c for c in self.claims if c.status in SHOWN]

"""The report's data, as the pages and exports see it once everything is checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.anchor.matcher import Folded, fold


@dataclass(frozen=True)
class Verdict:
    """One step of the rating scale (rank is None for the kinds that are not rated)."""

    id: str
    label: str
    definition: str
    rank: int | None
    colour: str
    icon: str

    @property
    def rated(self) -> bool:
        return self.rank is not None


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
class Passage:
    """An anchored quote: where it lies in its source, in the source's own characters."""

    source_id: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    text: str  # the source's characters, parts joined by ' … '

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


@dataclass
class Report:
    """Everything the pages and exports are made from."""

    settings: dict[str, Any]
    scale: Scale
    sources: dict[str, Source]
    claims: list[Claim]

    @property
    def visible(self) -> list[Claim]:
        """Claims shown on the site: published and withdrawn ones, not drafts."""
        return [c for c in self.claims if c.status != "draft"]

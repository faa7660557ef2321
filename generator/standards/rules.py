"""The rules of the editorial standards: what each asks of a claim, in words for messages and for readers.

A rule's check returns None where it does not apply to a claim, an empty list where the claim
meets it, and otherwise what is short, each at the place in the record where it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from generator.i18n import N_, Interface
from generator.model import Claim, Report, Rule

FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Finding:
    """What a claim lacks for a rule, at a path in its record."""

    at: tuple[str | int, ...]
    message: str
    hint: str


class Context:
    """What the rules need to know of the whole report, worked out once."""

    def __init__(self, report: Report):
        self.report = report

    @cached_property
    def under_review(self) -> set[str]:
        """The sources some published claim is quoted from: the texts under review."""
        return {c.passage.source_id for c in self.report.claims if c.status == "published"}

    @cached_property
    def team(self) -> dict[str, str | None]:
        return {m.name: m.pseudonym for m in self.report.standards.team}

    def from_comments(self, claim: Claim) -> bool:
        """Tell whether a claim is quoted from reader comments (the source, or the part of it)."""
        source = self.report.sources[claim.passage.source_id]
        section = source.section_at(claim.passage.start)
        return source.meta.get("kind") == "reader-comments" or (
            section is not None and section.kind == "reader-comments"
        )


Check = Callable[[Claim, Context, Rule], "list[Finding] | None"]


@dataclass(frozen=True)
class RuleSpec:
    """A rule: its check, how the methodology page states it, and how a claim page explains a waiver.

    The title and the waiver are messages of the interface's catalog, translated where they are shown.
    """

    name: str
    title: str
    check: Check
    states: Callable[[Rule, Interface], str]
    waived: str  # "This verdict rests on ... because {reason}" is shown as: gettext(waived).format(reason=...)


def _key(publisher: str) -> str:
    return " ".join(publisher.casefold().split())


def independent_sources(claim: Claim, context: Context, rule: Rule) -> list[Finding] | None:
    if claim.verdict.rank is None:
        return None  # an opinion or a prediction is not rated, so no verdict rests on sources
    publishers: dict[str, str] = {}
    for item in claim.evidence:
        if item.stance == "context":
            continue
        if item.passage is not None:
            if item.passage.source_id in context.under_review:
                continue
            name = context.report.sources[item.passage.source_id].meta.get("publisher")
        else:
            name = item.original_publisher
        if name:
            publishers.setdefault(_key(name), name)
    minimum = int(rule.params.get("minimum", 2))
    if len(publishers) >= minimum:
        return []
    count = len(publishers)
    named = f" ({'; '.join(publishers.values())})" if publishers else ""
    return [
        Finding(
            ("evidence",),
            f"the rated verdict '{claim.verdict.label}' rests on {count} independent "
            f"source{'' if count == 1 else 's'}{named}; the standards ask for at least {minimum}",
            "Cite support or contradiction from another original publisher (a republication counts as its "
            "original: say whose in republication_of), or waive the rule for this claim with a reason: "
            'waivers: [{rule: independent-sources, reason: "..."}].',
        )
    ]


def not_support(claim: Claim, context: Context, rule: Rule) -> list[Finding] | None:
    found = []
    for i, item in enumerate(claim.evidence):
        if item.passage is not None and item.stance == "supports" and item.passage.source_id in context.under_review:
            found.append(
                Finding(
                    ("evidence", i, "stance"),
                    f"evidence[{i}] cites '{item.passage.source_id}', a text under review, as support",
                    "Set stance: context. A text under review can show what it says, not that it is right; or waive "
                    'the rule for this claim: waivers: [{rule: texts-under-review-are-not-support, reason: "..."}].',
                )
            )
    return found


def replicable(claim: Claim, context: Context, rule: Rule) -> list[Finding] | None:
    found = []
    for i, item in enumerate(claim.evidence):
        if item.passage is not None:
            continue
        who = f"evidence[{i}] ({item.publisher})"
        if not (item.date and FULL_DATE.fullmatch(item.date)) and not item.date_note:
            found.append(
                Finding(
                    ("evidence", i, "date") if item.date else ("evidence", i),
                    f"{who} is dated {item.date}, not to the day" if item.date else f"{who} has no date",
                    "Give the day (YYYY-MM-DD), or say in date_note why it cannot be known; readers see the note.",
                )
            )
        if not item.url and not item.url_note:
            found.append(
                Finding(
                    ("evidence", i),
                    f"{who} has no address",
                    "Add its url, or say in url_note why there is none (for example, a printed document); "
                    "readers see the note.",
                )
            )
    return found


def named_review(claim: Claim, context: Context, rule: Rule) -> list[Finding] | None:
    listed = ", ".join(sorted(context.team)) or "none yet"
    return [
        Finding(
            ("reviewers", i),
            f"reviewer '{name}' is not listed in the team file",
            f"Add them to team.yml with name, role and bio (a pseudonym says why in pseudonym), or name a "
            f"listed member: {listed}.",
        )
        for i, name in enumerate(claim.reviewers)
        if name not in context.team
    ]


def why_this_claim(claim: Claim, context: Context, rule: Rule) -> list[Finding] | None:
    comments = context.from_comments(claim)
    if rule.params.get("applies_to") == "reader-comments" and not comments:
        return None
    if claim.why_checked:
        return []
    said = "a claim from reader comments does not say" if comments else "the record does not say"
    return [
        Finding(
            (),
            f"{said} why it was chosen",
            'Add why_checked: {criteria: [reach, significance, harm or repeated], note: "..."}, '
            "the reason readers see.",
        )
    ]


def _states_minimum(rule: Rule, ui: Interface) -> str:
    n = int(rule.params.get("minimum", 2))
    return ui.ngettext(
        "A rated verdict rests on at least {n} independent source: support or contradiction from different "
        "original publishers. A republication (a wire story carried by a local outlet) counts as its original, "
        "and items from one original publisher count once. The texts under review do not count.",
        "A rated verdict rests on at least {n} independent sources: support or contradiction from different "
        "original publishers. A republication (a wire story carried by a local outlet) counts as its original, "
        "and items from one original publisher count once. The texts under review do not count.",
        n,
    ).format(n=ui.format_number(n))


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "independent-sources",
        N_("Independent sources"),
        independent_sources,
        _states_minimum,
        N_("This verdict rests on fewer independent sources than our standards ask, because {reason}"),
    ),
    RuleSpec(
        "texts-under-review-are-not-support",
        N_("Texts under review are not support"),
        not_support,
        lambda r, ui: ui.gettext(
            "A passage of a text under review may be cited as context, to show what it says, never as the "
            "support that carries a verdict."
        ),
        N_("A text under review is cited here as support, because {reason}"),
    ),
    RuleSpec(
        "replicable-evidence",
        N_("Replicable evidence"),
        replicable,
        lambda r, ui: ui.gettext(
            "Every external source is cited with its date, to the day, and its address, so that a reader can "
            "find it; where either cannot be given, the record says why, and the claim's page shows the reason."
        ),
        N_("Some evidence here cannot be dated to the day or found at an address, because {reason}"),
    ),
    RuleSpec(
        "named-review",
        N_("Named review"),
        named_review,
        lambda r, ui: ui.gettext(
            "Every published claim names at least one reviewer, and every reviewer is a person, or a declared "
            "pseudonym, listed with role and biography on the About page."
        ),
        N_("Its reviewers are not all listed on the About page, because {reason}"),
    ),
    RuleSpec(
        "why-this-claim",
        N_("Why this claim"),
        why_this_claim,
        lambda r, ui: (
            ui.gettext(
                "Every claim says why it was chosen: its reach, its significance, the harm it could do, or that it "
                "repeats a claim that circulates widely."
            )
            if r.params.get("applies_to", "all") == "all"
            else ui.gettext(
                "Every claim taken from reader comments says why it was chosen: checking anonymous comments "
                "needs a reason, such as a claim that circulates widely."
            )
        ),
        N_("The record does not say why this claim was chosen, because {reason}"),
    ),
)
BY_NAME = {spec.name: spec for spec in RULES}

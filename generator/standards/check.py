"""Check every published claim against the editorial standards; count, per rule, who meets, waives or fails it."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Report
from generator.problems import Problem
from generator.standards.rules import BY_NAME, Context


@dataclass
class Tally:
    """How the published claims stand against one rule."""

    rule: str
    level: str
    applies: int = 0
    meet: int = 0
    waive: int = 0
    fail: int = 0
    waived_by: list[str] = field(default_factory=list)


def check_standards(report: Report) -> list[Problem]:
    """Return a problem (at its rule's level) for each way a published claim falls short, or waives for nothing."""
    return evaluate(report)[0]


def evaluate(report: Report) -> tuple[list[Problem], list[Tally]]:
    """Return the problems and, for each rule of the policy in the scale's order of RULES, its tally."""
    context = Context(report)
    problems: list[Problem] = []
    tallies = {rule.name: Tally(rule.name, rule.level) for rule in report.standards.rules}
    published = [c for c in report.claims if c.status == "published"]
    for claim in published:
        for i, waiver in enumerate(claim.waivers):
            rule = report.standards.rule(waiver["rule"])
            if rule is None:
                line, col = claim.located("waivers", i, "rule")
                problems.append(
                    Problem(
                        claim.path,
                        line,
                        col,
                        f"waiver of '{waiver['rule']}', a rule that is off or not in standards.yml",
                        "Remove the waiver.",
                        code="warning",
                    )
                )
        for rule in report.standards.rules:
            if rule.level == "off":
                continue
            findings = BY_NAME[rule.name].check(claim, context, rule)
            if findings is None:
                continue
            tally = tallies[rule.name]
            tally.applies += 1
            granted = claim.waiver(rule.name)
            if not findings:
                tally.meet += 1
                if granted is not None:
                    line, col = claim.located("waivers", claim.waivers.index(granted))
                    problems.append(
                        Problem(
                            claim.path,
                            line,
                            col,
                            f"[{rule.name}] is waived, but the claim meets the rule",
                            "Remove the waiver: readers would be told of an exception that is not there.",
                            code="warning",
                        )
                    )
            elif granted is not None:
                tally.waive += 1
                tally.waived_by.append(claim.id)
            else:
                tally.fail += 1
                for finding in findings:
                    line, col = claim.located(*finding.at)
                    problems.append(
                        Problem(
                            claim.path, line, col, f"[{rule.name}] {finding.message}", finding.hint, code=rule.level
                        )
                    )
    order = [name for name in BY_NAME if name in tallies]
    return problems, [tallies[name] for name in order]

"""The per-rule summary of the editorial standards, for `check --standards` and the methodology page."""

from __future__ import annotations

from generator.model import Report
from generator.standards.check import evaluate


def standards_summary(report: Report) -> str:
    """Return one line per rule: its level, and how many published claims meet, waive and fail it.

    The summary counts the claims that passed every other check (``check`` stops at none).
    """
    _, tallies = evaluate(report)
    if not tallies:
        return "Editorial standards: none (the report has no standards.yml)."
    published = sum(c.status == "published" for c in report.claims)
    lines = [f"Editorial standards, on {published} published claim{'' if published == 1 else 's'}:"]
    width = max(len(t.rule) for t in tallies)
    for t in tallies:
        if t.level == "off":
            lines.append(f"  {t.rule:<{width}}  off")
            continue
        lines.append(
            f"  {t.rule:<{width}}  {t.level:<7}  applies to {t.applies}: {t.meet} meet, {t.waive} waive, {t.fail} fail"
        )
    return "\n".join(lines)

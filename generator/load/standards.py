"""Load the desk's editorial policy (standards.yml) and its team (team.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.load.schema_check import load_valid
from generator.model import Member, Rule, Standards
from generator.problems import Problem, display_path

DEFAULTS: dict[str, dict[str, Any]] = {"independent-sources": {"minimum": 2}, "why-this-claim": {"applies_to": "all"}}


def load_standards(policy: Path, team: Path, root: Path) -> tuple[Standards, list[Problem]]:
    """Return the policy and team (none when the report has no standards.yml), and the problems found."""
    if not policy.exists():
        return Standards(), []
    shown = display_path(policy, root)
    doc, problems = load_valid(policy, shown, "standards")
    if doc is None:
        return Standards(), problems
    rules = tuple(
        Rule(name, options["level"], DEFAULTS.get(name, {}) | {k: v for k, v in options.items() if k != "level"})
        for name, options in doc.data["rules"].items()
    )
    members: tuple[Member, ...] = ()
    if team.exists():
        team_doc, found = load_valid(team, display_path(team, root), "team")
        problems += found
        if team_doc is not None:
            members = tuple(Member(**m) for m in team_doc.data["members"])
            seen: set[str] = set()
            for i, member in enumerate(members):
                if member.name in seen:
                    problems.append(team_doc.problem(("members", i, "name"), f"'{member.name}' is listed twice"))
                seen.add(member.name)
    elif any(r.name == "named-review" and r.level != "off" for r in rules):
        problems.append(
            doc.problem(
                ("rules", "named-review"),
                f"the rule named-review needs the team file {display_path(team, root)}, which is not found",
                f"Create {display_path(team, root)} with members: a name, role and bio for each reviewer.",
                key=True,
            )
        )
    return Standards(rules, members), problems

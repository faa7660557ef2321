"""Withdraw a published claim: its record stays, with the date and the reason, so its page does."""

from __future__ import annotations

import re

from generator.edit.yaml_edit import EditableYaml, mapping
from generator.problems import UsageError, display_path
from generator.settings import Layout

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MIN_REASON = 10  # the schema's minLength for withdrawn.reason


def withdraw_claim(layout: Layout, claim_id: str, reason: str, date: str) -> str:
    """Set status: withdrawn with ``withdrawn: {date, reason}`` and updated: ``date``; return the path."""
    file = layout.path("claims") / f"{claim_id}.yml"
    shown = display_path(file, layout.root)
    if "/" in claim_id or not file.is_file():
        raise UsageError(f"no claim record {shown}", "Give the claim's id, the file name in claims/ without .yml.")
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise UsageError(
            f"the reason is too short ({len(reason)} of at least {MIN_REASON} characters)",
            "Readers see it on the claim's page: say in a sentence why the fact-check is withdrawn.",
        )
    if not DATE.fullmatch(date):
        raise UsageError(f"--date must be YYYY-MM-DD, not '{date}'")
    doc = EditableYaml.read(file)
    status = doc.data.get("status") if isinstance(doc.data, dict) else None
    if status == "withdrawn":
        raise UsageError(f"{claim_id} is already withdrawn", f"Edit the reason in {shown} if it needs changing.")
    if status != "published":
        raise UsageError(
            f"{claim_id} is a {status or 'record without status'}, not a published claim",
            "A draft was never on the site: delete the file, or keep it as a draft.",
        )
    doc.set(("status",), "withdrawn")
    doc.set(("updated",), date)
    doc.set_after(("withdrawn",), mapping(date=date, reason=reason), after=("corrections", "updated"))
    doc.save(file)
    return shown

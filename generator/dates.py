"""Dates as readers see them: a day, a month or a year of the records, in words."""

from __future__ import annotations

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_date(value: str | None) -> str:
    """Write 2021-05-20 as '20 May 2021', 2021-05 as 'May 2021'; None as 'date not known'."""
    if not value:
        return "date not known"
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])

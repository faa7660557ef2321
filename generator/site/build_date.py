"""The date a build is stamped with: the report's last change, never the clock.

MkDocs dates the sitemap (and the mtime inside sitemap.xml.gz) with SOURCE_DATE_EPOCH when
it is set, and with today's date otherwise; stamping builds with the data's own date makes
two builds of the same records the same, byte for byte.

    >>> from types import SimpleNamespace as S
    >>> last_change(S(visible=[S(status="published", published="2021-06-02", updated="2021-06-10")]))
    1623283200
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from generator.model import Report

EPOCH = "SOURCE_DATE_EPOCH"


def last_change(report: Report) -> int:
    """Return, as seconds since 1970 (UTC), the latest date a shown claim was published or updated."""
    dates = [day for c in report.visible for day in (c.published, c.updated)]
    if not dates:
        return 0
    day = dt.date.fromisoformat(max(dates))
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def date_build(report: Report) -> Callable[[], None]:
    """Stamp builds from now on with ``report``'s last change, unless the caller set the date; return the undo."""
    set_here = EPOCH not in os.environ
    if set_here:
        os.environ[EPOCH] = str(last_change(report))

    def undo() -> None:
        if set_here:
            os.environ.pop(EPOCH, None)

    return undo

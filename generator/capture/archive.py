"""Ask the Wayback Machine to keep a copy of a page, and return the copy's address."""

from __future__ import annotations

import os
from urllib.parse import urljoin

import httpx

from generator.problems import clip

# Tests point this at a local server; the public endpoint is the default.
ENDPOINT = "FACTCHECK_ARCHIVE_ENDPOINT"
DEFAULT_ENDPOINT = "https://web.archive.org/save/"


def archive(url: str, timeout: float) -> tuple[str | None, str]:
    """Return the snapshot's address and a line for the user, or None and why there is none."""
    endpoint = os.environ.get(ENDPOINT) or DEFAULT_ENDPOINT
    try:
        response = httpx.get(
            endpoint + url, timeout=timeout, follow_redirects=True, headers={"User-Agent": "factcheck-generator"}
        )
    except httpx.TimeoutException:
        return None, f"the Wayback Machine gave no answer within {timeout:g} seconds"
    except httpx.HTTPError as err:
        return None, f"the Wayback Machine could not be reached ({clip(str(err) or type(err).__name__, 80)})"
    if response.status_code >= 400:
        return None, f"the Wayback Machine refused to save the page: {response.status_code} {response.reason_phrase}"
    where = response.headers.get("content-location") or (str(response.url) if "/web/" in response.url.path else "")
    if not where:
        return None, "the Wayback Machine answered without the address of a copy"
    snapshot = urljoin(str(response.url), where)
    return snapshot, f"archived at {snapshot}"

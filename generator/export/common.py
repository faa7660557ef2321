"""What every export shares: absolute addresses, dates, the data licence and exact encodings."""

from __future__ import annotations

import json
from typing import Any

from generator.model import Claim, Report, Source
from generator.problems import GeneratorError
from generator.render import urls
from generator.render.versions import Version, versions
from generator.settings import Site

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
SCHEMA_ORG = "https://schema.org"

# Characters that could end a <script> element or start an HTML comment or entity inside one.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def base_url(site: Site) -> str:
    """Return the site's address ending in '/'; raise GeneratorError when it is not set."""
    if not site.site_url:
        raise GeneratorError(
            "the exports need the site's public address: set site_url in mkdocs.yml, or pass --site-url"
        )
    return site.site_url if site.site_url.endswith("/") else site.site_url + "/"


def claim_url(site: Site, claim: Claim) -> str:
    return urls.absolute(base_url(site), urls.claim_page(claim.id))


def page_url(site: Site, page: str) -> str:
    return urls.absolute(base_url(site), page)


def source_url(site: Site, source: Source) -> str:
    return urls.absolute(base_url(site), urls.source_page(source.id))


def exported(report: Report) -> list[Claim]:
    """Claims the exports describe, by id: the visible ones (published and withdrawn), never drafts."""
    return sorted(report.visible, key=lambda c: c.id)


def reviewed(report: Report) -> list[Claim]:
    """Claims whose verdict the report stands behind: published ones (a withdrawn verdict is not)."""
    return [c for c in exported(report) if c.status == "published"]


def reviewed_versions(report: Report) -> list[Version]:
    """Every language's version of the published claims: claim by claim, the record's first."""
    return [version for claim in reviewed(report) for version in versions(report, claim)]


def date_time(day: str) -> str:
    """Write a day as the date-time the formats require: midnight UTC (the records keep days only).

    >>> date_time("2021-06-02")
    '2021-06-02T00:00:00Z'
    """
    return f"{day}T00:00:00Z"


def dumps(value: Any) -> str:
    """Return ``value`` as JSON the same way every time: sorted keys, no spaces, final newline.

    Compact, because the data files grow with every claim (indentation added a third to them);
    ``python -m json.tool`` shows them laid out.
    """
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def script_json(value: Any) -> str:
    """Return ``value`` as compact JSON that no string in it can end the <script> element holding it.

    >>> script_json({"a": "</script><b>&"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text)

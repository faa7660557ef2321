"""Hostile text stays data in every export: JSON, JSON-LD in a page's head, the Atom feed and the CSV.

The same fields and values as tests/test_escaping_properties.py, through export_files and
page_heads (the real export path): every JSON file parses and gives the value back exactly;
JSON-LD holds nothing that could end its <script> element; the feed is well-formed XML with
the value as text; no CSV cell starts with what a spreadsheet runs as a formula.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET

from html_safety import element_sequence
from hypothesis import given
from hypothesis import strategies as st
from test_escaping_properties import PROPERTY, REPORT, SETTERS, SITE, TEXT

from generator.export.files import export_files
from generator.export.head import page_heads

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ATOM = "{http://www.w3.org/2005/Atom}"


def exports_with(field: str, value: str) -> tuple[dict[str, bytes], dict]:
    report = copy.deepcopy(REPORT)
    SETTERS[field](report, value)
    return export_files(report, SITE), page_heads(report, SITE)


def strings(value: object) -> list[str]:
    """Every string in a JSON value, keys aside."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


@PROPERTY
@given(st.sampled_from(sorted(SETTERS)), TEXT)
def test_hostile_text_stays_data_in_every_export(field: str, value: str) -> None:
    files, heads = exports_with(field, value)
    found = []
    for path, data in files.items():
        text = data.decode("utf-8")
        if path.endswith((".json", ".jsonld")):
            found += strings(json.loads(text))
        elif path.endswith(".xml"):
            feed = ET.fromstring(data)
            assert feed.tag == f"{ATOM}feed"
            found += [e.text or "" for e in feed.iter()] + [v for e in feed.iter() for v in e.attrib.values()]
        elif path.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text, newline="")))
            assert len({len(row) for row in rows}) == 1, "every row has every column"
            assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
    for head in heads.values():
        # Printed raw inside <script type="application/ld+json">: it must stay one text node.
        script = f'<script type="application/ld+json">{head.json_ld}</script>'
        assert element_sequence(script) == [("script", ("type",))]
        assert "</" not in head.json_ld and "<!--" not in head.json_ld
        if head.json_ld:
            found += strings(json.loads(head.json_ld))
        found += [content for _, _, content in head.meta]
    # The value comes back whole somewhere (a feed entry or a share tag collapses its spaces).
    assert value in found or " ".join(value.split()) in [" ".join(s.split()) for s in found] or not _exported(field)


def _exported(field: str) -> bool:
    # Reviewers and the source's notes stay on the site; the exports leave them out.
    return field not in {"reviewers", "source.notes", "source.published_note", "source.author_description"}

"""The fast paths (libyaml, compiled schema check) agree exactly with the slower exact ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import yaml_source

ROOT = Path(__file__).resolve().parent.parent

# Pieces that exercise what matters for located values: keys, nesting, flow collections,
# quoting, block scalars, comments, non-ASCII text before a value, tabs and CRLF line ends.
PIECES = [
    "id: fc-0001\n",
    "claim: “curly” text — dash\n",
    "note: 'single ''quoted'''\n",
    'quote: "double \\" quoted"\n',
    "tags: [a, b, “c”, 12]\n",
    "passage:\n  source: x\n  quote: y\n",
    "evidence:\n  - stance: supports\n    note: é ü\n  - {a: 1, b: [x, y]}\n",
    "analysis: |\n  line one\n\n  line two\n",
    "folded: >-\n  one\n  two\n",
    "empty:\n",
    "nulls: [~, null, '', true, false, 012, 1e3, 2021-05-20, no]\n",
    "# a comment\n",
    "\r\n",
    "\tbad: tab\n",
    "key: value # trailing\n",
    "anchor: &a {x: 1}\n",
    "alias: *a\n",
    "tagged: !!str 12\n",
    "dup: 1\n",
    "ünïcode_key: 1\n",
    "- item\n",
    "  indented: deeper\n",
    "long: " + "word " * 30 + "\n",
]


def located(text: str, fast: bool) -> tuple | None:
    if fast:
        doc = yaml_source._parse_fast(text, "x.yml")
        return None if doc is None else (doc.data, doc.values, doc.keys)
    saved, yaml_source._FastLoader = yaml_source._FastLoader, None
    try:
        doc, problem = yaml_source.parse_yaml(text, "x.yml")
    finally:
        yaml_source._FastLoader = saved
    return (problem,) if doc is None else (doc.data, doc.values, doc.keys)


@pytest.mark.skipif(yaml_source._FastLoader is None, reason="PyYAML was built without libyaml")
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_fast_path_matches_the_exact_loader(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast = located(text, fast=True)
    if fast is not None:
        assert fast == located(text, fast=False)


@pytest.mark.skipif(yaml_source._FastLoader is None, reason="PyYAML was built without libyaml")
def test_fast_path_matches_on_every_record_of_the_repository() -> None:
    files = sorted(ROOT.glob("claims/*.yml")) + sorted(ROOT.glob("seeds/*.yml")) + sorted(ROOT.glob("tests/**/*.yml"))
    for file in files:
        text = file.read_bytes().decode("utf-8-sig", errors="replace")
        fast = located(text, fast=True)
        if fast is not None:
            assert fast == located(text, fast=False), file


VALUES = [
    None,
    True,
    False,
    0,
    7,
    -1,
    "",
    "x",
    "fc-0001",
    "2021-05-20",
    "2021-13",
    "Not A Date",
    [],
    ["a"],
    ["a", "a"],
    {},
    {"x": 1},
]
RECORD = {
    "id": "fc-0001",
    "status": "published",
    "claim": "A claim of some length.",
    "passage": {"source": "the-source", "quote": "a quote"},
    "claimant": "Someone",
    "claim_date": "2021-05",
    "verdict": "true",
    "summary": "A summary of the verdict.",
    "analysis": "The reasoning, at some length.",
    "evidence": [
        {"source": "the-source", "quote": "words", "stance": "supports", "note": "A note."},
        {"publisher": "P", "title": "T", "url": "https://example.org/", "stance": "context", "note": "A note."},
    ],
    "reviewers": ["Desk"],
    "published": "2021-06-01",
    "updated": "2021-06-01",
    "tags": ["drills"],
}


def _paths(value: object, at: tuple = ()) -> list[tuple]:
    found = [at]
    if isinstance(value, dict):
        found += [p for k, v in value.items() for p in _paths(v, (*at, k))]
    elif isinstance(value, list):
        found += [p for i, v in enumerate(value) for p in _paths(v, (*at, i))]
    return found


def _replace(value: object, at: tuple, new: object) -> object:
    if not at:
        return new
    head, rest = at[0], at[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    assert isinstance(value, list)
    return [_replace(v, rest, new) if i == head else v for i, v in enumerate(value)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_paths(RECORD)), st.sampled_from(VALUES)), min_size=1, max_size=3))
def test_quick_schema_check_agrees_with_jsonschema(changes: list[tuple[tuple, object]]) -> None:
    from generator.load.schema_check import _quick_validator, _validator

    data: object = RECORD
    for at, new in changes:
        if at in _paths(data):
            data = _replace(data, at, new)
    try:
        _quick_validator("claim")(data)
        quick = True
    except Exception:
        quick = False
    assert quick == _validator("claim").is_valid(data)


def _fold_by_character(text: str) -> tuple[str, tuple[int, ...]]:
    """The plain definition of folding, one character at a time, that fold() must match."""
    from generator.folding import _TABLE

    def word(at: int) -> bool:
        return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")

    out: list[str] = []
    starts: list[int] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            j = i + 1
            while j < len(text) and text[j].isspace():
                j += 1
            # French typography's spaces inside guillemets and before ; : ! ? are left out.
            after_opening = i > 0 and text[i - 1] in "«‹" and not word(i - 2)
            before_closing = j < len(text) and text[j] in "»›" and not word(j + 1)
            if not (after_opening or before_closing or (j < len(text) and text[j] in ";:!?")):
                out.append(" ")
                starts.append(i)
            i = j
            continue
        folded = text[i].translate(_TABLE)
        out.append(folded)
        starts.extend([i] * len(folded))
        i += 1
    return "".join(out), tuple(starts)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab .,;:!?'\"‘’“”«»‹›ʼ—–−-…\n\t\r\u00a0\u202f\u2009\u3000\x1c[]")), max_size=60
    )
)
def test_fold_matches_folding_one_character_at_a_time(text: str) -> None:
    from generator.folding import fold

    folded = fold(text)
    assert (folded.text, folded.starts) == _fold_by_character(text)
    assert folded.original_length == len(text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["claims", "fc-1", "tags", "page-2", "", ".", "..", "a.css"]), max_size=4),
    st.lists(st.sampled_from(["claims", "fc-1", "tags", "page-2", "", ".", ".."]), max_size=4),
)
def test_relative_paths_match_posixpath(there: list[str], here: list[str]) -> None:
    import posixpath

    from generator.render.urls import _relpath

    a, b = "/".join(there), "/".join(here)
    assert _relpath(a, b) == posixpath.relpath("/" + a, "/" + b)


COMPARE = """
import os
import sys
from pathlib import Path
from generator.load import parallel
from generator.load.claims import load_claims
from generator.load.scale import load_scale
from generator.load.sources import load_sources

fixture, claims = Path(sys.argv[1]), Path(sys.argv[2])
sources, _ = load_sources(fixture / "seeds", fixture)
scale, _ = load_scale(fixture / "ratings.yml", fixture)

def run(many):
    parallel.MANY = many
    found, problems = load_claims(claims, claims.parent, sources, scale)
    return [(c.id, c.verdict.id, c.passage, c.evidence) for c in found], problems

class Watched(parallel.ProcessPoolExecutor):
    pids = set()

    def map(self, *args, **kwargs):
        out = list(super().map(*args, **kwargs))
        Watched.pids |= set(self._processes or {})  # the worker processes, by pid
        return iter(out)


alone = run(10**9)
assert alone[0] and alone[1], "some records pass, some fail"
# Two cores, whatever the machine has: the parallel path must run, here and on a one-core runner.
parallel.cores = lambda: 2
parallel.ProcessPoolExecutor = Watched
assert run(1) == alone, "several processes disagree with one"
assert len(Watched.pids) == 2 and os.getpid() not in Watched.pids, f"not checked in two processes: {Watched.pids}"
"""


def test_records_checked_in_several_processes_give_the_same_result(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    fixture = ROOT / "tests" / "fixtures" / "report"
    claims = tmp_path / "claims"
    claims.mkdir()
    template = (fixture / "claims" / "fc-0001.yml").read_text(encoding="utf-8")
    for number in range(60):
        record = template.replace("id: fc-0001", f"id: fc-{number + 100}")
        if number % 7 == 0:
            record = record.replace('verdict: "true"', "verdict: truest")  # an unknown verdict
        if number % 11 == 0:
            record = record.replace(f"id: fc-{number + 100}", "id: fc-0100")  # a duplicate id
        (claims / f"fc-{number + 100}.yml").write_text(record, encoding="utf-8")
    shutil.copy(fixture / "claims" / "fc-0002.yml", claims / "fc-0002.yml")
    (claims / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    # In a process of its own: processes are only forked from a process running one thread.
    done = subprocess.run([sys.executable, "-c", COMPARE, str(fixture), str(claims)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

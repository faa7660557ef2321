"""A preview renders again on every rebuild, reusing what it kept from the last (and `check`
what it kept in .cache/): after any sequence of edits, its problems and pages must be exactly
those of a fresh check and render of the same records.

A preview's file watcher tells each rebuild which files changed, and the rebuild reads only
those; when the watcher could not tell, it reads everything. Here the watcher is perfect (it
names every file whose bytes changed) or silent, at random."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.load import record_cache
from generator.load.kept_inputs import KeptInputs
from generator.pipeline import check_report
from generator.render.kept import KeptPages
from generator.render.pages import render_pages
from generator.render.rich_text import _converted
from generator.settings import Layout, Site

SITE = Site("https://example.org/report/", "https://example.org/repo", "main")
WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(str.strip).filter(bool)
IDS = st.sampled_from(["fc-0001", "fc-0002", "fc-0003", "fc-9001"])
EDITS = st.one_of(
    st.tuples(st.just("summary"), IDS, WORDS),
    st.tuples(st.just("analysis"), IDS, st.tuples(IDS, WORDS)),
    st.tuples(st.just("add"), IDS, WORDS),
    st.tuples(st.just("delete"), IDS, WORDS),
    st.tuples(st.just("label"), st.just("true"), WORDS),
    st.tuples(st.just("source"), st.just("typography"), WORDS),
    st.tuples(st.just("rename"), IDS, IDS),
    st.tuples(st.just("break"), IDS, WORDS),
    st.tuples(st.just("new process"), IDS, WORDS),
)


def edit(root: Path, kind: str, claim: str, value: object) -> None:
    record = root / "claims" / f"{claim}.yml"
    if kind == "add" and not record.exists():
        text = (root / "claims" / "fc-0001.yml").read_text(encoding="utf-8")
        record.write_text(text.replace("id: fc-0001", f"id: {claim}", 1), encoding="utf-8")
    elif kind == "delete" and claim != "fc-0001":
        record.unlink(missing_ok=True)
    elif kind == "summary" and record.exists():
        summary = f'summary: "The summary now says {value}."'
        record.write_text(re.sub(r"(?m)^summary: .*$", summary, record.read_text(encoding="utf-8"), count=1), "utf-8")
    elif kind == "analysis" and record.exists():
        other, words = value  # type: ignore[misc]
        block = f"analysis: |\n  {words}, as {other} shows.\n\n  See [the note](#evidence).\n"
        text = re.sub(r"(?ms)^analysis: \|\n(?:  .*?\n|\n)*", block, record.read_text(encoding="utf-8"), count=1)
        record.write_text(text, encoding="utf-8")
    elif kind == "label":
        ratings = root / "ratings.yml"
        text = ratings.read_text(encoding="utf-8")
        text = re.sub(r'(id: "true"\n    label: )"[^"]*"', rf'\1"{value}"', text, count=1)
        ratings.write_text(text, encoding="utf-8")
    elif (
        kind == "rename" and claim != "fc-0001" and record.exists() and not (root / "claims" / f"{value}.yml").exists()
    ):
        # fc-0001 stays, as for a deletion: new claims are copied from it
        text = record.read_text(encoding="utf-8").replace(f"id: {claim}", f"id: {value}", 1)
        record.unlink()
        (root / "claims" / f"{value}.yml").write_text(text, encoding="utf-8")
    elif kind == "break" and record.exists():
        text = record.read_text(encoding="utf-8")
        record.write_text(re.sub(r'(?m)^(  quote: ").*(")$', rf"\g<1>{value} is nowhere\g<2>", text, count=1), "utf-8")
    elif kind == "new process":
        record_cache._OPEN.clear()  # what a new `check` or `build` knows: only the cache on disk
    elif kind == "source":
        source = root / "seeds" / f"{claim}.txt"
        data = f"{value}.\n\n".encode() + source.read_bytes()  # every passage after it moves
        source.write_bytes(data)
        meta = root / "seeds" / f"{claim}.yml"
        digest = hashlib.sha256(data).hexdigest()
        meta.write_text(re.sub(r"(?m)^sha256: .*$", f"sha256: {digest}", meta.read_text(encoding="utf-8")), "utf-8")


def rendered(
    root: Path, kept: KeptPages | None = None, inputs: KeptInputs | None = None
) -> tuple[list[str], dict[str, str] | None]:
    """Return every problem of the report, in full, and its pages (None when it has errors).

    With ``kept``, pages whose inputs did not change since its last render are not rendered again;
    with ``inputs``, the inputs not changed since its last check (as it was told) are not read again.
    """
    report, problems = check_report(Layout(root), inputs)
    shown = [f"{p}|{p.code}" for p in problems]
    return shown, (render_pages(report, SITE, kept=kept) if report is not None else None)


def fresh(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], dict[str, str] | None]:
    """Check and render from nothing: no cache on disk or in memory, no analysis converted before."""
    _converted.cache_clear()
    with monkeypatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE", "off")
        return rendered(root)


HEARD = [True] * 6  # every edit of an example is named by the watcher


def files_of(root: Path) -> dict[Path, bytes]:
    """Return the bytes of every file of the report's inputs, by path (what a watcher compares)."""
    files = sorted(root.rglob("*"))
    return {path: path.read_bytes() for path in files if path.is_file() and ".cache" not in path.parts}


def changed_between(before: dict[Path, bytes], after: dict[Path, bytes]) -> frozenset[Path]:
    """Return the files made, removed or changed from ``before`` to ``after``: what a perfect watcher sees."""
    return frozenset(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, min_size=1, max_size=6), heard=st.lists(st.booleans(), min_size=6, max_size=6))
@example(edits=[("analysis", "fc-0001", ("fc-9001", "a new claim")), ("add", "fc-9001", "x")], heard=HEARD)
@example(edits=[("analysis", "fc-0001", ("fc-0002", "gone")), ("delete", "fc-0002", "x")], heard=HEARD)
@example(edits=[("break", "fc-0002", "x"), ("new process", "fc-0001", "x"), ("source", "typography", "y")], heard=HEARD)
@example(
    edits=[("rename", "fc-0002", "fc-9001"), ("new process", "fc-0001", "x"), ("rename", "fc-9001", "fc-0002")],
    heard=HEARD,
)
@example(edits=[("rename", "fc-0001", "fc-0002"), ("add", "fc-9001", "x")], heard=HEARD)
def test_pages_after_edits_equal_a_fresh_render(tmp_path_factory, monkeypatch, edits, heard) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("incremental") / "report"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".cache"))
    pages, inputs = KeptPages(), KeptInputs()  # what a preview keeps across its rebuilds
    record_cache.keep_open(True)  # and the records it checked, in memory
    layout = Layout(root)
    try:
        inputs.since(layout, None)
        rendered(root, pages, inputs)  # the preview's first build: what it keeps is now warm
        for (kind, claim, value), told in zip(edits, heard, strict=False):
            before = files_of(root)
            edit(root, kind, claim, value)
            # The watcher names the files changed, or says nothing (it missed them, or a new process starts).
            inputs.since(layout, changed_between(before, files_of(root)) if told and kind != "new process" else None)
            kept = rendered(root, pages, inputs)  # a rebuild, reusing what earlier builds kept
            assert kept == fresh(root, monkeypatch)
    finally:
        record_cache.keep_open(False)

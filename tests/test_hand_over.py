"""The report `generator build` hands to MkDocs is taken over only from the process that wrote it.

The hand-over is a pickle, and unpickling runs what the file says: a file planted in the build's
place, or named by a stray environment variable, must never be loaded.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import copy_fixture

from generator.load.checked import ENV, KEY_ENV, hand_over, take_over
from generator.pipeline import load_report
from generator.settings import Layout


class Payload:
    """Creates a file when unpickled: proof that a planted pickle ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (open, (str(self.marker), "w"))


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    return Layout(copy_fixture(tmp_path / "report"))


def test_a_planted_pickle_is_never_loaded(tmp_path: Path, layout: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    planted = tmp_path / "planted.pickle"
    planted.write_bytes(pickle.dumps(Payload(marker)))
    monkeypatch.setenv(ENV, str(planted))
    monkeypatch.delenv(KEY_ENV, raising=False)
    assert take_over(layout) is None
    monkeypatch.setenv(KEY_ENV, "00" * 32)  # a key, but not the one that signed it
    assert take_over(layout) is None
    assert not marker.exists()


def test_the_report_handed_over_is_taken_over_until_a_record_changes(
    tmp_path: Path, layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = load_report(layout)
    env = hand_over(report, layout, tmp_path)
    assert sorted(env) == [ENV, KEY_ENV]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    taken = take_over(layout)
    assert taken is not None and [c.id for c in taken.claims] == [c.id for c in report.claims]
    # Another key does not open it, and a changed record makes the build check again.
    monkeypatch.setenv(KEY_ENV, os.urandom(32).hex())
    assert take_over(layout) is None
    monkeypatch.setenv(KEY_ENV, env[KEY_ENV])
    record = layout.path("claims") / "fc-0001.yml"
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert take_over(layout) is None

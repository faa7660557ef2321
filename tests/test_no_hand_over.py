"""`generator build` hands the checked report to MkDocs in memory: no file or variable can plant one.

It once wrote the report to a pickle named by an environment variable, and MkDocs' process
unpickled whatever file the variable named, which runs code of the file's choosing.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import copy_fixture

from generator.cli import main


class Payload:
    """Creates a file when unpickled: proof that a planted pickle ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (open, (str(self.marker), "w"))


@pytest.mark.slow
def test_a_planted_report_is_never_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = copy_fixture(tmp_path / "report")
    marker = tmp_path / "ran"
    planted = tmp_path / "planted.pickle"
    planted.write_bytes(pickle.dumps(Payload(marker)))
    for name in ("FACTCHECK_CHECKED_REPORT", "FACTCHECK_CHECKED_REPORT_KEY"):
        monkeypatch.setenv(name, str(planted) if name.endswith("REPORT") else "00" * 32)
    assert main(["--root", str(report), "build"]) == 0
    assert not marker.exists()
    assert (report / "site" / "claims" / "fc-0001" / "index.html").is_file()

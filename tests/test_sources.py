"""Source texts: an edit is detected by its recorded SHA-256; metadata must stand beside each text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import run_cli


def test_an_edited_source_text_is_reported_with_the_new_hash(report_dir: Path) -> None:
    text = report_dir / "seeds" / "comments.txt"
    text.write_bytes(text.read_bytes().replace(b"nothing to add", b"nothing to add!"))
    result = run_cli("--root", str(report_dir), "check")
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("seeds/comments.yml:17:9: source text comments.txt has changed since it was recorded")


def test_a_text_without_metadata_is_refused_with_its_hash(report_dir: Path) -> None:
    (report_dir / "seeds" / "extra.txt").write_bytes(b"Some text.")
    result = run_cli("--root", str(report_dir), "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        "seeds/extra.txt:1:1: source 'extra' has no metadata file extra.yml",
        "    Create seeds/extra.yml with title, publisher, author, published, url, retrieved, language, kind and "
        f"sha256: {hashlib.sha256(b'Some text.').hexdigest()}; write null for what is not known.",
        "1 problem in 1 file.",
    ]


def test_metadata_fields_unknown_are_null_never_guessed(report_dir: Path) -> None:
    meta = report_dir / "seeds" / "comments.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("author: null\n", ""), encoding="utf-8")
    result = run_cli("--root", str(report_dir), "check")
    assert result.stdout.splitlines() == [
        "seeds/comments.yml:1:1: the record is missing the required field 'author'",
        "    Add 'author:'. The author as credited, or null when the capture does not say.",
        "1 problem in 1 file.",
    ]

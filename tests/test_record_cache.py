"""`check` keeps each record's result in .cache/ and trusts it only when made here, from the same inputs."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli_process

from generator.load import record_cache
from generator.load.record_cache import FILE, FOLDER

CACHE = Path(FOLDER) / FILE
BROKEN_QUOTE = "claims/fc-0002.yml:6:10: quote not found in source 'typography'"


def break_quote(root: Path) -> None:
    record = root / "claims" / "fc-0002.yml"
    text = record.read_text(encoding="utf-8")
    quoted = re.search(r'(?m)^  quote: "(.*)"$', text)
    assert quoted, "the fixture's fc-0002 quotes its passage on one line"
    record.write_text(text.replace(quoted.group(1), "words no source has ever printed"), encoding="utf-8")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "report")


def test_a_second_check_reads_the_cache_and_says_the_same(report: Path) -> None:
    break_quote(report)
    cold = run_cli_process("--root", str(report), "check")
    assert (report / CACHE).is_file()
    assert (report / FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    warm = run_cli_process("--root", str(report), "check")
    assert BROKEN_QUOTE in cold.stdout
    assert (
        (warm.returncode, warm.stdout, warm.stderr)
        == (cold.returncode, cold.stdout, cold.stderr)
        == (1, cold.stdout, "")
    )


def test_a_record_is_checked_again_when_its_source_changes(report: Path) -> None:
    assert run_cli_process("--root", str(report), "check").returncode == 0
    source = report / "seeds" / "typography.txt"
    source.write_bytes(b"A different text.\n")
    warm = run_cli_process("--root", str(report), "check")
    assert "seeds/typography.yml" in warm.stdout and "sha256" in warm.stdout
    assert "fc-0002.yml" in warm.stdout  # its quote is looked for again, in the new text


def test_a_cache_signed_elsewhere_is_thrown_away(report: Path, tmp_path: Path) -> None:
    """A cache planted in a pull request, or copied from another machine, never vouches for a record."""
    elsewhere = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "another-machine")}
    assert run_cli_process("--root", str(report), "check").returncode == 0
    planted = (report / CACHE).read_bytes()  # what a good record gives, signed by "this" machine
    break_quote(report)
    # Sign the good result for the broken record's bytes with another key, as a forger would.
    forged = _forge(planted, report, elsewhere)
    (report / CACHE).write_bytes(forged)
    result = run_cli_process("--root", str(report), "check")
    assert result.returncode == 1 and BROKEN_QUOTE in result.stdout


@pytest.mark.parametrize("damage", [b"", b"garbage\n", b"0" * 64 + b"\n\x00\x01", None])
def test_a_damaged_cache_is_thrown_away(report: Path, damage: bytes | None) -> None:
    assert run_cli_process("--root", str(report), "check").returncode == 0
    break_quote(report)
    kept = report / CACHE
    kept.write_bytes(kept.read_bytes()[:-40] if damage is None else damage)
    result = run_cli_process("--root", str(report), "check")
    assert result.returncode == 1 and BROKEN_QUOTE in result.stdout, result.stderr


def test_a_cache_folder_that_is_a_link_is_never_written_through(report: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (report / FOLDER).symlink_to(outside, target_is_directory=True)
    assert run_cli_process("--root", str(report), "check").returncode == 0
    assert list(outside.iterdir()) == []


def test_the_cache_can_be_turned_off(report: Path) -> None:
    result = run_cli_process("--root", str(report), "check", env={"FACTCHECK_CACHE": "off"})
    assert result.returncode == 0 and not (report / FOLDER).exists()


def _forge(planted: bytes, report: Path, env: dict[str, str]) -> bytes:
    """Return ``planted`` with the broken record's digest put on the good result, signed with ``env``'s key."""
    import hashlib
    import marshal

    _, _, body = planted.partition(b"\n")
    made = marshal.loads(body)
    entry = made["entries"]["fc-0002.yml"]
    entry["digest"] = hashlib.sha256((report / "claims" / "fc-0002.yml").read_bytes()).hexdigest()
    body = marshal.dumps(made)
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    try:
        key = record_cache.machine_key()
    finally:
        os.environ["XDG_CACHE_HOME"] = previous or ""
    assert key is not None
    return record_cache.sign(key, body).encode("ascii") + b"\n" + body


def test_an_edit_is_appended_to_the_log_and_read_back_by_the_next_run(report: Path) -> None:
    assert run_cli_process("--root", str(report), "check").returncode == 0
    break_quote(report)
    first = run_cli_process("--root", str(report), "check")
    log = report / FOLDER / "records.log"
    assert log.is_file(), "one changed record is appended, not the whole cache written again"
    again = run_cli_process("--root", str(report), "check")
    off = run_cli_process("--root", str(report), "check", env={"FACTCHECK_CACHE": "off"})
    assert first.stdout == again.stdout == off.stdout and BROKEN_QUOTE in off.stdout


def test_a_preview_that_wrote_the_cache_appends_its_next_changes(report: Path) -> None:
    """A preview's first build writes the cache whole; a rebuild after one edit appends only that record."""
    from generator.pipeline import check_report
    from generator.settings import Layout

    record_cache.keep_open(True)  # one process across rebuilds, as a preview
    try:
        check_report(Layout(report))
        whole = (report / CACHE).read_bytes()
        break_quote(report)
        check_report(Layout(report))
    finally:
        record_cache.keep_open(False)
    assert (report / CACHE).read_bytes() == whole
    assert (report / FOLDER / "records.log").is_file()


def test_a_damaged_end_of_the_log_is_not_read(report: Path) -> None:
    assert run_cli_process("--root", str(report), "check").returncode == 0
    break_quote(report)
    assert run_cli_process("--root", str(report), "check").returncode == 1
    log = report / FOLDER / "records.log"
    log.write_bytes(log.read_bytes()[:-7])  # a run stopped while appending
    result = run_cli_process("--root", str(report), "check")
    assert result.returncode == 1 and BROKEN_QUOTE in result.stdout


def test_a_planted_log_line_with_a_huge_size_is_one_warning_not_a_traceback(report: Path) -> None:
    assert run_cli_process("--root", str(report), "check").returncode == 0
    # 5,000 digits: int() refuses it (Python's limit is 4,300) before any signature could be checked.
    (report / FOLDER / "records.log").write_bytes(b"a" * 64 + b" " + b"9" * 5000 + b"\n")
    for _ in range(2):
        result = run_cli_process("--root", str(report), "check")
        assert (result.returncode, result.stdout) == (0, "OK: 6 claims, 3 sources, 8 verdicts.\n")
        assert result.stderr in (
            "warning: .cache/records.log is not used: it is damaged at byte 0; the records it named are checked"
            " again\n",
            "",  # the second run: the first wrote the cache anew
        )


def test_a_damaged_cache_is_said_in_one_line_and_written_anew(report: Path) -> None:
    assert run_cli_process("--root", str(report), "check").returncode == 0
    (report / CACHE).write_bytes(b"garbage\n")
    first = run_cli_process("--root", str(report), "check")
    assert first.stderr == (
        "warning: .cache/records.bin is not used: this user's key did not sign it (another machine's, a branch's,"
        " or damaged)\n"
    )
    second = run_cli_process("--root", str(report), "check")
    assert second.stderr == "" and second.stdout == first.stdout


def test_a_cache_that_git_tracks_is_never_used(report: Path) -> None:
    """A branch that holds .cache/ (git add -f) had git check its files out over the user's own."""
    assert run_cli_process("--root", str(report), "check").returncode == 0
    break_quote(report)
    planted = report / CACHE
    good = planted.read_bytes()
    for command in (["init", "-q"], ["add", "-f", str(planted)]):
        assert subprocess.run(["git", "-C", str(report), *command], capture_output=True).returncode == 0
    result = run_cli_process("--root", str(report), "check")
    assert result.returncode == 1 and BROKEN_QUOTE in result.stdout
    assert result.stderr == (
        "warning: .cache/ is not used: git tracks files in it, so a branch may have put them there; untrack them\n"
    )
    assert planted.read_bytes() == good  # nor written

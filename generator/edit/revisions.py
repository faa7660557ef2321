"""Read a report's records as they are at a git revision, or as they are on disk.

Git is asked twice per revision whatever the size of the report: ``git ls-tree`` lists the
files, and one ``git cat-file --batch`` reads them all (the same bytes as ``git show REV:path``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.problems import UsageError

Files = dict[str, bytes]  # path relative to the report's root, with forward slashes -> bytes

# The files beside the records that change what the published claims show, compared key by key:
# the rating scale, the settings, the editorial standards and the team (the last two may not exist).
REPORT_FILES = ("ratings.yml", "report.yml", "standards.yml", "team.yml")
SITE_CONFIG = "mkdocs.yml"  # how MkDocs builds every page; it may hold !ENV tags the loader refuses
COMPARED_FILES = (*REPORT_FILES, SITE_CONFIG)


def wanted(path: str) -> bool:
    """Whether ``path`` is part of what a diff compares: records and translations, sources, report files."""
    folder, _, name = path.rpartition("/")
    if folder == "claims" or folder.startswith("claims/") and folder.count("/") == 1:  # a record, a translation
        return name.endswith(".yml")
    if folder == "seeds":
        return name.endswith((".txt", ".yml"))
    return path in COMPARED_FILES


def read_worktree(root: Path) -> Files:
    """Return the report's files as they are on disk, committed or not."""
    files: Files = {}
    for pattern in ("claims/*.yml", "claims/*/*.yml", "seeds/*.txt", "seeds/*.yml", *COMPARED_FILES):
        for file in sorted(root.glob(pattern)):
            if file.is_file():
                files[file.relative_to(root).as_posix()] = file.read_bytes()
    return files


def read_revision(root: Path, rev: str) -> Files:
    """Return the report's files as they are at git revision ``rev``; UsageError if it is unknown."""
    commit = resolve(root, rev)
    listing = _git(root, "ls-tree", "-r", "-z", commit, "--", "claims", "seeds", *COMPARED_FILES)
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        info, _, path = entry.partition(b"\t")
        mode, kind, oid = info.decode().split()
        name = path.decode("utf-8", "surrogateescape")
        if kind == "blob" and mode != "120000" and wanted(name):  # a symlink's target is not a record
            blobs.append((name, oid))
    if not blobs:
        return {}
    batch = _git(root, "cat-file", "--batch", stdin="".join(f"{oid}\n" for _, oid in blobs).encode())
    files: Files = {}
    at = 0
    for name, _oid in blobs:
        header_end = batch.index(b"\n", at)
        size = int(batch[at:header_end].split()[2])
        files[name] = batch[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1  # the content is followed by a newline
    return files


def resolve(root: Path, rev: str) -> str:
    """Return the commit id ``rev`` names; UsageError with what to try when git does not know it."""
    if rev.startswith("-"):
        raise UsageError(f"'{rev}' is not a git revision", "Name a branch, a tag or a commit, for example main.")
    try:
        out = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except UsageError:
        raise UsageError(
            f"unknown git revision '{rev}'",
            "Check the name (git branch -a lists branches). A branch of another clone needs "
            "git fetch first; in GitHub Actions, check out with fetch-depth: 0.",
        ) from None
    return out.decode().strip()


def describe(root: Path, rev: str) -> str:
    """Return ``rev`` with its short commit id, as a diff's heading shows it."""
    short = _git(root, "rev-parse", "--short", resolve(root, rev)).decode().strip()
    return rev if rev == short else f"{rev} ({short})"


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed", "Install git to compare revisions.") from None
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip() or f"git {args[0]} failed"
        raise UsageError(message.splitlines()[0], "Run the command inside the report's git repository.")
    return result.stdout

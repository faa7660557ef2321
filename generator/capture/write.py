"""Write a captured source to seeds/: the text, its metadata and the original, all or nothing."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.files import replace_file
from generator.load.sources import load_sources, text_sha256
from generator.names import ID as SOURCE_ID
from generator.names import slug, takes_a_listing_address
from generator.problems import UsageError, display_path
from generator.settings import schema_line

ORIGINALS = "originals"  # seeds/originals/: the loader reads seeds/*.txt and *.yml only


def propose_id(*names: str | None, language: str = "") -> str:
    """Return a plain id from the first words of ``names``, transliterated, at most 48 characters.

    >>> propose_id("The Guardian", "Thousands of UK academics 'treated as second-class citizens'")
    'the-guardian-thousands-of-uk-academics-treated'
    >>> propose_id("РТС", "Извештај о буџету", language="sr")
    'rts-izvestaj-o-budzetu'
    """
    return slug(" ".join(n for n in names if n), language, limit=48)


def check_id(seeds: Path, root: Path, source_id: str, extension: str | None, language: str = "") -> None:
    """UsageError unless ``source_id`` is a plain name that no file in seeds/ uses yet."""
    if not SOURCE_ID.fullmatch(source_id) or takes_a_listing_address(source_id):
        proposed = slug(source_id, language)
        raise UsageError(
            f"source id '{source_id}' cannot be used",
            "An id is a file name and an address: lower-case ASCII letters, digits and hyphens only, for example "
            "the publisher and a word of the title (not one of the site's own page names such as 'index')."
            + (f"\nIn those letters: --id {proposed}" if proposed and proposed != source_id else ""),
        )
    taken = [seeds / f"{source_id}.txt", seeds / f"{source_id}.yml"]
    if extension:
        taken.append(seeds / ORIGINALS / f"{source_id}.{extension}")
    for path in taken:
        if path.exists() or path.is_symlink():
            raise UsageError(
                f"{display_path(path, root)}: source id '{source_id}' is already taken",
                "Choose another id with --id; to capture the source again, delete its files first.",
            )


def metadata_text(record: dict[str, Any], header: str = "") -> str:
    """Return the metadata file's text: the schema line ``header``, then the fields in the order given."""
    return header + yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)


def write_source(
    seeds: Path, root: Path, source_id: str, text: str, record: dict[str, Any], original: tuple[str, bytes] | None
) -> list[Path]:
    """Check the files as the loader will, then write them; nothing is written when anything is wrong."""
    data = text.encode("utf-8")
    record = {**record, "sha256": text_sha256(data)}
    meta = metadata_text(record, schema_line(root, seeds, "source")).encode("utf-8")
    _check_as_loaded(source_id, data, meta, root)
    for folder in (seeds, seeds / ORIGINALS):
        if folder.is_symlink():
            raise UsageError(
                f"{display_path(folder, root)}: is a link, and nothing is written through one",
                "Replace the link with a folder of its own.",
            )
    seeds.mkdir(exist_ok=True)
    files = [(seeds / f"{source_id}.txt", data), (seeds / f"{source_id}.yml", meta)]
    if original:
        (seeds / ORIGINALS).mkdir(exist_ok=True)
        files.insert(0, (seeds / ORIGINALS / f"{source_id}.{original[0]}", original[1]))
    written: list[Path] = []
    try:
        for path, content in files:
            replace_file(path, content)
            written.append(path)
    except BaseException:
        for path in written:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
    return [path for path, _ in files]


def _check_as_loaded(source_id: str, data: bytes, meta: bytes, root: Path) -> None:
    """UsageError with the loader's own message when it would refuse these files."""
    with tempfile.TemporaryDirectory(prefix=".capture-") as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        (seeds / f"{source_id}.txt").write_bytes(data)
        (seeds / f"{source_id}.yml").write_bytes(meta)
        _, problems = load_sources(seeds, Path(folder))
    if problems:
        raise UsageError(
            "the captured source would not pass the check; nothing was written",
            "\n".join(str(p) for p in problems),
        )

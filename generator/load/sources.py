"""Load the source texts of seeds/ and the metadata kept beside each one."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from generator.anchor.matcher import anchor
from generator.load.schema_check import load_valid
from generator.load.yaml_source import decode
from generator.model import Section, Source
from generator.names import ID as SOURCE_ID
from generator.names import takes_a_listing_address
from generator.problems import Problem, display_path, line_col

MAX_TEXT_BYTES = 5 * 1024 * 1024
# Control characters cannot be shown, and STX/ETX are Python-Markdown's own placeholders: a text
# holding them could pull other parts of a page into the passage. Tabs, line and page breaks stay.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def load_sources(seeds: Path, root: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Load every ``seeds/<id>.txt`` with its ``<id>.yml``; return them and all problems found."""
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    if not seeds.is_dir():
        return sources, [
            Problem(
                display_path(seeds, root),
                1,
                1,
                "folder of source texts not found",
                "Create it and put each source text in it as <id>.txt.",
            )
        ]
    for text_file in sorted(seeds.glob("*.txt")):
        shown = display_path(text_file, root)
        source_id = text_file.stem
        if not SOURCE_ID.fullmatch(source_id):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"source id '{source_id}' is not a plain name",
                    "Rename the file with lower-case letters, digits and hyphens only.",
                )
            )
            continue
        if takes_a_listing_address(source_id):
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"source id '{source_id}' is the address of a list of pages",
                    "Rename the text and its metadata, for example to the publisher and a word of the title.",
                )
            )
            continue
        linked = [f for f in (text_file, text_file.with_suffix(".yml")) if f.is_symlink()]
        if linked:
            what = "source text" if linked[0] == text_file else "source metadata"
            problems.append(
                Problem(
                    display_path(linked[0], root),
                    1,
                    1,
                    f"{what} is a link; a source must be a file of its own",
                    "Copy the file into seeds/ instead of linking to it.",
                )
            )
            continue
        if not text_file.is_file():  # a folder, a pipe or a device would hang or fail the read
            problems.append(Problem(shown, 1, 1, "not a regular file", "Replace it with a plain text file."))
            continue
        source, found = _load_one(text_file, shown, source_id, root)
        problems += found
        if source:
            sources[source_id] = source
    for meta_file in sorted(seeds.glob("*.yml")):
        if not meta_file.with_suffix(".txt").exists():
            problems.append(
                Problem(
                    display_path(meta_file, root),
                    1,
                    1,
                    f"metadata without a text: {meta_file.with_suffix('.txt').name} not found",
                    "Add the source text beside it, or delete this file.",
                )
            )
    return sources, problems


def text_sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _load_one(text_file: Path, shown: str, source_id: str, root: Path) -> tuple[Source | None, list[Problem]]:
    size = text_file.stat().st_size  # before reading: the limit also guards memory
    if size > MAX_TEXT_BYTES:
        return None, [
            Problem(
                shown,
                1,
                1,
                f"source text is {size:,} bytes, over the limit of {MAX_TEXT_BYTES:,}",
                "Keep the article itself: a capture of a whole site or archive is not one source.",
            )
        ]
    raw = text_file.read_bytes()
    text, problem = decode(raw, shown)
    if text is None:
        return None, [problem] if problem else []
    control = _CONTROL.search(text)
    if control:
        at = control.start()
        line, col = line_col(text, at)
        name = unicodedata.name(control.group(), "")
        return Source(source_id, text, {}, text_sha256(raw)), [
            Problem(
                shown,
                line,
                col,
                f"source text holds the invisible control character U+{ord(control.group()):04X}"
                + (f" ({name})" if name else ""),
                "Delete it from the text (it cannot be shown), then update sha256 in the metadata.",
            )
        ]
    meta_file = text_file.with_suffix(".yml")
    meta_shown = display_path(meta_file, root)
    digest = text_sha256(raw)
    # A text with broken metadata is still loaded, so its quotes are checked and nothing cascades.
    bare = Source(source_id, text, {}, digest)
    if not meta_file.exists():
        return bare, [
            Problem(
                shown,
                1,
                1,
                f"source '{source_id}' has no metadata file {meta_file.name}",
                f"Create {meta_shown} with title, publisher, author, published, url, "
                f"retrieved, language, kind and sha256: {digest}; write null "
                "for what is not known.",
            )
        ]
    doc, problems = load_valid(meta_file, meta_shown, "source")
    if doc is None:
        return bare, problems
    meta = dict(doc.data)
    if meta["sha256"] != digest:
        problems.append(
            doc.problem(
                ("sha256",),
                f"source text {text_file.name} has changed since it was recorded",
                f"Recorded {meta['sha256']}, found {digest}. If the change is intended, "
                "set sha256 to the new value and re-anchor the quotes: "
                "python -m generator reanchor",
            )
        )
    source = Source(source_id, text, meta, digest)
    for i, section in enumerate(meta.get("sections", [])):
        found = anchor(source.folded, section["starts"])
        if not found.candidates:
            problems.append(
                doc.problem(
                    ("sections", i, "starts"),
                    "section start not found in the text",
                    "Copy the first words of the part exactly from the text.",
                )
            )
            continue
        source.sections.append(Section(found.candidates[0].start, section["kind"], section["label"]))
    source.sections.sort(key=lambda s: s.start)
    return source, problems

"""Bring a source text into seeds/: read or fetch the original, extract its text and metadata, write them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.capture.archive import archive
from generator.capture.extract import Extraction, extract_text
from generator.capture.fetch import TIMEOUT, Original, fetch_url, read_file
from generator.capture.metadata import Found, Metadata, page_metadata, pdf_metadata
from generator.capture.write import ORIGINALS, check_id, propose_id, write_source
from generator.load.schema_check import load_schema
from generator.problems import UsageError, display_path


@dataclass
class Request:
    """What the user asked for: the file or address, and the values given on the command line."""

    target: str
    source_id: str = ""
    kind: str = ""
    title: str = ""
    language: str = ""
    timeout: float = TIMEOUT
    archive: bool = False
    today: str = ""


@dataclass
class Captured:
    """The files written, and what the user should know about the capture."""

    source_id: str
    paths: list[Path]
    warnings: list[str] = field(default_factory=list)
    chosen: bool = False  # the id was made from the title and publisher, not given


def add_source(seeds: Path, root: Path, request: Request) -> Captured:
    """Capture ``request.target`` as seeds/<id>.txt and .yml, with the original in seeds/originals/."""
    # Read: from the network, with limits, or from a file; the format is told by the bytes.
    original = _read(request.target, root, request.timeout)
    # Extract the text, and read what the original says about itself.
    extraction = extract_text(original)
    metadata = _metadata(original)
    # Settle every field, from the command line or the original, or null with the reason.
    record, notes = _record(original, metadata, extraction, request)
    extension = {"html": "html", "pdf": "pdf"}.get(original.format)
    source_id = request.source_id or propose_id(
        record["publisher"] or _host(record["url"]), record["title"], language=record["language"]
    )
    if not source_id:
        raise UsageError(
            f"{original.shown}: no id can be made from the title and the publisher",
            "Give one with --id: lower-case ASCII letters, digits and hyphens, for example --id budget-2024.",
        )
    check_id(seeds, root, source_id, extension, record["language"])
    warnings: list[str] = []
    # Archive last: a refusal changes nothing else, and is said plainly.
    if request.archive:
        snapshot, said = _archive(record["url"], request.timeout)
        if snapshot:
            record["archived"] = snapshot
            notes.append(f"Archived by the Wayback Machine at {snapshot}.")
        else:
            warnings.append(f"not archived: {said}; the source was captured without an archived copy")
            notes.append(f"Not archived: {said}.")
    if extension:
        record["original"] = f"{ORIGINALS}/{source_id}.{extension}"
        from generator.load.sources import text_sha256

        record["original_sha256"] = text_sha256(original.data)
    record["capture_notes"] = " ".join(notes)  # in the command's words, for editors: pages never show them
    paths = write_source(
        seeds, root, source_id, extraction.text, record, (extension, original.data) if extension else None
    )
    return Captured(source_id, paths, warnings, chosen=not request.source_id)


def _read(target: str, root: Path, timeout: float) -> Original:
    if urlsplit(target).scheme in ("http", "https"):
        return fetch_url(target, timeout)
    path = Path(target)
    return read_file(path, display_path(path.resolve(), root) if path.is_absolute() else target)


def _metadata(original: Original) -> Metadata:
    if original.format == "html":
        return page_metadata(original.data, original.url)
    if original.format == "pdf":
        return pdf_metadata(original.data)
    return Metadata(
        {
            name: Found(None, "a plain text states nothing about itself")
            for name in ("title", "author", "publisher", "published", "language", "canonical_url")
        }
    )


def _record(
    original: Original, found: Metadata, extraction: Extraction, request: Request
) -> tuple[dict[str, Any], list[str]]:
    what = {"html": "page", "pdf": "PDF", "text": "text"}[original.format]
    notes = [
        f"Captured by python -m generator add-source from {original.url or Path(original.shown).name}"
        + (f" on {request.today}." if request.today else ".")
    ]
    missing: list[str] = []  # every option still needed, asked for at once
    title = _given(request.title, "title", found, notes, missing)
    language = _given(request.language, "language", found, notes, missing)
    kind = request.kind or found.value("kind")
    if not kind:
        kinds = ", ".join(load_schema("source")["properties"]["kind"]["enum"])
        missing.append(f"--kind, one of: {kinds} (the {what} does not say what kind of text it is)")
    if missing:
        names = [line.split(" ", 1)[0].strip("-,") for line in missing]
        said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        raise UsageError(
            f"{original.shown}: the {what} does not say its {said}",
            "\n".join(["Give " + ("it" if len(missing) == 1 else "each") + " on the command line:", *missing]),
        )
    notes.append(
        "The kind was given when it was captured."
        if request.kind
        else f"The kind is from its {found.fields['kind'].where}."
    )
    record: dict[str, Any] = {"title": title}
    for name in ("publisher", "author"):
        record[name] = found.value(name)
        notes.append(_said(name.capitalize(), found.fields[name]))
    published = found.fields["published"]
    record["published"] = published.value
    notes.append(
        f"Published date from {published.where}."
        if published.value
        else f"Published date not known: {published.where}."
    )
    canonical = found.value("canonical_url")
    if original.url:
        record["url"] = original.url
        notes.append("The url is the address it was fetched from.")
    elif canonical:
        record["url"] = canonical
        notes.append(
            f"The url is the {what}'s own address ({found.fields['canonical_url'].where}); the file was saved "
            "before it was captured, and the address it was saved from is not recorded."
        )
    else:
        record["url"] = None
        notes.append(
            "The url is not known: the file was saved before it was captured, and the "
            f"{what} gives no address of its own."
        )
    if canonical:
        record["canonical_url"] = canonical
    record["retrieved"] = request.today if original.url else None
    if not original.url:
        notes.append("The date retrieved is not known: the file was saved before it was captured.")
    record["language"] = language
    record["kind"] = kind
    if extraction.tool:
        record["extracted_by"] = {"tool": extraction.tool, "version": extraction.version}
        notes.append(f"The text was extracted from the original by {extraction.tool} {extraction.version}.")
    return record, notes


def _given(value: str, name: str, found: Metadata, notes: list[str], missing: list[str]) -> str:
    if value:
        notes.append(f"The {name} was given when it was captured.")
        return value
    stated = found.fields[name]
    if stated.value is None:
        option = "--language, for example --language en" if name == "language" else '--title "…", as published'
        missing.append(f"{option} ({stated.where})")
        return ""
    notes.append(_said(name.capitalize(), stated))
    return stated.value


def _said(name: str, found: Found) -> str:
    return f"{name} from {found.where}." if found.value else f"{name} not known: {found.where}."


def _archive(url: str | None, timeout: float) -> tuple[str | None, str]:
    if not url:
        return None, "its address is not known"
    return archive(url, timeout)


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.").rsplit(".", 1)[0]

"""Start a new claim record from a quote: anchor it, take the next id, write the skeleton.

The record is written with every required field. What only an editor can say is a TODO
marker, which the checker refuses, so an unfinished record cannot be published by mistake.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.anchor.context_words import distinguishing_context
from generator.anchor.matcher import anchor
from generator.anchor.quotes import closest_hint, to_passage
from generator.edit.yaml_edit import on_one_line
from generator.load.scale import load_scale
from generator.load.sources import load_sources
from generator.model import Source
from generator.names import ID, slug
from generator.problems import UsageError, display_path, line_col
from generator.settings import Layout, schema_line

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CLAIM_ID = re.compile(r"fc-(\d+)")


@dataclass(frozen=True)
class Scaffold:
    """A new record: where it goes, its text, and a note for the editor when context was added."""

    path: Path
    text: str
    note: str = ""


def next_claim_id(folder: Path) -> str:
    """Return the id after the highest fc-NNNN in ``folder`` (fc-0001 for an empty one)."""
    numbers = [int(m.group(1)) for f in folder.glob("fc-*.y*ml") if (m := CLAIM_ID.fullmatch(f.stem))]
    return f"fc-{max(numbers, default=0) + 1:04d}"


def _in_ascii(source_id: str, sources: dict[str, Source]) -> str:
    """Propose the id in ASCII letters when ``source_id`` is written in another script."""
    if ID.fullmatch(source_id):
        return ""
    spelt = [
        slug(source_id, language)
        for language in ("", *sorted({str(s.meta.get("language") or "") for s in sources.values()}))
    ]
    proposed = next((s for s in spelt if s in sources), spelt[0])
    return f"\nIds are in lower-case ASCII letters: --source {proposed}" if proposed else ""


def scaffold_claim(
    layout: Layout, source_id: str, quote: str, prefix: str = "", suffix: str = "", today: str = ""
) -> Scaffold:
    """Anchor ``quote`` in source ``source_id`` and return the skeleton record to write."""
    sources, _ = load_sources(layout.path("seeds"), layout.root)
    source = sources.get(source_id)
    if source is None:
        known = ", ".join(sorted(sources)) or "none"
        raise UsageError(
            f"unknown source '{source_id}'",
            f"Expected one of: {known}. Source ids are file names in seeds/ without '.txt'."
            + _in_ascii(source_id, sources),
        )
    shown = display_path(layout.path("seeds") / f"{source_id}.txt", layout.root)
    found = anchor(source.folded, quote, prefix, suffix)
    note = ""
    if found.match:
        match = found.match
    elif found.ambiguous and not (prefix or suffix):
        match = found.candidates[0]
        context = distinguishing_context(source, quote, match)
        if context is None:
            raise UsageError(
                f"quote occurs {found.times} in {shown} and no nearby words tell the first apart",
                "Quote a longer passage, or choose one with --prefix or --suffix.",
            )
        prefix, suffix = context
        note = _context_note(source, found.times, match.start, prefix, suffix)
    elif found.ambiguous:
        raise UsageError(
            f"quote occurs {found.times} in {shown}, even with the given prefix/suffix",
            "Give more words of --prefix or --suffix, copied from just before or after the quote.",
        )
    elif (prefix or suffix) and anchor(source.folded, quote).candidates:
        raise UsageError(
            f"quote found in {shown}, but not with the given prefix/suffix",
            "Copy the words just before (--prefix) or after (--suffix) the quote exactly from the source.",
        )
    else:
        raise UsageError(f"quote not found in {shown}", closest_hint(source, quote))
    claim_id = next_claim_id(layout.path("claims"))
    scale, _ = load_scale(layout.path("ratings"), layout.root)
    verdicts = [v.id for v in scale.verdicts] if scale else []
    text = _template().render(
        schema_line=schema_line(layout.root, layout.path("claims"), "claim"),
        id=claim_id,
        source_id=source_id,
        quote=on_one_line(to_passage(source, match).text),
        prefix=prefix,
        suffix=suffix,
        claim_date=source.meta.get("published"),
        verdicts=", ".join(verdicts) or "an id from ratings.yml",
        today=today,
    )
    return Scaffold(layout.path("claims") / f"{claim_id}.yml", text, note)


def write_scaffold(scaffold: Scaffold, root: Path) -> str:
    """Write the record, never over an existing file; return its path as messages show it."""
    shown = display_path(scaffold.path, root)
    try:
        with scaffold.path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(scaffold.text)
    except FileExistsError:
        raise UsageError(f"{shown} already exists; nothing was written", "Run the command again.") from None
    except FileNotFoundError:
        raise UsageError(
            f"folder {scaffold.path.parent.name}/ not found", "Run the command in the report's folder."
        ) from None
    return shown


def _context_note(source: Source, times: str, start: int, prefix: str, suffix: str) -> str:
    line, col = line_col(source.text, start)
    words = f'prefix "{prefix}"' if prefix else f'suffix "{suffix}"'
    if prefix and suffix:
        words += f' and suffix "{suffix}"'
    return (
        f"The quote occurs {times} in '{source.id}'; the record takes the first, at line {line}, "
        f"col {col}, told apart by {words}. To take another, run the command again with --prefix or --suffix."
    )


def _template():
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,  # YAML, not HTML: values are quoted by the yaml filter
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # A JSON string is a valid YAML double-quoted scalar; it keeps every character of the source.
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env.get_template("new_claim.yml.j2")

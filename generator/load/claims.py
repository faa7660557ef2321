"""Load the claim records of claims/ and resolve them against the sources and the scale."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from generator.anchor.quotes import Unanchored, resolve_passage
from generator.load.analysis_limits import analysis_problems
from generator.load.kept_inputs import KeptRecords
from generator.load.parallel import MANY, each_file
from generator.load.record_cache import RecordCache, Result, context_of, digest_of_bytes, paused_collector
from generator.load.schema_check import check_schema, field_name, load_schema
from generator.load.yaml_source import Located, load_yaml, read_file
from generator.model import Claim, Evidence, Passage, Scale, Source, Translation, Verdict
from generator.names import ID as SOURCE_ID
from generator.names import tag_key, tag_slug, takes_a_listing_address
from generator.problems import Problem, clip, display_path

TODO = re.compile(r"\bTODO\b")
VERDICT_ID = re.compile(r"[a-z][a-z-]*")  # the schema's form; other values get its message only
_TAG = re.compile(load_schema("claim")["properties"]["tags"]["items"]["pattern"])  # the schema's form


def load_claims(
    folder: Path,
    root: Path,
    sources: dict[str, Source],
    scale: Scale | None,
    cache: bool = False,
    kept: KeptRecords | None = None,
) -> tuple[list[Claim], list[Problem]]:
    """Load and check every ``claims/*.yml``; return the valid claims and every problem found.

    With ``cache``, a record is checked again only if it or a source it quotes changed since the
    last run (see record_cache). With ``kept`` (a preview's, told which files changed since its
    last check), the records not changed since are taken as that check left them, unread.
    """
    if not folder.is_dir():
        return [], [
            Problem(
                display_path(folder, root),
                1,
                1,
                "folder of claim records not found",
                "Create it and add one <id>.yml file per claim.",
            )
        ]
    claims: list[Claim] = []
    problems: list[Problem] = []
    declared: dict[str, list[Located]] = {}
    known = kept.unchanged(sources, scale) if kept is not None else None
    if kept is not None and known is not None:
        files = kept.files(folder)
    else:
        files = sorted(folder.iterdir(), key=lambda f: f.name)  # one folder: by name, as paths sort
    shared = Shared(root, sources, scale)
    stored = RecordCache.open(root, context_of(display_path(folder, root), sources, scale)) if cache else None
    results = _checked(shared, files, stored, known or {})
    if kept is not None:
        kept.checked(files, results, sources, scale)
    for found, claim, declaration, _quoted_ids in results:
        problems += found
        if claim:
            claims.append(claim)
        if declaration:
            declared.setdefault(declaration[0], []).append(declaration[1])
    duplicates = {claim_id: docs for claim_id, docs in declared.items() if len(docs) > 1}
    problems += _duplicate_ids(duplicates)
    claims = [c for c in claims if c.id not in duplicates]
    return claims, problems


def _checked(shared: Shared, files: list[Path], cache: RecordCache | None, known: dict[str, Result]) -> list[Result]:
    """Return each file's result: ``known``'s for a file it names, else the one kept in ``cache`` if its bytes
    and sources are those it was made from."""
    results: dict[int, Result] = {}
    todo: list[tuple[int, Path, bytes | None]] = []
    with paused_collector():  # tens of thousands of objects are made, none of them garbage
        for i, file in enumerate(files):
            if file.name in known:
                results[i] = known[file.name]
                continue
            raw = None
            if cache is not None and _is_record(file) and refused_file(file) is None:
                digest, raw = cache.digest_of(file)
                kept = cache.lookup(file.name, digest, shared.sources, shared.scale) if digest else None
                if kept is not None:
                    results[i] = kept
                    continue
                if raw is None:  # checked from these very bytes; if unreadable, below says why
                    raw, _ = read_file(file, file.name)
            todo.append((i, file, raw))
    if len(todo) >= MANY:
        for source in shared.sources.values():
            source.folded  # noqa: B018 - folded once here, not once in each process that anchors quotes
    for (i, file, raw), result in zip(todo, each_file(_load_one, shared, [(f, r) for _, f, r in todo]), strict=True):
        results[i] = result
        if cache is not None and raw is not None:
            cache.store(file.name, digest_of_bytes(raw), result, shared.sources, shared.scale)
    if cache is not None:
        cache.keep_only({f.name for f in files})
        cache.save()
    return [results[i] for i in range(len(files))]


def _is_record(file: Path) -> bool:
    return file.suffix == ".yml" and not file.name.startswith(".")


class Shared(NamedTuple):
    """What every record is checked against: the report's root, the sources, the scale."""

    root: Path
    sources: dict[str, Source]
    scale: Scale | None


def _load_one(shared: Shared, item: tuple[Path, bytes | None]) -> Result:
    """Load and check one record (its bytes if already read); return its problems, its claim if valid,
    the id it declares, and the sources it quotes."""
    root, sources, scale = shared
    file, raw = item
    shown = display_path(file, root)
    if file.suffix != ".yml" and file.suffix != ".yaml" or file.name.startswith("."):
        return [], None, None, ()
    refused = refused_file(file)
    if refused:
        return [Problem(shown, 1, 1, *refused)], None, None, ()
    doc, problem = load_yaml(file, shown, raw)
    if doc is None:
        return ([problem] if problem else []), None, None, ()
    found = check_schema(doc, "claim")
    if "TODO" in json.dumps(doc.data, ensure_ascii=False):  # a quick look first: most records have none
        found += todo_problems(doc, doc.data, ())
    if not isinstance(doc.data, dict):
        return _masked_by_todo(found), None, None, ()
    declaration = None
    claim_id = doc.data.get("id")
    if isinstance(claim_id, str):
        if claim_id != file.stem and SOURCE_ID.fullmatch(claim_id):  # else the schema says why
            found.append(
                doc.problem(
                    ("id",),
                    f"id '{claim_id}' does not match the file name '{file.name}'",
                    f"Set id: {file.stem}, or rename the file to {claim_id}.yml.",
                )
            )
        # Only where the id is written travels back: all that duplicate ids need to be reported.
        declaration = (claim_id, Located(doc.path, None, {("id",): doc.where(("id",))}))
    claim, more = _resolve(doc, file.stem, sources, scale, schema_ok=not found)
    found += more
    return _masked_by_todo(found), (claim if claim and not found else None), declaration, _quoted_sources(doc.data)


def _quoted_sources(data: dict) -> tuple[str, ...]:
    """Return the ids of the sources a record quotes, for the cache to know what its result rests on."""
    items = [data.get("passage"), *_listed(data, "evidence")]
    return tuple(sorted({i["source"] for i in items if isinstance(i, dict) and isinstance(i.get("source"), str)}))


def refused_file(file: Path) -> tuple[str, str] | None:
    """Say why a file in claims/ cannot be a record, by its name or where it leads: (message, hint)."""
    if file.suffix == ".yaml":
        return "claim files end in '.yml'", f"Rename it to {file.stem}.yml."
    if not SOURCE_ID.fullmatch(file.stem):
        return (
            f"file name '{file.name}' is not a valid claim id",
            "Use lower-case letters, digits and hyphens, like fc-0007.yml.",
        )
    if takes_a_listing_address(file.stem):
        return (
            f"claim id '{file.stem}' is the address of a list of claims",
            "Name the file like fc-0007.yml (and set its id to match).",
        )
    if file.is_symlink():  # inside claims/ too: a hidden file would change with no record's diff to show it
        return (
            "claim record is a link; a record must be a file of its own",
            "Copy the record into claims/ instead of linking to it.",
        )
    return None


def _duplicate_ids(duplicates: dict[str, list[Located]]) -> list[Problem]:
    """Flag every record that reuses an id, except the one whose file name is that id."""
    problems = []
    for claim_id, docs in duplicates.items():
        owner = next((d for d in docs if d.path.endswith(f"/{claim_id}.yml")), docs[0])
        line, _col = owner.where(("id",))
        for doc in docs:
            if doc is not owner:
                problems.append(
                    doc.problem(
                        ("id",),
                        f"duplicate id '{claim_id}'",
                        f"{owner.path}:{line} already uses it; ids must be unique.",
                    )
                )
    return problems


def todo_problems(doc: Located, value: Any, at: tuple) -> list[Problem]:
    """Refuse to-do markers left by 'generator new' in any text of the record."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in todo_problems(doc, v, (*at, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in todo_problems(doc, v, (*at, i))]
    if isinstance(value, str) and TODO.search(value):
        return [doc.problem(at, f"{field_name(at)} still holds a TODO marker", "Replace it with the real text.")]
    return []


DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _masked_by_todo(found: list[Problem]) -> list[Problem]:
    """Keep only the TODO message for a value that holds a marker: it says all there is to fix."""
    marked = {(p.line, p.col) for p in found if p.message.endswith("still holds a TODO marker")}
    return [p for p in found if (p.line, p.col) not in marked or p.message.endswith("still holds a TODO marker")]


def _date(doc: Located, at: tuple, value: Any, problems: list[Problem]) -> dt.date | None:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return None  # the schema reports the form
    parts = value.split("-")
    try:
        full = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        problems.append(
            doc.problem(
                at, f"{field_name(at)} is not a real date: '{value}'", "Write it as YYYY-MM-DD, for example 2021-05-20."
            )
        )
        return None
    return full


def _resolve(
    doc: Located, stem: str, sources: dict[str, Source], scale: Scale | None, schema_ok: bool
) -> tuple[Claim | None, list[Problem]]:
    """Check the record against its sources, the scale and itself; return the claim if it holds."""
    # Cross-checks run on whatever parts are well formed, so one run reports everything.
    problems = _check_fields(doc)
    passage, evidence, found = _anchor_quotes(doc, sources)
    problems += found
    verdict, found = _find_verdict(doc, scale)
    problems += found
    if problems or not schema_ok or passage is None or verdict is None:
        return None, problems
    return _build(doc, passage, evidence, verdict), problems


def _check_fields(doc: Located) -> list[Problem]:
    """Return what the schema cannot say: listing names, the analysis' cost, dates in order, withdrawal."""
    data = doc.data
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for i, tag in enumerate(_listed(data, "tags")):
        if not isinstance(tag, str) or not _TAG.search(tag):
            continue  # the schema says what is wrong with it
        if takes_a_listing_address(tag_slug(tag)):
            problems.append(
                doc.problem(("tags", i), f"tag '{tag}' is the address of the list of tags", "Choose another word.")
            )
        elif tag_key(tag) in seen:
            problems.append(
                doc.problem(
                    ("tags", i),
                    f"tag '{tag}' is tag '{seen[tag_key(tag)]}' again",
                    "Tags are compared regardless of case; keep one.",
                )
            )
        seen.setdefault(tag_key(tag), tag)
    if isinstance(data.get("analysis"), str):
        for message, hint in analysis_problems(data["analysis"]):
            problems.append(doc.problem(("analysis",), f"analysis: {message}", hint))
    dates = {key: _date(doc, (key,), data.get(key), problems) for key in ("published", "updated", "claim_date")}
    for i, item in enumerate(_listed(data, "corrections")):
        if isinstance(item, dict):
            when = _date(doc, ("corrections", i, "date"), item.get("date"), problems)
            if when and dates["published"] and when < dates["published"]:
                problems.append(
                    doc.problem(
                        ("corrections", i, "date"),
                        "correction is dated before the claim was published",
                        f"Corrections follow publication ({data['published']}).",
                    )
                )
    if dates["published"] and dates["updated"] and dates["updated"] < dates["published"]:
        problems.append(
            doc.problem(
                ("updated",),
                f"updated ({data['updated']}) is before published ({data['published']})",
                "Set updated to the date of the last change, on or after published.",
            )
        )
    if dates["claim_date"] and dates["published"] and dates["claim_date"] > dates["published"]:
        problems.append(
            doc.problem(
                ("claim_date",),
                "claim_date is after the fact-check's published date",
                "A claim is checked after it is made; check both dates.",
            )
        )
    status = data.get("status")
    if status == "withdrawn" and not isinstance(data.get("withdrawn"), dict):
        problems.append(
            doc.problem(
                ("status",),
                "a withdrawn claim needs a 'withdrawn' entry with date and reason",
                "Add withdrawn: {date: YYYY-MM-DD, reason: ...}.",
            )
        )
    if status != "withdrawn" and "withdrawn" in data:
        problems.append(
            doc.problem(
                ("withdrawn",),
                "'withdrawn' is set but status is not withdrawn",
                "Set status: withdrawn, or remove the withdrawn entry.",
            )
        )
    return problems


def _anchor_quotes(doc: Located, sources: dict[str, Source]) -> tuple[Passage | None, list[Evidence], list[Problem]]:
    """Anchor the claim's passage and each quoted piece of evidence; build the evidence items."""
    data = doc.data
    problems: list[Problem] = []
    passage = None
    if isinstance(data.get("passage"), dict) and _quoted(data["passage"]):
        anchored = resolve_passage(data["passage"], sources)
        if isinstance(anchored, Unanchored):
            problems.append(doc.problem(("passage", anchored.key), anchored.message, anchored.hint))
        else:
            passage = _translated(anchored, data["passage"])
    evidence: list[Evidence] = []
    for i, item in enumerate(_listed(data, "evidence")):
        if not isinstance(item, dict):
            continue
        if "source" in item and _quoted(item):
            cited = resolve_passage(item, sources)
            if isinstance(cited, Unanchored):
                problems.append(doc.problem(("evidence", i, cited.key), cited.message, cited.hint))
            passage_or_none = _translated(cited, item) if not isinstance(cited, Unanchored) else None
            evidence.append(Evidence(item.get("stance", ""), item.get("note", ""), passage=passage_or_none))
        else:
            evidence.append(
                Evidence(
                    item.get("stance", ""),
                    item.get("note", ""),
                    publisher=item.get("publisher"),
                    title=item.get("title"),
                    date=item.get("date"),
                    url=item.get("url"),
                    quote=item.get("quote"),
                    republication_of=item.get("republication_of"),
                    date_note=item.get("date_note"),
                    url_note=item.get("url_note"),
                    title_note=item.get("title_note"),
                )
            )
    return passage, evidence, problems


def _translated(passage: Passage, quoted: dict) -> Passage:
    """Give ``passage`` the editor's translation its record writes beside the quote, if any."""
    given = quoted.get("translation")
    if not isinstance(given, dict) or not all(isinstance(given.get(key), str) for key in ("text", "by")):
        return passage  # none, or ill formed: the schema says how
    return dataclasses.replace(passage, translation=Translation(given["text"], given["by"]))


def _find_verdict(doc: Located, scale: Scale | None) -> tuple[Verdict | None, list[Problem]]:
    data = doc.data
    problems: list[Problem] = []
    verdict = None
    if isinstance(data.get("verdict"), str) and VERDICT_ID.fullmatch(data["verdict"]) and scale is not None:
        verdict = scale.get(data["verdict"])
        if verdict is None:
            options = ", ".join(v.id for v in scale.verdicts)
            problems.append(
                doc.problem(
                    ("verdict",),
                    f"unknown verdict {clip(data['verdict'])!r}",
                    f"Expected one of: {options} (see ratings.yml).",
                )
            )
    return verdict, problems


def _build(doc: Located, passage: Passage, evidence: list[Evidence], verdict: Verdict) -> Claim:
    data = doc.data
    return Claim(
        id=data["id"],
        path=doc.path,
        status=data["status"],
        claim=data["claim"],
        passage=passage,
        claimant=data["claimant"],
        claim_date=data["claim_date"],
        claim_date_note=data.get("claim_date_note"),
        verdict=verdict,
        summary=data["summary"],
        analysis=data["analysis"],
        evidence=evidence,
        reviewers=list(data["reviewers"]),
        published=data["published"],
        updated=data["updated"],
        corrections=list(data.get("corrections", [])),
        withdrawn=data.get("withdrawn"),
        tags=[tag.lower() for tag in data.get("tags", [])],
        why_checked=data.get("why_checked"),
        right_of_reply=data.get("right_of_reply"),
        waivers=list(data.get("waivers", [])),
        where=doc.values,
    )


def _listed(data: dict, key: str) -> list:
    """Return the list at ``key``, or none when it is something else (the schema says what)."""
    value = data.get(key)
    return value if isinstance(value, list) else []


def _quoted(item: dict) -> bool:
    return (
        isinstance(item.get("source"), str)
        and isinstance(item.get("quote"), str)
        and bool(SOURCE_ID.fullmatch(item["source"]))
    )

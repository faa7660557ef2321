"""Put Pagefind's filter indexes in a fixed order, so that two builds of one site are the same.

Pagefind 1.x writes the values of each filter, and the list of filters in its metadata, in
the order of a hash map seeded at random: the same site gives other bytes, and other file
names, on every run (its index and fragments are already stable). Each filter file and the
metadata are rewritten here with their entries sorted, named by a hash of what they hold,
and the entry file points at the new metadata. Anything unexpected leaves the bundle as
Pagefind wrote it: search must keep working even if a future Pagefind changes its format.

    >>> _encode(["tag", [["drills", [0, 3]]]])
    b'\\x82ctag\\x81\\x82fdrills\\x82\\x00\\x03'
    >>> _decode(_)
    ['tag', [['drills', [0, 3]]]]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
_FILTER = re.compile(r"(?P<lang>[a-z0-9-]+)_(?P<hash>[0-9a-f]+)\.pf_filter")


class _Unexpected(Exception):
    pass


def order_bundle(bundle: Path) -> bool:
    """Rewrite the filter indexes and metadata of the Pagefind bundle in ``bundle``; tell whether it did."""
    try:
        entry_file = bundle / "pagefind-entry.json"
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        renamed: dict[str, str] = {}
        planned: list[tuple[Path, Path, bytes]] = []
        for old in sorted((bundle / "filter").glob("*.pf_filter")):
            match = _FILTER.fullmatch(old.name)
            if match is None:
                raise _Unexpected(old.name)
            name, values = _read(old)
            content = [name, sorted(values, key=lambda value: _encode(value[0]))]
            data = _encode(content)
            new_hash = f"{match['lang']}_{_digest(data, len(match['hash']))}"
            renamed[f"{match['lang']}_{match['hash']}"] = new_hash
            planned.append((old, old.with_name(f"{new_hash}.pf_filter"), data))
        for language, details in sorted(entry["languages"].items()):
            old = bundle / f"pagefind.{details['hash']}.pf_meta"
            meta = _read(old)
            data = _encode(_with_filters_renamed(meta, renamed))
            new_hash = f"{language}_{_digest(data, len(details['hash']) - len(language) - 1)}"
            details["hash"] = new_hash
            planned.append((old, old.with_name(f"pagefind.{new_hash}.pf_meta"), data))
    except (OSError, ValueError, KeyError, TypeError, IndexError, _Unexpected):
        return False
    for old, new, data in planned:
        old.unlink()
        new.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def _digest(data: bytes, length: int) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def _read(file: Path) -> Any:
    raw = file.read_bytes()
    if raw.startswith(b"\x1f\x8b"):
        raw = gzip.decompress(raw)
    if not raw.startswith(SIGNATURE):
        raise _Unexpected(file.name)
    body = raw[len(SIGNATURE) :]
    value = _decode(body)
    if _encode(value) != body:  # only a format read exactly is rewritten
        raise _Unexpected(file.name)
    return value


def _with_filters_renamed(meta: Any, renamed: dict[str, str]) -> Any:
    """Return the metadata with its list of [filter, file] pairs renamed and sorted by filter."""
    found = False
    out = []
    for part in meta:
        if (
            isinstance(part, list)
            and part
            and all(isinstance(p, list) and len(p) == 2 and p[1] in renamed for p in part)
        ):
            part = sorted(([name, renamed[old]] for name, old in part), key=lambda p: _encode(p[0]))
            found = True
        out.append(part)
    if renamed and not found:
        raise _Unexpected("no list of filters in the metadata")
    return out


# A small CBOR (RFC 8949) reader and writer: what Pagefind's indexes use, nothing more.


def _decode(data: bytes) -> Any:
    value, end = _item(data, 0)
    if end != len(data):
        raise _Unexpected("trailing bytes")
    return value


def _item(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise _Unexpected(f"simple value {info}")
        return simple[info], at
    if info < 24:
        length = info
    elif info <= 27:
        size = 1 << (info - 24)
        length, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise _Unexpected("indefinite length")
    if major == 0:
        return length, at
    if major == 1:
        return -1 - length, at
    if major == 2:
        return bytes(data[at : at + length]), at + length
    if major == 3:
        return data[at : at + length].decode("utf-8"), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _item(data, at)
            items.append(item)
        return items, at
    raise _Unexpected(f"major type {major}")


def _head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([major << 5 | info]) + length.to_bytes(size, "big")
    raise _Unexpected("too long")


def _encode(value: Any) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[value]])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    raise _Unexpected(type(value).__name__)

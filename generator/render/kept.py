"""Pages an earlier render made, kept with the digest of their inputs, so that a preview's rebuild
renders again only the pages whose inputs changed: an edited claim's page, its sources' pages,
and the listings and counts it appears in.

A page's key is the digest of what the whole report shows on every page (the settings, the
scale, the standards, every source's text digest and metadata, the site, the interface's
language) and of what that page shows: the claims on it, in full. Anything a page cannot be
keyed by is not kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from generator.model import Claim, Report
from generator.settings import Site

T = TypeVar("T")


class KeptPages:
    """Rendered pages by path, with the key each was made from; one per preview session."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[str, str]] = {}
        self._values: dict[str, tuple[str, Any]] = {}
        self._prints: dict[int, tuple[Claim, str]] = {}  # by id(): the claim is held, so its id stays its own
        self.frame = ""  # the digest of what every page of the report being rendered depends on
        self._entries: dict[tuple[str, str, bool], str] = {}  # a listing's entry of a claim, by page
        self._listed: set[tuple[str, str, bool]] = set()  # the entries the render so far listed

    def begin(self, report: Report, site: Site, language: str) -> str:
        """Start a render of ``report``; return the digest of what every page of it depends on."""
        self._prints = {id(c): (c, p) for c in report.claims if (p := self._print_of(c)) is not None}
        sources = [(s.id, s.sha256, s.meta, s.sections) for s in sorted(report.sources.values(), key=lambda s: s.id)]
        frame = (report.settings, report.scale, report.standards, sources, report.languages, site, language)
        made = digest(repr(frame))
        if made != self.frame:  # an entry shows its source and the scale's words too
            self._entries = {}
        self.frame, self._listed = made, set()
        return self.frame

    def fingerprint(self, claim: Claim) -> str:
        """Return the digest of everything ``claim`` holds (its record's place aside)."""
        kept = self._prints.get(id(claim))
        if kept is not None and kept[0] is claim:
            return kept[1]
        made = digest(repr(claim))
        self._prints[id(claim)] = (claim, made)
        return made

    def prints(self, claims: Iterable[Claim]) -> str:
        """Return one digest for the list ``claims``, in its order."""
        return digest("\n".join(self.fingerprint(c) for c in claims))

    def page(self, path: str, key: str, make: Callable[[], str]) -> str:
        """Return the page at ``path`` as kept, if made from ``key``; else ``make()`` it and keep it."""
        kept = self._made.get(path)
        if kept is not None and kept[0] == key:
            return kept[1]
        made = make()
        self._made[path] = (key, made)
        return made

    def entry(self, claim: Claim, page: str, show_source: bool, make: Callable[[], str]) -> str:
        """Return the entry of ``claim`` in a listing on ``page`` as kept, if made from the claim as it is; else
        ``make()`` it and keep it (home pages list thousands of claims, of which an edit changes one)."""
        key = (self.fingerprint(claim), page, show_source)
        self._listed.add(key)
        made = self._entries.get(key)
        if made is None:
            made = self._entries[key] = make()
        return made

    def value(self, name: str, key: str, make: Callable[[], T]) -> T:
        """Return the value kept as ``name`` if made from ``key``; else ``make()`` it and keep it."""
        kept = self._values.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[no-any-return]
        made = make()
        self._values[name] = (key, made)
        return made

    def everything(self) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, Any]]]:
        """Return what is kept, (pages by path, values by name), each as (key, made): for a later session."""
        return self._made, self._values

    def take(self, pages: dict[str, tuple[str, str]], values: dict[str, tuple[str, Any]]) -> None:
        """Keep what an earlier session kept (see everything); a page whose key no longer matches is rendered again."""
        self._made, self._values = pages, values

    def keep_only(self, paths: Iterable[str]) -> None:
        """Forget the pages that are no longer made."""
        wanted = set(paths)
        self._made = {path: made for path, made in self._made.items() if path in wanted}
        self._values = {name: made for name, made in self._values.items() if name.partition(" ")[2] in wanted}
        # Only the entries of the pages rendered this time: the home page is, after any edit of a claim it lists.
        self._entries = {key: made for key, made in self._entries.items() if key in self._listed}

    def _print_of(self, claim: Claim) -> str | None:
        kept = self._prints.get(id(claim))
        return kept[1] if kept is not None and kept[0] is claim else None


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def key_of(*parts: Any) -> str:
    """Return the key of a page from its template, its language and the values it shows."""
    return digest(repr(parts))

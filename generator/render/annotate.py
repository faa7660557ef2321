"""The annotated article: a source text with every claimed and evidence passage highlighted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.chars import INVISIBLE, describe
from generator.i18n import N_, Interface
from generator.model import Claim, Passage, Source, Verdict
from generator.render.icons import icon
from generator.render.urls import claim_page, link, source_page


@dataclass(frozen=True)
class Highlight:
    """A passage to mark, the claim it belongs to, and whether it is the claim or evidence for it."""

    passage: Passage
    claim: Claim
    role: str  # "claim" or "evidence"


def highlights_for(source: Source, claims: list[Claim]) -> list[Highlight]:
    """Return every passage of ``source`` used by ``claims``, in text order."""
    found = []
    for claim in claims:
        if claim.passage.source_id == source.id:
            found.append(Highlight(claim.passage, claim, "claim"))
        for item in claim.evidence:
            if item.passage and item.passage.source_id == source.id:
                found.append(Highlight(item.passage, claim, "evidence"))
    return sorted(found, key=lambda h: (h.passage.start, h.passage.end, h.role != "claim", h.claim.id))


def text_html(text: str, ui: Interface | None = None) -> str:
    """Escape source text for a one-line HTML block shown with white-space: pre-wrap.

    An invisible character of the text (generator.chars) is shown as a mark naming it, in its
    place: kept as it is, a direction override would show the words after it in another order.

    >>> print(text_html("a\u200bb<"))
    a<span class="fc-invisible" title="An invisible character of the text: U+200B (ZERO WIDTH SPACE)">U+200B</span>b&lt;
    """
    html = escape(text, quote=False).replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")
    if not INVISIBLE.search(html):
        return html
    said = ui.gettext("An invisible character of the text: {name}") if ui else _INVISIBLE
    return INVISIBLE.sub(lambda found: _invisible_mark(found, said), html)


def one_line(value: str) -> str:
    """Escape a record's text for HTML made here, on one line as every value of a page is."""
    return escape(" ".join(value.split()))


_INVISIBLE = N_("An invisible character of the text: {name}")


def _invisible_mark(found: re.Match[str], said: str) -> str:
    char = found[0]
    return f'<span class="fc-invisible" title="{escape(said.format(name=describe(char)))}">U+{ord(char):04X}</span>'


def annotate(source: Source, highlights: list[Highlight], ui: Interface) -> list[tuple[str, str, Markup]]:
    """Return (kind, label, html) for each part of the text, with passages marked and linked."""
    here = source_page(source.id)
    text = source.text
    cuts = {0, len(text)} | {s.start for s in source.sections}
    for h in highlights:
        for start, end in h.passage.parts:
            cuts |= {start, end}
    bounds = sorted(cuts)
    starts: dict[int, list[Highlight]] = {}
    ends: dict[int, list[Highlight]] = {}
    for h in highlights:
        starts.setdefault(h.passage.start, []).append(h)
        ends.setdefault(h.passage.end, []).append(h)
    section_starts = {s.start: s for s in source.sections}
    parts: list[tuple[str, str, list[str]]] = []
    if 0 not in section_starts:
        parts.append(("article", "", []))
    anchored: set[str] = set()
    opening: dict[int, list[int]] = {}  # position -> highlights (by index) with a part starting there
    closing: dict[int, list[int]] = {}
    for i, h in enumerate(highlights):
        for s, e in h.passage.parts:
            if s < e:
                opening.setdefault(s, []).append(i)
                closing.setdefault(e, []).append(i)
    # Parts covering the current piece of text, counted per highlight: one sweep, not a scan per piece.
    open_parts: dict[int, int] = {}
    for a, b in zip(bounds, bounds[1:], strict=False):
        for i in closing.get(a, []):
            open_parts[i] -= 1
            if not open_parts[i]:
                del open_parts[i]
        for i in opening.get(a, []):
            open_parts[i] = open_parts.get(i, 0) + 1
        if a in section_starts:
            parts.append((section_starts[a].kind, section_starts[a].label, []))
        out = parts[-1][2]
        for h in starts.get(a, []):
            if h.passage.anchor_id not in anchored:
                anchored.add(h.passage.anchor_id)
                out.append(f'<span class="fc-anchor" id="{h.passage.anchor_id}"></span>')
        covering = [highlights[i] for i in sorted(open_parts)]
        chunk = text_html(text[a:b], ui)
        if covering:
            lead = next((h for h in covering if h.role == "claim"), covering[0])
            role = lead.role
            out.append(f'<mark class="fc-mark fc-mark--{role} fc-v-{lead.claim.verdict.id}">{chunk}</mark>')
        else:
            out.append(chunk)
        # The claim's own label comes before the labels of claims that cite the passage as evidence.
        for h in sorted(ends.get(b, []), key=lambda h: (h.role != "claim", h.claim.id)):
            out.append(_ref(h, here, ui))
    return [(kind, label, Markup("".join(html))) for kind, label, html in parts]


def _ref(h: Highlight, here: str, ui: Interface) -> str:
    href = link(here, claim_page(h.claim.id))
    verdict: Verdict = h.claim.verdict
    title = one_line(h.claim.claim)
    if h.role == "claim":
        return (
            f'<a class="fc-ref fc-v-{verdict.id}" href="{href}" title="{title}">'
            f'{icon(verdict.icon)}<span class="fc-ref-id">{h.claim.id}</span> {one_line(verdict.label)}</a>'
        )
    said = escape(ui.gettext("Evidence for: {claim}")).format(claim=title)
    label = escape(ui.gettext("evidence"))
    return (
        f'<a class="fc-ref fc-ref--evidence" href="{href}" title="{said}">'
        f'{label} · <span class="fc-ref-id">{h.claim.id}</span></a>'
    )

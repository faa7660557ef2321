"""The verdict chart: an SVG bar chart labelled with icons, words and counts, readable without colour."""

from __future__ import annotations

from html import escape
from math import ceil
from unicodedata import east_asian_width

from markupsafe import Markup

from generator.i18n import Interface
from generator.model import Verdict
from generator.render.annotate import one_line
from generator.render.icons import PATHS

# Sized so that the chart is drawn at about 1:1 on a phone (a 358px-wide column): text stays legible.
ROW, ICON, LABEL_W, BAR_W, COUNT_W = 30, 16, 132, 190, 36
WIDTH, MIN_BAR, STACKED_ROW = LABEL_W + BAR_W + COUNT_W, 150, 46


def _text_width(text: str) -> float:
    """Return a generous width of ``text`` at the chart's 14px, in px: wider than most sans-serif fonts draw it."""
    return sum(14 if east_asian_width(c) in "WF" else 4.5 if c.isspace() else 10 if c.isupper() else 8.5 for c in text)


def _layout(labels: list[str]) -> tuple[int, int, bool]:
    """Return where the bars start, the row height, and whether each label stands above its bar.

    A label never runs into its bar: the bars start after the longest label, or, when that
    leaves them too little room, every label stands on a line of its own above its bar.
    """
    needed = ceil(ICON + 6 + max(map(_text_width, labels), default=0) + 8)
    if max(LABEL_W, needed) + MIN_BAR + COUNT_W <= WIDTH:
        return max(LABEL_W, needed), ROW, False
    return ICON + 6, STACKED_ROW, True


def verdict_chart(counts: list[tuple[Verdict, int, str]], ui: Interface) -> Markup:
    """Return an inline SVG with one labelled bar per (verdict, count, link), in ``ui``'s words."""
    top = max((n for _, n, _ in counts), default=0) or 1
    total = sum(n for _, n, _ in counts)
    bar_x, row, stacked = _layout([v.label for v, _, _ in counts])
    bar_w = WIDTH - bar_x - COUNT_W
    bar_dy = 22 if stacked else 4  # the bar's top in its row: under the label, or beside it
    height = row * len(counts) + 8
    width = WIDTH
    summary = ui.gettext("; ").join(
        ui.gettext("{verdict}: {count}").format(verdict=v.label, count=ui.format_number(n)) for v, n, _ in counts
    )
    title = ui.ngettext(
        "Claims by verdict ({total} in all): {summary}", "Claims by verdict ({total} in all): {summary}", total
    ).format(total=ui.format_number(total), summary=summary)
    rows = []
    for i, (verdict, n, href) in enumerate(counts):
        y = 4 + i * row
        bar = round(bar_w * n / top) if n else 0
        # The space between the two texts keeps "True 13" apart, so the visible words match the link's name.
        name = ui.ngettext("{verdict}: {count} claim", "{verdict}: {count} claims", n).format(
            verdict=verdict.label, count=ui.format_number(n)
        )
        rows.append(
            f'<a href="{escape(href)}" class="fc-chart-row" aria-label="{one_line(name)}">'
            # An unseen band under the whole row: a tap anywhere on it follows the link (30px, not the bar's 20).
            f'<rect x="0" y="{y}" width="{width}" height="{row}" class="fc-chart-hit"/>'
            f'<path transform="translate(0 {y + 6}) scale({ICON / 24})" d="{PATHS[verdict.icon]}" '
            f'class="fc-chart-icon"/>'
            f'<text x="{ICON + 6}" y="{y + 19}" class="fc-chart-label">{one_line(verdict.label)}</text>'
            f'<rect x="{bar_x}" y="{y + bar_dy}" width="{max(bar, 2)}" height="{ROW - 10}" rx="3" '
            f'class="fc-chart-bar fc-v-{verdict.id}"/> '
            f'<text x="{bar_x + max(bar, 2) + 8}" y="{y + bar_dy + 15}" class="fc-chart-count">'
            f"{ui.format_number(n)}</text></a>"
        )
    # Not role="img": an image may not hold links, and each bar links to its verdict's claims.
    return Markup(
        f'<svg class="fc-chart" viewBox="0 0 {width} {height}" width="100%" role="group" '
        # Drawn left to right in every language: in a right-to-left page the texts would run from
        # their x leftwards, over the bars; each label's own letters still run in their direction.
        f'aria-labelledby="fc-chart-title" preserveAspectRatio="xMinYMin meet" direction="ltr" '
        f'style="max-width:{width}px">'
        f'<title id="fc-chart-title">{one_line(title)}</title>' + "".join(rows) + "</svg>"
    )

"""The verdict chart: an SVG bar chart labelled with icons, words and counts, readable without colour."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from generator.i18n import Interface
from generator.model import Verdict
from generator.render.annotate import one_line
from generator.render.icons import PATHS

# Sized so that the chart is drawn at about 1:1 on a phone (a 358px-wide column): text stays legible.
ROW, ICON, LABEL_W, BAR_W, COUNT_W = 30, 16, 132, 190, 36


def verdict_chart(counts: list[tuple[Verdict, int, str]], ui: Interface) -> Markup:
    """Return an inline SVG with one labelled bar per (verdict, count, link), in ``ui``'s words."""
    top = max((n for _, n, _ in counts), default=0) or 1
    total = sum(n for _, n, _ in counts)
    height = ROW * len(counts) + 8
    width = LABEL_W + BAR_W + COUNT_W
    summary = ui.gettext("; ").join(
        ui.gettext("{verdict}: {count}").format(verdict=v.label, count=ui.format_number(n)) for v, n, _ in counts
    )
    title = ui.ngettext(
        "Claims by verdict ({total} in all): {summary}", "Claims by verdict ({total} in all): {summary}", total
    ).format(total=ui.format_number(total), summary=summary)
    rows = []
    for i, (verdict, n, href) in enumerate(counts):
        y = 4 + i * ROW
        bar = round(BAR_W * n / top) if n else 0
        # The space between the two texts keeps "True 13" apart, so the visible words match the link's name.
        name = ui.ngettext("{verdict}: {count} claim", "{verdict}: {count} claims", n).format(
            verdict=verdict.label, count=ui.format_number(n)
        )
        rows.append(
            f'<a href="{escape(href)}" class="fc-chart-row" aria-label="{one_line(name)}">'
            # An unseen band under the whole row: a tap anywhere on it follows the link (30px, not the bar's 20).
            f'<rect x="0" y="{y}" width="{width}" height="{ROW}" class="fc-chart-hit"/>'
            f'<path transform="translate(0 {y + 6}) scale({ICON / 24})" d="{PATHS[verdict.icon]}" '
            f'class="fc-chart-icon"/>'
            f'<text x="{ICON + 6}" y="{y + 19}" class="fc-chart-label">{one_line(verdict.label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{max(bar, 2)}" height="{ROW - 10}" rx="3" '
            f'class="fc-chart-bar fc-v-{verdict.id}"/> '
            f'<text x="{LABEL_W + max(bar, 2) + 8}" y="{y + 19}" class="fc-chart-count">'
            f"{ui.format_number(n)}</text></a>"
        )
    # Not role="img": an image may not hold links, and each bar links to its verdict's claims.
    return Markup(
        f'<svg class="fc-chart" viewBox="0 0 {width} {height}" width="100%" role="group" '
        f'aria-labelledby="fc-chart-title" preserveAspectRatio="xMinYMin meet" style="max-width:{width}px">'
        f'<title id="fc-chart-title">{one_line(title)}</title>' + "".join(rows) + "</svg>"
    )

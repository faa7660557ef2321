"""The verdict chart: an SVG bar chart labelled with words and counts, readable without colour."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from generator.model import Verdict

ROW, LABEL_W, BAR_W, COUNT_W = 30, 150, 260, 48


def verdict_chart(counts: list[tuple[Verdict, int, str]]) -> Markup:
    """Return an inline SVG with one labelled bar per (verdict, count, link)."""
    top = max((n for _, n, _ in counts), default=0) or 1
    total = sum(n for _, n, _ in counts)
    height = ROW * len(counts) + 8
    width = LABEL_W + BAR_W + COUNT_W
    summary = "; ".join(f"{v.label}: {n}" for v, n, _ in counts)
    rows = []
    for i, (verdict, n, href) in enumerate(counts):
        y = 4 + i * ROW
        bar = round(BAR_W * n / top) if n else 0
        rows.append(
            f'<a href="{escape(href)}" class="fc-chart-row">'
            f'<text x="{LABEL_W - 10}" y="{y + 19}" text-anchor="end" class="fc-chart-label">'
            f"{escape(verdict.label)}</text>"
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{max(bar, 2)}" height="{ROW - 10}" rx="3" '
            f'class="fc-chart-bar fc-v-{verdict.id}"/>'
            f'<text x="{LABEL_W + max(bar, 2) + 8}" y="{y + 19}" class="fc-chart-count">{n}</text></a>'
        )
    return Markup(
        f'<svg class="fc-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="fc-chart-title" preserveAspectRatio="xMinYMin meet" style="max-width:{width}px">'
        f'<title id="fc-chart-title">Claims by verdict ({total} in all): {escape(summary)}</title>'
        + "".join(rows)
        + "</svg>"
    )

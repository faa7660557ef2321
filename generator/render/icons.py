"""The verdict icons: small inline SVGs (Material Design Icons paths, Apache-2.0)."""

from __future__ import annotations

from markupsafe import Markup

PATHS = {
    "check": "M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z",
    "check-partial": "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 2v16a8 8 0 0 1 0-16m4.59 3.58L18 9l-4 4-1.41-1.41z",
    "scale": "M12 3c-1.27 0-2.4.8-2.82 2H3v2h1.95L2 14c-.47 2 1 3 3.5 3s4.06-1 3.5-3L6.05 7h3.12c.33.85.98 1.5 1.83 1.83V20H2v2h20v-2h-9V8.82c.85-.32 1.5-.97 1.82-1.82h3.13L15 14c-.47 2 1 3 3.5 3s4.06-1 3.5-3l-2.95-7H21V5h-6.17C14.4 3.8 13.27 3 12 3m0 2a1 1 0 1 1 0 2 1 1 0 0 1 0-2m-6.5 5.25L7 14H4zm13 0L20 14h-3z",
    "warning": "M13 14h-2V9h2m0 9h-2v-2h2M1 21h22L12 2z",
    "cross": "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
    "question": "M10 19h3v3h-3zm2-17c5.35.22 7.68 5.62 4.5 9.67-.83 1-2.17 1.66-2.83 2.5C13 15 13 16 13 17h-3c0-1.67 0-3.08.67-4.08.66-1 2-1.59 2.83-2.25C15.92 8.43 15.32 5.26 12 5a3 3 0 0 0-3 3H6a6 6 0 0 1 6-6",
    "comment": "M9 22a1 1 0 0 1-1-1v-3H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-6.1l-3.7 3.71c-.2.19-.45.29-.7.29zm1-6v3.08L13.08 16H20V4H4v12z",
    "minus": "M19 13H5v-2h14z",
    "info": "M11 9h2V7h-2m1 13c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8m0-18A10 10 0 0 0 2 12a10 10 0 0 0 10 10 10 10 0 0 0 10-10A10 10 0 0 0 12 2m-1 15h2v-6h-2z",
}


def icon(name: str) -> Markup:
    """Return the inline SVG of icon ``name``, hidden from screen readers (the label says it)."""
    return Markup(
        '<svg class="fc-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">'
        f'<path fill="currentColor" d="{PATHS[name]}"/></svg>'
    )

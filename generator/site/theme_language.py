"""What the theme needs to speak the report's language: its own language, and the words of our partials.

Material (and Zensical) translate their own interface from ``theme.language``; the report's
partials and its search dialog read their words from ``extra.factcheck_ui``, which every engine
passes to its templates, so that no engine needs a gettext of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from generator.i18n import Interface


def theme_language(ui: Interface, config_file: Path, theme_dirs: list[str]) -> str | None:
    """Return the theme language for the report's, or None when mkdocs.yml sets one (or the theme has none).

    The candidates are the report's tag (sr-Latn), then its language alone (sr), as the theme names its files.
    """
    if _sets_theme_language(config_file):
        return None
    tag = ui.language
    for candidate in (tag, tag.split("-")[0]):
        if any((Path(d) / "partials" / "languages" / f"{candidate}.html").exists() for d in theme_dirs):
            return candidate
    return None


def _sets_theme_language(config_file: Path) -> bool:
    """Tell whether mkdocs.yml writes theme.language (read as YAML nodes: its !ENV tags need no constructor)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    theme = _child(root, "theme")
    return theme is not None and _child(theme, "language") is not None


def _child(node: Any, key: str) -> Any:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if getattr(name, "value", None) == key), None)


def theme_words(ui: Interface) -> dict[str, Any]:
    """Return the words of the report's partials and of its search dialog, in ``ui``'s language."""
    _ = ui.gettext
    before, _name, after = _("Made with {name}").partition("{name}")
    return {
        "made_with": [before, after],
        "permalink": _("Permanent link"),
        "not_found": {
            "title": _("Page not found"),
            "text": _("There is no page at this address; it may have moved."),
            "home": _("Go to the home page."),
        },
        "search_title": _("Search (press / or s)"),
        "search_placeholder": _("Search: a claim, a name, a figure…"),
        "search_label": _("Search"),
        "search": {
            "title": _("Search the report"),
            "close": _("Close search (Escape)"),
            "close_short": _("Close (Escape)"),
            "label": _("Words to find in claims, sources and pages"),
            "only": _("Only show"),
            "filters": {
                "verdict": [_("Verdict"), _("any verdict")],
                "source": [_("Source"), _("any source")],
                "tag": [_("Tag"), _("any tag")],
            },
            "type": _("Type to search."),
            "results": _("Search results"),
            "unavailable": _("Search is not available: the search index was not found. Build the site to create it."),
            "stale": _("The search index is being brought up to date: results may miss the latest edits."),
            "page": _("Page"),
            "withdrawn": _(" (withdrawn)"),
            "none": _("No page matches."),
            "remove_filter": _(" Try removing a filter."),
            "matches": plural_forms(ui, "{count} page matches.", "{count} pages match."),
            "more": plural_forms(ui, "Show {shown} more of {left}", "Show {shown} more of {left}"),
        },
    }


def plural_forms(ui: Interface, singular: str, plural: str) -> dict[str, str]:
    """Return the message in each plural category (CLDR's, as the browser's Intl.PluralRules names them)."""
    locale: Locale = ui.locale
    forms: dict[str, str] = {}
    for n in range(0, 1000):
        category = locale.plural_form(n)
        if category not in forms:
            forms[category] = ui.ngettext(singular, plural, n)
    return forms

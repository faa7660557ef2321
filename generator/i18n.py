"""The interface in the report's language: messages from gettext catalogs, dates and numbers by Babel.

Catalogs are the ``.po`` files under ``generator/locale/<id>/LC_MESSAGES/``, read and compiled
in memory when first used, so that no binary file is kept in the repository.

>>> ui = Interface.for_language("fr")
>>> ui.format_date("2021-05-20"), ui.format_date("2021-05"), ui.format_number(12345)
('20 mai 2021', 'mai 2021', '12\u202f345')
>>> Interface.for_language("sr-Latn").catalog, Interface.for_language("ar").direction
('sr_Latn', 'rtl')
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from markupsafe import escape

from generator.problems import UsageError

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
# The interface languages shipped, by catalog folder: English is the source language of the messages.
SHIPPED = ("en", "fr", "sr", "sr_Latn", "sq", "ar")
# A bare "en" writes dates day first (20 May 2021), as the shipped English pages do; "en-US" may say otherwise.
FORMAT_LOCALE = {"en": "en-GB"}


def N_(message: str) -> str:
    """Mark a message defined at module level for extraction; it is translated where it is shown."""
    return message


def catalog_id(language: str) -> str | None:
    """Return the catalog folder for a BCP 47 tag, or None when no shipped catalog fits it.

    >>> catalog_id("sr-Latn"), catalog_id("sr-Cyrl-RS"), catalog_id("fr-CA"), catalog_id("de")
    ('sr_Latn', 'sr', 'fr', None)
    """
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    scripts = [p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()]
    if scripts and f"{base}_{scripts[0]}" in SHIPPED:
        return f"{base}_{scripts[0]}"
    return base if base in SHIPPED else None


def shipped_tags() -> list[str]:
    """Return the shipped languages as report.yml writes them (BCP 47)."""
    return [c.replace("_", "-") for c in SHIPPED]


class Interface:
    """Every word and figure the generator writes, in one language."""

    def __init__(self, language: str):
        found = catalog_id(language)
        if found is None:
            raise UsageError(
                f"no interface catalog for language '{language}'",
                f"Expected one of: {', '.join(shipped_tags())}. To add one, see docs/languages.md.",
            )
        self.language, self.catalog = language, found
        try:
            self.locale = Locale.parse(FORMAT_LOCALE.get(language, language), sep="-")
        except (ValueError, UnknownLocaleError):
            self.locale = Locale.parse(found)
        self.translations = _translations(found)
        self.direction = "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    @staticmethod
    @cache
    def for_language(language: str) -> Interface:
        """Return the interface of ``language`` (one per language and run)."""
        return Interface(language)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def html_gettext(self, message: str) -> str:
        """The message in this language as HTML: its words escaped, and only the tags of the message itself.

        >>> Interface.for_language("en").html_gettext('Claims in <a href="%(url)s">%(title)s</a>')
        'Claims in <a href="%(url)s">%(title)s</a>'
        """
        return as_html(self.gettext(message), message)

    def html_ngettext(self, singular: str, plural: str, n: int) -> str:
        return as_html(self.ngettext(singular, plural, n), singular + plural)

    def language_name(self, tag: str) -> str:
        """Name a language (BCP 47) in this interface's language, or return the tag if Babel knows none."""
        try:
            name = Locale.parse(tag, sep="-").get_display_name(self.locale)
        except (ValueError, UnknownLocaleError):
            return tag
        return f"{name} ({tag})" if name else tag

    def format_number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def format_date(self, value: str | None) -> str:
        """Write a date of the records (YYYY-MM-DD, YYYY-MM or YYYY) in words; None as 'date not known'.

        A final full stop (Serbian writes "20. мај 2021.") is left out: the sentence around the date has its own.
        """
        if not value:
            return self.gettext("date not known")
        parts = [int(p) for p in str(value).split("-")]
        if len(parts) == 3:
            written = format_date(dt.date(*parts), "long", locale=self.locale)
        elif len(parts) == 2:
            written = format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=self.locale)
        else:
            written = format_skeleton("y", dt.date(parts[0], 1, 1), locale=self.locale)
        return written.removesuffix(".")


_TAG = re.compile(r"<[^<>]*>")


def as_html(translated: str, message: str) -> str:
    """Escape a translated message, then let back exactly the tags its msgid ``message`` holds.

    A catalog is text that a pull request may change: a tag of its own, an attribute added to
    one of the message's, or a quote that would close the attribute it is shown in stays text.

    >>> as_html('Voir <a href="%(url)s" onclick="x">ici</a> <b>', 'See <a href="%(url)s">here</a>')
    'Voir &lt;a href=&#34;%(url)s&#34; onclick=&#34;x&#34;&gt;ici</a> &lt;b&gt;'
    """
    made = str(escape(translated))
    for tag in sorted(set(_TAG.findall(message)), key=len, reverse=True):
        made = made.replace(str(escape(tag)), tag)
    return made


@cache
def _translations(catalog: str) -> gettext.NullTranslations:
    """Compile a catalog's .po file in memory; English, the messages' own language, needs none."""
    path = LOCALE_DIR / catalog / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        messages = read_po(po, locale=catalog)
    compiled = BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)

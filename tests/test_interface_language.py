"""The interface in the report's language: complete catalogs, no text outside them, pages in each language."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ARTIFACTS, REPO, copy_fixture, run_cli, serve
from jinja2 import Environment

from generator.i18n import LOCALE_DIR, SHIPPED

TEMPLATES = REPO / "generator" / "templates"
POT = LOCALE_DIR / "messages.pot"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}|<[^<>]+>")
TAGS = re.compile(r"<[^<>]+>")


def catalog(catalog_id: str) -> Any:
    with (LOCALE_DIR / catalog_id / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=catalog_id)


def messages(found: Any) -> dict[Any, Any]:
    return {m.id: m for m in found if m.id}


@pytest.mark.parametrize("catalog_id", SHIPPED)
def test_every_catalog_translates_every_message_with_its_placeholders(catalog_id: str) -> None:
    with POT.open("rb") as file:
        wanted = messages(read_po(file))
    have = messages(catalog(catalog_id))
    assert sorted(map(str, wanted.keys() - have.keys())) == [], f"{catalog_id} lacks these messages"
    assert catalog_problems(have) == []


def catalog_problems(have: dict[Any, Any]) -> list[str]:
    """What a catalog's messages get wrong: untranslated, fuzzy, or not the msgid's placeholders and tags."""
    problems = []
    for key, message in have.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = key if isinstance(key, tuple) else (key,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
            continue
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if sorted(PLACEHOLDER.findall(string)) != expected:
                problems.append(f"placeholders or tags differ: {ids[0]!r} -> {string!r}")
            elif re.search("[<>]", TAGS.sub("", string)):  # a tag left open, or half of one
                problems.append(f"a '<' or '>' outside the message's tags: {ids[0]!r} -> {string!r}")
    return problems


def test_the_catalog_check_finds_a_hostile_message() -> None:
    from babel.messages.catalog import Message

    planted = {
        "Evidence": Message("Evidence", "<img src=x onerror=alert(1)>Preuves"),
        "Verdict": Message("Verdict", "Verdict<img src=x onerror=alert(2)"),
    }
    assert catalog_problems(planted) == [
        "placeholders or tags differ: 'Evidence' -> '<img src=x onerror=alert(1)>Preuves'",
        "a '<' or '>' outside the message's tags: 'Verdict' -> 'Verdict<img src=x onerror=alert(2)'",
    ]


def test_the_catalog_template_holds_every_message_of_the_sources() -> None:
    """`make messages` has been run: what the code and templates ask for is what the catalogs translate."""
    method_map = [("**.py", "python"), ("templates/**.j2", "jinja2"), ("scaffold/**.j2", "jinja2")]
    options = {
        "templates/**.j2": {
            "extensions": "jinja2.ext.i18n",
            "comment_start_string": "{##",
            "comment_end_string": "##}",
            "trim_blocks": "true",
            "lstrip_blocks": "true",
        },
        "scaffold/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"},
    }
    found = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            REPO / "generator",
            method_map,
            options,
            keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
        )
    }
    extracted = {m if isinstance(m, str) else m[0] for m in found}
    with POT.open("rb") as file:
        in_pot = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(file) if m.id}
    assert sorted(extracted - in_pot) == [], "run `make messages`"


# What is left once the template's own expressions are set aside: markup, entities, figures, punctuation.
TAG = re.compile(r"<[^>]*>")
SHOWN_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"')
NOT_WORDS = re.compile(r"&[a-z#0-9]+;|\{#[a-z-]+\}|[^\w]|[\d_]")
# Words that are the same in every language, each with its reason.
SAME_IN_EVERY_LANGUAGE = {"SHA-256": "the name of an algorithm"}
FRONT_MATTER = re.compile(r"^(?:---|(?:title|description|hide|factcheck_[a-z]+): .*)$", re.M)


def untranslated(source: str) -> list[str]:
    """Return the words a template writes outside the message functions ({{ _(…) }}, {% trans %})."""
    env = Environment(extensions=["jinja2.ext.i18n"], comment_start_string="{##", comment_end_string="##}")
    skeleton, in_trans, block = [], False, []
    for _line, kind, value in env.lex(source):
        if kind == "data" and not in_trans:
            skeleton.append(value)
        elif kind == "data":
            continue
        else:
            skeleton.append("\x00" if kind in ("variable_begin", "block_begin") else "")
            block.append(value) if kind == "name" else None
            if kind == "block_end":
                in_trans = (block[:1] == ["trans"]) or (in_trans and block[:1] != ["endtrans"])
                block = []
            elif kind == "block_begin":
                block = []
    text = FRONT_MATTER.sub("", "".join(skeleton))
    words = [value for value in SHOWN_ATTRIBUTE.findall(text) if "\x00" not in value and NOT_WORDS.sub("", value)]
    for piece in TAG.sub("\x00", text).split("\x00"):
        if NOT_WORDS.sub("", piece) and piece.strip() not in SAME_IN_EVERY_LANGUAGE:
            words.append(" ".join(piece.split()))
    return words


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.j2") if p.name != "new_claim.yml.j2"))
def test_no_template_writes_words_outside_the_catalog(template: str) -> None:
    assert untranslated((TEMPLATES / template).read_text(encoding="utf-8")) == []


def test_the_scan_finds_words_outside_the_catalog() -> None:
    assert untranslated('<p class="x">{{ _("Verdict") }}: {{ n }}</p>') == []
    assert untranslated('<p class="x">Verdict: {{ n }}</p>') == ["Verdict:"]
    assert untranslated("{% trans %}Evidence{% endtrans %} and more") == ["and more"]
    assert untranslated('<nav aria-label="Pages">{{ x }}</nav>') == ["Pages"]


LANGUAGES = ["fr", "sr", "sr-Latn", "sq", "ar"]


@pytest.fixture(scope="module", params=LANGUAGES)
def site_in(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The fixture report with its language set to one shipped language, built."""
    language = request.param
    root = copy_fixture(tmp_path_factory.mktemp(f"in-{language}") / "report")
    settings = root / "report.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: en", f"language: {language}"), "utf-8")
    run_cli("--root", str(root), "build", check=True)
    return language, root / "site"


def english_phrases(root: Path) -> set[str]:
    """The English interface's longer messages (4 words or more) that the fixture's own data does not hold."""
    files = [*root.glob("claims/*.yml"), *root.glob("seeds/*"), *root.glob("*.yml")]  # the desk's own words
    data = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in files)
    phrases = set()
    for message in catalog("en"):
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            plain = " ".join(PLACEHOLDER.sub(" ", text).split())
            for part in re.split(r"\s*[.:;!?]\s*", plain):
                if len(part.split()) >= 4 and part not in data:
                    phrases.add(part)
    return phrases


PAGES = ["", "claims/fc-0001/", "sources/typography/", "ratings/", "claims/"]


@pytest.mark.slow
def test_each_language_s_pages_carry_it_and_leave_no_english(site_in: tuple[str, Path]) -> None:
    language, site = site_in
    phrases = english_phrases(site.parent)
    for path in PAGES:
        page = (site / path / "index.html").read_text(encoding="utf-8")
        tag = re.search(r"<html[^>]*>", page)
        assert tag and f'lang="{language}"' in tag[0], path
        assert ('dir="rtl"' in tag[0]) == (language == "ar"), path
        main = page[page.index('<article class="md-content__inner') : page.index("</article>")]
        text = html.unescape(re.sub(r"<[^>]+>", " ", main))
        text = " ".join(text.split())
        left = sorted(p for p in phrases if p in text)
        assert left == [], f"{language} {path}: English left: {left}"
    review = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        (site / "claims/fc-0001/index.html").read_text(encoding="utf-8"),
        re.S,
    )
    assert review and json.loads(review[1])["inLanguage"] == language
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [language.lower()] or list(entry["languages"]) == [language]


@pytest.mark.browser
@pytest.mark.parametrize("language", ["sr", "ar"])
def test_a_claim_page_reads_in_serbian_cyrillic_and_in_arabic(language: str, browser: Any, tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "report")
    settings = root / "report.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: en", f"language: {language}"), "utf-8")
    run_cli("--root", str(root), "build", check=True)
    with serve(root / "site") as base:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(base + "claims/fc-0002/")
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert direction == ("rtl" if language == "ar" else "ltr")
        word = page.locator(".fc-verdict-word").inner_text()
        assert word == {"sr": "Оцена:", "ar": "الحكم:"}[language] or not re.search("[A-Za-z]", word)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"claim-{language}.png"), full_page=True)
        page.close()


def test_init_starts_a_report_in_the_language_asked(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path / "rapport"), "--language", "fr")
    assert result.returncode == 0, result.stderr
    root = tmp_path / "rapport"
    assert "language: fr\n" in (root / "report.yml").read_text(encoding="utf-8")
    ratings = (root / "ratings.yml").read_text(encoding="utf-8")
    french = catalog("fr")
    for label in ("True", "False", "Misleading"):
        assert f'"{french.get(label).string}"' in ratings
    assert french.get("How we check").string in (root / "mkdocs.yml").read_text(encoding="utf-8")
    checked = run_cli("--root", str(root), "check")
    assert checked.returncode == 0 and "10 problems in 6 files: 0 errors, 10 warnings." in checked.stdout  # TODOs left
    built = run_cli("--root", str(root), "build")
    assert built.returncode == 0, built.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home


def test_init_names_the_shipped_languages_for_one_it_has_not(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path / "bericht"), "--language", "de")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error: no interface catalog for language 'de'\n"
        "    Expected one of: en, fr, sr, sr-Latn, sq, ar. To add one, see docs/languages.md.\n"
    )
    assert not (tmp_path / "bericht").exists()

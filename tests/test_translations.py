"""A fact-check in several languages: claims/<language>/<id>.yml, checked against its record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ARTIFACTS, copy_fixture, run_cli, serve
from gitrepo import commit_all, edit, git

SERBIAN = {
    "true": ("Тачно", "Тврдња је тачна и ништа битно не недостаје."),
    "mostly-true": ("Углавном тачно", "Тврдња је у суштини тачна, али јој треба појашњење."),
    "mixed": ("Делимично тачно", "Тврдња има тачне и нетачне делове сличне тежине."),
    "misleading": ("Обмањујуће", "Тврдња садржи неке тачне чињенице, али ствара погрешан утисак."),
    "false": ("Нетачно", "Тврдња није тачна."),
    "unproven": ("Недоказано", "Доступни докази не потврђују ни не оповргавају тврдњу."),
    "opinion": ("Мишљење", "Вредносни суд, а не чињенична тврдња."),
    "not-checkable": ("Не може се проверити", "Тврдња се не може проверити јавно доступним доказима."),
}


def bilingual(tmp_path: Path, languages: tuple[str, ...] = ("sr",)) -> Path:
    """The fixture report, publishing in Serbian too: its scale gives every verdict in Serbian."""
    root = copy_fixture(tmp_path / "report")
    settings = root / "report.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"languages: [{', '.join(languages)}]\n", "utf-8")
    ratings = yaml.safe_load((root / "ratings.yml").read_text(encoding="utf-8"))
    for verdict in ratings["verdicts"]:
        label, definition = SERBIAN[verdict["id"]]
        verdict["translations"] = {language: {"label": label, "definition": definition} for language in languages}
    (root / "ratings.yml").write_text(yaml.safe_dump(ratings, allow_unicode=True, sort_keys=False), "utf-8")
    return root


def fill_in(file: Path) -> None:
    """Do a translator's work on a scaffold: replace each TODO with Serbian text."""
    text = file.read_text(encoding="utf-8")
    for todo, done in [
        ('by: "TODO: who translated it"', 'by: "Јелена Петровић"'),
        ('claim: "TODO: the claim, translated"', 'claim: "Министар је рекао да су вежбе одбрамбене природе."'),
        ('summary: "TODO: the summary, translated"', 'summary: "Министар је то заиста рекао, тим речима."'),
        ("  TODO: the analysis, translated.\n", "  Снимак говора то потврђује.\n"),
    ]:
        text = text.replace(todo, done)
    file.write_text(text, encoding="utf-8")


def test_translate_starts_a_version_a_translator_fills_in(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    result = run_cli("translate", "fc-0001", "--language", "sr", cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Wrote claims/sr/fc-0001.yml: translate its texts, replacing each TODO, then check.\n"
    scaffold = (root / "claims/sr/fc-0001.yml").read_text(encoding="utf-8")
    assert "#   The minister said the drills were defensive in nature.\n" in scaffold  # the original, to translate
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 1
    assert [line for line in checked.stdout.splitlines() if line.startswith("claims/")] == [
        "claims/sr/fc-0001.yml:6:5: by still holds a TODO marker",
        "claims/sr/fc-0001.yml:9:8: claim still holds a TODO marker",
        "claims/sr/fc-0001.yml:12:10: summary still holds a TODO marker",
        "claims/sr/fc-0001.yml:17:11: analysis still holds a TODO marker",
    ]
    fill_in(root / "claims/sr/fc-0001.yml")
    assert run_cli("check", cwd=root).returncode == 0


def test_check_warns_when_the_record_has_changed_since_it_was_translated(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    run_cli("translate", "fc-0001", "--language", "sr", cwd=root, check=True)
    fill_in(root / "claims/sr/fc-0001.yml")
    record = root / "claims/fc-0001.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("in those words.", "in those very words."), "utf-8")
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 0  # a warning: a correction to the record is not held back by its translations
    lines = checked.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("claims/sr/")))
    version = lines[start + 2].split("translated_from: ")[1].split(" ")[0]
    assert lines[start : start + 3] == [
        "claims/sr/fc-0001.yml:5:18: warning: this translation was made from an earlier version of fc-0001",
        "    claims/fc-0001.yml has changed since: its claim, summary or analysis. Bring this translation up to",
        f"    date, then set translated_from: {version} (`generator translate fc-0001 --language sr`).",
    ]
    marked = run_cli("translate", "fc-0001", "--language", "sr", cwd=root)
    assert marked.stdout == "Marked claims/sr/fc-0001.yml as translating claims/fc-0001.yml as it is now.\n"
    assert f'translated_from: "{version}"' in (root / "claims/sr/fc-0001.yml").read_text(encoding="utf-8")
    assert run_cli("check", cwd=root).stdout == "OK: 6 claims, 1 translation, 3 sources, 8 verdicts.\n"


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "claims/de/fc-0001.yml",
            "",
            [
                "claims/de:1:1: folder of translations into 'de', a language the report does not publish",
                "    Add de to languages in report.yml, or remove the folder. Languages published: en, sr.",
            ],
        ),
        (
            "claims/sr/fc-0002.yml",
            None,
            [
                "claims/sr/fc-0002.yml:4:13: translates 'fc-0001', but the file is named 'fc-0002.yml'",
                "    Name the file fc-0001.yml, or set translates: fc-0002.",
            ],
        ),
        (
            "claims/sr/fc-0099.yml",
            "translates: fc-0099\n",
            [
                "claims/sr/fc-0099.yml:4:13: translates 'fc-0099', but there is no claim record claims/fc-0099.yml",
                "    A translation needs the record it translates: check the id, or remove this file.",
            ],
        ),
        (
            "claims/sr/fc-0001.yml",
            "verdict: 'false'\n",
            [
                "claims/sr/fc-0001.yml:19:1: unknown field 'verdict' in the record",
                "    Expected one of: analysis, by, claim, summary, translated_from, translates.",
            ],
        ),
    ],
    ids=["unpublished-language", "file-name", "no-record", "verdict-in-translation"],
)
def test_what_a_translation_cannot_be(tmp_path: Path, path: str, text: str | None, expected: list[str]) -> None:
    root = bilingual(tmp_path)
    run_cli("translate", "fc-0001", "--language", "sr", cwd=root, check=True)
    fill_in(root / "claims/sr/fc-0001.yml")
    done = (root / "claims/sr/fc-0001.yml").read_text(encoding="utf-8")
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if text is None:  # the same translation under another file's name
        (root / "claims/sr/fc-0001.yml").rename(target)
    elif text.startswith("translates:"):
        (root / "claims/sr/fc-0001.yml").unlink()
        target.write_text(done.replace("translates: fc-0001\n", text), encoding="utf-8")
    else:
        target.write_text(done + text, encoding="utf-8")
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 1
    shown = [line for line in checked.stdout.splitlines() if not line.startswith("Found") and line.strip()]
    assert shown[: len(expected)] == expected


def test_every_verdict_needs_its_label_in_each_language(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    settings = root / "report.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("languages: [sr]", "languages: [sr, sq]"), "utf-8")
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert lines[:3] == [
        "ratings.yml:9:5: verdict 'true' has no label and definition in 'sq'",
        "    report.yml publishes in sq: add to the verdict",
        "    translations: {sq: {label: ..., definition: ...}}",
    ]
    assert sum("has no label and definition in 'sq'" in line for line in lines) == 8


def test_translate_refuses_a_language_the_report_does_not_publish(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    result = run_cli("translate", "fc-0001", "--language", "de", cwd=root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error: report.yml does not publish in 'de'\n    Add it to languages in report.yml first (published now: sr).\n"
    )
    assert not (root / "claims/de").exists()


def test_translate_names_the_labels_the_scale_lacks_and_its_file(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    settings = root / "report.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("languages: [sr]", "languages: [sr, fr]"), "utf-8")
    result = run_cli("translate", "fc-0001", "--language", "fr", cwd=root)
    assert (result.returncode, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        "error: ratings.yml cannot be used yet, so no claim can be translated",
        "    ratings.yml:9:5: verdict 'true' has no label and definition in 'fr'",
        "        report.yml publishes in fr: add to the verdict",
        "        translations: {fr: {label: ..., definition: ...}}",
    ]
    assert sum("has no label and definition in 'fr'" in line for line in lines) == 8
    assert lines[-1] == "    Fix this first; `python -m generator check` shows it again."


def test_translate_shows_what_is_wrong_with_the_record(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    edit(root / "claims/fc-0002.yml", 'claimant: "', 'claimant: "TODO ')
    result = run_cli("translate", "fc-0002", "--language", "sr", cwd=root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(
        "error: claims/fc-0002.yml has problems, so it cannot be translated yet\n    claims/fc-0002.yml:"
    )
    unknown = run_cli("translate", "fc-0099", "--language", "sr", cwd=root)
    assert (
        unknown.stderr
        == "error: no claim record fc-0099\n    Give the id of a claim in claims/, for example fc-0001.\n"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bilingual fixture, with fc-0001 translated into Serbian, built into its site."""
    root = bilingual(tmp_path_factory.mktemp("bilingual"))
    run_cli("translate", "fc-0001", "--language", "sr", cwd=root, check=True)
    fill_in(root / "claims/sr/fc-0001.yml")
    run_cli("--root", str(root), "build", check=True)
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def claim_review(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found[1])


@pytest.mark.slow
def test_a_claim_in_two_languages_has_both_pages_linked_both_ways_with_one_verdict(built: Path) -> None:
    english, serbian = page(built, "claims/fc-0001"), page(built, "sr/claims/fc-0001")
    assert re.search(r'<html lang="en"', english) and re.search(r'<html class="no-js" lang="sr" dir="ltr">', serbian)
    assert "Министар је рекао да су вежбе одбрамбене природе." in serbian
    assert 'href="../../sr/claims/fc-0001/" hreflang="sr" lang="sr">Српски</a>' in english
    assert 'href="../../../claims/fc-0001/" hreflang="en" lang="en">English</a>' in serbian
    site = "https://factcheck.example.org/report/"
    for html in (english, serbian):
        assert f'<link rel="alternate" hreflang="en" href="{site}claims/fc-0001/">' in html
        assert f'<link rel="alternate" hreflang="sr" href="{site}sr/claims/fc-0001/">' in html
        assert f'<link rel="alternate" hreflang="x-default" href="{site}claims/fc-0001/">' in html
    original, translation = claim_review(english), claim_review(serbian)
    assert (original["inLanguage"], translation["inLanguage"]) == ("en", "sr")
    assert translation["url"] == "https://factcheck.example.org/report/sr/claims/fc-0001/"
    assert original["reviewRating"]["ratingValue"] == translation["reviewRating"]["ratingValue"] == 5
    labels = original["reviewRating"]["alternateName"], translation["reviewRating"]["alternateName"]
    assert labels == ("True", "Тачно")
    assert translation["claimReviewed"] == "Министар је рекао да су вежбе одбрамбене природе."
    # Each page in its own language's words, the translator named on the translation.
    assert "Verdict:" in english and "Оцена:" in serbian and "Verdict:" not in serbian
    assert 'lang="en">English</a>, превод: Јелена Петровић' in serbian


@pytest.mark.slow
def test_search_feed_and_data_carry_each_language(built: Path) -> None:
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en", "sr"}
    assert entry["languages"]["sr"]["page_count"] == 1
    feed = (built / "feed.xml").read_text(encoding="utf-8")
    assert '<entry xml:lang="sr">\n    <id>https://factcheck.example.org/report/sr/claims/fc-0001/</id>' in feed
    data = json.loads((built / "data" / "claims.json").read_text(encoding="utf-8"))
    assert data["languages"] == ["en", "sr"]
    (first,) = [c for c in data["claims"] if c["id"] == "fc-0001"]
    assert first["translations"] == [
        {
            "language": "sr",
            "url": "https://factcheck.example.org/report/sr/claims/fc-0001/",
            "record": "claims/sr/fc-0001.yml",
            "claim": "Министар је рекао да су вежбе одбрамбене природе.",
            "verdict_label": "Тачно",
            "summary": "Министар је то заиста рекао, тим речима.",
            "analysis": "Снимак говора то потврђује.\n",
            "by": "Јелена Петровић",
            "current": True,
        }
    ]


def test_a_pull_request_s_translations_are_listed_for_its_reviewers(tmp_path: Path) -> None:
    root = bilingual(tmp_path)
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "A bilingual report")
    git(root, "switch", "-q", "-c", "translate")
    run_cli("translate", "fc-0001", "--language", "sr", cwd=root, check=True)
    fill_in(root / "claims/sr/fc-0001.yml")
    commit_all(root, "fc-0001 in Serbian")
    added = run_cli("diff", "main", "translate", cwd=root)
    assert added.returncode == 0
    assert added.stdout.split(": ", 1)[1].startswith("1 translation changed.\n")
    assert added.stdout.endswith("### Translations\n\n- **fc-0001** in sr (claims/sr/fc-0001.yml): added\n")
    edit(root / "claims/sr/fc-0001.yml", "тим речима.", "баш тим речима.")
    changed = run_cli("diff", "translate", cwd=root)
    assert changed.stdout.endswith("- **fc-0001** in sr (claims/sr/fc-0001.yml): summary changed\n")


@pytest.mark.slow
def test_each_language_has_its_list_of_fact_checks_and_its_rating_scale(built: Path) -> None:
    home, listing, scale = page(built, ""), page(built, "sr"), page(built, "sr/ratings")
    assert 'href="sr/" hreflang="sr" lang="sr">Српски</a>' in home
    assert '<html class="no-js" lang="sr" dir="ltr">' in listing and '<html class="no-js" lang="sr" dir="ltr">' in scale
    assert 'href="claims/fc-0001/">Министар је рекао да су вежбе одбрамбене природе.</a>' in listing
    assert 'href="ratings/#v-true"' in listing and '<span class="fc-badge-label">Тачно</span>' in listing
    assert "Тврдња је тачна и ништа битно не недостаје." in scale
    # On the Serbian page, the quote from an English source says it is in English.
    assert '<blockquote class="fc-quote" lang="en" dir="auto">' in page(built, "sr/claims/fc-0001")


@pytest.mark.browser
def test_a_reader_moves_between_the_languages_of_a_fact_check(built: Path, browser: Any) -> None:
    with serve(built) as base:
        page_ = browser.new_page(viewport={"width": 1100, "height": 900})
        page_.goto(base + "sr/claims/fc-0001/")
        assert page_.evaluate("document.documentElement.lang") == "sr"
        assert page_.locator(".fc-verdict .fc-badge-label").inner_text() == "Тачно"
        ARTIFACTS.mkdir(exist_ok=True)
        page_.screenshot(path=str(ARTIFACTS / "claim-translated-sr.png"), full_page=True)
        page_.get_by_role("link", name="English").first.click()
        page_.wait_for_url(base + "claims/fc-0001/")
        assert page_.evaluate("document.documentElement.lang") == "en"
        assert page_.locator(".fc-verdict .fc-badge-label").inner_text() == "True"
        page_.locator('.fc-versions a[hreflang="sr"]').click()
        page_.wait_for_url(base + "sr/claims/fc-0001/")
        page_.close()

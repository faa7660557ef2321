"""Any script: titles and tags in Cyrillic, Greek, Arabic and Japanese; ids in ASCII, transliterated, never dropped."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import copy_fixture, run_cli

from generator.names import slug, tag_slug

TITLES = [
    # (language, title, the id add-source chooses)
    ("sr", "Извештај о буџету за образовање 2024", "izvestaj-o-budzetu-za-obrazovanje-2024"),
    ("el", "Ο προϋπολογισμός της παιδείας 2024", "o-proypologismos-tis-paideias-2024"),
    ("ar", "ميزانية التعليم 2024", "myznyh-lt-lym-2024"),
    ("ja", "教育予算の報告書 2024", "jiaoyuyusuannobaogaoshu-2024"),
]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "report")


def _text(tmp_path: Path) -> Path:
    text = tmp_path / "report.txt"
    text.write_text("The budget for schools grows by a tenth in 2024.\n", encoding="utf-8")
    return text


@pytest.mark.parametrize(("language", "title", "expected"), TITLES)
def test_add_source_transliterates_a_title_in_any_script_and_says_the_id(
    report: Path, tmp_path: Path, language: str, title: str, expected: str
) -> None:
    args = ["add-source", str(_text(tmp_path)), "--kind", "report", "--title", title, "--language", language]
    result = run_cli("--root", str(report), *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"Chose the id {expected} from the publisher and the title; give --id to choose another.\n"
        f"Wrote seeds/{expected}.txt, seeds/{expected}.yml.\n"
    )
    meta = yaml.safe_load((report / "seeds" / f"{expected}.yml").read_text(encoding="utf-8"))
    assert meta["title"] == title
    assert run_cli("--root", str(report), "check").returncode == 0


def test_an_id_given_in_another_script_is_refused_with_its_ascii_form(report: Path, tmp_path: Path) -> None:
    args = ["add-source", str(_text(tmp_path)), "--kind", "report", "--title", "Извештај", "--language", "sr"]
    result = run_cli("--root", str(report), *args, "--id", "извештај-2024")
    assert result.returncode == 1
    assert result.stderr == (
        "error: source id 'извештај-2024' cannot be used\n"
        "    An id is a file name and an address: lower-case ASCII letters, digits and hyphens only, for example "
        "the publisher and a word of the title (not one of the site's own page names such as 'index').\n"
        "    In those letters: --id izvestaj-2024\n"
    )
    assert not (report / "seeds" / "izvestaj-2024.txt").exists()


def test_new_proposes_the_ascii_id_of_a_source_named_in_another_script(report: Path) -> None:
    result = run_cli("--root", str(report), "new", "--source", "коментари", "--quote", "x")
    assert result.returncode == 1
    assert result.stderr.endswith("    Ids are in lower-case ASCII letters: --source komentari\n")


def test_serbian_cyrillic_has_its_exact_latin_form() -> None:
    assert slug("Шума, жена, чаша, џак, ђак, ћерка, љубав, њива", "sr") == "suma-zena-casa-dzak-djak-cerka-ljubav-njiva"
    assert slug("Шума", "ru") == "shuma"


def _tag(report: Path, claim: str, tags: str) -> None:
    path = report / "claims" / f"{claim}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(text[text.index("\ntags:") :].split("\n")[1], f"tags: {tags}"), encoding="utf-8")


def test_tags_in_any_script_have_pages_with_ascii_addresses(report: Path, tmp_path: Path) -> None:
    # Decomposed (NFD) as macOS may write it: the same tag as the composed one once normalised.
    decomposed = unicodedata.normalize("NFD", "προϋπολογισμός")
    _tag(report, "fc-0001", f"[Буџет, {decomposed}, الميزانية, 予算]")
    _tag(report, "fc-0002", "[буџет, προϋπολογισμός]")
    assert run_cli("--root", str(report), "check").returncode == 0
    out = tmp_path / "md"
    assert run_cli("--root", str(report), "render", "--out", str(out)).returncode == 0
    tags = ["буџет", "προϋπολογισμός", "الميزانية", "予算", "bases", "figures", "drills", "quotes"]
    made = sorted(p.name for p in (out / "tags").glob("*.md"))
    assert made == sorted([*(f"{tag_slug(t)}.md" for t in tags), "index.md"])
    assert tag_slug("Буџет") == "budzhet"
    index = (out / "tags" / "index.md").read_text(encoding="utf-8")
    # One tag whatever its case: shown as the first claim writes it, with both claims.
    assert '<a class="fc-tag" href="budzhet/">буџет</a> <span class="fc-count">2 claims</span>' in index
    assert '<a class="fc-tag" href="proypologismos/">προϋπολογισμός</a> <span class="fc-count">2 claims</span>' in index
    page = (out / "tags" / "budzhet.md").read_text(encoding="utf-8")
    assert "fc-0001" in page and "fc-0002" in page


def test_a_tag_twice_in_other_case_is_refused(report: Path) -> None:
    _tag(report, "fc-0001", "[буџет, Буџет]")
    result = run_cli("--root", str(report), "check")
    assert (result.returncode, result.stdout) == (
        1,
        "claims/fc-0001.yml:34:15: tag 'Буџет' is tag 'буџет' again\n"
        "    Tags are compared regardless of case; keep one.\n"
        "1 problem in 1 file.\n",
    )


def test_two_tags_at_one_address_are_refused(report: Path) -> None:
    _tag(report, "fc-0001", "[буџет]")
    _tag(report, "fc-0002", "[budzhet]")
    result = run_cli("--root", str(report), "check")
    assert (result.returncode, result.stdout) == (
        1,
        "claims/fc-0002.yml:23:8: tag 'budzhet' would have the page tags/budzhet/ of tag 'буџет'\n"
        "    Use 'буџет', or a tag of other words.\n"
        "1 problem in 1 file.\n",
    )


@pytest.mark.parametrize("tag", ["a b", "a/b", "-x", "x_y", "a.b"])
def test_a_tag_with_a_space_or_punctuation_is_refused(report: Path, tag: str) -> None:
    _tag(report, "fc-0001", f'["{tag}"]')
    assert run_cli("--root", str(report), "check").returncode == 1

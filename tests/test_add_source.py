"""add-source captures real news pages with their metadata, and refuses bad input with an exact message."""

from __future__ import annotations

import gzip
import http.server
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from conftest import copy_fixture, serving
from lxml import html as lxml_html

from generator.capture import fetch
from generator.cli import main
from generator.load.schema_check import load_schema

PAGES = Path(__file__).resolve().parent / "capture" / "pages"

# Every expected value was read from the page's own markup (the place is named), not from the extractor.
EXPECTED = {
    "reuters.com.parasite": dict(
        title="'Parasite' scores historic upset at SAG awards, boosting Oscar chances",  # JSON-LD headline
        author="Jill Serjeant",  # JSON-LD author
        publisher="Reuters",  # JSON-LD publisher
        published="2020-01-19",  # JSON-LD datePublished 2020-01-19T12:25:36Z
        language="en",  # <html lang="en">
        canonical="https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH",
        body="South Korean thriller “Parasite” was the upset winner at the Screen Actors Guild (SAG) awards on Sunday",
        nav="Advertising Guidelines",
    ),
    "zeit.de.zugverkehr": dict(
        title="Zugverkehr: Im ICE von Frankfurt nach Barcelona",  # JSON-LD headline
        author="Caspar Schwietering",  # JSON-LD author
        publisher="ZEIT ONLINE",  # JSON-LD publisher, by its @id
        published="2020-01-14",  # JSON-LD datePublished 2020-01-14T09:21:29+01:00
        language="de",
        canonical="https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-hochgeschwindigkeitsstrecke-eu-kommission",
        body="Die spanische Bahngesellschaft Renfe strich außerdem die Nachtzüge von Barcelona nach Mailand und Genf.",
        nav="Partnersuche",
    ),
    "nature.com.telescope": dict(
        title="Gigantic Chinese telescope opens to astronomers worldwide",  # og:title
        author="Elizabeth Gibney",  # dc.creator
        publisher="Nature Publishing Group",  # dc.publisher
        published="2019-09-24",  # dc.date
        language="en",
        canonical="https://www.nature.com/articles/d41586-019-02790-3",  # og:url (no link rel=canonical)
        body="has just passed a series of technical and performance assessments",
        nav="Skip to main content",
    ),
    "vice.com.amazon": dict(
        title="The Amazon Is on Fire and the Smoke Can Be Seen from Space",  # og:title (its JSON-LD is broken)
        author="Madeleine Gregory",  # article:author
        publisher="Vice",  # og:site_name
        published="2019-08-21",  # article:published_time 2019-08-21T07:40:00Z
        language="en",
        canonical="https://www.vice.com/en_uk/article/d3avvm/the-amazon-is-on-fire-and-the-smoke-can-be-seen-from-space",
        body="In the middle of the day on Monday, the sky above São Paulo, Brazil went dark.",
        nav="VICELAND",
    ),
    "threatpost.com.android": dict(
        title="Android Ransomware Spreads Via ‘Sex Simulation Game’ Links on Reddit, SMS",  # JSON-LD, &#8216; decoded
        author="Lindsey O'Donnell",  # JSON-LD author, &#039; decoded
        publisher="Threatpost",
        published="2019-07-30",
        language="en",
        canonical="https://threatpost.com/android-ransomware-spreads-via-sex-simulation-game-links-on-reddit-sms/146774/",
        body="The Android ransomware, dubbed Android/Filecoder.C, has been active since at least July 12",
        nav="InfoSec Insider",
    ),
    "phys.org.tool": dict(
        title="Flint flake tool partially covered by birch tar adds to evidence of Neanderthal complex thinking",
        author="Bob Yirka",  # JSON-LD author
        publisher="Phys.org",
        published="2019-10-22",  # JSON-LD datePublished 2019-10-22T09:30:34-04:00
        language="en-US",  # no lang attribute; meta http-equiv content-language en-us
        canonical="https://phys.org/news/2019-10-flint-flake-tool-partially-birch.html",
        body="has found evidence in small a cutting tool of Neanderthals using birch tar",
        nav="Not a member? Sign up",
    ),
    "netzpolitik.org.abmahnungen": dict(
        title="Die Cider Connection: Abmahnungen gegen Nutzer von Creative-Commons-Bildern",  # og:title
        author="Markus Reuter",  # meta author
        publisher="netzpolitik.org",  # og:site_name
        published="2016-06-23",  # article:published_time 2016-06-23T16:14:51+02:00
        language="de-DE",
        canonical="https://netzpolitik.org/2016/die-cider-connection-abmahnungen-gegen-nutzer-von-creative-commons-bildern/",
        body="Philipp H. ist „Vorstandsvorsitzender“ eines Verbandes zum Schutz geistigen Eigentums im Internet",
        nav="Dossiers & Recherchen",
    ),
    "franceculture.fr.idees": dict(
        title="Prendre la parole",  # JSON-LD headline of the RadioEpisode
        author="Jacques Munier",  # no author in the markup; the byline link class="staff-block-staff-authors"
        publisher="France Culture",
        published="2020-01-14",
        language="fr",
        canonical="https://www.franceculture.fr/emissions/le-journal-des-idees/le-journal-des-idees-emission-du-mardi-14-janvier-2020",
        body="Serions-nous entrés dans l’ère de ce que Paul Valadier désigne dans un ouvrage récent",
        nav="Art et création",
    ),
    "salon.com.emissions": dict(
        title="Despite everything, U.S. emissions dipped in 2019",
        author="Nathanael Johnson",  # JSON-LD author (parsely-author says Grist, the partner)
        publisher="Salon.com",  # JSON-LD publisher
        published="2020-01-10",
        language="en",
        canonical="https://www.salon.com/2020/01/10/despite-everything-u-s-emissions-dipped-in-2019_partner/",
        body="Perhaps surprisingly, total emissions fell 2 percent compared with the year before",
        nav="Economy & Innovation",
    ),
    "correctiv.org.zusage": dict(
        title="„Wir haben bereits die Zusage“",
        author="Marcus Bensmann, Justus von Daniels, Ulrich Stoll",  # JSON-LD: three Person authors
        publisher="correctiv.org",
        published="2019-05-14",
        language="de-DE",
        canonical="https://correctiv.org/aktuelles/neue-rechte/2019/05/14/wir-haben-bereits-die-zusage/",
        body="Demnach erhält im März 2017 Andreas Keith, Wahlkampfleiter der AfD in NRW, eine Anfrage",
        nav="CrowdNewsroom",
    ),
}


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "report")


def saved_page(name: str, folder: Path) -> Path:
    page = folder / f"{name}.html"
    page.write_bytes(gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()))
    return page


def add(report: Path, *args: str) -> int:
    return main(["--root", str(report), "add-source", *args])


def test_at_least_eight_publishers() -> None:
    assert len({e["publisher"] for e in EXPECTED.values()}) >= 8
    assert sorted(p.name for p in PAGES.iterdir()) == sorted(f"{n}.html.gz" for n in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_saved_news_page_is_captured_with_its_metadata(
    name: str, report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = EXPECTED[name]
    page = saved_page(name, tmp_path)
    assert add(report, str(page), "--id", "page", "--kind", "news-report") == 0
    out = capsys.readouterr().out
    assert out.startswith("Wrote seeds/originals/page.html, seeds/page.txt, seeds/page.yml.\n")
    meta = yaml.safe_load((report / "seeds" / "page.yml").read_text(encoding="utf-8"))
    got = {key: meta[key] for key in ("title", "author", "publisher", "published", "language")}
    assert got == {key: expected[key] for key in got}
    assert meta["url"] == meta["canonical_url"] == expected["canonical"]
    assert meta["retrieved"] is None
    assert meta["extracted_by"]["tool"] == "trafilatura"
    assert meta["original"] == "originals/page.html"
    assert (report / "seeds" / "originals" / "page.html").read_bytes() == page.read_bytes()
    raw = (report / "seeds" / "page.txt").read_bytes()
    text = raw.decode("utf-8")
    assert "\r" not in text and text.endswith("\n")
    page_text = " ".join(lxml_html.fromstring(page.read_bytes()).text_content().split())
    # The expected strings are the page's own: the sentence in its article, the other in its menus.
    assert expected["body"] in page_text and expected["nav"] in page_text
    assert expected["body"] in " ".join(text.split())
    assert expected["nav"] not in " ".join(text.split())
    assert main(["--root", str(report), "check"]) == 0


def test_a_quote_of_a_captured_page_anchors_and_checks(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = saved_page("reuters.com.parasite", tmp_path)
    assert add(report, str(page), "--kind", "news-report") == 0
    source_id = "reuters-parasite-scores-historic-upset-at-sag"
    assert f"then run: python -m generator new --source {source_id} --quote" in capsys.readouterr().out
    quote = "the first film in a foreign language to win the top prize of best cast ensemble"
    assert main(["--root", str(report), "new", "--source", source_id, "--quote", quote]) == 0
    record = report / capsys.readouterr().out.strip()
    text = record.read_text(encoding="utf-8")
    assert f'source: "{source_id}"' in text and f'quote: "{quote}"' in text
    assert 'claim_date: "2020-01-19"' in text  # the captured publication date
    # Fill in what only an editor can say, as an editor would, then check the whole report.
    filled = {
        '"TODO: the claim as reviewed, in one short neutral sentence of your own"': '"Parasite was the first film in '
        'a foreign language to win the SAG ensemble award."',
        "\"TODO: who made the claim: the outlet, a named person, or 'a reader comment'\"": '"Reuters"',
        '"TODO: one of true, mostly-true, mixed, misleading, false, unproven, opinion, not-checkable"': '"true"',
        '"TODO: the answer in one or two plain sentences"': '"Yes: no film in a foreign language had won it before."',
        "TODO: the reasoning, in Markdown: what was checked, against what, and what it shows.": "Read the report.",
        '- publisher: "TODO: who published it"\n    title: "TODO: its exact title"\n    date: null  # YYYY-MM-DD, '
        "YYYY-MM or YYYY when known": f'- source: "{source_id}"\n    quote: "{quote}"',
        '"TODO: supports, contradicts or context"': '"supports"',
        '"TODO: what this evidence shows, in a sentence or two"': '"The report says so."',
        '"TODO: your name"': '"A. Editor"',
    }
    for todo, value in filled.items():
        assert todo in text
        text = text.replace(todo, value)
    record.write_text(text, encoding="utf-8")
    assert main(["--root", str(report), "check"]) == 0, capsys.readouterr()
    assert capsys.readouterr().out == "OK: 7 claims, 4 sources, 8 verdicts.\n"


@contextmanager
def server(routes: dict[str, tuple[int, bytes, float]]) -> Iterator[str]:
    """Serve ``routes`` (path: status, body, seconds to wait first) on a free localhost port."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            status, body, wait = routes.get(self.path.split("?")[0], (404, b"not here", 0))
            time.sleep(wait)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up, as it should

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    with serving(Handler) as base:
        yield base


def test_a_page_is_fetched_over_http(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = saved_page("vice.com.amazon", tmp_path).read_bytes()
    with server({"/amazon": (200, body, 0)}) as base:
        assert add(report, f"{base}/amazon", "--id", "vice-amazon", "--kind", "news-report") == 0
    meta = yaml.safe_load((report / "seeds" / "vice-amazon.yml").read_text(encoding="utf-8"))
    assert meta["url"] == f"{base}/amazon"
    assert meta["canonical_url"].startswith("https://www.vice.com/en_uk/article/d3avvm/")
    assert meta["retrieved"] is not None
    assert "The url is the address it was fetched from." in meta["capture_notes"]
    assert (report / "seeds" / "originals" / "vice-amazon.html").read_bytes() == body


def written(report: Path) -> list[str]:
    return sorted(p.relative_to(report).as_posix() for p in (report / "seeds").rglob("*"))


def refused(report: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    before = written(report)
    assert add(report, *args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert written(report) == before
    return captured.err


def test_a_url_answering_404_is_refused(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with server({}) as base:
        err = refused(report, capsys, f"{base}/gone", "--kind", "news-report")
    assert err == (
        f"error: {base}/gone: the server answered 404 Not Found\n"
        "    Check the address in a browser; if the page needs a sign-in, save it from the browser and give the "
        "saved file instead.\n"
    )


def test_a_url_that_does_not_answer_in_time_is_refused(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with server({"/slow": (200, b"<html></html>", 2)}) as base:
        err = refused(report, capsys, f"{base}/slow", "--timeout", "0.3", "--kind", "news-report")
    assert err == (
        f"error: {base}/slow: no answer within 0.3 seconds\n"
        "    Try again later, or save the page from a browser and give the saved file instead.\n"
    )


def test_a_page_over_the_size_limit_is_refused(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    hint = (
        "    A source is one article, speech or document: save the article's own page, or copy its text into a "
        ".txt file.\n"
    )
    with server({"/big": (200, b"<html>" + b"x" * 5000 + b"</html>", 0)}) as base:
        err = refused(report, capsys, f"{base}/big", "--kind", "news-report")
    assert err == f"error: {base}/big: the original is 5,013 bytes, over the limit of 1,000 bytes\n" + hint
    big = tmp_path / "big.html"
    big.write_bytes(b"<html>" + b"x" * 5000 + b"</html>")
    err = refused(report, capsys, str(big), "--kind", "news-report")
    assert err == f"error: {big}: the original is 5,013 bytes, over the limit of 1,000 bytes\n" + hint


def test_a_file_that_is_not_html_pdf_or_text_is_refused(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "photo.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    assert refused(report, capsys, str(image), "--kind", "news-report") == (
        f"error: {image}: not an HTML page, a PDF or a plain text\n"
        "    add-source reads a web page (an address, or a page saved as HTML), a PDF with a text layer, or a text "
        "file in UTF-8.\n"
    )


INDEX = b"""<!doctype html><html lang="en"><head><title>Latest news</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<ul><li><a href="/a">Minister resigns</a></li><li><a href="/b">Storm hits coast</a></li></ul>
<div class="paywall">Subscribe to read this article.</div></body></html>"""


def test_a_page_without_an_article_is_refused(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = tmp_path / "index.html"
    index.write_bytes(INDEX)
    assert refused(report, capsys, str(index), "--kind", "news-report") == (
        f"error: {index}: no article text found in the page\n"
        "    A paywall, a sign-in page or an index of articles has no article to capture: open the article itself, "
        "save its page from the browser and give the saved file, or copy its text into a .txt file.\n"
    )


def test_an_id_already_taken_is_refused(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = saved_page("salon.com.emissions", tmp_path)
    assert refused(report, capsys, str(page), "--id", "comments", "--kind", "news-report") == (
        "error: seeds/comments.txt: source id 'comments' is already taken\n"
        "    Choose another id with --id; to capture the source again, delete its files first.\n"
    )


def test_a_page_that_does_not_say_its_kind_needs_one(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = saved_page("salon.com.emissions", tmp_path)
    err = refused(report, capsys, str(page))
    assert err.startswith(
        f"error: {page}: the page does not say its kind\n    Give it on the command line:\n    --kind, one of: "
    )
    assert err.endswith(" (the page does not say what kind of text it is)\n")


def test_a_plain_text_is_kept_as_it_is_with_a_title_and_language_given(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_bytes(b"My fellow citizens,\r\nwe meet today.\r\n")
    err = refused(report, capsys, str(speech), "--kind", "speech")
    assert err == (
        f"error: {speech}: the text does not say its title or language\n"
        "    Give each on the command line:\n"
        '    --title "…", as published (a plain text states nothing about itself)\n'
        "    --language, for example --language en (a plain text states nothing about itself)\n"
    )
    kinds = ", ".join(load_schema("source")["properties"]["kind"]["enum"])
    assert refused(report, capsys, str(speech)) == (
        f"error: {speech}: the text does not say its title, language or kind\n"
        "    Give each on the command line:\n"
        '    --title "…", as published (a plain text states nothing about itself)\n'
        "    --language, for example --language en (a plain text states nothing about itself)\n"
        f"    --kind, one of: {kinds} (the text does not say what kind of text it is)\n"
    )
    assert add(report, str(speech), "--kind", "speech", "--title", "Address", "--language", "en", "--id", "speech") == 0
    assert (report / "seeds" / "speech.txt").read_bytes() == b"My fellow citizens,\nwe meet today.\n"
    meta = yaml.safe_load((report / "seeds" / "speech.yml").read_text(encoding="utf-8"))
    assert (meta["title"], meta["author"], meta["url"], meta["kind"]) == ("Address", None, None, "speech")
    assert "original" not in meta and "extracted_by" not in meta
    assert main(["--root", str(report), "check"]) == 0


def test_archive_refused_is_said_and_the_rest_is_written(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = saved_page("threatpost.com.android", tmp_path)
    with server({}) as base:
        monkeypatch.setenv("FACTCHECK_ARCHIVE_ENDPOINT", f"{base}/save/")
        assert add(report, str(page), "--id", "threatpost", "--kind", "news-report", "--archive") == 0
    captured = capsys.readouterr()
    assert captured.err == (
        "warning: not archived: the Wayback Machine refused to save the page: 404 Not Found; "
        "the source was captured without an archived copy\n"
    )
    meta = yaml.safe_load((report / "seeds" / "threatpost.yml").read_text(encoding="utf-8"))
    assert "archived" not in meta
    assert "Not archived: the Wayback Machine refused to save the page: 404 Not Found." in meta["capture_notes"]


def test_archive_offline_is_said(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = saved_page("threatpost.com.android", tmp_path)
    with server({}) as base:
        pass  # the port is closed again: nothing answers there
    monkeypatch.setenv("FACTCHECK_ARCHIVE_ENDPOINT", f"{base}/save/")
    assert add(report, str(page), "--id", "threatpost", "--kind", "news-report", "--archive") == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: not archived: the Wayback Machine could not be reached (")
    assert err.endswith("); the source was captured without an archived copy\n")


def test_archive_records_the_snapshot(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = saved_page("threatpost.com.android", tmp_path)
    with server({"/web/20200101000000/x": (200, b"saved", 0)}) as base:
        monkeypatch.setenv("FACTCHECK_ARCHIVE_ENDPOINT", f"{base}/web/20200101000000/x?")
        assert add(report, str(page), "--id", "threatpost", "--kind", "news-report", "--archive") == 0
    assert capsys.readouterr().err == ""
    meta = yaml.safe_load((report / "seeds" / "threatpost.yml").read_text(encoding="utf-8"))
    assert meta["archived"].startswith(f"{base}/web/20200101000000/x?https://threatpost.com/android-ransomware")


def test_a_link_planted_as_the_originals_folder_is_not_followed(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (report / "seeds" / "originals").symlink_to(outside)
    page = saved_page("phys.org.tool", tmp_path)
    assert refused(report, capsys, str(page), "--id", "phys", "--kind", "news-report") == (
        "error: seeds/originals: is a link, and nothing is written through one\n"
        "    Replace the link with a folder of its own.\n"
    )
    assert list(outside.iterdir()) == []
    assert main(["--root", str(report), "check"]) == 0


def tiny_pdf(lines: list[str], title: str = "") -> bytes:
    """A one-page PDF whose text layer holds ``lines``, written by hand with its cross-reference table."""
    stream = "BT /F1 12 Tf 72 720 Td " + " 0 -16 Td ".join(f"({line}) Tj" for line in lines) + " ET"
    info = f"<< /Title ({title}) >>" if title else "<< >>"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_a_pdf_is_captured_from_its_text_layer(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(tiny_pdf(["The ministry confirms the exercise.", "It ends on Friday."], title="Statement"))
    assert add(report, str(pdf), "--id", "ministry", "--kind", "official-statement") == 0
    assert "seeds/originals/ministry.pdf" in capsys.readouterr().out
    text = (report / "seeds" / "ministry.txt").read_text(encoding="utf-8")
    assert "The ministry confirms the exercise." in text and "It ends on Friday." in text
    meta = yaml.safe_load((report / "seeds" / "ministry.yml").read_text(encoding="utf-8"))
    assert (meta["title"], meta["language"], meta["author"], meta["published"]) == ("Statement", "en-GB", None, None)
    assert meta["extracted_by"]["tool"] == "pypdf"
    assert main(["--root", str(report), "check"]) == 0


def test_a_pdf_without_a_text_layer_is_refused(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(tiny_pdf([""]))
    assert refused(report, capsys, str(pdf), "--kind", "report") == (
        f"error: {pdf}: the PDF has no text layer\n"
        "    It is probably a scan: run text recognition (OCR) on it first, or type the passage into a .txt file.\n"
    )

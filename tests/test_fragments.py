"""Text fragment links: how directives are built, and Chromium following them to the right passage."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_fixture, run_cli

from generator.render.fragments import TextDirective, directive_for, fragment_url, quote_link

ORIGINAL = "https://news.example.com/2021/05/drills-near-durres"


def directive(text: str, quote: str, occurrence: int = 0) -> TextDirective:
    start = [m.start() for m in re.finditer(re.escape(quote), text)][occurrence]
    return directive_for(text, start, start + len(quote))


def test_a_unique_quote_of_some_length_is_named_alone() -> None:
    text = "Officials said the drills near the border were purely defensive in nature, as always."
    assert directive(text, "the drills near the border were purely defensive") == TextDirective(
        "the drills near the border were purely defensive"
    )


def test_a_repeated_quote_gets_the_words_before_it() -> None:
    text = "The drills were defensive in nature.\n\nThe minister said the drills were defensive in nature."
    assert directive(text, "the drills were defensive in nature.", 0) == TextDirective(
        "the drills were defensive in nature.", prefix="said"
    )


def test_a_repeated_quote_at_the_start_of_a_paragraph_gets_the_words_after_it() -> None:
    text = "Held each year, they said.\n\nHeld each year, it is not."
    assert directive(text, "Held each year,", 1) == TextDirective("Held each year,", suffix="it")


def test_a_short_quote_gets_context_even_when_unique() -> None:
    text = "The army said on 3 May that the drills began."
    assert directive(text, "3 May") == TextDirective("3 May", prefix="on")


def test_a_long_or_multi_paragraph_quote_is_named_by_its_first_and_last_words() -> None:
    text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."
    assert directive_for(text, 0, len(text)) == TextDirective("One two three four", "eleven twelve thirteen fourteen.")
    text = "First paragraph ends here.\n\nSecond one starts here."
    assert directive_for(text, 6, 44) == TextDirective("paragraph ends here.", "Second one starts")


def test_a_quote_starting_inside_a_word_is_widened_to_the_word() -> None:
    text = "They were defensive, officially."
    assert directive_for(text, 12, 19) == TextDirective("defensive,", prefix="were")


def test_dashes_commas_ampersands_and_other_characters_are_percent_encoded() -> None:
    url = fragment_url(
        "https://example.org/a?x=1&y=2", TextDirective("U.S.-led drills, & more", "end", "pre-", "-post")
    )
    assert url == ("https://example.org/a?x=1&y=2#:~:text=pre%2D-,U.S.%2Dled%20drills%2C%20%26%20more,end,-%2Dpost")
    assert fragment_url("https://example.org/a#top", TextDirective("Durrës")) == (
        "https://example.org/a#top:~:text=Durr%C3%ABs"
    )


def test_an_external_quote_is_named_as_written_with_elisions_as_a_range() -> None:
    assert (
        quote_link("https://example.org/t", "defensive  in\nnature")
        == "https://example.org/t#:~:text=defensive%20in%20nature"
    )
    assert quote_link("https://example.org/t", "the drills … were defensive") == (
        "https://example.org/t#:~:text=the%20drills,were%20defensive"
    )
    assert quote_link(None, "words") is None and quote_link("https://example.org/t", None) is None


@pytest.fixture(scope="module")
def claim_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    report = copy_fixture(tmp_path_factory.mktemp("fragments") / "report")
    run_cli("--root", str(report), "build", check=True)
    return {p.parent.name: p.read_text(encoding="utf-8") for p in (report / "site" / "claims").glob("fc-*/index.html")}


def original_links(page: str) -> list[str]:
    found = re.findall(r'<a class="fc-original-link" href="([^"]+)"[^>]*>Check it in the original</a>', page)
    return [html.unescape(href) for href in found]


@pytest.mark.slow
def test_claim_pages_link_each_quote_to_its_original(claim_pages: dict[str, str]) -> None:
    assert original_links(claim_pages["fc-0002"]) == [
        f"{ORIGINAL}#:~:text=the%20exercise%20is%20held%20each%20year%2C",
        f"{ORIGINAL}#:~:text=The%20exercise%20is%20held%20each%20year.",
    ]
    assert original_links(claim_pages["fc-0001"]) == [
        f"{ORIGINAL}#:~:text=Minister%E2%80%99s%20%E2%80%9Cdrills%E2%80%9D%20%E2%80%94%20held%20near%20Durr%C3%ABs"
        "%E2%80%A6%20were%20%E2%80%9Cdefensive%20in%20nature.%E2%80%9D",
        f"{ORIGINAL}#:~:text=About%2028%2C000%20soldiers%20from%2026%20countries",
        "https://example.org/transcript?id=1&lang=en#:~:text=defensive%20in%20nature",
    ]
    # The passage link to the source on this site comes first; the original is one click beside it.
    claimed = claim_pages["fc-0002"].split('class="fc-claimed"')[1].split("</figcaption>")[0]
    assert claimed.index("See the passage in the source") < claimed.index("Check it in the original")
    assert original_links(claim_pages["fc-0003"]) == []  # the comments have no address


def article(text: str) -> str:
    """The source text as a page whose paragraphs lie a screen apart, so that only one is in view."""
    paragraphs = "".join(
        f'<p style="margin: 0 0 2000px">{html.escape(p).replace(chr(10), "<br>")}</p>' for p in text.split("\n\n")
    )
    return f'<!doctype html><meta charset="utf-8"><body><div style="height: 2000px"></div>{paragraphs}</body>'


def paragraph_in_view(browser: Any, url: str, text: str) -> int:
    """Open ``url`` in Chromium with ``text`` as the page; return the index of the paragraph scrolled into view."""
    page = browser.new_page(viewport={"width": 800, "height": 600})
    try:
        page.route("https://**/*", lambda route: route.fulfill(content_type="text/html", body=article(text)))
        page.goto(url)
        page.wait_for_function("window.scrollY > 0", timeout=10_000)
        return int(
            page.evaluate(
                """() => [...document.querySelectorAll('p')].findIndex(p => {
                    const box = p.getBoundingClientRect();
                    return box.bottom > 0 && box.top < window.innerHeight;
                })"""
            )
        )
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_chromium_scrolls_each_fixture_link_to_its_passage(claim_pages: dict[str, str], browser: Any) -> None:
    text = (Path(__file__).parent / "fixtures" / "report" / "seeds" / "typography.txt").read_text(encoding="utf-8")
    # The paragraphs: 0 "Minister’s … nature.” / The exercise is held each year.", 1 "Critics said the
    # exercise is held each year, but it was not.", 2 "About 28,000 soldiers … on 3 May." (a no-break space).
    expected = {"fc-0001": [0, 2], "fc-0002": [1, 0], "fc-0004": [2, 2]}
    for claim_id, paragraphs in expected.items():
        links = [url for url in original_links(claim_pages[claim_id]) if url.startswith(ORIGINAL)]
        assert [paragraph_in_view(browser, url, text) for url in links] == paragraphs, links


@pytest.mark.browser
def test_chromium_follows_a_prefix_to_the_second_occurrence(browser: Any) -> None:
    text = (
        "The drills were defensive in nature.\n\nSomething else.\n\n"
        "The minister said the drills were defensive in nature."
    )
    quote = "the drills were defensive in nature."
    start = text.rindex(quote)
    url = fragment_url("https://news.example.com/a", directive_for(text, start, start + len(quote)))
    assert url == "https://news.example.com/a#:~:text=said-,the%20drills%20were%20defensive%20in%20nature."
    assert paragraph_in_view(browser, url, text) == 2
    first = fragment_url("https://news.example.com/a", directive_for(text, 0, len(quote)))
    assert paragraph_in_view(browser, first, text) == 0

"""The real report, built once: every claim has its page, every passage is marked and linked, no link is broken."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import REPO, run_cli
from html_pages import Element, page_path, parse_page, resolve

pytestmark = pytest.mark.slow

RECORDS = {
    path.stem: record
    for path in sorted((REPO / "claims").glob("*.yml"))
    if (record := yaml.safe_load(path.read_text(encoding="utf-8")))["status"] != "draft"
}
LABELS = {v["id"]: v["label"] for v in yaml.safe_load((REPO / "ratings.yml").read_text(encoding="utf-8"))["verdicts"]}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    run_cli("build", "--site-dir", str(out), check=True)
    return out


Reader = Callable[[str], Element]


@pytest.fixture(scope="module")
def read(site: Path) -> Reader:
    """Parse a built page by its file path under the site, once."""
    return functools.lru_cache(maxsize=None)(lambda page: parse_page(site / page))


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_the_report_has_published_claims() -> None:
    assert len(RECORDS) >= 30  # guards the loops below against an empty claims/ folder


@pytest.mark.parametrize("claim_id", sorted(RECORDS))
def test_claim_page_shows_its_verdict_claim_and_summary(site: Path, read: Reader, claim_id: str) -> None:
    record = RECORDS[claim_id]
    page = f"claims/{claim_id}/index.html"
    assert (site / page).is_file(), f"no page for {claim_id}"
    tree: Element = read(page)
    assert tree.find("h1", "fc-title").text() == one_line(record["claim"])
    verdict = tree.find("div", "fc-verdict")
    assert verdict.find("span", "fc-badge-label").text() == LABELS[record["verdict"]]
    assert verdict.find("svg", "fc-icon") is not None  # the verdict's icon beside its word
    assert verdict.find("p", "fc-summary").text() == one_line(record["summary"])


def passage_links(tree: Element) -> list[tuple[str, str, Element]]:
    """Return the claim page's quoted passages of sources as (role, quote, link): the claim's first."""
    found = []
    for figure in tree.find_all("figure"):
        role = "claim" if "fc-claimed" in figure.classes else "evidence" if "fc-evidence" in figure.classes else ""
        links = [a for a in figure.find_all("a") if "/sources/" in urlsplit(a.attrs.get("href", "")).path]
        if role and links:
            found.append((role, figure.find("blockquote", "fc-quote").find("p").raw_text(), links[0]))
    return found


def text_after(container: Element, anchor_id: str) -> list[tuple[str, bool]]:
    """Return the text that follows the anchor, as (characters, marked?) runs, leaving out the labels."""
    runs: list[tuple[str, bool]] = []
    started = False

    def walk(element: Element, marked: bool) -> None:
        nonlocal started
        for child in element.children:
            if isinstance(child, str):
                if started:
                    runs.append((child, marked))
            elif child.attrs.get("id") == anchor_id:
                started = True
            elif "fc-ref" not in child.classes:
                walk(child, marked or child.tag == "mark")

    walk(container, False)
    return runs


@pytest.mark.parametrize("claim_id", sorted(RECORDS))
def test_source_pages_mark_and_link_each_passage_of_the_claim(site: Path, read: Reader, claim_id: str) -> None:
    record = RECORDS[claim_id]
    page = f"claims/{claim_id}/index.html"
    tree = read(page)
    links = passage_links(tree)
    seeds = [record["passage"]["source"]] + [e["source"] for e in record.get("evidence", []) if "source" in e]
    assert [urlsplit(a.attrs["href"]).path.split("/")[-2] for _, _, a in links] == seeds
    assert links[0][0] == "claim"
    for role, quote, link in links:
        source_page, anchor = resolve(page, link.attrs["href"])
        assert anchor, f"{claim_id}: the {role} passage link has no #fragment"
        source = read(source_page)
        holder = next((t for t in source.find_all("div", "fc-text") if _has_id(t, anchor)), None)
        assert holder is not None, f"{source_page} has no element #{anchor} in its text ({claim_id}, {role})"
        # The quoted passage follows the anchor, highlighted (each part, when the quote skips words).
        runs = text_after(holder, anchor)
        following = "".join(chars for chars, _ in runs)
        marked = "".join(chars if is_marked else "\0" * len(chars) for chars, is_marked in runs)
        position = 0
        for number, part in enumerate(quote.split(" … ")):
            at = following.find(part, position)
            assert at == 0 if number == 0 else at >= position, f"{claim_id}: {part!r} does not follow #{anchor}"
            assert marked[at : at + len(part)] == part, f"{claim_id}: {part!r} is not all highlighted"
            position = at + len(part)
        # And the text links back to the claim, the claim's own label giving its verdict in words and icon.
        back = [a for a in holder.find_all("a", "fc-ref") if resolve(source_page, a.attrs["href"])[0] == page]
        assert back, f"{source_page} has no label linking to {claim_id} ({role})"
        if role == "claim":
            assert any(LABELS[record["verdict"]] in a.text() and a.find_all("svg") for a in back), (
                f"{source_page}: the label of {claim_id} lacks its verdict's word or icon"
            )


def test_every_internal_link_and_fragment_resolves(site: Path, read: Reader) -> None:
    home = read("index.html")
    canonical = urlsplit(next(e.attrs["href"] for e in home.find_all("link") if e.attrs.get("rel") == "canonical"))
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > len(RECORDS)
    broken, checked = [], 0
    for page in pages:
        for href in _links(read(page)):
            parts = urlsplit(href)
            if parts.scheme in {"javascript", "mailto", "data"}:
                continue
            if parts.scheme or parts.netloc:
                if (parts.scheme, parts.netloc) != (canonical.scheme, canonical.netloc):
                    continue  # another site
                href = parts._replace(scheme="", netloc="", path="/" + parts.path.removeprefix(canonical.path)).geturl()
            target, fragment = resolve(page, href)
            if not (site / target).is_file() and (site / page_path(target + "/")).is_file():
                target = page_path(target + "/")  # a folder's address without its slash
            checked += 1
            if not (site / target).is_file():
                broken.append(f"{page}: {href} -> {target} does not exist")
            elif fragment and target.endswith(".html") and not _has_id(read(target), fragment):
                broken.append(f"{page}: {href} -> no element #{fragment} in {target}")
    assert checked > 1000
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def _links(tree: Element) -> list[str]:
    """Return every address the page links to or loads."""
    return [
        e.attrs[attribute]
        for e in tree.iter()
        if e.tag in {"a", "link", "script", "img", "area", "source"}
        for attribute in ("href", "src")
        if attribute in e.attrs
    ]


def _has_id(tree: Element, fragment: str) -> bool:
    if fragment.startswith(":~:"):  # a text fragment, found by the browser in the text itself
        return True
    return any(e.attrs.get("id") == fragment or (e.tag == "a" and e.attrs.get("name") == fragment) for e in tree.iter())


def test_home_lists_every_claim_under_the_text_it_comes_from(read: Reader) -> None:
    expected: dict[str, list[str]] = {}
    for claim_id, record in RECORDS.items():
        expected.setdefault(record["passage"]["source"], []).append(claim_id)
    listed: dict[str, list[str]] = {}
    heading = ""
    for element in read("index.html").iter():
        if element.tag == "h2" and element.attrs.get("id", "").startswith("source-"):
            heading = element.attrs["id"].removeprefix("source-")
        elif "fc-item-claim" in element.classes:
            listed.setdefault(heading, []).append(element.attrs["href"].rstrip("/").split("/")[-1])
    assert listed == expected


def test_home_tallies_each_texts_verdicts_in_words(read: Reader) -> None:
    words = {label.lower(): verdict for verdict, label in LABELS.items()}
    for card in read("index.html").find_all("a", "fc-source-card"):
        source = card.attrs["href"].rstrip("/").split("/")[-1]
        tally = {}
        for item in card.find_all("span", "fc-tally"):
            count, label = item.text().split(" ", 1)
            tally[words[label]] = int(count)
            assert f"fc-v-{words[label]}" in item.classes
        published = [
            r["verdict"] for r in RECORDS.values() if r["passage"]["source"] == source and r["status"] == "published"
        ]
        assert tally == {v: published.count(v) for v in set(published)}, source

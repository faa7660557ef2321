"""A preview's search index is written in the background, and the site says so while it is."""

from __future__ import annotations

from pathlib import Path

from generator.site.search_index import BUNDLE, STALE_FLAG, BackgroundIndex


def page(folder: Path, words: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f'<!doctype html><html lang="en"><body><main data-pagefind-body><p>{words}</p></main></body></html>',
        encoding="utf-8",
    )


def test_the_site_is_marked_stale_until_the_index_is_written(tmp_path: Path) -> None:
    page(tmp_path / "one", "first page")
    searching = BackgroundIndex()
    searching.start(tmp_path)
    assert (tmp_path / STALE_FLAG).exists() or (tmp_path / BUNDLE / "pagefind.js").exists()
    page(tmp_path / "two", "second page")
    searching.start(tmp_path)  # a rebuild while the index is written asks for one more run
    assert searching.wait(timeout=120)
    assert searching.error is None
    assert not (tmp_path / STALE_FLAG).exists()
    assert (tmp_path / BUNDLE / "pagefind.js").exists()
    # the second page was indexed too: the last run saw it
    entry = (tmp_path / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"page_count":2' in entry.replace(" ", "")

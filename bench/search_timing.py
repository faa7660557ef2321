"""Time the site's search in headless Chromium, as a reader uses it on a fresh page.

The built site is served on localhost (no compression, as Python's http.server sends it). On a
claim page, after the load event, the reader presses '/' and types the word at a brisk 80 ms a
key. Measured: from the last keystroke to the first result for the whole word on screen, and
every byte fetched from the end of the page load until then (Pagefind's script, its WebAssembly,
the index and filter parts and the result fragments).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TYPE_DELAY_MS = 80

# Records the last keystroke in the search field and the moment results for the full word appear.
HOOKS = """word => {
  window.__fc = {};
  document.getElementById("fc-search-input").addEventListener("input", () => {
    window.__fc.last = performance.now();
  }, true);
  const list = document.getElementById("fc-search-results");
  new MutationObserver(() => {
    if (window.__fc.first === undefined && list.getAttribute("data-query") === word && list.querySelector("li")) {
      window.__fc.first = performance.now();
    }
  }).observe(list, {attributes: true, childList: true});
}"""


@dataclass(frozen=True)
class SearchTiming:
    """What one search cost a reader: seconds to the first result, bytes fetched, results found."""

    first_result_s: float
    bytes: int
    results: int


class _Counted(SimpleHTTPRequestHandler):
    """Serve files and count the bytes of every body sent (a web worker's requests included)."""

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        self.server.sent.append(len(data))  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> ThreadingHTTPServer:
    """Serve ``folder`` on a free localhost port, in a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counted, directory=str(folder)))
    server.sent = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def time_search(site: Path, word: str, page_path: str = "claims/fc-0001/") -> SearchTiming:
    """Search ``word`` on a fresh page of the site in ``site``; return what it cost."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    start = f"http://127.0.0.1:{server.server_port}/" + (page_path if (site / page_path).exists() else "")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context().new_page()
            page.goto(start, wait_until="load")
            page.wait_for_load_state("networkidle")
            page.evaluate(HOOKS, word)
            before = len(server.sent)  # type: ignore[attr-defined]
            page.keyboard.press("/")
            page.keyboard.type(word, delay=TYPE_DELAY_MS)
            page.wait_for_function("() => window.__fc.first !== undefined", timeout=120_000)
            fetched = server.sent[before:]  # type: ignore[attr-defined]
            timing = page.evaluate("() => window.__fc")
            status = page.inner_text("#fc-search-status")
            browser.close()
    finally:
        server.shutdown()
    total = int(status.split()[0].replace(",", "")) if status[:1].isdigit() else 0
    return SearchTiming((timing["first"] - timing["last"]) / 1000, sum(fetched), total)

"""Read the original of a source from a file or over HTTP, within a time and size limit, and tell its format."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from generator.problems import UsageError, clip

MAX_BYTES = 20 * 1024 * 1024  # the largest page of trafilatura's test corpus is under 1 MB
TIMEOUT = 30.0
USER_AGENT = "factcheck-generator add-source (+https://pypi.org/project/trafilatura/)"
FORMATS = ("html", "pdf", "text")


@dataclass(frozen=True)
class Original:
    """The bytes of a source as captured, where they came from, and their format."""

    data: bytes
    shown: str  # the file or address, as messages show it
    url: str | None  # the address it was fetched from, after redirects; None for a file
    format: str  # html, pdf or text


def read_file(path: Path, shown: str) -> Original:
    """Read a saved page, PDF or text; UsageError when it is missing, too large or of another format."""
    if not path.is_file():
        raise UsageError(
            f"{shown}: file not found", "Give the path of a saved page, a PDF or a text file, or an address."
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_large(shown, size)
    data = path.read_bytes()
    return Original(data, shown, None, sniff(data, shown))


def fetch_url(url: str, timeout: float = TIMEOUT) -> Original:
    """Fetch ``url`` with a real HTTP client; UsageError on a timeout, an error status or a page too large."""
    shown = clip(url, 100)
    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, max_redirects=5, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise UsageError(
                    f"{shown}: the server answered {response.status_code} {response.reason_phrase}",
                    "Check the address in a browser; if the page needs a sign-in, save it from the browser "
                    "and give the saved file instead.",
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise _too_large(shown, int(declared))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise _too_large(shown, None)
                # A server that sends a byte now and then would never trip the read timeout.
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("deadline")
                chunks.append(chunk)
            final = str(response.url)
    except httpx.TimeoutException:
        raise UsageError(
            f"{shown}: no answer within {timeout:g} seconds",
            "Try again later, or save the page from a browser and give the saved file instead.",
        ) from None
    except httpx.HTTPError as err:
        raise UsageError(
            f"{shown}: the page could not be fetched: {clip(str(err) or type(err).__name__, 120)}",
            "Check the address and the network; or save the page from a browser and give the saved file instead.",
        ) from None
    data = b"".join(chunks)
    return Original(data, shown, final, sniff(data, shown))


def _too_large(shown: str, size: int | None) -> UsageError:
    what = f"is {size:,} bytes" if size is not None else "goes on"
    return UsageError(
        f"{shown}: the original {what}, over the limit of {MAX_BYTES:,} bytes",
        "A source is one article, speech or document: save the article's own page, or copy its text into a .txt file.",
    )


_HTML_MARKS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


def sniff(data: bytes, shown: str) -> str:
    """Tell the format from the bytes themselves: a file name or a server's Content-Type can be wrong."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    head = data[:4096].lower()
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and any(mark in head for mark in _HTML_MARKS):
        return "html"
    if b"\0" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return "text"
    raise UsageError(
        f"{shown}: not an HTML page, a PDF or a plain text",
        "add-source reads a web page (an address, or a page saved as HTML), a PDF with a text layer, "
        "or a text file in UTF-8.",
    )

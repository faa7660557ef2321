"""Take the text out of an original: the article of an HTML page, the text layer of a PDF, a plain text as it is.

HTML goes through trafilatura rather than readability-lxml: it is maintained, comes first or
close to it in the published extraction benchmarks, and drops navigation, related links and
comment widgets without rules of our own. The text is kept exactly as the extractor gives it;
only line ends become LF and the text ends with one.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from importlib.metadata import version

from generator.capture.fetch import Original
from generator.problems import UsageError

# Shorter than this, what trafilatura finds is a teaser, a paywall's notice or a list of links.
MIN_ARTICLE_CHARS = 250


@dataclass(frozen=True)
class Extraction:
    """The text taken out of an original, and the tool (with its version) that took it."""

    text: str
    tool: str | None  # None: a plain text, kept as it is
    version: str | None


def extract_text(original: Original) -> Extraction:
    """Return the text of ``original``; UsageError when it holds none."""
    if original.format == "html":
        return _html(original)
    if original.format == "pdf":
        return _pdf(original)
    return Extraction(_lines(original.data.decode("utf-8").removeprefix("\ufeff")), None, None)


def _html(original: Original) -> Extraction:
    import trafilatura

    text = trafilatura.extract(
        original.data,
        url=original.url,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not text or len(text.strip()) < MIN_ARTICLE_CHARS:
        raise UsageError(
            f"{original.shown}: no article text found in the page",
            "A paywall, a sign-in page or an index of articles has no article to capture: open the article "
            "itself, save its page from the browser and give the saved file, or copy its text into a .txt file.",
        )
    return Extraction(_lines(text), "trafilatura", version("trafilatura"))


def _pdf(original: Original) -> Extraction:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are not the user's to fix
    try:
        reader = PdfReader(io.BytesIO(original.data))
        if reader.is_encrypted:
            raise UsageError(
                f"{original.shown}: the PDF is encrypted",
                "Save an unprotected copy (print it to PDF), or copy its text into a .txt file.",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise UsageError(
            f"{original.shown}: the PDF cannot be read: {err}",
            "Download it again; if it still fails, copy its text into a .txt file.",
        ) from None
    text = "\n\n".join(page.strip("\n") for page in pages if page.strip())
    if not text.strip():
        raise UsageError(
            f"{original.shown}: the PDF has no text layer",
            "It is probably a scan: run text recognition (OCR) on it first, or type the passage into a .txt file.",
        )
    return Extraction(_lines(text), "pypdf", version("pypdf"))


def _lines(text: str) -> str:
    """Return ``text`` with LF line ends and one final line end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"

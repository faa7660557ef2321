"""Index a built site for search with Pagefind, whose binary ships in the pagefind[bin] package.

Pagefind reads the pages' HTML: only the parts marked ``data-pagefind-body`` (claims, annotated
sources, hand-written pages) are indexed, and the ``data-pagefind-filter`` and
``data-pagefind-meta`` attributes of the templates give each result its verdict, source and tags.
It writes a bundle of small files into ``<site>/pagefind/``, which the search dialog fetches
piece by piece: a query downloads only the parts of the index it needs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.problems import GeneratorError
from generator.site.search_order import order_bundle

BUNDLE = "pagefind"
# Not what a reader searches for: headings' permalink signs, the record's facts (labels run into
# values in excerpts), a source page's list of claims (each claim has its own page) and its help line.
EXCLUDED = ".headerlink, .fc-facts, .fc-list, .fc-text-help"
_PAGES = re.compile(r"Indexed (\d+) pages?")
# Pagefind's ready-made interfaces: the report has its own dialog in Material's header.
UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui")


def index_site(site_dir: Path) -> int:
    """Write the search index of the site in ``site_dir`` into its pagefind/ folder; return the pages indexed."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        EXCLUDED,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise GeneratorError(f"cannot run Pagefind to index the site for search: {err}") from None
    if done.returncode != 0:
        raise GeneratorError(
            "Pagefind could not index the site for search:\n"
            + (done.stderr or done.stdout).strip()
            + '\nReinstall it with: pip install "pagefind[bin]"'
        )
    for name in UNUSED:
        for suffix in (".js", ".css"):
            (site_dir / BUNDLE / (name + suffix)).unlink(missing_ok=True)
    order_bundle(site_dir / BUNDLE)  # the same site gives the same bundle, byte for byte
    found = _PAGES.findall(done.stdout)
    return int(found[-1]) if found else 0

"""Every data file of the report, as bytes by path under the site folder, and how they are written."""

from __future__ import annotations

from pathlib import Path

from generator.export.annotations import PATH as ANNOTATIONS_PATH
from generator.export.annotations import annotation_collection
from generator.export.claimreview import data_feed
from generator.export.common import dumps
from generator.export.data import claims_csv, claims_data, text_path
from generator.export.feed import PATH as FEED_PATH
from generator.export.feed import atom_feed
from generator.files import replace_file
from generator.model import Report
from generator.settings import Site


def export_files(report: Report, site: Site) -> dict[str, bytes]:
    """Return every data file of the report, by its path under the site folder."""
    files = {
        "data/claims.json": dumps(claims_data(report, site)),
        "data/claims.csv": claims_csv(report, site),
        "data/claimreview.json": dumps(data_feed(report, site)),
        ANNOTATIONS_PATH: dumps(annotation_collection(report, site)),
        FEED_PATH: atom_feed(report, site),
    }
    # Every source has a page on the site, so every source text is published beside the data.
    files.update({text_path(s): s.text for s in report.sources.values()})
    return {path: files[path].encode("utf-8") for path in sorted(files)}


def write_files(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` under ``out``, each through a temporary file so no reader sees half of one."""
    root = out.resolve()
    for rel, data in files.items():
        target = (out / rel).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"export path escapes the output folder: {rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, data)

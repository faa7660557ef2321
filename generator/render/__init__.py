"""Turn a checked report into Markdown pages (with HTML blocks) for a static-site engine."""

"""Build the site into a fresh folder, index it for search, move it in place; which folders a build may replace."""

"""Anchor quotes in their sources, forgiving typography only, and say why one does not anchor."""

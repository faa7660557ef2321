"""Fact-check report generator: claim records in, checked Markdown pages out."""

__version__ = "0.1.0"

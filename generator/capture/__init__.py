"""Capture a source text: fetch or read the original, extract its text and metadata, write them to seeds/."""

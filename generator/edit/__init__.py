"""The editors' commands that write or compare records: new, reanchor, withdraw, diff."""

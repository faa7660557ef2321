"""The desk's editorial standards as rules: each one checks a published claim, which meets it, waives it or fails."""

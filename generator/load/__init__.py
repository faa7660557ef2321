"""Load and check a report: YAML with locations, the schemas, the sources, the scale and the claims."""

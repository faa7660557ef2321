# The commands a person types. CI runs `make test` through .ci/run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check test lint bench clean

$(BIN)/mkdocs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/mkdocs
	$(BIN)/pip install --quiet -e '.[test]'
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	cd tests/browser && npm ci --silent --no-audit --no-fund
	touch $@

## site: check the records and build the report into site/ (the old site stays if anything fails)
site: $(BIN)/mkdocs
	$(BIN)/python -m generator build

## serve: live preview at http://127.0.0.1:8000/, rebuilt when a claim or source changes
## (--dirty: only the pages an edit changes are built again; warnings are shown, not fatal)
serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload --dirty --no-strict

## check: check every claim record and source
check: $(BIN)/mkdocs
	$(BIN)/python -m generator check

## test: set up with the test tools, then run the whole suite
test: $(VENV)/.test-deps
	$(BIN)/ruff check generator tests bench
	$(BIN)/python -m generator check
	$(BIN)/python -m pytest

## bench: the speed benchmark (see BENCHMARKS.md)
bench: $(VENV)/.test-deps
	$(BIN)/python bench/run.py --claims 1000

clean:
	rm -rf site build .pytest_cache

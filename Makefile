# The commands a person types. CI runs `make test` through .ci/run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check test test-fast lock lint bench messages clean

# Every package comes from a lock, at the version and with the hash it names (`make lock` writes
# them from pyproject.toml); the project itself is installed without its dependencies and built
# with the lock's setuptools, so nothing unpinned is fetched. The installer is locked too: the pip
# that `python3 -m venv` brings (23.2 on Python 3.11.7) only fetches the pip of
# requirements-bootstrap.txt, by hash, and that pip installs the rest. An older pip takes an
# extra of a dependency (`lxml[html_clean]` of justext) as a requirement of its own and resolves
# it against the index's newest release, so what it installs would depend on the day.
$(BIN)/mkdocs: requirements-bootstrap.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-python: $(BIN)/mkdocs requirements-test.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.test-python
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)
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
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy generator
	$(BIN)/python -m generator check
	$(BIN)/python -m pytest -n auto --dist loadgroup

## test-fast: the tests that need neither a site build nor a browser
test-fast: $(VENV)/.test-deps
	$(BIN)/python -m pytest -n auto --dist loadgroup -m "not slow and not browser"

## bench: the speed benchmark (see BENCHMARKS.md)
bench: $(VENV)/.test-deps
	$(BIN)/python bench/run.py --claims 1000

## lock: pin every dependency of pyproject.toml, with its hashes, in requirements.txt and
## requirements-test.txt (for Python 3.11 and newer, on every platform); versions already pinned
## stay unless pyproject.toml's bounds exclude them: `make lock LOCK_FLAGS=--upgrade` moves them all
## The build backend (pyproject.toml's build-system) is pinned too: `pip install -e .` builds with it.
COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command 'make lock' $(LOCK_FLAGS)
LOCK := $(COMPILE) pyproject.toml -
BUILD_REQUIRES := $(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'
lock: $(VENV)/.test-deps
	echo pip | $(COMPILE) - --output-file requirements-bootstrap.txt
	$(BUILD_REQUIRES) | $(LOCK) --output-file requirements.txt
	$(BUILD_REQUIRES) | $(LOCK) --extra test --constraint requirements.txt --output-file requirements-test.txt

## messages: take the interface's messages out of the code and templates into generator/locale/messages.pot,
## and bring every language's catalog up to date with it (new messages empty, changed ones fuzzy)
BABEL_KEYWORDS := -k N_ -k plural_forms:2,3
messages: $(BIN)/mkdocs
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
		--project factcheck-generator --version 0.1 -o generator/locale/messages.pot generator
	$(BIN)/pybabel update -i generator/locale/messages.pot -d generator/locale --ignore-obsolete
	$(BIN)/python -m generator.i18n_english generator/locale/en/LC_MESSAGES/messages.po

clean:
	rm -rf site build .pytest_cache .cache

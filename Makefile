# The two commands of the README:
#   make serve   set up everything, then serve the site at http://127.0.0.1:8000/
#   make test    set up everything (Chromium too, where we may install it), run the linters, then all tests
# With BUILDER=properdocs, serve and build use ProperDocs instead of MkDocs.
# Also: make build (production build into site/), make check (validate examples), make lint, make benchmark.

PYTHON ?= python3
# mkdocs or properdocs (MkDocs' continuation): both read mkdocs.yml and build the same site.
BUILDER ?= mkdocs
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1   # Material 9.8 prints an end-of-life banner otherwise

.PHONY: serve build check lint test browser benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

serve: $(VENV)/.site-installed
	@echo "Eksempelbanken vises på http://127.0.0.1:8000/ (Ctrl+C avslutter)"
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/$(BUILDER) serve --dirty --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-installed
	$(BIN)/$(BUILDER) build --strict

check: $(VENV)/.site-installed
	$(BIN)/eksempelbank sjekk

browser:
	@scripts/install-chromium.sh

# axe-core for the accessibility tests (npm, exact version and checksum in the lock file).
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@scripts/install-axe.sh
	@if [ -f $@ ]; then touch $@; fi

# Lint (ruff), format (ruff format: the diff it would make) and types (mypy); each prints file and line.
# Settings in pyproject.toml. A failure stops `make test` before the tests.
lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --diff .
	$(BIN)/mypy

test: lint browser $(AXE)
	$(BIN)/python -m pytest

benchmark: $(VENV)/.test-installed
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site $(VENV) .pytest_cache tests/browser/node_modules

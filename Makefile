# The few commands people type. `make run` loads the seed graph and serves it; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BROWSER_PACKAGES := chromium fonts-nanum

.PHONY: install browser run load serve test bench screenshots clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium (and a Korean font for screenshots) for the browser tests; needs root (CI is root).
browser:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null)

load: install
	$(BIN)/smekg load

serve: install
	$(BIN)/smekg serve

run: install
	$(BIN)/smekg load
	$(BIN)/smekg serve

test: install browser
	SMEKG_REQUIRE_BROWSER=1 $(BIN)/pytest -q

bench: install
	$(BIN)/python -m bench run --sizes 1e3,1e4 --analytics --out bench/results/small.json

screenshots: install browser
	SMEKG_DOCS_SCREENSHOTS=1 $(BIN)/pytest -q tests/test_browser_pages.py

clean:
	rm -rf var/falkordb .pytest_cache

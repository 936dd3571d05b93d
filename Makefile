# The few commands people type. `make run` loads the seed graph and serves it; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run load test clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

load: install
	$(BIN)/smekg load

run: install
	$(BIN)/smekg load
	$(BIN)/smekg demo

test: install
	$(BIN)/pytest -q

clean:
	rm -rf var/falkordb .pytest_cache

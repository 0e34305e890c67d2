# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PYTHONPATH := $(CURDIR)

.PHONY: run test setup setup-dev ingest-seeds gazetteer bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev

## Ingest the seed documents when the store is empty, then serve the dashboard on :8501.
run: setup
	$(BIN)/python -m extraction ingest seeds --if-empty
	$(BIN)/python -m streamlit run dashboard/app.py

## The whole test suite, the headless-browser tests included.
test: setup-dev
	$(BIN)/python -m pytest

ingest-seeds: setup
	$(BIN)/python -m extraction ingest seeds

## Rebuild the shipped gazetteer index from ../shared (GeoNames, Natural Earth, supplement).
gazetteer: setup
	$(BIN)/python -m gazetteer build --source ../shared

bench: setup-dev
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

lint: setup-dev
	$(BIN)/ruff check atlas extraction gazetteer dashboard tests bench

clean:
	rm -rf $(VENV) .pytest_cache

# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PYTHONPATH := $(CURDIR)

.PHONY: run test setup setup-dev assets ingest-seeds gazetteer bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime assets

setup-dev: $(VENV)/.dev assets

## Leaflet and its plugins for the offline map: the npm packages pinned in dashboard/package-lock.json,
## copied into dashboard/static/vendor/<package>/ (git-ignored), which Streamlit serves at /app/static/.
## The shipped basemap is copied beside them so the browser caches it instead of getting it on every rerun.
ASSETS := dashboard/static/vendor/.installed
$(ASSETS): dashboard/package.json dashboard/package-lock.json dashboard/data/countries.geojson
	cd dashboard && npm ci --ignore-scripts --no-audit --no-fund --silent
	rm -rf dashboard/static/vendor && mkdir -p dashboard/static/vendor/basemap
	for pkg in $$(cd dashboard && node -p "Object.keys(require('./package.json').dependencies).join(' ')"); do \
	  cp -R dashboard/node_modules/$$pkg/dist dashboard/static/vendor/$$pkg; done
	cp dashboard/data/countries.geojson dashboard/static/vendor/basemap/
	touch $@

assets: $(ASSETS)

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

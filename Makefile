# Herald — `make run` sets up and starts everything; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
VENDOR := herald/static/vendor

.DEFAULT_GOAL := help
.PHONY: help system-packages install assets migrate demo run serve worker test test-engine test-fast test-future test-postgres lint check models bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements/checks.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

# Debian packages Herald runs on: tesseract reads text in photos, WeasyPrint's libraries (pango) make
# PDFs, poppler-utils reads them back in the tests. Installed only when missing (needs root, as on CI).
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-eng weasyprint poppler-utils
system-packages: ## Install the Debian packages for OCR and PDFs when they are missing
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "== installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

install: system-packages $(STAMP) assets ## Install the Debian packages, Python dependencies and front-end assets

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENDOR)/.built: node_modules/.package-lock.json herald/static/herald/scss/herald.scss
	mkdir -p $(VENDOR)/govuk $(VENDOR)/htmx
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(VENDOR)/govuk/
	rm -rf $(VENDOR)/govuk/assets && cp -r node_modules/govuk-frontend/dist/govuk/assets $(VENDOR)/govuk/assets
	rm -rf $(VENDOR)/govuk/assets/fonts
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	mkdir -p $(VENDOR)/axe && cp node_modules/axe-core/axe.min.js $(VENDOR)/axe/
	node_modules/.bin/sass --no-source-map --load-path=. --style=compressed --quiet-deps \
		herald/static/herald/scss/herald.scss $(VENDOR)/herald.css
	touch $(VENDOR)/.built

assets: $(VENDOR)/.built ## Copy GOV.UK Frontend and htmx from npm and build the council's stylesheet

migrate: install ## Create or update the database
	$(PY) manage.py migrate --no-input

demo: migrate ## Load the demo council (safe to run again)
	$(if $(HERALD_SITE_URL)$(SITE_URL),,HERALD_SITE_URL=http://$(HOST):$(PORT)) $(PY) manage.py seed_demo

run: demo ## Set up and start Herald with demo data: web server and task worker
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

test: install test-engine ## Run the whole test suite (the engine's first, then unit, journey and browser tests)
	$(BIN)/pytest -n auto

test-engine: install ## Run the check engine's tests without Django (herald/checks imports none of it)
	$(BIN)/pytest herald/checks -p no:django -n auto -q

test-fast: install ## Run the tests without the browser tests
	$(BIN)/pytest -n auto -m "not browser"

test-future: install ## Run the tests without the browser tests with the clock 550 days ahead (Debian faketime)
	faketime -f "+550d" $(BIN)/pytest -m "not browser" -n 2 -p no:cacheprovider

test-postgres: install ## Run the whole suite on PostgreSQL (DATABASE_URL, default: local server)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/herald} $(BIN)/pytest -n auto

lint: install ## Lint and check formatting, types (mypy on services), migrations and deployment settings
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(PY) manage.py makemigrations --check --dry-run
	HERALD_ENV=production SECRET_KEY=lint-only-$$(head -c 48 /dev/urandom | base64 | tr -d "/+=\n") HERALD_AUDIT_KEY=lint-only ALLOWED_HOSTS=herald.example.gov.uk \
		$(PY) manage.py check --deploy --fail-level WARNING

# The embedding classifier needs torch to build (never to run): it gets its own environment.
MODELS_VENV ?= ../venv-models

models: install ## Rebuild the check engine's classifiers (two for abuse, the embedding one in MODELS_VENV with torch; party promotion) and print their held-out figures
	$(BIN)/pip install -q -r requirements/models.txt
	$(PY) bench/train_abuse.py
	test -x $(MODELS_VENV)/bin/python || $(PYTHON) -m venv $(MODELS_VENV)
	$(MODELS_VENV)/bin/pip install -q -r requirements/models-embed.txt
	$(MODELS_VENV)/bin/python bench/train_embed.py
	$(PY) bench/abuse_combine.py
	$(PY) bench/train_party.py --no-party-train

bench: install ## Run the benchmarks and print their figures
	$(PY) bench/checks.py

clean: ## Remove the virtualenv, built assets and local database
	rm -rf $(VENV) node_modules $(VENDOR) var staticfiles

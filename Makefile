# Entry point for people and CI. `make run` serves the portal with demo content,
# `make test` runs every test. PYTHON=/path/to/python3.12 overrides the interpreter search.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# Find a Python >= 3.12: the PATH first, then pyenv's installed versions.
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 python3; do \
	  p=$$(command -v $$c 2>/dev/null) && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; exit; }; \
	done; \
	root=$$(pyenv root 2>/dev/null || echo $$HOME/.pyenv); \
	for p in $$(ls -d $$root/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; exit; }; \
	done)

# `make run` serves the production shape: production settings, gunicorn with one worker per core,
# collected and compressed static files. Locally it needs no configuration: a secret key is made
# once under var/, the host names are the loopback ones, TLS is not required, and without
# DATABASE_URL the embedded PostgreSQL is used (asked for explicitly, never by accident).
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
PROD_ENV = DJANGO_SETTINGS_MODULE=ludwigsburg_intl.settings.prod \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" \
	EMBEDDED_DATABASE=1 SERVE_MEDIA=1

# The pages `make loadtest` measures (NAME=PATH, or NAME=PATH>REGEX to follow the first link).
LOADTEST_PAGES = home=/de/ partner-cities=/de/partnerstaedte/ \
	montbeliard=/de/partnerstaedte/montbeliard/ status-overview=/de/klimapartnerschaften/stand/ \
	'briefing=/de/klimapartnerschaften/sitzungen/>/de/klimapartnerschaften/sitzungen/[0-9]+/' \
	calendar=/de/termine/ sdg-13=/de/netzwerk/sdg/13/

.PHONY: help install run dev test loadtest messages compilemessages lint bench demo clean vnu backup restore

# The Nu Html Checker for tests/core/test_html_validity.py: npm's vnu-jar package (it ships
# vnu.jar) in the git-ignored var/node; Java comes from the system (.ci/run installs Debian's).
# --ignore-scripts: its install script would download a Java runtime of its own.
VNU_VERSION := 26.9.27
VNU_STAMP := var/node/.vnu-jar-$(VNU_VERSION)

help:
	@echo "make run    - install, migrate, load demo content and serve the production shape (gunicorn) on http://127.0.0.1:$(PORT)/"
	@echo "make dev    - the same content on Django's development server (DEBUG, auto-reload)"
	@echo "make test   - run the whole test suite (unit, view and browser tests)"
	@echo "make messages - update the de/en .po files after changing interface strings"
	@echo "make lint   - ruff check and ruff format --check (make test runs it too)"
	@echo "make bench  - performance benchmarks of the council pages and the site search"
	@echo "make loadtest - throughput of the production shape against a static file (needs wrk)"
	@echo "make backup - write the database and the media files to var/backups/ (or BACKUP_DIR)"
	@echo "make restore FILE=... - restore a backup into an empty database (FORCE=1 replaces a non-empty one)"

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "No Python 3.12+ found. Install it or pass PYTHON=/path/to/python3.12"; exit 1; }
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

compilemessages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

demo: install compilemessages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo_content

var/secret_key:
	@mkdir -p var
	@umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: demo var/secret_key
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(PROD_ENV) $(PY) manage.py check --fail-level ERROR
	@echo ""
	@echo "Portal: http://127.0.0.1:$(PORT)/   Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "Create an editor account with:  $(PY) manage.py create_editor NAME --email ... --group europa"
	@echo "  (groups: see README, 'Editors, roles and login'; createsuperuser only for administrators)"
	@echo ""
	$(PROD_ENV) exec $(PY) -m gunicorn ludwigsburg_intl.wsgi --bind 127.0.0.1:$(PORT) \
	  --workers $(WORKERS) --access-logfile - --graceful-timeout 10

dev: demo
	@echo ""
	@echo "Development server with DEBUG and auto-reload: http://127.0.0.1:$(PORT)/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

$(VNU_STAMP):
	@command -v npm >/dev/null || { echo "npm is needed for the HTML check (Debian: apt-get install npm)"; exit 1; }
	npm install --prefix var/node --no-save --ignore-scripts --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)
	touch $@

vnu: $(VNU_STAMP)

test: install compilemessages vnu lint
	$(PY) -m pytest $(PYTEST_ARGS)

messages: install
	$(PY) manage.py makemessages -l de -l en --no-wrap --no-location --ignore=.venv --ignore=var --ignore=partnerships --ignore=climate --ignore=europe --ignore=network --ignore=tests --no-obsolete
	for app in partnerships climate europe network; do \
	  (cd $$app && ../$(PY) ../manage.py makemessages -l de -l en --no-wrap --no-location --no-obsolete) ; \
	done
	@# English is the source language: every English entry is its own msgid. All are emptied
	@# and refilled, so that a fuzzy match (a neighbouring string's English) never survives.
	for po in $$(find . -path ./.venv -prune -o -path '*/locale/en/LC_MESSAGES/django.po' -print); do \
	  msgfilter --no-wrap --keep-header -i "$$po" sed -e d \
	    | msgattrib --no-wrap --no-location --clear-fuzzy | msgen --no-wrap --no-location -o "$$po" -; \
	done

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# In the production shape: production settings, collected static files.
bench: install compilemessages var/secret_key
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(PROD_ENV) $(PY) manage.py migrate --noinput -v 0
	$(PROD_ENV) $(PY) manage.py benchmark_climate
	$(PROD_ENV) $(PY) manage.py benchmark_search

loadtest: demo var/secret_key
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v 0
	SECRET_KEY="$$(cat var/secret_key)" $(PY) manage.py loadtest $(LOADTEST_PAGES) $(LOADTEST_ARGS)

# Backups use the settings the environment names (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT);
# locally that is the embedded server and var/media/, the same as `make run`.
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/portal-....tar [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(filter 1 yes true,$(FORCE)),--force)

clean:
	rm -rf $(VENV) var staticfiles

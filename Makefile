# Two commands do everything on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup install serve bench bench-pages clean

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup
	$(BIN)/pytest

# The production stack on this machine: DEBUG off, static files collected and served by
# WhiteNoise, gunicorn with gunicorn.conf.py; SQLite unless DATABASE_URL is set. Plain HTTP
# on 127.0.0.1 (PLAIN_HTTP: no HTTPS redirect, HSTS or secure-only cookies); a random secret
# key unless SECRET_KEY is set.
serve: setup
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" PLAIN_HTTP=1 \
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py newsroom.wsgi

# Migrates, then adds the seed story and an administrator only where they are missing,
# so running it again keeps every edit.
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap

install: $(VENV)/.installed node_modules/.installed

# Reinstalls only when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# axe-core, which the browser tests run in Chromium to check pages for accessibility. Only
# the tests need it: without npm they skip those checks, as they skip without Chromium.
node_modules/.installed: package.json package-lock.json
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; fi

bench: install
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

# Every page kind at real archive sizes, served the production way (see bench/pages.py).
SIZES ?= 10000 100000 1000000
bench-pages: install
	SIZES="$(SIZES)" $(BIN)/python bench/pages.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles var

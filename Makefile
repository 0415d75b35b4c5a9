# Two commands for a newcomer: `make demo` and `make test` (see README.md).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: setup demo test browser postgres bench clean

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $@

setup: $(BIN)/.installed

# Ingest the bundled demo corpus into marsad-demo.db, print its stories, serve the web UI.
demo: setup
	$(BIN)/marsad demo --port $(PORT)

# Debian's Chromium, ChromeDriver and an Arabic font for the browser tests (skipped where absent).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null; } || \
	  echo "Chromium not installed: the browser tests will be skipped"

# Debian's PostgreSQL server binaries for the PostgreSQL store's tests (the tests start their own
# throwaway cluster; skipped where absent, except in CI).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; } || \
	  echo "PostgreSQL not installed: the PostgreSQL store tests will be skipped"

test: setup browser postgres
	$(BIN)/pytest -q

bench: setup
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) marsad-demo.db* .pytest_cache

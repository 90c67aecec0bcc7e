# Bản tin: `make run` sets up and serves the site, `make test` sets up and runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := app

.PHONY: run serve test lint install vendor clean bench

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Bản tin cần Python 3.11 trở lên (đang có: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

# The WYSIWYG editor, from npm (pinned in package-lock.json) into the git-ignored static/vendor/. axe-core, for the
# accessibility tests, stays in node_modules/ (never served).
# Without npm the back office falls back to a plain HTML field and says why; the stamp is only
# written after a real install, so the next `make run` installs the editor once npm is there.
VENDOR := static/vendor
SUNEDITOR_FILES := dist/suneditor.min.js dist/suneditor.min.css dist/suneditor-contents.min.css LICENSE.txt

vendor: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json Makefile
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "WARNING: npm not found, so the article editor is not installed (the body stays a plain HTML field) nor axe-core for the accessibility tests."; \
		echo "WARNING: install Node.js/npm (apt-get install npm) and run make again."; \
	else \
		set -e; \
		npm ci --no-audit --no-fund --loglevel=error; \
		rm -rf $(VENDOR)/suneditor; \
		mkdir -p $(VENDOR)/suneditor; \
		cp $(addprefix node_modules/suneditor/,$(SUNEDITOR_FILES)) $(VENDOR)/suneditor/; \
		touch $@; \
		echo "SunEditor copied into $(VENDOR)/suneditor/."; \
	fi

run: $(VENV)/.installed vendor
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo --if-empty
	$(BIN)/flask run --host $(HOST) --port $(PORT)

# Production serving: gunicorn with gunicorn.conf.py on $(HOST):$(PORT), WORKERS=N to override the
# 2 × cores + 1 default (deploy/README.md has nginx and systemd). `--no-control-socket`: STACK.md P8.
serve: $(VENV)/.installed vendor
	$(BIN)/flask db upgrade
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/gunicorn -c gunicorn.conf.py --no-control-socket "app:create_app()"

test: $(VENV)/.installed-dev vendor
	$(BIN)/ruff check app tests bench
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Performance figures (not tests): each bench/*.py script prints what it measured (modules it imports,
# such as bench/async_client.py, have no __main__ and are skipped). The HTTP benchmark
# (bench/http_pages.py) seeds 100,000 articles and takes about 15 minutes.
bench: $(VENV)/.installed
	@for script in bench/*.py; do \
		grep -q '^if __name__ == "__main__":' $$script || continue; \
		echo "== $$script"; $(BIN)/python $$script || exit 1; \
	done

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules $(VENDOR)

# Two commands do all set-up on a fresh machine: `make run` (the main job) and `make test` (every test).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= dateline.db

.PHONY: run test venv system eval gate bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

## run: process the bundled example articles into the embedded SQLite store and print a summary
run: venv
	$(BIN)/dateline process examples/articles --db $(DB)

## test: install what the tests need (Python packages, PostgreSQL, Chromium) and run the whole suite
test: venv system
	$(BIN)/python -m pytest

system:
	bash scripts/setup-system.sh

## eval: score against ../shared gold data; gate: fail when a score drops below its floor
eval: venv
	$(BIN)/dateline eval gate --report

gate: venv
	$(BIN)/dateline eval gate

bench: venv
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache

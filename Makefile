# The two README commands: `make report` (main job) and `make test` (test suite).
# Each creates .venv and installs what it needs first; nothing beyond Python 3.11+ is assumed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= report

.PHONY: install test report check lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# reproduce runs every topic's checks too and writes $(OUT)/claims.json (the `check --json`
# contract) beside $(OUT)/index.html, so the claims are derived once.
report: $(STAMP)
	$(BIN)/symlight reproduce --out $(OUT)

check: $(STAMP)
	$(BIN)/symlight check

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

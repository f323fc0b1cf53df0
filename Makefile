# `make run` and `make test` work on a machine with nothing installed but Python 3.11.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint ingest bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and pinned: pip takes the local CPU build; see README.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: install
	$(PY) -m bot run

ingest: install
	$(PY) -m bot ingest

eval: install
	$(PY) -m bot eval

bench: install
	$(PY) -m bot bench

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/hadolint Dockerfile

test: lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

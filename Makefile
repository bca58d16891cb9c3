# Set-up is part of every target: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest screenshots sample-report bench dist dist-check clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changed since the last install.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/rolleudpeger

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts benchmarks packaging
	$(VENV)/bin/ruff format --check src tests scripts benchmarks packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test: lint typecheck pytest

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs

bench: $(STAMP)
	$(PY) benchmarks/run.py

sample-report: $(STAMP)
	$(PY) scripts/sample_report.py docs/eksempel-rapport.pdf

# A one-folder bundle in dist/Rolleudpeger (see packaging/README.md; Windows builds the same way).
dist: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.5'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build packaging/rolleudpeger.spec
	@du -sh dist/Rolleudpeger

dist-check: dist
	$(PY) packaging/dist_check.py dist/Rolleudpeger

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

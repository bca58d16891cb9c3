# Set-up is part of every target: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest screenshots sample-report bench dist dist-check clean \
	translations

# Compiled translations are build products (see scripts/translations.py); the .ts are the source.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changed since the last install.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(PY) scripts/translations.py build

# After changing marked texts: collect them into the .ts (new ones come in unfinished).
translations: $(STAMP)
	$(PY) scripts/translations.py update

run: $(STAMP) $(QM)
	$(VENV)/bin/rolleudpeger

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts benchmarks packaging
	$(VENV)/bin/ruff format --check src tests scripts benchmarks packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test: lint typecheck pytest

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs

bench: $(STAMP) $(QM)
	$(PY) benchmarks/run.py

sample-report: $(STAMP) $(QM)
	$(PY) scripts/sample_report.py docs/eksempel-rapport.pdf
	$(PY) scripts/sample_report.py docs/example-report-en.pdf --lang en

# A one-folder bundle in dist/Rolleudpeger (see packaging/README.md; Windows builds the same way).
dist: $(STAMP) $(QM)
	$(PY) -m pip install --quiet 'pyinstaller>=6.5'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build packaging/rolleudpeger.spec
	@du -sh dist/Rolleudpeger

dist-check: dist
	$(PY) packaging/dist_check.py dist/Rolleudpeger

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(QM)

# Set-up is part of every target: a fresh clone needs only `make run` or `make test`.
# Every package is installed from uv.lock (exact versions with hashes, for every platform);
# `make lock` is the one way to change them. uv itself is pinned, with hashes, in
# packaging/uv-requirements.txt and installed into .tools/ by the Python found here.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TOOLS := .tools
UV := $(TOOLS)/bin/uv
# The suite runs once per time zone: UTC (build machines) and Danish time (the users).
TEST_ZONES := UTC Europe/Copenhagen
PYTEST_ARGS ?=
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON_PREFERENCE := only-system

.PHONY: run test quick lint typecheck actionlint pytest $(addprefix pytest-in-,$(TEST_ZONES)) \
	test-all lock screenshots sample-report bench dist dist-check clean translations qt-check

# Compiled translations are build products (see scripts/translations.py); the .ts are the source.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(UV): packaging/uv-requirements.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		--no-deps -r packaging/uv-requirements.txt
	touch $@

# --locked: refuse (and say `make lock`) when pyproject.toml asks for what the lock lacks.
# --compile-bytecode: install compiled, as pip and the installer do. uv compiles nothing by
# default, and where PYTHONDONTWRITEBYTECODE is set (some IT images, this build machine)
# every start then compiled SQLAlchemy, Alembic and the app again (2.2–2.5 s a start
# instead of 1.1–1.3 s). The app itself is installed editable, so it is compiled too.
$(STAMP): uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked --quiet --compile-bytecode --python $(PYTHON)
	$(VENV)/bin/python -m compileall -q src/rolleudpeger
	touch $@

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(PY) scripts/translations.py build

# After changing marked texts: collect them into the .ts (new ones come in unfinished).
translations: $(STAMP)
	$(PY) scripts/translations.py update

# Deliberately move every dependency to its newest allowed version (then run make test-all).
lock: | $(UV)
	$(UV) lock --upgrade

# On a Linux desktop, Qt's xcb plug-in needs system libraries a fresh install may lack.
qt-check: $(STAMP)
	@$(PY) scripts/qt_check.py

# compileall again: a module changed since the install is compiled once, not at every start.
run: $(STAMP) $(QM) qt-check
	@$(PY) -m compileall -q src/rolleudpeger
	$(VENV)/bin/rolleudpeger

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts benchmarks packaging
	$(VENV)/bin/ruff format --check src tests scripts benchmarks packaging

actionlint: $(STAMP)
	$(VENV)/bin/actionlint -shellcheck $(VENV)/bin/shellcheck

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# One run per time zone, side by side (two cores); each prints its zone in its header.
# GNU make 4 keeps each run's output together; Apple's make (3.81) has no --output-sync
# and interleaves the two runs' lines instead (each run still ends with its own summary).
OUTPUT_SYNC := $(if $(filter output-sync,$(.FEATURES)),--output-sync=target)
pytest: $(STAMP) $(QM)
	@$(MAKE) --no-print-directory -j2 $(OUTPUT_SYNC) $(addprefix pytest-in-,$(TEST_ZONES))

$(addprefix pytest-in-,$(TEST_ZONES)): pytest-in-%: $(STAMP) $(QM)
	@mkdir -p build/pytest
	TZ=$* QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider \
		--basetemp=$(CURDIR)/build/pytest/$(subst /,-,$*) $(PYTEST_ARGS)

test: lint actionlint typecheck pytest

# The developer's loop: lint, types and the suite without the slow tests (marked `slow`:
# the kill soaks, the wheel build, the benchmark table, the tests that start the app as a
# process), in Danish time only, with the store's own file semantics only (not again as
# Windows', but for the rules kept on Windows only: marked `windows_rules`), a tenth of the
# property tests' generated examples, on both cores (pytest-xdist). `make test` is the whole of it, in both zones, as CI runs it.
# PYTHONDONTWRITEBYTECODE is dropped here: with it (this build machine), pytest rewrote the
# asserts of every test module again at each run, some 2.5 s of every run.
quick: lint typecheck $(QM)
	@mkdir -p build/pytest
	env -u PYTHONDONTWRITEBYTECODE TZ=Europe/Copenhagen QT_QPA_PLATFORM=offscreen \
		ROLLEUDPEGER_TEST_QUICK=1 $(PY) -m pytest -p no:cacheprovider -q -m "not slow" -n 2 \
		--basetemp=$(CURDIR)/build/pytest/quick $(PYTEST_ARGS)

# The suite on every supported Python, each in its own environment from the same lock.
# pyenv's python3.X shims answer only for selected versions, so all of them are selected,
# newest first: python3.13 is then the newest 3.13 installed.
SUPPORTED := 3.11 3.12 3.13 3.14 3.15
test-all: export PYENV_VERSION := $(shell pyenv versions --bare 2>/dev/null | sort -rV | tr '\n' ':')
test-all: lint actionlint typecheck
	@for v in $(SUPPORTED); do \
		echo "== Python $$v"; \
		$(MAKE) --no-print-directory pytest PYTHON=python$$v VENV=.venv-$$v || exit 1; \
	done

# The pictures and samples show Danish time, as the users see it.
screenshots: $(STAMP) $(QM)
	TZ=Europe/Copenhagen QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs

# The table in the README: start-up (also of the bundle, against a reference frozen the same
# way), saving, the report (also of the largest case an import takes) and scale.
bench: dist
	$(PY) benchmarks/run.py --frozen dist/Rolleudpeger

sample-report: $(STAMP) $(QM)
	TZ=Europe/Copenhagen $(PY) scripts/sample_report.py docs/eksempel-rapport.pdf
	TZ=Europe/Copenhagen $(PY) scripts/sample_report.py docs/example-report-en.pdf --lang en

# A one-folder bundle in dist/Rolleudpeger (see packaging/README.md; Windows builds the same
# way). PyInstaller comes from the lock's dist group.
dist: $(STAMP) $(QM)
	$(UV) sync --locked --quiet --inexact --group dist --python $(PYTHON)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build packaging/rolleudpeger.spec
	@du -sh dist/Rolleudpeger

dist-check: dist
	$(PY) packaging/dist_check.py dist/Rolleudpeger

clean:
	rm -rf $(VENV) .venv-3.* $(TOOLS) build dist .pytest_cache .mypy_cache .ruff_cache $(QM)

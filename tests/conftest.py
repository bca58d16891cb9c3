"""Test set-up: offscreen Qt, and a fresh temporary data folder for every test."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rolleudpeger import i18n
from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.domain import kinds
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.files import DB_FILE, real_folder
from rolleudpeger.store.repository import Store


def pytest_report_header() -> str:
    """The suite runs once in UTC and once in Danish time (the Makefile sets TZ)."""
    return f"time zone: TZ={os.environ.get('TZ', '(not set)')}, local names {time.tzname}"


def _system_zone() -> str:
    """The IANA name of the zone the process runs in, as Qt sees it (on Windows: the
    system's zone, which the CI sets with tzutil)."""
    from PySide6.QtCore import QTimeZone

    return bytes(QTimeZone.systemTimeZoneId().data()).decode()


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Move this process (Python and Qt alike) into another time zone for one test.
    Windows has no tzset: there a test runs only in the zone the system is in (the CI runs
    the suite once in UTC and once in Danish time), and is skipped, saying so, in others."""

    def move(name: str) -> None:
        if not hasattr(time, "tzset"):
            if _system_zone() != name:
                pytest.skip(f"this Windows run is in {_system_zone()}, not {name} (no tzset)")
            return
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield move
    monkeypatch.undo()
    if hasattr(time, "tzset"):
        time.tzset()


def zone_env(name: str) -> dict[str, str]:
    """The environment that starts a child process in zone `name`: TZ on POSIX. Windows
    takes no zone names in TZ: there the child runs in the system's zone, so a test in
    another zone is skipped, saying so (the CI runs the suite in UTC and Danish time)."""
    if sys.platform == "win32":
        if _system_zone() != name:
            pytest.skip(f"this Windows run is in {_system_zone()}, not {name}")
        return {}
    return {"TZ": name}


# Windows' file semantics, simulated (tests/windows_sim.py): on Linux and macOS the tests
# that use this fixture run twice, natively and as Windows would; on Windows, natively.
# `make quick` (ROLLEUDPEGER_TEST_QUICK=1) runs them natively only, except the tests
# marked `windows_rules` (see pytest_collection_modifyitems); `make test` and the CI run
# both.
QUICK = os.environ.get("ROLLEUDPEGER_TEST_QUICK") == "1"
FILE_SEMANTICS = ["native"] if sys.platform == "win32" else ["native", "windows"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In `make quick`, leave out the Windows variant of a test, unless the test checks a
    rule the app keeps on Windows only (`windows_rules`: device names, a name ending in a
    dot or a space, a path too long): natively such a rule is not even asked, so only that
    variant tries it."""
    if not QUICK:
        return
    kept, left = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        windows = callspec is not None and callspec.params.get("file_semantics") == "windows"
        if windows and item.get_closest_marker("windows_rules") is None:
            left.append(item)
        else:
            kept.append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def examples(n: int) -> int:
    """How many examples a property test generates: `n`, or a tenth of them (at least 10)
    in `make quick`, the developer's loop (`make test` and the CI generate all of them)."""
    return max(10, n // 10) if QUICK else n


@pytest.fixture(params=FILE_SEMANTICS)
def file_semantics(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """ "windows": the test runs with Windows' file semantics. A test marked
    `posix_modes` (it checks POSIX file modes, which Windows does not have) is skipped
    there, saying so."""
    if request.param == "windows":
        if request.node.get_closest_marker("posix_modes"):
            pytest.skip("POSIX file modes: Windows protects files by ACL, not by mode")
        from tests import windows_sim

        windows_sim.simulate(monkeypatch)
        request.addfinalizer(windows_sim.forget_junctions)
    return str(request.param)


class Clock:
    """A clock that moves one minute per reading, so every saved time is distinct."""

    def __init__(self, start: datetime = datetime(2026, 11, 27, 12, 5, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; the real user data folder is never touched."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ROLLEUDPEGER_DATA_DIR", str(folder))
    monkeypatch.delenv("ROLLEUDPEGER_QUIT_AFTER_SHOW", raising=False)
    return folder


@pytest.fixture(autouse=True)
def danish_afterwards() -> Iterator[None]:
    """A test that switches the interface to English leaves the process in Danish."""
    yield
    if i18n.language() != i18n.SOURCE_LANGUAGE:
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is None:
            i18n.install(None, i18n.SOURCE_LANGUAGE)
        else:
            from rolleudpeger.ui.language import install_language

            install_language(i18n.SOURCE_LANGUAGE)


@pytest.fixture
def english() -> TaskDef:
    """The interface in English, as `--lang en` sets it; the task in English."""
    from rolleudpeger.ui.app import application
    from rolleudpeger.ui.language import install_language

    application([])
    assert install_language("en"), "resources/translations/rolleudpeger_en.qm is missing"
    return load_task(language="en")


@pytest.fixture(scope="session")
def task() -> TaskDef:
    return load_task()


@pytest.fixture
def clock() -> Clock:
    return Clock()


_EMPTY_DATABASE: list[Path] = []  # this process's, made once (see with_empty_database)


def with_empty_database(folder: Path) -> Path:
    """Give a data folder with no database the database Store.open makes in a new folder
    (the schema, by running every migration) — made once per test process and copied:
    the migrations take 50 ms, in some 900 tests. The copy is the same file the first
    start makes (the schema and the Alembic version, no rows); what a first start does
    is tested where a test makes its own folder (test_app, tests/store)."""
    if not _EMPTY_DATABASE:
        template = Path(tempfile.mkdtemp(prefix="rolleudpeger-empty-database-"))
        atexit.register(shutil.rmtree, template, ignore_errors=True)
        Store.open(template).close()
        _EMPTY_DATABASE.append(template / DB_FILE)
    target = folder / DB_FILE
    if not target.exists():
        real_folder(folder, create=True)  # as the store makes a new data folder: private
        shutil.copyfile(_EMPTY_DATABASE[0], target)
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(with_empty_database(data_dir))
    yield s
    s.close()


@pytest.fixture
def editor(task: TaskDef, store: Store, clock: Clock) -> CaseEditor:
    return CaseEditor.open(task, store, clock)


def required_values(task: TaskDef) -> dict[str, str]:
    """A stored value for every required field a user fills, each its kind's example: the
    task file decides which fields there are (a test adds realistic values on top)."""
    values = {}
    for step in task.steps:
        for fdef in step.fields:
            kind = kinds.of(fdef)
            if fdef.required and kind.example is not None:
                values[fdef.key] = kind.check(kind.example).value
    return values


def step_named(task: TaskDef, key: str) -> str:
    """How messages name a step ("trin 7: Giv KOMBIT besked"), from the task."""
    return task.step(key).in_sentence


def demo(editor: CaseEditor, *, complete: bool = True) -> CaseEditor:
    """Fill the editor's case with the demo case, on the demo's office-hours clock."""
    clock = demo_clock()
    editor.clock = lambda: next(clock)
    fill_demo_case(editor, complete=complete)
    return editor


class Dialogs:
    """Answers the app's dialogs through their one seam, `rolleudpeger.ui.dialogs` (the
    seam itself is tested against Qt's dialogs in tests/ui/test_dialogs.py), and keeps
    what they said. Set the answers before the action:

    - `confirm`: the answer to every Yes/No question, or a list answered in turn;
    - `file`: the file chosen in a file dialog ("" cancels); `folder` likewise;
    - `choice`: the index chosen from a list (None cancels); `text`: the text typed;
    - `in_dialog`: what is done in a dialog of the app's own (the real dialog, shown
      without a modal loop: fill its fields by name, click a button); by default, Cancel.
    """

    def __init__(self) -> None:
        self.confirm: bool | list[bool] = True
        self.file = ""
        self.folder = ""
        self.choice: int | None = 0
        self.text: str | None = ""
        self.questions: list[str] = []
        self.suggested: list[str] = []  # the file names proposed in save dialogs
        self.offered: list[list[str]] = []  # the items of each list offered
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.in_dialog: Callable[[Any], None] = lambda dialog: dialog.reject()
        self.dialogs: list[Any] = []  # every dialog of the app's own that was shown

    def _run(self, dialog: Any) -> bool:
        self.dialogs.append(dialog)
        dialog.show()
        self.in_dialog(dialog)
        accepted = dialog.result() == 1 and not dialog.isVisible()
        dialog.close()
        return accepted

    def _confirm(self, _parent: object, _title: str, text: str) -> bool:
        self.questions.append(text)
        return self.confirm.pop(0) if isinstance(self.confirm, list) else self.confirm

    def _save(self, _parent: object, _title: str, suggested: str, _filter: str) -> str:
        self.suggested.append(suggested)
        return self.file

    def _choose(self, _parent: object, _title: str, _label: str, items: list[str]) -> int | None:
        self.offered.append(items)
        return self.choice


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    from rolleudpeger.ui import dialogs as seam

    d = Dialogs()
    monkeypatch.setattr(seam, "confirm", d._confirm)
    monkeypatch.setattr(seam, "run", d._run)
    monkeypatch.setattr(seam, "save_file_name", d._save)
    monkeypatch.setattr(seam, "open_file_name", lambda _p, _t, _f: d.file)
    monkeypatch.setattr(seam, "choose_folder", lambda _p, _t: d.folder)
    monkeypatch.setattr(seam, "choose_item", d._choose)
    monkeypatch.setattr(seam, "ask_text", lambda _p, _t, _l: d.text)
    monkeypatch.setattr(seam, "show_error", lambda _p, _t, text: d.errors.append(text))
    monkeypatch.setattr(seam, "show_warning", lambda _p, _t, text: d.warnings.append(text))
    monkeypatch.setattr(seam, "show_info", lambda _p, _t, text: d.infos.append(text))
    return d

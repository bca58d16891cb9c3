"""Test set-up: offscreen Qt, and a fresh temporary data folder for every test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from rolleudpeger.domain.taskdef import TaskDef  # noqa: E402
from rolleudpeger.editing import CaseEditor  # noqa: E402
from rolleudpeger.resources import load_task  # noqa: E402
from rolleudpeger.store.repository import Store  # noqa: E402


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


@pytest.fixture(scope="session")
def task() -> TaskDef:
    return load_task()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def editor(task: TaskDef, store: Store, clock: Clock) -> CaseEditor:
    return CaseEditor.open(task, store, clock)

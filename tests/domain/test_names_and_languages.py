"""Purposes cannot be mistyped, and a language is one entry in `i18n.LANGUAGES` plus its
texts: a third language, added in a copy of the task, is served its own texts."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from rolleudpeger import i18n
from rolleudpeger.domain import people
from rolleudpeger.domain.case import Case
from rolleudpeger.domain.people import Detail, Role
from rolleudpeger.domain.taskdef import (
    PURPOSES,
    TRANSLATED,
    Purpose,
    TaskDef,
    TaskDefinitionError,
    task_from_data,
)
from rolleudpeger.resources import TASK_FILE, resource

ROOT = Path(__file__).resolve().parents[2]


def test_every_purpose_is_typed_and_every_typed_purpose_is_known(task: TaskDef) -> None:
    assert {p.value for p in Purpose} <= PURPOSES
    assert people.purpose(Role.LEADER, Detail.EMAIL) in PURPOSES
    for step in task.steps:
        for f in step.fields:
            assert not f.purpose or f.purpose in PURPOSES, f.key


def test_a_misspelt_purpose_fails_loudly_not_as_an_empty_value(task: TaskDef) -> None:
    """0.2.0: case.of(task, "klik_deadlin") gave "" silently."""
    case = Case(id=1, task_id=task.id, created_at=task.municipalities and None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="klik_deadlin"):
        case.of(task, "klik_deadlin")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        task.key_for("leader.emial")  # type: ignore[arg-type]
    assert case.of(task, Purpose.KLIK_DEADLINE) == ""  # the right one: no value yet


@pytest.mark.slow
def test_mypy_refuses_a_bare_string_as_a_purpose(tmp_path: Path) -> None:
    snippet = tmp_path / "typo.py"
    snippet.write_text(
        "from rolleudpeger.domain.case import Case\n"
        "from rolleudpeger.domain.taskdef import Purpose, TaskDef\n"
        "def f(task: TaskDef, case: Case) -> str:\n"
        "    return case.of(task, 'klik_deadlin') + case.of(task, Purpose.KLIK_DEADLINE)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--strict", str(snippet)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MYPYPATH": str(ROOT / "src")},
        check=False,
    )
    assert result.returncode == 1, result.stdout
    assert 'Argument 2 to "of" of "Case" has incompatible type "str"' in result.stdout
    assert result.stdout.count("error:") == 1, result.stdout  # the typed one is fine


def _with_twins(data: Any, code: str, mark: str) -> Any:
    """The task's data with a twin `<key>_<code>` for every translated text."""
    if isinstance(data, list):
        return [_with_twins(item, code, mark) for item in data]
    if not isinstance(data, dict):
        return data
    result = {k: _with_twins(v, code, mark) for k, v in data.items()}
    for key, value in data.items():
        if key in TRANSLATED:
            result[f"{key}_{code}"] = (
                [f"{mark}{v}" for v in value] if isinstance(value, list) else f"{mark}{value}"
            )
    return result


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> str:
    """A language the app does not have yet (German, or another once German is added),
    listed once (i18n), as a translator would add it."""
    code = next(c for c in ("de", "fr", "nl", "fi", "pl") if c not in i18n.LANGUAGES)
    monkeypatch.setitem(i18n.LANGUAGES, code, code.upper())
    monkeypatch.setitem(i18n.LOCALES, code, f"{code}_{code.upper()}")
    monkeypatch.setitem(i18n.THOUSANDS, code, ".")
    monkeypatch.setitem(i18n.RESTART_NOTES, code, f"{code.upper()} next time.")
    return code


def test_a_third_language_is_served_its_own_texts(german: str) -> None:
    path = resource(TASK_FILE)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    task = task_from_data(_with_twins(data, german, "DE: "), path, (), german)
    assert task.title.startswith("DE: ")
    assert all(s.title.startswith("DE: ") for s in task.steps)
    assert all(f.label.startswith("DE: ") for s in task.steps for f in s.fields)
    assert task.mail.task_title == data["task"]["title"]  # KOMBIT reads the Danish title
    english = task_from_data(_with_twins(data, german, "DE: "), path, (), "en")
    assert not english.title.startswith("DE: ")  # the other languages are untouched
    assert german in i18n.translations() and i18n.SOURCE_LANGUAGE not in i18n.translations()


def test_a_third_language_without_its_texts_is_refused_naming_the_missing_one(
    german: str,
) -> None:
    path = resource(TASK_FILE)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    with pytest.raises(TaskDefinitionError, match=f"title_{german}"):
        task_from_data(data, path, (), german)


def test_a_kind_without_its_class_fails_at_import() -> None:
    """Add a kind to FieldKind in a copy of the domain, leave kinds.py as it is: importing
    it fails, naming the kind (0.2.0 only failed when such a field was first shown)."""
    code = (
        "import enum, sys\n"
        "from rolleudpeger.domain import taskdef\n"
        "members = {m.name: m.value for m in taskdef.FieldKind} | {'SIGNATURE': 'signature'}\n"
        "taskdef.FieldKind = enum.StrEnum('FieldKind', members)\n"
        "try:\n"
        "    import rolleudpeger.domain.kinds\n"
        "except ImportError as e:\n"
        "    print(e)\n"
        "    sys.exit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "signature" in result.stdout.lower()

"""A complete case is built from the task definition: a step or a required field added to
the task file is filled by the demo (and so by every test built on it) without a change
to the code or the tests."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from rolleudpeger.demo import fill_demo_case
from rolleudpeger.domain import kinds
from rolleudpeger.domain.case import is_step_done, progress_line
from rolleudpeger.domain.municipalities import load_municipalities
from rolleudpeger.domain.taskdef import FieldKind, KlikStatus, TaskDef, task_from_data
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import MUNICIPALITY_FILE, TASK_FILE, resource
from rolleudpeger.store.repository import Store
from tests.conftest import Clock


@pytest.mark.parametrize("kind", [k for k in FieldKind if kinds.KINDS[k].example is not None])
def test_every_example_is_accepted_by_its_own_kind(task: TaskDef, kind: FieldKind) -> None:
    example = kinds.KINDS[kind].example
    assert example
    if kind is FieldKind.MUNICIPALITY:
        assert task.municipality(example) is not None
    elif kind is FieldKind.CHECK:
        assert example == kinds.CHECKED
    else:
        checked = kinds.KINDS[kind].check(example)
        assert checked.error is None and checked.value, (kind, checked)


def test_every_kind_a_user_fills_has_an_example() -> None:
    typed = [k for k, kind in kinds.KINDS.items() if kind.stores_value]
    assert typed and all(kinds.KINDS[k].example is not None for k in typed)


def texts(**danish: str) -> dict[str, str]:
    """Texts in Danish with their English twins, as the task file has them."""
    return danish | {f"{key}_en": f"EN {text}" for key, text in danish.items()}


def _task_with_additions(tmp_path: Path) -> TaskDef:
    """The shipped task, and in the middle of it a new step with a required check box and
    a required field of every kind a user fills (as a task author would add them)."""
    path = resource(TASK_FILE)
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    typed = [k for k, kind in kinds.KINDS.items() if kind.stores_value]
    new_fields = [
        {"key": f"added_{k.value}", "kind": k.value, "required": True}
        | texts(label=f"Ny {k.value}")
        for k in typed
        if k is not FieldKind.MUNICIPALITY  # one municipality per task
    ]
    new_step = {"key": "added_step", "fields": new_fields} | texts(
        title="Et nyt trin", guidance="Gør det nye."
    )
    data["steps"].insert(3, new_step)
    data["steps"][-2]["fields"].append(
        {"key": "added_late", "kind": "text", "required": True} | texts(label="Nyt felt")
    )
    municipalities = load_municipalities(resource(MUNICIPALITY_FILE))
    return task_from_data(data, tmp_path / TASK_FILE, municipalities, "da")


def test_the_demo_completes_a_task_with_a_new_step_and_new_required_fields(
    tmp_path: Path, data_dir: Path, clock: Clock
) -> None:
    task = _task_with_additions(tmp_path)
    store = Store.open(data_dir)
    try:
        editor = CaseEditor.open(task, store, clock)
        fill_demo_case(editor)
        case = editor.case
        assert all(is_step_done(task, case, s) for s in task.method_steps)
        assert case.klik_status is KlikStatus.COMPLETED
        total = len(task.method_steps)
        assert progress_line(task, case).startswith(f"{total} af {total} trin færdige")
        added = [f for s in task.steps for f in s.fields if f.key.startswith("added_")]
        assert len(added) >= 6 and all(case.value(f.key) for f in added)
    finally:
        store.close()

"""Each part of a case is described once (domain/parts.py): the store, the case file and
the erasure all go by that description, so none of them can forget a part."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from rolleudpeger.domain import handover
from rolleudpeger.domain.case import PARTS, Case
from rolleudpeger.domain.parts import CASE_PARTS, EVENTS
from rolleudpeger.domain.people import Role
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import erase, repository
from rolleudpeger.store.repository import Store
from tests.conftest import demo


def every_part_filled(editor: CaseEditor) -> Case:
    """The demo case, and then something in every part (a former leader, a withdrawn mail,
    a waiting step, a question deleted)."""
    demo(editor)
    editor.set_waiting("plus_rights", True, "Venter på svar")
    editor.change_role(Role.LEADER, "15.01.2027")
    editor.set_text("leader_first_name", "Ny")
    for name in PARTS:
        assert getattr(editor.case, name), f"the demo leaves {name} empty"
    return editor.case


def parts_of(case: Case) -> dict[str, object]:
    return {name: getattr(case, name) for name in PARTS}


def test_the_store_loads_every_part_it_saved(editor: CaseEditor) -> None:
    case = every_part_filled(editor)
    assert parts_of(editor.store.load_case(case.id)) == parts_of(case)


def test_a_case_file_carries_every_part_there_and_back(editor: CaseEditor, data_dir: Path) -> None:
    case = every_part_filled(editor)
    events = editor.store.events(case.id)
    data = handover.export_case(editor.task, case, events, editor.clock(), "test")
    assert set(data["case"]) == {"created_at", "current_step", EVENTS.file_key} | {
        p.file_key for p in CASE_PARTS.values()
    }
    imported = handover.parse_case(editor.task, handover.decode(json.dumps(data).encode()))

    def no_ids(value: object) -> object:  # an imported item gets its id when stored
        if isinstance(value, dict):
            return value
        return [replace(i, id=0) if hasattr(i, "id") else i for i in value]  # type: ignore[attr-defined]

    without_ids = {name: no_ids(value) for name, value in parts_of(case).items()}
    assert parts_of(imported.case) == without_ids
    assert [e.kind for e in imported.events] == [e.kind for e in events]
    # stored as a new case, loaded back: the same again
    new_id = editor.store.add_case(imported.case, imported.events, events[-1])
    loaded = editor.store.load_case(new_id)
    assert {n: v for n, v in parts_of(loaded).items() if isinstance(v, dict)} == {
        n: v for n, v in parts_of(case).items() if isinstance(v, dict)
    }
    assert all(len(getattr(loaded, n)) == len(getattr(case, n)) for n in PARTS)


def test_a_case_with_only_a_former_leader_has_content(editor: CaseEditor) -> None:
    """0.2.0's has_content forgot the role history: importing over such a case did not ask."""
    editor.set_text("leader_first_name", "Maja")
    editor.change_role(Role.LEADER, "15.01.2027")
    assert editor.case.role_history and not editor.case.values
    assert handover.has_content(editor.case)


def test_erasing_reaches_every_parts_table(editor: CaseEditor) -> None:
    tables = {m.__table__.name for m in repository.MODELS.values()}  # type: ignore[attr-defined]
    assert tables <= set(erase.CASE_TABLES)


def test_a_part_added_to_the_case_but_not_described_fails_at_import() -> None:
    code = (
        "import sys\n"
        "from rolleudpeger.domain import case\n"
        "case.PARTS = (*case.PARTS, 'signatures')\n"
        "try:\n"
        "    import rolleudpeger.domain.parts\n"
        "except ImportError as e:\n"
        "    print(e)\n"
        "    sys.exit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3 and "signatures" in result.stdout, result.stderr


def test_a_part_whose_table_lacks_a_column_fails_at_import() -> None:
    code = (
        "import sys\n"
        "from rolleudpeger.domain import parts\n"
        "q = parts.QUESTIONS\n"
        "cols = (*q.columns, parts.Column('asked_by', parts.Kind.TEXT))\n"
        "import dataclasses\n"
        "parts.CASE_PARTS['questions'] = dataclasses.replace(q, columns=cols)\n"
        "try:\n"
        "    import rolleudpeger.store.repository\n"
        "except ImportError as e:\n"
        "    print(e)\n"
        "    sys.exit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3 and "asked_by" in result.stdout, result.stderr
    assert Store  # (the store module, imported normally, has every column)

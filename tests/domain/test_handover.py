"""Export a case, import it on another PC, in the domain: everything arrives; a bad
file is refused with every problem listed. (Cases are filled through the editor.)"""

from __future__ import annotations

import json
from typing import Any

import pytest

from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.domain import handover
from rolleudpeger.domain.events import Cause, EventKind
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor


def exported(editor: CaseEditor) -> dict[str, Any]:
    clock = demo_clock()
    editor.clock = lambda: next(clock)
    fill_demo_case(editor)
    editor.set_waiting("plus_rights", True, "Venter")
    return handover.export_case(
        editor.task, editor.case, editor.store.events(editor.case.id), editor.clock(), "0.1.0"
    )


def test_round_trip_in_the_domain(task: TaskDef, editor: CaseEditor) -> None:
    data = json.loads(json.dumps(exported(editor)))
    imported = handover.parse_case(task, data)
    original = editor.case
    assert imported.case.values == original.values
    assert imported.case.status_history == original.status_history
    assert imported.case.waiting == original.waiting
    assert [(q.text, q.answer) for q in imported.case.questions] == [
        (q.text, q.answer) for q in original.questions
    ]
    assert [m.mail for m in imported.case.mails] == [m.mail for m in original.mails]
    assert len(imported.events) == len(editor.store.events(editor.case.id))


def test_every_problem_is_listed(task: TaskDef, editor: CaseEditor) -> None:
    data = exported(editor)
    case = data["case"]
    case["values"]["leader_first_name"]["value"] = "Ma\x00ja"
    case["values"]["ukendt_felt"] = {"value": "x", "changed_at": "2026-11-27T10:00:00+00:00"}
    case["values"]["municipality"]["value"] = "999"
    case["values"]["guide_read"]["value"] = "ja"
    case["klik_status"][1]["status"] = "Påbegyndt"  # the same status twice in a row
    case["questions"][0]["asked_at"] = "i går"
    with pytest.raises(handover.HandoverError) as e:
        handover.parse_case(task, data)
    text = "\n".join(e.value.problems)
    for where in (
        "case.values.leader_first_name.value: Teksten indeholder usynlige styretegn",
        "case.values.ukendt_felt: ukendt felt",
        "case.values.municipality: ukendt kommunekode '999'",
        "case.values.guide_read: et flueben",
        "case.klik_status[1]: status kan ikke gå fra",
        "case.questions[0].asked_at: skal være et tidspunkt",
    ):
        assert where in text, where


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([1, 2], "ikke en sag fra Rolleudpeger"),
        ({"format": "rolleudpeger-sag", "version": 99}, "formatversion 99"),
        ({"format": "noget andet"}, "ikke en sag fra Rolleudpeger"),
    ],
)
def test_foreign_files(task: TaskDef, data: object, expected: str) -> None:
    with pytest.raises(handover.HandoverError, match=expected):
        handover.parse_case(task, data)


def test_a_case_file_from_0_1_0_is_read_with_its_log_as_data(task: TaskDef) -> None:
    """Version 1 files (0.1.0) hold the log as sentences; they are read as data."""
    from tests.store.test_upgrade_from_0_1_0 import FIXTURE

    raw = (FIXTURE.parent / "rolleudpeger-sag-0.1.0.json").read_bytes()
    data = handover.decode(raw)
    assert data["version"] == 1
    imported = handover.parse_case(task, data)
    assert len(imported.events) == len(data["case"]["events"]) == 27
    assert {e.cause for e in imported.events} == {Cause.IMPORTED}
    last = imported.events[-1]
    assert (last.kind, last.new) == (
        EventKind.WAITING_STARTED,
        "Venter på, at Maja bekræfter sit telefonnummer",
    )
    status = [e for e in imported.events if e.kind is EventKind.KLIK_STATUS]
    assert [(e.old, e.new) for e in status] == [("Ikke påbegyndt", "Påbegyndt")]
    assert imported.case.value("leader_phone") == "+4541857230"


def test_an_unknown_event_kind_is_named(task: TaskDef, editor: CaseEditor) -> None:
    data = exported(editor)
    data["case"]["events"][0]["kind"] = "hacked"
    data["case"]["events"][1]["cause"] = 7
    with pytest.raises(handover.HandoverError) as e:
        handover.parse_case(task, data)
    assert "case.events[0].kind: ukendt værdi 'hacked'" in e.value.problems
    assert "case.events[1].cause: ukendt værdi 7" in e.value.problems

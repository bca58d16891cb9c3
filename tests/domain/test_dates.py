"""One date rule (domain.validation): a real calendar date in 2000–2099, and no period that
ends before it begins — for what is typed, every date and time in a case file, and every
file made from a date. Also: a case file saved with a byte order mark is read."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from rolleudpeger.domain import handover, kinds, validation
from rolleudpeger.domain.calendar import deadline, deadline_ics
from rolleudpeger.domain.report import build_report
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.domain.validation import (
    FIRST_YEAR,
    LAST_YEAR,
    check_date,
    date_problem,
    read_date,
    time_problem,
)
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.repository import Store
from tests.conftest import with_empty_database
from tests.domain.test_handover import exported

TODAY = date(2026, 11, 27)
NOT_DATES = ["31.02.2027", "2027-02-31", "29.02.2027", "32.01.2026", "00.01.2026", "i morgen"]
OUTSIDE = ["9999-12-31", "0005-01-01", "1999-12-31", "2100-01-01", "01.01.2100", "31.12.1999"]
EDGES = [("01.01.2000", "2000-01-01"), ("31.12.2099", "2099-12-31"), ("29.02.2000", "2000-02-29")]


# --- typed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), EDGES)
def test_the_first_and_last_days_of_the_range_are_dates(typed: str, stored: str) -> None:
    checked = check_date(typed)
    assert (checked.value, checked.error) == (stored, None)
    assert read_date(stored) == date.fromisoformat(stored)


@pytest.mark.parametrize("typed", NOT_DATES + OUTSIDE)
def test_a_typed_non_date_is_kept_with_a_message_and_never_read_as_a_date(
    task: TaskDef, editor: CaseEditor, typed: str
) -> None:
    message = editor.set_text("klik_deadline", typed)
    assert message in validation.date_messages(), message  # how to write it, or why not
    stored = editor.case.value("klik_deadline")
    assert stored == typed  # kept as typed, to correct
    assert read_date(stored) is None
    assert deadline(stored, TODAY) is None  # no days left, no .ics
    # A required date field holding it is not done (the shipped task has none required).
    editor.set_text("decision_date", typed)
    required = replace(task.field("decision_date"), required=True)
    missing = kinds.of(required).missing(task, editor.case, required)
    assert missing is not None and "datoen er ikke gyldig" in missing


def test_a_date_outside_the_range_says_which_years_are_allowed() -> None:
    error = check_date("01.01.2100").error
    assert error is not None and f"mellem {FIRST_YEAR} og {LAST_YEAR}" in error
    assert (FIRST_YEAR, LAST_YEAR) == (2000, 2099)


# --- files made from a date ------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(5, 1, 1), date(2100, 1, 1)])
def test_no_calendar_file_is_made_from_a_date_outside_the_rule(day: date) -> None:
    with pytest.raises(ValueError, match="ligger ikke mellem 2000 og 2099"):
        deadline_ics(
            uid="x", day=day, title="t", description="d", now=datetime.now(UTC), version="0"
        )


def test_the_last_day_makes_a_valid_calendar_file() -> None:
    ics = deadline_ics(
        uid="x",
        day=date(2099, 12, 31),
        title="t",
        description="d",
        now=datetime.now(UTC),
        version="0",
    ).decode()
    assert "DTSTART;VALUE=DATE:20991231" in ics and "DTEND;VALUE=DATE:21000101" in ics


@pytest.mark.parametrize("forged", ["9999-12-31", "0005-01-01", "2027-02-31"])
def test_a_forged_date_in_the_database_reaches_no_file(
    task: TaskDef, editor: CaseEditor, store: Store, forged: str
) -> None:
    """A database an older version wrote (or a file it imported unchecked) may hold any
    text: the report, the status line and the calendar read it through the rule."""
    editor.set_text("klik_deadline", "15.12.2026")
    with store.engine.begin() as c:
        c.exec_driver_sql(
            "UPDATE field_values SET value = ? WHERE key = 'klik_deadline'", (forged,)
        )
    case = store.load_case(editor.case.id)
    assert deadline(case.value("klik_deadline"), TODAY) is None
    report = build_report(task, case, [], datetime.now(UTC), "test")
    assert not report.deadline


# --- a case file ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def _exported(task: TaskDef, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo case as a file, made once for the module's tests (each reads a copy)."""
    store = Store.open(with_empty_database(tmp_path_factory.mktemp("exported")))
    try:
        return json.dumps(exported(CaseEditor.open(task, store)))
    finally:
        store.close()


@pytest.fixture
def valid(_exported: str) -> dict[str, Any]:
    return json.loads(_exported)


def problems(task: TaskDef, data: dict[str, Any]) -> str:
    with pytest.raises(handover.HandoverError) as e:
        handover.parse_case(task, handover.decode(json.dumps(data).encode()))
    return "\n".join(e.value.problems)


def test_a_valid_file_passes_the_rule(task: TaskDef, valid: dict[str, Any]) -> None:
    handover.parse_case(task, valid)


@pytest.mark.parametrize("value", ["9999-12-31", "0005-01-01", "2027-02-31", "31.02.2027"])
@pytest.mark.parametrize("key", ["klik_deadline", "decision_date"])
def test_a_date_field_in_a_file_must_be_a_date_under_the_rule(
    task: TaskDef, valid: dict[str, Any], key: str, value: str
) -> None:
    data = copy.deepcopy(valid)
    data["case"]["values"][key] = {"value": value, "changed_at": "2026-11-27T10:00:00+00:00"}
    found = problems(task, data)
    assert f"case.values.{key}: " in found, found
    assert "ligger ikke mellem 2000 og 2099" in found or "er ikke en dato" in found, found


PLACES = [  # where a time is in a case file: the path to it
    ("created_at",),
    ("values", "team", "changed_at"),
    ("waiting", "plus_rights", "since"),
    ("klik_status", 0, "at"),
    ("questions", 0, "asked_at"),
    ("questions", 0, "answered_at"),
    ("mails", 0, "sent_at"),
    ("mails", 0, "withdrawn_at"),
    ("events", 0, "at"),
]


def _place(path: tuple[str | int, ...]) -> str:
    return "case" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


@pytest.mark.parametrize("path", PLACES, ids=_place)
@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("9999-12-31T23:59:59+00:00", 9999),
        ("0005-01-01T00:00:00+00:00", 5),
        ("1999-12-31T23:59:59+00:00", 1999),
        ("2100-01-01T00:00:00+00:00", 2100),
        ("2100-12-31T23:00:00-05:00", 2101),  # 2101 in UTC, as it is stored
    ],
)
def test_every_time_in_a_file_passes_the_rule_and_the_message_names_the_right_years(
    task: TaskDef, valid: dict[str, Any], path: tuple[str | int, ...], value: str, year: int
) -> None:
    data = copy.deepcopy(valid)
    holder: Any = data["case"]
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value
    found = problems(task, data)
    assert f"{_place(path)}: året {year} ligger ikke mellem 2000 og 2099" in found, found


def test_at_the_edge_the_message_says_why_the_year_is_outside() -> None:
    """2099-12-31T23:30-02:00 is 2100 in UTC: the message says so, so that it never reads
    "2099 ligger ikke mellem 2000 og 2099"."""
    problem = time_problem(datetime.fromisoformat("2099-12-31T23:30:00-02:00"))
    assert problem is not None
    assert problem.startswith("året 2100 ligger ikke mellem 2000 og 2099")
    assert "2100-01-01 01:30 i UTC" in problem
    assert date_problem(date(2100, 1, 1)) == "året 2100 ligger ikke mellem 2000 og 2099"


@pytest.mark.parametrize(
    "value",
    ["2000-01-01T00:00:00+00:00", "2099-12-31T23:59:59+00:00", "2099-12-31T12:00:00-11:00"],
)
def test_times_at_the_edges_are_inside(value: str) -> None:
    assert time_problem(datetime.fromisoformat(value)) is None


def _period(start: str | None, end: str) -> dict[str, Any]:
    return {
        "role": "owner",
        "first_name": "Anne",
        "last_name": "Holm",
        "title": "",
        "email": "",
        "phone": "",
        "started_at": start,
        "ended_at": end,
    }


def test_a_role_period_from_2099_to_2001_is_refused(task: TaskDef, valid: dict[str, Any]) -> None:
    data = copy.deepcopy(valid)
    data["case"]["role_history"] = [
        _period("2099-01-01T00:00:00+00:00", "2001-01-01T00:00:00+00:00")
    ]
    found = problems(task, data)
    assert "case.role_history[0].ended_at: 2001-01-01T00:00:00+00:00 ligger før 2099" in found


def test_a_period_of_one_moment_and_one_with_no_known_start_are_periods(
    task: TaskDef, valid: dict[str, Any]
) -> None:
    data = copy.deepcopy(valid)
    data["case"]["role_history"] = [
        _period("2026-11-10T10:00:00+00:00", "2026-11-10T10:00:00+00:00"),
        _period(None, "2026-11-11T10:00:00+00:00"),
    ]
    assert len(handover.parse_case(task, data).case.role_history) == 2


def test_an_answer_before_its_question_and_a_mail_taken_back_before_it_was_sent(
    task: TaskDef, valid: dict[str, Any]
) -> None:
    data = copy.deepcopy(valid)
    question = data["case"]["questions"][0]
    question["answered_at"] = _earlier(question["asked_at"])
    mail = data["case"]["mails"][0]
    mail["withdrawn_at"] = _earlier(mail["sent_at"])
    found = problems(task, data)
    assert "case.questions[0].answered_at: " in found and " ligger før " in found
    assert "case.mails[0].withdrawn_at: " in found


def test_klik_status_changes_are_in_the_order_they_happened(
    task: TaskDef, valid: dict[str, Any]
) -> None:
    data = copy.deepcopy(valid)
    history = data["case"]["klik_status"]
    history[1]["at"] = _earlier(history[0]["at"])
    assert "case.klik_status[1].at: " in problems(task, data)


def _earlier(at: str) -> str:
    return (datetime.fromisoformat(at) - timedelta(days=1)).isoformat()


# --- a byte order mark ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),  # Notepad's and Excel's UTF-8
        lambda text: text.encode("utf-16"),  # Notepad's "Unicode" (little-endian, BOM)
        lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
        lambda text: text.encode("utf-8"),
    ],
)
def test_a_case_file_with_a_byte_order_mark_is_read(
    task: TaskDef, valid: dict[str, Any], encode: Any
) -> None:
    raw = encode(json.dumps(valid, ensure_ascii=False))
    imported = handover.parse_case(task, handover.decode(raw))
    assert imported.case.value("leader_last_name") == "Søndergaard"


def test_a_byte_order_mark_inside_the_text_is_not_a_bom(
    task: TaskDef, valid: dict[str, Any]
) -> None:
    data = copy.deepcopy(valid)
    data["case"]["values"]["leader_first_name"]["value"] = "\ufeffMaja"
    raw = b"\xef\xbb\xbf" + json.dumps(data).encode()
    assert "case.values.leader_first_name.value: Teksten indeholder usynlige tegn" in problems(
        task, data
    )
    with pytest.raises(handover.HandoverError, match="ikke en gyldig sagsfil"):
        handover.decode(b"\xef\xbb\xbf\xef\xbb\xbf" + raw)  # two marks: the second is text


def test_a_time_with_a_large_offset_is_read_in_utc() -> None:
    at = datetime(2050, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=14)))
    assert time_problem(at) is None


@pytest.mark.parametrize(
    "typed", ["31.02.2027", "9.13.2026", "29.02.2027", "2027-02-30", "0.1.2026"]
)
def test_a_date_written_right_that_does_not_exist_is_told_so(typed: str) -> None:
    """Found by an outside round: "31.02.2027" was told to write dd.mm.åååå, as it was."""
    checked = validation.check_date(typed)
    assert checked.value == typed  # kept as typed, never read as a date
    assert checked.error is not None and checked.error.startswith("Den dato findes ikke")
    assert checked.error in validation.date_messages()  # the field keeps room for it


@pytest.mark.parametrize("typed", ["15-12-26", "15.dec.2026", "i morgen", "2026"])
def test_a_date_written_another_way_is_told_how_to_write_it(typed: str) -> None:
    checked = validation.check_date(typed)
    assert checked.error is not None and checked.error.startswith("Skriv datoen som dd.mm.åååå")

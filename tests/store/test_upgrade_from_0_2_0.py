"""A database made by Rolleudpeger 0.2.0 itself (fixtures/rolleudpeger-0.2.0.sqlite3, made by
fixtures/make_v0_2_0_database.py with the 0.2.0 code: a leader and an owner replaced, two
mails, three questions) upgrades with everything kept, and 0.2.0's case file still imports.
0.2.0 stated no dates: they read as not stated, beside the times it registered — none is
made up from when a box was ticked."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from rolleudpeger.domain import handover
from rolleudpeger.domain.case import Case
from rolleudpeger.domain.events import EventKind
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.report import build_report
from rolleudpeger.domain.taskdef import KlikStatus, TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import backup, migrate
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from tests.conftest import Clock

FIXTURES = Path(__file__).parent / "fixtures"
DATABASE = FIXTURES / "rolleudpeger-0.2.0.sqlite3"
CASE_FILE = FIXTURES / "rolleudpeger-sag-0.2.0.json"

# As on the users' Windows PCs too (tests/windows_sim.py).
pytestmark = pytest.mark.usefixtures("file_semantics")


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def upgraded(data_dir: Path) -> Store:
    data_dir.mkdir(parents=True)
    shutil.copyfile(DATABASE, data_dir / DB_FILE)
    assert rows(data_dir / DB_FILE, "SELECT version_num FROM alembic_version") == [("0003",)]
    return Store.open(data_dir)


def the_case(store: Store) -> Case:
    return store.load_case(store.latest_case_id() or 0)


def test_every_row_is_kept(upgraded: Store, data_dir: Path) -> None:
    tables = ("field_values", "waiting", "klik_status_changes", "questions", "sent_mails")
    tables += ("role_periods", "events")
    counted = {t: rows(DATABASE, f"SELECT count(*) FROM {t}") for t in tables}
    upgraded.close()
    db = data_dir / DB_FILE
    assert {t: rows(db, f"SELECT count(*) FROM {t}") for t in tables} == counted
    for table, columns in {
        "questions": "text, asked_at, answer, answered_at",
        "sent_mails": "sent_at, recipient, subject, body, withdrawn_at",
        "role_periods": "role, first_name, last_name, title, email, phone, started_at, ended_at",
        "events": "at, kind, step, field, old, new, detail, cause",
        "field_values": "key, value, changed_at",
    }.items():
        sql = f"SELECT {columns} FROM {table} ORDER BY 1, 2"
        assert rows(db, sql) == rows(DATABASE, sql), table
    assert rows(db, "SELECT version_num FROM alembic_version") == [(migrate.HEAD,)]
    (copy,) = backup.list_backups(data_dir)  # 0.2.0's file went into backups/ first
    assert rows(copy, "SELECT version_num FROM alembic_version") == [("0003",)]


def test_the_case_reads_as_0_2_0_left_it_with_no_date_made_up(upgraded: Store) -> None:
    case = the_case(upgraded)
    upgraded.close()
    assert case.klik_status is KlikStatus.COMPLETED
    assert (case.value("leader_first_name"), case.value("owner_last_name")) == (
        "Ole",
        "Vestergaard",
    )
    maja, birgitte = case.role_history
    assert (maja.role, maja.person.name, birgitte.role, birgitte.person.name) == (
        Role.LEADER,
        "Maja Søndergaard",
        Role.OWNER,
        "Birgitte Lund",
    )
    for period in case.role_history:
        assert (period.started_on, period.ended_on, period.decided_by, period.decided_on) == (
            "",
            "",
            "",
            "",
        )
        assert period.klik_user_removed_at is None
    assert maja.span == "ikke angivet – ikke angivet (skiftet i Rolleudpeger 13.11.2026)"
    assert maja.decision == "beslutningen er ikke angivet"
    assert case.takeovers == {}
    assert [m.sent_on for m in case.mails] == ["", ""]
    assert [q.answered_on for q in case.questions] == ["", "", ""]
    assert all(q.answered_at is not None for q in case.questions)  # registered, kept


def test_the_upgraded_case_reports_and_goes_on(upgraded: Store, task: TaskDef) -> None:
    editor = CaseEditor.open(task, upgraded, Clock())
    report = build_report(task, editor.case, upgraded.events(editor.case.id), Clock()(), "x")
    assert report.mail is not None and report.mail.sent_on == "ikke angivet"
    assert report.mail.sent_at  # the registered time, said as such
    former = next(a for a in report.appointments if a.role == "Tidligere projektleder")
    assert "Periode: ikke angivet – ikke angivet (skiftet i Rolleudpeger 13.11.2026)" in (
        former.details
    )
    assert [q.answered_on for q in report.questions] == ["ikke angivet"] * 3
    ended = [e for e in upgraded.events(editor.case.id) if e.kind is EventKind.ROLE_ENDED]
    assert [e.new for e in ended] == ["", ""]  # no day was stated in 0.2.0
    # Work goes on as in a new case: a third leader with a day and a decision.
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Karen", decided_on="10.01.2027")
    ole = editor.case.role_history[-1]
    assert (ole.person.name, ole.started_on, ole.ended_on) == ("Ole Hansen", "", "2027-01-15")
    assert the_case(upgraded).role_history == editor.case.role_history
    upgraded.close()


def test_0_2_0s_case_file_imports(editor: CaseEditor, task: TaskDef) -> None:
    data = handover.decode(CASE_FILE.read_bytes())
    assert (data["version"], data["app_version"]) == (2, "0.2.0")
    imported = handover.parse_case(task, data)
    case = imported.case
    assert [p.person.name for p in case.role_history] == ["Maja Søndergaard", "Birgitte Lund"]
    assert [p.ended_on for p in case.role_history] == ["", ""]
    assert [m.sent_on for m in case.mails] == ["", ""]
    assert case.takeovers == {} and case.klik_status is KlikStatus.COMPLETED
    assert len(imported.events) == len(data["case"]["events"])
    note = imported.events[-1]
    new_id = editor.store.add_case(case, imported.events, note)
    loaded = editor.store.load_case(new_id).role_history
    assert [replace(p, id=0) for p in loaded] == case.role_history

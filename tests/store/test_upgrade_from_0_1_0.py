"""A database made by Rolleudpeger 0.1.0 itself (fixtures/rolleudpeger-0.1.0.sqlite3, made by
fixtures/make_v0_1_0_database.py with the 0.1.0 code) upgrades with everything kept: the
case as it was, and every event, now as data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from rolleudpeger.domain.events import Cause, EventKind
from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.store import backup, migrate
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store

FIXTURE = Path(__file__).parent / "fixtures" / "rolleudpeger-0.1.0.sqlite3"


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def upgraded(data_dir: Path) -> Store:
    data_dir.mkdir(parents=True)
    shutil.copyfile(FIXTURE, data_dir / DB_FILE)
    assert rows(data_dir / DB_FILE, "SELECT version_num FROM alembic_version") == [("0001",)]
    return Store.open(data_dir)


def test_the_case_is_kept(upgraded: Store, data_dir: Path) -> None:
    case = upgraded.load_case(upgraded.latest_case_id() or 0)
    upgraded.close()
    assert case.value("municipality") == "751"
    assert case.value("leader_phone") == "+4541857231"
    assert case.value("leader_title") == ""
    assert [q.answer for q in case.questions] == [
        "Nej, det følger af en senere KLIK-opgave.",
        "Ja, hvis bibliotekschefen er konstitueret.",
    ]
    assert [m.withdrawn_at is not None for m in case.mails] == [True, False]
    assert [c.status for c in case.status_history][-3:] == [
        KlikStatus.COMPLETED,
        KlikStatus.STARTED,
        KlikStatus.COMPLETED,
    ]
    assert case.status_history[-2].reason == "Mailen skulle sendes igen"
    assert case.current_step == "complete"
    # The file as 0.1.0 left it went into backups/ before the upgrade touched it.
    (copy,) = backup.list_backups(data_dir)
    assert rows(copy, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert rows(data_dir / DB_FILE, "SELECT version_num FROM alembic_version") == [(migrate.HEAD,)]


def test_every_event_is_kept_as_data(upgraded: Store) -> None:
    before = rows(FIXTURE, "SELECT at, step, field, old, new FROM events ORDER BY id")
    events = upgraded.events(upgraded.latest_case_id() or 0)
    upgraded.close()
    assert len(events) == len(before) == 45
    assert [e.step for e in events] == [r[1] for r in before]
    # The case was imported: what came with it was done on the other computer.
    imported_at = [e.kind for e in events].index(EventKind.CASE_IMPORTED)
    assert {e.cause for e in events[:imported_at]} == {Cause.IMPORTED}
    assert {e.cause for e in events[imported_at:]} == {Cause.USER}
    # The fixture has one of each kind 0.1.0 knew (a change of leader or owner came in 0.2.0,
    # a stated date corrected in 0.3.0).
    assert {e.kind for e in events} == set(EventKind) - {
        EventKind.ROLE_ENDED,
        EventKind.DATE_STATED,
    }
    sentences = ("afventer", "begrundelse", "importeret fra", "sendt", "fortrudt")
    for e in events:
        for value in (e.field, e.old, e.new, e.detail):
            assert not value.startswith(sentences), e

    def the(kind: EventKind) -> list[tuple[str, str, str, str]]:
        return [(e.field, e.old, e.new, e.detail) for e in events if e.kind is kind]

    assert the(EventKind.WAITING_STARTED) == [
        ("", "", "Venter på, at Maja bekræfter sit telefonnummer", ""),
        ("", "", "", ""),  # waiting without a note
    ]
    assert the(EventKind.WAITING_NOTE) == [
        ("", "Venter på, at Maja bekræfter sit telefonnummer", "Maja er på ferie til mandag", "")
    ]
    assert the(EventKind.WAITING_ENDED) == [("", "Maja er på ferie til mandag", "", ""), ("",) * 4]
    assert the(EventKind.KLIK_STATUS) == [
        ("", "Ikke påbegyndt", "Påbegyndt", ""),
        ("", "Påbegyndt", "Fuldført", ""),
        ("", "Fuldført", "Påbegyndt", "Mailen skulle sendes igen"),
        ("", "Påbegyndt", "Fuldført", ""),
    ]
    assert the(EventKind.CASE_IMPORTED) == [("", "", "", "Rolleudpeger-sag-Aarhus.json")]
    assert the(EventKind.QUESTION_DELETED) == [
        ("", "Skal vi også oprette en stedfortræder?", "", "")
    ]
    assert len(the(EventKind.MAIL_SENT)) == 2 and len(the(EventKind.MAIL_WITHDRAWN)) == 1
    assert the(EventKind.MAIL_SENT)[0][2].startswith("Til: bibsys@kombit.dk")
    field_rows = [
        r
        for r in before
        if r[2]
        not in ("afventer", "klik_status", "questions", "question_answer", "mail_sent", "import")
    ]
    assert [(e.field, e.old, e.new) for e in events if e.kind is EventKind.FIELD_SET] == [
        (r[2], r[3], r[4]) for r in field_rows
    ]


def test_the_upgraded_case_takes_new_events(upgraded: Store) -> None:
    from rolleudpeger.editing import CaseEditor
    from rolleudpeger.resources import load_task

    editor = CaseEditor.open(load_task(), upgraded)
    editor.set_waiting("appoint", True, "Afventer direktionen")
    last = upgraded.events(editor.case.id)[-1]
    upgraded.close()
    assert (last.kind, last.step, last.new) == (
        EventKind.WAITING_STARTED,
        "appoint",
        "Afventer direktionen",
    )

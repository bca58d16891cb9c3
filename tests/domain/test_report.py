"""The report's content, built without Qt from a case."""

from __future__ import annotations

from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.repository import Store
from tests.conftest import Clock, demo


def test_complete_case(editor: CaseEditor, clock: Clock) -> None:
    r = demo(editor).report()
    assert r.complete and r.missing == ()
    assert r.municipality == "Aarhus Kommune (751)"
    assert r.klik_status == "Fuldført" and r.started_at and r.completed_at
    leader, owner = r.appointments[0], r.appointments[1]
    assert (leader.role, leader.name) == ("Projektleder", "Maja Søndergaard")
    assert "maja.sondergaard@aarhus.dk" in leader.details
    assert "+45 41 85 72 30" in leader.details
    assert any("PLUS" in d for d in leader.details)
    assert (owner.role, owner.name) == ("Projektejer", "Birgitte Lund")
    assert any("LÆSER" in d for d in owner.details)
    assert [a.role for a in r.appointments][2:] == [
        "Ansvarlig på KLIK-opgaven",
        "Udfører på KLIK-opgaven",
        "Bibliotekschef",
        "ØiR-koordinator",
    ]
    assert [s.title for s in r.steps] == [s.title for s in editor.task.steps]
    assert all(s.state == "færdig" and s.done_at for s in r.steps)
    assert len(r.questions) == 2 and r.questions[0].answer
    assert r.mail is not None and "Fornavn: Maja" in r.mail.body and not r.mail.outdated
    assert r.approver == "Birgitte Lund"


def test_event_log_reads_as_words(editor: CaseEditor) -> None:
    r = demo(editor).report()
    fields = {(e.field, e.new) for e in r.events}
    assert ("Kommune", "751 Aarhus") in fields
    assert ("Jeg har fået PLUS-rettigheden i KLIK", "markeret") in fields
    assert ("Projektleder – Telefon", "+45 41 85 72 30") in fields
    assert ("Projektejer – Fornavn", "Birgitte") in fields  # whose first name it is
    assert ("KLIK-status", "Fuldført") in fields
    assert ("Mail til KOMBIT", "sendt (se »Mail til KOMBIT«)") in fields
    assert r.events[0].step == "Opgaven"


def test_incomplete_case_says_what_is_missing(editor: CaseEditor) -> None:
    r = demo(editor, complete=False).report()
    assert not r.complete
    mail, last = editor.task.step("notify_kombit"), editor.task.steps[-1]
    send = "Send mailen til bibsys@kombit.dk, og markér den som sendt"
    assert f"Trin {mail.index} · {mail.title}: {send}" in r.missing
    assert any(m.startswith(f"Trin {last.index}") for m in r.missing)
    assert r.mail is None
    waiting = next(s for s in r.steps if s.title == "Giv KOMBIT besked")
    assert waiting.state == "afventer" and "telefonnummer" in waiting.note


def test_changed_leader_after_sending_is_noted(editor: CaseEditor) -> None:
    demo(editor)
    editor.set_text("leader_phone", "22 33 44 55")
    r = editor.report()
    assert r.mail is not None and r.mail.outdated
    assert "Telefon: +45 41 85 72 30" in r.mail.body  # what KOMBIT actually got


def test_empty_case(store: Store, editor: CaseEditor) -> None:
    r = editor.report()
    assert not r.complete and r.municipality == "Kommune ikke valgt"
    assert r.klik_status == KlikStatus.NOT_STARTED.value
    assert r.appointments[0].name == "ikke udpeget"
    assert r.events == ()

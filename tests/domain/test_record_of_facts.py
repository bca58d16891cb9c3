"""A record of facts (issue 21): the dates the user states beside the times the app
registered, each appointment with its own period and decision, a change of leader that
KOMBIT can read, states that agree, and plausibility told at the field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from rolleudpeger.domain import case as rules
from rolleudpeger.domain.calendar import deadline, deadline_ics
from rolleudpeger.domain.case import RuleError, StepState, step_state
from rolleudpeger.domain.events import Cause, EventKind
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.domain.validation import ValidationError
from rolleudpeger.editing import CaseEditor
from tests.conftest import Clock, demo

# --- real dates -------------------------------------------------------------------------


def test_ticking_plus_fills_in_the_day_it_was_granted_in_one_save(editor: CaseEditor) -> None:
    before = len(editor.store.events(editor.case.id))
    editor.set_check("plus_granted", True)
    assert editor.case.value("plus_granted_on") == "2026-11-27"  # the clock's day
    assert editor.store.load_case(editor.case.id).value("plus_granted_on") == "2026-11-27"
    tick, filled = editor.store.events(editor.case.id)[before:]
    assert (tick.field, tick.cause) == ("plus_granted", Cause.USER)
    assert (filled.field, filled.new, filled.cause) == (
        "plus_granted_on",
        "2026-11-27",
        Cause.CONSEQUENCE,
    )
    assert filled.detail == "field:plus_granted"
    assert filled.at == tick.at


def test_a_day_typed_first_is_kept_and_unticking_loses_nothing(editor: CaseEditor) -> None:
    assert editor.set_text("plus_granted_on", "01.11.2026") is None
    editor.set_check("plus_granted", True)
    assert editor.case.value("plus_granted_on") == "2026-11-01"
    editor.set_check("plus_granted", False)
    assert editor.case.value("plus_granted_on") == "2026-11-01"
    editor.set_check("plus_granted", True)  # ticked again: the day stated stays
    assert editor.case.value("plus_granted_on") == "2026-11-01"


def test_the_day_is_the_users_day_not_utcs(editor: CaseEditor, zone: object, clock: Clock) -> None:
    zone("Europe/Copenhagen")  # type: ignore[operator]
    clock.now = datetime(2026, 11, 27, 23, 10, tzinfo=UTC)  # 00.11 on the 28th in Denmark
    editor.set_check("plus_granted", True)
    assert editor.case.value("plus_granted_on") == "2026-11-28"


def test_the_mail_is_sent_on_a_day_of_its_own(editor: CaseEditor) -> None:
    demo(editor, complete=False)
    editor.set_waiting("notify_kombit", False)
    editor.mark_mail_sent()
    sent = editor.case.last_sent_mail
    assert sent is not None and sent.sent_on == rules.today_of(sent.sent_at)
    editor.set_mail_date("10.11.2026")
    sent = editor.case.last_sent_mail
    assert sent is not None and sent.sent_on == "2026-11-10"
    assert editor.store.load_case(editor.case.id).mails[-1].sent_on == "2026-11-10"
    last = editor.store.events(editor.case.id)[-1]
    assert (last.kind, last.field, last.new) == (EventKind.DATE_STATED, "mails", "2026-11-10")
    assert last.detail == sent.mail.subject
    for bad in ("31.02.2026", "10.11.1999", "i går"):
        with pytest.raises(ValidationError) as e:
            editor.set_mail_date(bad)
        assert e.value.field == "mail_sent_on"
    assert editor.case.mails[-1].sent_on == "2026-11-10"  # nothing was changed


def test_a_mail_marked_sent_with_a_day_stated(editor: CaseEditor) -> None:
    demo(editor, complete=False)
    editor.mark_mail_sent("12.11.2026")
    assert editor.case.mails[-1].sent_on == "2026-11-12"
    assert editor.store.events(editor.case.id)[-1].detail == "2026-11-12"


def test_no_mail_no_day(editor: CaseEditor) -> None:
    with pytest.raises(RuleError, match="Markér først"):
        editor.set_mail_date("10.11.2026")


def test_kombits_answer_has_its_day(editor: CaseEditor, clock: Clock) -> None:
    editor.add_question("Hvornår?")
    qid = editor.case.questions[-1].id
    with pytest.raises(RuleError, match="svaret først"):
        editor.set_answer_date(qid, "20.11.2026")
    editor.answer_question(qid, "I januar")
    assert editor.case.questions[-1].answered_on == "2026-11-27"
    editor.set_answer_date(qid, "20.11.2026")
    clock.now += timedelta(days=3)
    editor.answer_question(qid, "I januar, uge 2")  # corrected: the day stays
    assert editor.case.questions[-1].answered_on == "2026-11-20"
    assert editor.store.load_case(editor.case.id).questions[-1].answered_on == "2026-11-20"
    editor.answer_question(qid, "")  # no answer, no day
    assert editor.case.questions[-1].answered_on == ""


# --- each decision kept -----------------------------------------------------------------


def change_leader(editor: CaseEditor, effective: str, by: str = "", on: str = "") -> None:
    editor.change_role(Role.LEADER, effective, decided_by=by, decided_on=on)


def test_a_new_leader_keeps_the_decision_it_replaces(editor: CaseEditor) -> None:
    demo(editor)
    change_leader(editor, "15.01.2027", "Birgitte Lund", "10.12.2026")
    (maja,) = editor.case.role_history
    assert (maja.person.name, maja.started_on, maja.ended_on) == (
        "Maja Søndergaard",
        "2026-11-09",  # appointed by the decision of 09.11.2026
        "2027-01-15",  # to the day the new one takes over, not the click
    )
    assert maja.decision == (
        "besluttet 09.11.2026 af Birgitte Lund (bibliotekschef) og Jonas Kjær (systemadministrator)"
    )
    assert maja.span == "09.11.2026 – 15.01.2027"
    takeover = editor.case.takeovers["leader"]
    assert (takeover.effective_on, takeover.decided_by, takeover.decided_on) == (
        "2027-01-15",
        "Birgitte Lund",
        "2026-12-10",
    )
    # The case's own decision fields are the first appointment's: editing them later
    # changes nothing of the period already kept.
    editor.set_text("decided_by", "Nogen andre")
    assert editor.case.role_history[0].decided_by.startswith("Birgitte Lund")
    # A second change: the period that ends began with the first change and had its
    # decision.
    name_ole(editor)
    change_leader(editor, "01.03.2027", "Karen Holm", "20.02.2027")
    ole = editor.case.role_history[-1]
    assert (ole.started_on, ole.ended_on, ole.decided_by, ole.decided_on) == (
        "2027-01-15",
        "2027-03-01",
        "Birgitte Lund",
        "2026-12-10",
    )
    assert editor.store.load_case(editor.case.id).role_history == editor.case.role_history
    assert editor.store.load_case(editor.case.id).takeovers == editor.case.takeovers


@pytest.mark.parametrize(
    ("effective", "by", "on", "field", "words"),
    [
        ("", "", "", "change_effective_date", "Skriv den dag"),
        ("31.02.2027", "", "", "change_effective_date", "findes ikke"),
        ("15.01.2100", "", "", "change_effective_date", "mellem 2000 og 2099"),
        ("01.11.2026", "", "", "change_effective_date", "fra 09.11.2026"),  # before Maja began
        ("15.01.2027", "", "i går", "change_decision_date", "dd.mm.åååå"),
        ("15.01.2027", "Ole \u202eHansen", "", "change_decided_by", "usynlige tegn"),
    ],
)
def test_a_change_that_cannot_be_made_changes_nothing(
    editor: CaseEditor, effective: str, by: str, on: str, field: str, words: str
) -> None:
    demo(editor)
    before = (editor.case.role_history, dict(editor.case.values), len(editor.store.events(1)))
    with pytest.raises(ValidationError, match=words) as e:
        change_leader(editor, effective, by, on)
    assert e.value.field == field
    assert (editor.case.role_history, editor.case.values, len(editor.store.events(1))) == before


def test_fields_emptied_for_the_new_leader_are_logged_with_their_cause(
    editor: CaseEditor,
) -> None:
    demo(editor)
    before = len(editor.store.events(editor.case.id))
    change_leader(editor, "15.01.2027")
    ended, *emptied = editor.store.events(editor.case.id)[before:]
    assert (ended.kind, ended.old, ended.new) == (
        EventKind.ROLE_ENDED,
        "Maja Søndergaard",
        "2027-01-15",
    )
    assert {e.field for e in emptied} >= {"leader_first_name", "leader_plus_created"}
    assert all(
        (e.cause, e.detail, e.new, e.at) == (Cause.CONSEQUENCE, "role:leader", "", ended.at)
        for e in emptied
    )
    plus = next(e for e in emptied if e.field == "leader_plus_created")
    assert plus.old == "1"  # the KLIK box that was ticked, unticked by the change


def test_the_former_leaders_plus_access_is_asked_for_while_there_is_one(
    editor: CaseEditor,
) -> None:
    demo(editor)
    task, step = editor.task, editor.task.step("appoint")
    removal = task.field("former_leader_plus_removed")
    assert rules.field_missing(task, editor.case, removal) is None  # no former leader yet
    change_leader(editor, "15.01.2027")
    assert "Den tidligere projektleders PLUS-adgang" in " ".join(
        rules.step_missing(task, editor.case, step)
    )
    editor.set_check("former_leader_plus_removed", True)
    ticked = editor.case.changed_at("former_leader_plus_removed")
    assert rules.field_missing(task, editor.case, removal) is None
    # The next change: the tick goes with the one it was about, and is asked for again.
    for key, value in {"leader_first_name": "Ole", "leader_last_name": "Hansen"}.items():
        editor.set_text(key, value)
    change_leader(editor, "01.03.2027")
    maja, ole = editor.case.role_history
    assert (maja.klik_user_removed_at, ole.klik_user_removed_at) == (ticked, None)
    assert not editor.case.is_checked("former_leader_plus_removed")
    assert rules.field_missing(task, editor.case, removal) is not None
    assert editor.store.load_case(editor.case.id).role_history == [maja, ole]


def name_ole(editor: CaseEditor) -> None:
    """The new leader's four details, as the user types them after a change."""
    for key, value in {
        "leader_first_name": "Ole",
        "leader_last_name": "Hansen",
        "leader_email": "ole@aarhus.dk",
        "leader_phone": "22334455",
    }.items():
        editor.set_text(key, value)


def test_the_mail_about_a_new_leader_is_a_new_message(editor: CaseEditor) -> None:
    demo(editor)
    first = editor.case.mails[0].mail
    assert first.body.startswith("Kære KOMBIT\n\nSom svar på KLIK-opgaven")
    change_leader(editor, "15.01.2027", "Birgitte Lund", "10.12.2026")
    name_ole(editor)
    mail = mail_state(editor.task, editor.case).current
    assert mail is not None
    assert mail.subject.startswith("Ny projektleder for ØiR-debitorintegrationen til FBS")
    assert "fra 15.01.2027" in mail.subject and mail.subject != first.subject
    assert "Som svar på" not in mail.body
    assert "ny projektleder for implementeringen" in mail.body and "fra 15.01.2027" in mail.body
    assert "afløser Maja Søndergaard" in mail.body
    assert "Birgitte" not in mail.body and "Lund" not in mail.body  # never the owner
    assert "Fornavn: Ole\nEfternavn: Hansen\nE-mail: ole@aarhus.dk\n" in mail.body


def test_a_change_0_2_0_registered_has_no_day_and_the_mail_says_none(
    editor: CaseEditor,
) -> None:
    demo(editor)
    change_leader(editor, "15.01.2027")
    editor.case.takeovers.clear()  # as a database upgraded from 0.2.0 holds it
    name_ole(editor)
    mail = mail_state(editor.task, editor.case).current
    assert mail is not None and "fra " not in mail.subject
    assert "afløser Maja Søndergaard" in mail.body  # the first mail's words, as 0.2.0 had


# --- plausibility: told at the field, never refused -------------------------------------


def test_dates_that_do_not_add_up_are_told_at_their_field(editor: CaseEditor) -> None:
    demo(editor)
    assert editor.warnings() == {}
    editor.set_text("decision_date", "24.12.2026")  # after the demo's clock: ahead
    found = editor.warnings()
    assert "fremtiden" in found["decision_date"]
    # Created in KLIK (ticked 11.–12.11.2026) before a decision of 24.12: said at the boxes.
    assert "før beslutningen om at udpege projektleder" in found["leader_plus_created"]
    assert "før beslutningen om at udpege projektejer" in found["owner_reader_created"]
    assert "før beslutningen om projektlederen" in found["mail_sent_on"]
    assert editor.case.value("decision_date") == "2026-12-24"  # kept: a warning, no refusal
    editor.set_text("plus_granted_on", "01.01.2027")
    assert "fremtiden" in editor.warnings()["plus_granted_on"]


def test_a_new_leaders_own_decision_is_the_one_the_boxes_are_held_to(
    editor: CaseEditor,
) -> None:
    demo(editor)
    change_leader(editor, "15.01.2027", "Birgitte Lund", "10.11.2026")
    editor.set_text("leader_first_name", "Ole")
    editor.set_check("leader_plus_created", True)
    assert "leader_plus_created" not in editor.warnings()
    change_leader(editor, "20.01.2027", "Birgitte Lund", "31.12.2026")
    editor.set_text("leader_first_name", "Ida")
    editor.set_check("leader_plus_created", True)
    assert "31.12.2026" in editor.warnings()["leader_plus_created"]


# --- states agree -----------------------------------------------------------------------


def test_after_a_new_leader_page_list_and_report_say_one_thing(editor: CaseEditor) -> None:
    demo(editor)
    task = editor.task
    assert editor.case.klik_status is KlikStatus.COMPLETED
    assert rules.record_note(task, editor.case) == ""
    change_leader(editor, "15.01.2027")
    note = rules.record_note(task, editor.case)
    assert note == (
        "Opgaven er »Fuldført« i KLIK, men KOMBIT har ikke fået besked om den nye projektleder."
    )
    assert editor.report().record_note == note
    assert "KOMBIT mangler besked" in rules.step_note(task, editor.case, task.step("notify_kombit"))


def test_the_deadline_stops_counting_once_the_task_is_fuldfort(editor: CaseEditor) -> None:
    demo(editor, complete=False)
    editor.set_text("klik_deadline", "15.12.2026")
    line = rules.progress_line(editor.task, editor.case, date(2026, 12, 20))
    assert line.endswith("KLIK-frist 15.12.2026 (overskredet)")
    editor.set_waiting("notify_kombit", False)
    editor.mark_mail_sent()
    editor.set_klik_status(KlikStatus.COMPLETED)
    line = rules.progress_line(editor.task, editor.case, date(2026, 12, 20))
    assert line.endswith("KLIK-status: Fuldført · KLIK-frist 15.12.2026")


def test_ending_a_wait_keeps_the_note_typed_last(editor: CaseEditor) -> None:
    editor.set_waiting("plus_rights", True, "Venter")
    editor.set_waiting("plus_rights", False, "Venter på Henrik fra KOMBIT-kontoret")
    ended = editor.store.events(editor.case.id)[-1]
    assert (ended.kind, ended.old) == (
        EventKind.WAITING_ENDED,
        "Venter på Henrik fra KOMBIT-kontoret",
    )
    assert "plus_rights" not in editor.case.waiting


def test_a_waiting_step_that_is_complete_says_waiting_everywhere(editor: CaseEditor) -> None:
    demo(editor)
    editor.set_waiting("plus_rights", True, "Venter på et svar")
    task, step = editor.task, editor.task.step("plus_rights")
    assert step_state(task, editor.case, step) is StepState.WAITING
    report = editor.report()
    line = next(s for s in report.steps if s.key == "plus_rights")
    assert (line.state, line.done_at) == ("afventer", "")
    assert any("Fjern markeringen »Afventer«" in m for m in report.missing)


# --- the .ics reminder --------------------------------------------------------------------


def test_the_reminder_rings_at_nine_three_days_before(zone: object) -> None:
    zone("Europe/Copenhagen")  # type: ignore[operator]
    data = deadline_ics(
        uid="x@rolleudpeger",
        day=date(2027, 3, 29),  # summer time began the day before (28.03.2027)
        title="Frist",
        description="",
        now=datetime(2026, 11, 29, 9, 30, tzinfo=UTC),
        version="0.3.0",
    )
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    (alarm,) = event.walk("VALARM")
    trigger = alarm.decoded("TRIGGER")
    start = datetime.combine(event.decoded("DTSTART"), datetime.min.time())
    assert start + trigger == datetime(2027, 3, 26, 9, 0)  # local wall clock, not midnight
    assert deadline("2027-03-29", date(2027, 3, 1)) is not None

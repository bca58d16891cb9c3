"""A new leader or owner, the mail about the new leader, and the KLIK deadline, in the
domain (no Qt, no SQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from rolleudpeger.domain import case as rules
from rolleudpeger.domain.calendar import LINE_OCTETS, deadline, deadline_ics
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import TaskDef
from tests.domain.test_rules import APPOINT, T0, commit, make_case

LATER = T0 + timedelta(days=30)


def test_a_new_leader_ends_the_period_and_empties_the_fields(task: TaskDef) -> None:
    case = make_case(municipality="751", **APPOINT, leader_title="Konsulent")
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=1)
    change = rules.propose_role_change(task, case, Role.LEADER, LATER, "15.01.2027")
    assert set(change.cleared) == {
        "leader_first_name",
        "leader_last_name",
        "leader_email",
        "leader_phone",
        "leader_title",
        "leader_plus_created",
    }
    commit(case, change, new_id=7)
    (period,) = case.role_history
    assert (period.id, period.role, period.person.name, period.person.title) == (
        7,
        Role.LEADER,
        "Maja Søndergaard",
        "Konsulent",
    )
    assert (period.started_at, period.ended_at) == (T0, LATER)
    assert case.person(task, Role.LEADER).name == ""
    assert case.person(task, Role.OWNER).name == "Birgitte Lund"  # the owner stays
    assert case.last_sent_mail is None  # the mail told of Maja
    assert len(case.mails) == 1  # and is kept
    assert "ny projektleder" in rules.step_note(task, case, task.step("notify_kombit"))


def test_the_new_mail_says_whom_the_leader_replaces_and_never_names_the_owner(
    task: TaskDef,
) -> None:
    case = make_case(municipality="751", **APPOINT)
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=1)  # KOMBIT knows Maja
    commit(case, rules.propose_role_change(task, case, Role.LEADER, LATER, "15.01.2027"), new_id=1)
    for key, value in {
        "leader_first_name": "Ole",
        "leader_last_name": "Hansen",
        "leader_email": "ole@aarhus.dk",
        "leader_phone": "+4522334455",
    }.items():
        commit(case, rules.propose_field(task, case, key, value, LATER)[0])
    mail = mail_state(task, case).current
    assert mail is not None and "afløser Maja Søndergaard" in mail.body
    assert "Lund" not in mail.body
    # The former leader becomes the owner: then the one replaced is not named.
    commit(case, rules.propose_role_change(task, case, Role.OWNER, LATER, "01.02.2027"), new_id=2)
    commit(case, rules.propose_field(task, case, "owner_first_name", "Maja", LATER)[0])
    commit(case, rules.propose_field(task, case, "owner_last_name", "Søndergaard", LATER)[0])
    mail = mail_state(task, case).current
    assert mail is not None and "Søndergaard" not in mail.body
    assert "afløser den tidligere projektleder" in mail.body


NEW_LEADER = {
    "leader_first_name": "Ole",
    "leader_last_name": "Hansen",
    "leader_email": "ole@aarhus.dk",
    "leader_phone": "+4522334455",
}


def _new_leader(task: TaskDef, case: rules.Case, at: datetime, day: str) -> None:
    commit(
        case,
        rules.propose_role_change(task, case, Role.LEADER, at, day),
        new_id=len(case.role_history) + 1,
    )
    for key, value in NEW_LEADER.items():
        commit(case, rules.propose_field(task, case, key, value, at)[0])


def test_a_leader_kombit_was_never_told_of_is_not_named_as_replaced(task: TaskDef) -> None:
    """Found by an outside round: a leader replaced before any mail was sent was named to
    KOMBIT as the one the new leader replaces. KOMBIT hears of the new leader as of the
    first: the task's first mail, no one replaced."""
    case = make_case(municipality="751", **APPOINT)
    _new_leader(task, case, LATER, "15.01.2027")
    mail = mail_state(task, case).current
    assert mail is not None and "Søndergaard" not in mail.body and "afløser" not in mail.body
    assert mail.subject.startswith("Projektleder for") and "Som svar på KLIK-opgaven" in mail.body


def test_the_one_replaced_is_the_leader_kombit_was_last_told_of(task: TaskDef) -> None:
    """Two changes with no mail between: the new leader replaces the one KOMBIT knows
    (Maja, told), not the one in between (never told)."""
    case = make_case(municipality="751", **APPOINT)
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=1)  # KOMBIT knows Maja
    _new_leader(task, case, LATER, "15.01.2027")  # Ole, never told
    _new_leader(task, case, LATER + timedelta(days=1), "16.01.2027")
    mail = mail_state(task, case).current
    assert mail is not None and "afløser Maja Søndergaard" in mail.body
    assert mail.subject.startswith("Ny projektleder")


def test_no_one_to_replace_is_said(task: TaskDef) -> None:
    with pytest.raises(rules.RuleError, match="ingen projektleder"):
        rules.propose_role_change(task, make_case(), Role.LEADER, T0, "15.01.2027")


@pytest.mark.parametrize(
    ("days", "words"),
    [(16, "(om 16 dage)"), (1, "(i morgen)"), (0, "(i dag)"), (-1, "(overskredet)")],
)
def test_days_left(days: int, words: str) -> None:
    today = date(2026, 11, 29)
    due = deadline((today + timedelta(days=days)).isoformat(), today)
    assert due is not None and due.words.endswith(words) and due.words.startswith("KLIK-frist")
    assert deadline("", today) is None and deadline("15.12", today) is None


def test_the_ics_is_rfc_5545_and_reads_back() -> None:
    title = "Udpeg debitorprojektleder og -projektejer på FBS; med komma, og æøå " * 2
    data = deadline_ics(
        uid="klik-frist-x@rolleudpeger",
        day=date(2026, 12, 15),
        title=title,
        description="Linje 1\nLinje 2",
        now=datetime(2026, 11, 29, 9, 30, tzinfo=UTC),
        version="0.2.0",
    )
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= LINE_OCTETS for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]) == "Linje 1\nLinje 2"
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 29, 9, 30, tzinfo=UTC)

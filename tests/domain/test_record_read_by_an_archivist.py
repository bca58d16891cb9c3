"""What an outside round found reading 0.3.0's report as an archivist: a stated day missing
from the report, a mail called replaced by a mail that does not exist, and a period that
ran backwards (a takeover day ahead, "15.01.2027 – nu")."""

from __future__ import annotations

from datetime import date

from rolleudpeger.domain import case as rules
from rolleudpeger.domain.case import StepState, step_missing, step_state
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.editing import CaseEditor
from tests.conftest import demo


def test_the_day_plus_was_granted_is_in_the_report_beside_when_it_was_ticked(
    editor: CaseEditor,
) -> None:
    demo(editor)
    editor.set_text("plus_granted_on", "12.10.2026")
    rows = dict(editor.report().agreements)
    said = rows["PLUS-rettigheden i KLIK tildelt den"]
    assert said.startswith("12.10.2026 (markeret ") and "kl." in said


def test_a_mail_about_a_replaced_leader_is_not_called_replaced_by_a_later_mail(
    editor: CaseEditor,
) -> None:
    demo(editor)  # the mail about Maja is sent
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    earlier = editor.report().earlier_mails
    assert len(earlier) == 1
    assert "afløst af en senere mail" not in earlier[0].status
    assert earlier[0].status.startswith("om en tidligere projektleder")


def test_a_period_whose_takeover_lies_ahead_never_runs_backwards(editor: CaseEditor) -> None:
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2099", decided_by="Birgitte Lund")
    for key, value in (("leader_first_name", "Bo"), ("leader_last_name", "Nielsen")):
        editor.set_text(key, value)
    current = editor.report().appointments[0]
    assert current.name == "Bo Nielsen"
    assert "Periode: fra 15.01.2099" in current.details
    assert not any("– nu" in d for d in current.details)


def test_after_a_new_leader_the_last_step_is_not_done_beside_what_is_missing(
    editor: CaseEditor,
) -> None:
    """Fuldført in KLIK, a new leader KOMBIT has not heard of: the last step said "færdig"
    on the page and in the list while the same page listed what was missing, and the
    report said IKKE FULDFØRT beside a step table where every step but one was done."""
    demo(editor)
    task = editor.task
    last = task.steps[-1]
    assert step_state(task, editor.case, last) is StepState.DONE
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    assert editor.case.klik_status is KlikStatus.COMPLETED  # still true in KLIK
    assert step_state(task, editor.case, last) is not StepState.DONE
    (said,) = step_missing(task, editor.case, last)
    assert said.startswith("Fuldført i KLIK, men der mangler: ")
    report = editor.report()
    assert not report.complete
    assert next(s for s in report.steps if s.key == last.key).state != StepState.DONE.label


def test_the_review_says_nothing_of_a_former_leaders_access_when_there_is_none(
    editor: CaseEditor,
) -> None:
    demo(editor)
    said = [label for line in editor.report().steps for label, _ in line.recorded]
    assert not any("tidligere projektleders PLUS-adgang" in label for label in said), said
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    said = [label for line in editor.report().steps for label, _ in line.recorded]
    assert any("tidligere projektleders PLUS-adgang" in label for label in said), said


def test_a_mail_stated_ahead_and_before_the_decision_is_told_both(editor: CaseEditor) -> None:
    """The outside round stated a mail sent 03.02.2027 with the leader decided 05.02.2027:
    only "in the future" was said; the mail before the decision was not."""
    demo(editor)
    editor.set_text("decision_date", "05.02.2099")
    editor.set_mail_date("03.02.2099")
    said = editor.warnings()["mail_sent_on"]
    assert "fremtiden" in said and "før beslutningen om projektlederen (05.02.2099)" in said
    room = rules.warning_room(editor.task, "mail_sent_on")
    assert any("fremtiden" in r and "før beslutningen" in r for r in room)  # room for both


def test_the_same_person_named_again_as_the_new_leader_is_told(editor: CaseEditor) -> None:
    """The outside round changed Anna Berg for Anna Berg: no word, and the mail said she
    replaces herself. It is said at the name (a warning: she may really be back)."""
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    editor.set_text("leader_first_name", "maja")  # as typed, in another case
    editor.set_text("leader_last_name", "SØNDERGAARD")
    said = editor.warnings()["leader_last_name"]
    assert said.startswith("Det er den samme som den tidligere projektleder")
    assert said in rules.warning_room(editor.task, "leader_last_name")
    editor.set_text("leader_last_name", "Nielsen")
    assert "leader_last_name" not in editor.warnings()


def test_a_stated_day_is_named_in_the_log_as_the_page_names_its_input(
    editor: CaseEditor,
) -> None:
    """The page asks »Sendt den« and »Besvaret den«; the log said »Dato for mailen …«."""
    demo(editor)
    editor.set_mail_date("10.11.2026")
    question = editor.case.questions[0]
    editor.set_answer_date(question.id, "12.11.2026")
    said = [e.field for e in editor.report().events]
    assert any(w.startswith("Sendt den (mailen »") for w in said)
    assert f"Besvaret den (»{question.text}«)" in said


def test_the_mail_about_a_new_leader_once_sent_is_the_mail_shown_word_for_word(
    editor: CaseEditor,
) -> None:
    """Sent, the mail about a new leader was built again for the page as if it were the
    first mail (KOMBIT had now heard of this leader, so it named no one replaced): the page
    showed, and Kopiér mail would copy, a mail that was never sent (outside round)."""
    from rolleudpeger.domain.mail import mail_state

    demo(editor)
    editor.change_role(Role.LEADER, "01.12.2026", decided_by="Birgitte Lund")
    for key, value in (
        ("leader_first_name", "Ole"),
        ("leader_last_name", "Hansen"),
        ("leader_email", "ole.hansen@aarhus.dk"),
        ("leader_phone", "22334455"),
    ):
        editor.set_text(key, value)
    before = mail_state(editor.task, editor.case).current
    assert before is not None and before.subject.startswith("Ny projektleder")
    editor.mark_mail_sent()
    state = mail_state(editor.task, editor.case)
    assert state.sent is not None and state.sent.mail == before
    assert state.current == before  # not the first mail's wording
    editor.set_text("leader_phone", "22334466")  # a detail changes: a new mail is due
    state = mail_state(editor.task, editor.case)
    assert state.outdated and state.current is not None and state.current != before
    assert "22 33 44 66" in state.current.as_text
    # Still the mail about the new leader (it went back to the first mail's wording:
    # second outside round): its subject, the day, and whom he replaces.
    assert state.current.subject == before.subject
    assert "afløser Maja Søndergaard" in state.current.body


def test_the_earlier_mails_are_read_back_in_time_from_the_current_one(
    editor: CaseEditor,
) -> None:
    """Three mails: the report showed the newest, then the others oldest first (12.12,
    then 12.11, then 06.12). From the current mail it now reads back in time."""
    demo(editor)  # the first mail, about Maja
    for day, first in (("01.12.2026", "Ole"), ("01.02.2027", "Per")):
        editor.change_role(Role.LEADER, day, decided_by="Birgitte Lund")
        for key, value in (
            ("leader_first_name", first),
            ("leader_last_name", "Hansen"),
            ("leader_email", f"{first.lower()}@aarhus.dk"),
            ("leader_phone", "22334455"),
        ):
            editor.set_text(key, value)
        editor.mark_mail_sent()
    report = editor.report()
    assert report.mail is not None and "Per" in report.mail.body
    earlier = [m.body for m in report.earlier_mails]
    assert len(earlier) == 2
    assert "Ole" in earlier[0] and "Maja" in earlier[1]  # newest first


def test_a_change_s_dates_are_warned_of_when_they_look_wrong_and_never_refused() -> None:
    """A takeover in 2099 for 2027 was taken without a word (outside round); the mail
    would make the new leader the contact from then. More than a year ahead is warned
    of, as are a decision day ahead and a takeover before its decision; all at once."""
    today = date(2026, 12, 3)
    assert rules.change_warnings("2027-01-15", "2026-12-01", today) is None
    assert rules.change_warnings("2027-12-03", "2026-12-01", today) is None  # a year: fine
    far = rules.change_warnings("2099-01-01", "2026-12-01", today)
    assert far is not None and "01.01.2099" in far and "mere end et år" in far
    before = rules.change_warnings("2026-11-20", "2026-12-01", today)
    assert before is not None and "før beslutningen (01.12.2026)" in before
    every = rules.change_warnings("2099-01-01", "2099-06-01", today)
    assert every is not None
    assert all(w in every for w in ("fremtiden", "før beslutningen", "mere end et år"))
    room = rules.change_warning_room()
    assert max(map(len, room)) >= len(every)


def test_the_same_leader_named_again_is_not_said_to_replace_herself(editor: CaseEditor) -> None:
    """»Ny projektleder…« and then the same person typed in again: the field warns, but the
    mail said »Maja … afløser Maja Søndergaard« (outside round). It names no one
    replaced: KOMBIT's leader is still the one it knows."""
    from rolleudpeger.domain.mail import mail_state

    demo(editor)
    leader = editor.case.person(editor.task, Role.LEADER)
    editor.change_role(Role.LEADER, "01.12.2026", decided_by="Birgitte Lund")
    for key, value in (
        ("leader_first_name", leader.first_name),
        ("leader_last_name", leader.last_name),
        ("leader_email", leader.email),
        ("leader_phone", leader.phone),
    ):
        editor.set_text(key, value)
    mail = mail_state(editor.task, editor.case).current
    assert mail is not None
    assert "afløser" not in mail.body

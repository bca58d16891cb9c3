"""The case rules: KLIK status, when a step is done, the mail to KOMBIT."""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime, timedelta
from email import policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolleudpeger.domain import case as rules
from rolleudpeger.domain.case import Case, FieldValue, RuleError, StepState, step_state
from rolleudpeger.domain.kinds import CHECKED
from rolleudpeger.domain.mail import as_eml, build_kombit_mail, mail_state, mailto_url
from rolleudpeger.domain.people import Person
from rolleudpeger.domain.taskdef import FieldKind, KlikStatus, TaskDef
from tests.conftest import examples, required_values

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def make_case(**values: str) -> Case:
    case = Case(id=1, task_id="fbs-debitorroller", created_at=T0)
    for k, v in values.items():
        case.values[k] = FieldValue(v, T0)
    return case


def commit(case: Case, change: rules.Change | None, new_id: int | None = None) -> None:
    assert change is not None
    case.apply(change, new_id)


LEADER = {
    "leader_first_name": "Maja",
    "leader_last_name": "Søndergaard",
    "leader_email": "maja@aarhus.dk",
    "leader_phone": "+4541857230",
}
APPOINT = {
    **LEADER,
    "owner_first_name": "Birgitte",
    "owner_last_name": "Lund",
    "leader_plus_created": CHECKED,
    "owner_reader_created": CHECKED,
}


def complete_values(task: TaskDef) -> dict[str, str]:
    """Every required field filled (what the task file requires), with realistic people."""
    return required_values(task) | {
        "municipality": "751",
        "plus_granted": CHECKED,
        "guide_read": CHECKED,
        "task_read": CHECKED,
        "responsible_name": "Jonas",
        "performer_name": "Jonas",
        "catalogue_read": CHECKED,
        "library_director_name": "Birgitte Lund",
        "placement_notes": "Aftalt",
        **APPOINT,
    }


# --- KLIK status -----------------------------------------------------------------------


def test_started_needs_responsible_and_performer(task: TaskDef) -> None:
    case = make_case()
    with pytest.raises(RuleError, match=r"ansvarlig.*udfører"):
        rules.propose_klik_status(task, case, KlikStatus.STARTED, "", T0)
    case = make_case(responsible_name="Jonas")
    with pytest.raises(RuleError, match="udfører"):
        rules.propose_klik_status(task, case, KlikStatus.STARTED, "", T0)
    case = make_case(responsible_name="Jonas", performer_name="Ida")
    commit(case, rules.propose_klik_status(task, case, KlikStatus.STARTED, "", T0))
    assert case.klik_status is KlikStatus.STARTED
    assert case.status_reached_at(KlikStatus.STARTED) == T0


def test_completed_needs_every_other_step_and_started_first(task: TaskDef) -> None:
    case = make_case(**complete_values(task))
    with pytest.raises(RuleError, match="Påbegyndt"):
        rules.propose_klik_status(task, case, KlikStatus.COMPLETED, "", T0)
    commit(case, rules.propose_klik_status(task, case, KlikStatus.STARTED, "", T0))
    mail_step = task.step_of_kind(FieldKind.MAIL)
    assert mail_step is not None
    with pytest.raises(RuleError, match=re.escape(mail_step.in_sentence)):
        rules.propose_klik_status(task, case, KlikStatus.COMPLETED, "", T0)
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=1)
    commit(case, rules.propose_klik_status(task, case, KlikStatus.COMPLETED, "", T0))
    assert case.klik_status is KlikStatus.COMPLETED
    assert all(step_state(task, case, s) is StepState.DONE for s in task.steps)


def test_what_a_status_needs_at_most_is_everything_it_may_need(task: TaskDef) -> None:
    """No case: the longest list there is (the page keeps room for it under the box)."""
    assert len(rules.status_missing(task, None, KlikStatus.STARTED)) == 2
    worst = rules.status_missing(task, None, KlikStatus.COMPLETED)
    assert len(worst) == len(task.method_steps) - 1 and worst[0].startswith("trin 1:")
    for status in (KlikStatus.STARTED, KlikStatus.COMPLETED):
        some = rules.status_missing(task, make_case(responsible_name="Jonas"), status)
        assert set(some) <= set(rules.status_missing(task, None, status))


def test_status_is_taken_back_one_step_at_a_time_with_a_reason(task: TaskDef) -> None:
    case = make_case(**complete_values(task))
    commit(case, rules.propose_klik_status(task, case, KlikStatus.STARTED, "", T0))
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=1)
    commit(case, rules.propose_klik_status(task, case, KlikStatus.COMPLETED, "", T0))
    with pytest.raises(RuleError, match="Fuldført"):
        rules.propose_klik_status(task, case, KlikStatus.NOT_STARTED, "fejl", T0)
    with pytest.raises(RuleError, match="begrundelse"):
        rules.propose_klik_status(task, case, KlikStatus.STARTED, "  ", T0)
    later = T0 + timedelta(days=1)
    commit(
        case, rules.propose_klik_status(task, case, KlikStatus.STARTED, "Sat ved en fejl", later)
    )
    assert case.klik_status is KlikStatus.STARTED
    assert case.status_history[-1].reason == "Sat ved en fejl"
    assert case.status_reached_at(KlikStatus.COMPLETED) is None
    assert rules.propose_klik_status(task, case, KlikStatus.STARTED, "", T0) is None


# --- steps -----------------------------------------------------------------------------


def test_appoint_step_needs_valid_contact_owner_and_both_klik_users(task: TaskDef) -> None:
    step = task.step("appoint")
    assert rules.is_step_done(task, make_case(**APPOINT), step)
    for key in APPOINT:
        values = dict(APPOINT)
        del values[key]
        assert not rules.is_step_done(task, make_case(**values), step), key
    bad = make_case(**{**APPOINT, "leader_email": "maja@"})
    assert rules.step_missing(task, bad, step) == [
        "Ret »Projektleder – E-mail«: adressen er ikke gyldig"
    ]
    bad = make_case(**{**APPOINT, "leader_phone": "1234"})
    assert not rules.is_step_done(task, bad, step)
    # Titles are optional.
    assert "leader_title" not in APPOINT and "owner_title" not in APPOINT


def test_step_states(task: TaskDef) -> None:
    step = task.step("plus_rights")
    case = make_case()
    assert step_state(task, case, step) is StepState.NOT_STARTED
    commit(case, rules.propose_field(task, case, "plus_granted_by", "Henrik", T0)[0])
    assert step_state(task, case, step) is StepState.IN_PROGRESS
    commit(case, rules.propose_waiting(case, "plus_rights", True, "Venter på KOMBIT", T0))
    assert step_state(task, case, step) is StepState.WAITING
    commit(case, rules.propose_check(task, case, "plus_granted", True, T0))
    # Complete, but still marked as waiting: waiting, never "færdig" too (0.2.0 said both).
    assert step_state(task, case, step) is StepState.WAITING
    assert rules.step_missing(task, case, step) == [
        "Fjern markeringen »Afventer«, når trinnet ikke venter mere"
    ]
    total = len(task.method_steps)
    none_done = f"0 af {total} trin færdige · KLIK-status: Ikke påbegyndt"
    assert rules.progress_line(task, case) == none_done
    commit(case, rules.propose_waiting(case, "plus_rights", False, "", T0))
    assert step_state(task, case, step) is StepState.DONE
    assert rules.progress_line(task, case) == none_done.replace("0 af", "1 af", 1)


def test_same_person_warns(task: TaskDef) -> None:
    case = make_case(**{**APPOINT, "owner_first_name": "maja", "owner_last_name": "SØNDERGAARD"})
    assert "samme person" in (rules.same_person_warning(task, case) or "")
    assert rules.same_person_warning(task, make_case(**APPOINT)) is None


# --- the mail --------------------------------------------------------------------------


def test_mail_content(task: TaskDef) -> None:
    case = make_case(municipality="751", **LEADER)
    mail = mail_state(task, case).current
    assert mail is not None
    assert mail.to == "bibsys@kombit.dk"
    assert "Aarhus Kommune" in mail.subject and "ØiR" in mail.subject
    for expected in (
        "Fornavn: Maja",
        "Efternavn: Søndergaard",
        "E-mail: maja@aarhus.dk",
        "Telefon: +45 41 85 72 30",
    ):
        assert expected in mail.body


def test_mail_missing_until_leader_is_valid(task: TaskDef) -> None:
    state = mail_state(task, make_case(municipality="751", **{**LEADER, "leader_phone": "12"}))
    assert state.current is None
    assert "et gyldigt telefonnummer til projektlederen" in state.problems
    with pytest.raises(RuleError):
        rules.propose_mail_sent(task, make_case(**LEADER), T0)


def test_changed_leader_after_sending_makes_the_mail_outdated(task: TaskDef) -> None:
    case = make_case(municipality="751", **LEADER)
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=1)
    assert mail_state(task, case).missing is None
    commit(case, rules.propose_field(task, case, "leader_phone", "22 33 44 55", T0)[0])
    state = mail_state(task, case)
    assert state.outdated
    assert state.missing is not None and "opdaterede" in state.missing
    commit(case, rules.propose_mail_sent(task, case, T0), new_id=2)
    assert not mail_state(task, case).outdated


names = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=examples(200), deadline=None)
@given(owner_first=names, owner_last=names, owner_title=names, shared=st.booleans())
def test_mail_never_depends_on_the_owner(
    task: TaskDef, owner_first: str, owner_last: str, owner_title: str, shared: bool
) -> None:
    """Whatever the owner is called — even sharing the leader's last name — the mail is the
    same as with no owner at all."""
    base = make_case(municipality="751", **LEADER)
    with_owner = make_case(
        municipality="751",
        **LEADER,
        owner_first_name=owner_first,
        owner_last_name=LEADER["leader_last_name"] if shared else owner_last,
        owner_title=owner_title,
        library_director_name=f"{owner_first} {owner_last}",
    )
    assert mail_state(task, with_owner).current == mail_state(task, base).current


def test_mail_never_contains_a_distinct_owner(task: TaskDef) -> None:
    case = make_case(
        municipality="751",
        **LEADER,
        owner_first_name="Ottilie",
        owner_last_name="Søndergaard",  # the same last name as the leader
        owner_title="Bibliotekschef Ottilie",
    )
    mail = mail_state(task, case).current
    assert mail is not None
    assert "Ottilie" not in mail.as_text and "Bibliotekschef" not in mail.as_text


def test_build_mail_takes_only_the_leader(task: TaskDef) -> None:
    mail = build_kombit_mail(
        task.mail, task.title, task.municipalities[0], Person("A", "B", "a@b.dk", "+4512345678")
    )
    assert "København" in mail.body


def test_mailto_is_utf8_percent_encoded(task: TaskDef) -> None:
    mail = mail_state(task, make_case(municipality="751", **LEADER)).current
    assert mail is not None
    url = mailto_url(mail)
    assert url.isascii() and " " not in url
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "bibsys@kombit.dk"
    query = parse_qs(parts.query)
    assert query["subject"] == [mail.subject]
    assert query["body"][0].replace("\r\n", "\n") == mail.body
    assert "%C3%B8" in url  # ø as UTF-8
    assert unquote(url).count("\r\n") == mail.body.count("\n")


def test_eml_is_an_unsent_draft(task: TaskDef) -> None:
    mail = mail_state(task, make_case(municipality="101", **LEADER)).current
    assert mail is not None
    at = datetime(2026, 11, 27, 12, 5, tzinfo=UTC)
    parsed = email.message_from_bytes(as_eml(mail, at), policy=policy.default)
    assert parsed["X-Unsent"] == "1"
    assert parsed["Date"].datetime == at
    assert parsed["To"] == "bibsys@kombit.dk"
    assert parsed["Subject"] == mail.subject
    assert parsed.get_content().replace("\r\n", "\n") == mail.body


def test_every_municipalitys_mail_subject_reads_back_exactly(task: TaskDef) -> None:
    """The email package's newer folding dropped the space at a fold between encoded words
    ("FBS,Københavns") in 30 of the 98 subjects; the .eml must read back as written."""
    at = datetime(2026, 11, 27, 12, 5, tzinfo=UTC)
    for m in task.municipalities:
        mail = mail_state(task, make_case(municipality=m.code, **LEADER)).current
        assert mail is not None
        parsed = email.message_from_bytes(as_eml(mail, at), policy=policy.default)
        assert parsed["Subject"] == mail.subject, m.label
        assert parsed.get_content().replace("\r\n", "\n") == mail.body


@pytest.mark.parametrize(
    ("field", "wrong"),
    [("decision_date", "9.13.2026"), ("decision_date", "31.02.2026")],
)
def test_a_step_is_not_done_while_an_optional_field_holds_a_value_to_correct(
    task: TaskDef, field: str, wrong: str
) -> None:
    """Found by an outside round: an optional date kept while not valid left the step
    "færdig" beside the field's message saying what to correct."""
    assert not task.field(field).required  # the case this is about
    step = task.step_of_field(field)
    case = make_case(**complete_values(task))
    assert step_state(task, case, step) is StepState.DONE
    commit(case, rules.propose_field(task, case, field, wrong, T0)[0])
    assert step_state(task, case, step) is StepState.IN_PROGRESS
    assert any(task.field(field).label in m for m in rules.step_missing(task, case, step))
    commit(case, rules.propose_field(task, case, field, "", T0)[0])  # emptied: optional again
    assert step_state(task, case, step) is StepState.DONE

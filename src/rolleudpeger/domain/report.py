"""The summary report's content, built from the case as plain data (the UI renders it).

Everything the municipality files in its archive is here: the appointments, each step,
the questions to KOMBIT, the mail as sent, an approval block, the event log summarised per
day and field, and the event log itself, entry by entry.

Its cost grows with the log no faster than the log: every event is read once (the largest
case an import accepts, 20,000 events, is measured by `make bench`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from rolleudpeger.domain import kinds
from rolleudpeger.domain.case import Case, is_step_done, step_missing, step_state, unanswered
from rolleudpeger.domain.events import Cause, Event, EventKind
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.people import Detail, Role, purpose
from rolleudpeger.domain.taskdef import FieldKind, KlikStatus, Purpose, StepDef, TaskDef
from rolleudpeger.domain.text import same_name
from rolleudpeger.domain.timefmt import format_date, format_time
from rolleudpeger.domain.validation import read_date
from rolleudpeger.i18n import translate

LOG_VALUE_LIMIT = 160


@dataclass(frozen=True)
class Appointment:
    """A person in a role, with the details worth filing."""

    role: str
    name: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class StepLine:
    key: str
    number: str
    title: str
    heading: str  # "Trin 4 · …"
    state: str
    done_at: str
    note: str  # what the step waits for
    recorded: tuple[tuple[str, str], ...]  # (field, what is recorded), as the review lists it
    holds_questions: bool = False
    holds_mail: bool = False


@dataclass(frozen=True)
class QuestionLine:
    asked_at: str
    text: str
    answer: str
    answered_at: str


@dataclass(frozen=True)
class MailSection:
    sent_at: str
    to: str
    subject: str
    body: str
    outdated: bool
    status: str = ""  # for an earlier mail: "afløst" or "fortrudt …"


@dataclass(frozen=True)
class EventLine:
    at: str
    step: str
    field: str  # what changed: a field's label, or what happened
    old: str
    new: str
    cause: str = ""  # "" for work done here; else where it came from
    day: str = ""  # the local date of `at`, "02.11.2026"


@dataclass(frozen=True)
class DayChanges:
    """What happened to one field (or in one kind of event) on one day: how often, and
    from what to what over the day."""

    day: str
    step: str
    field: str
    count: int
    first_old: str  # before the day's first change
    last_new: str  # after its last
    cause: str = ""


@dataclass(frozen=True)
class Report:
    """The whole report; every string is plain user or task text, not markup."""

    title: str
    municipality: str
    facts: tuple[tuple[str, str], ...]  # (label, value); a value that names itself has no label
    case_number: str  # the municipality's own journal number ("" if none)
    prepared_by: str  # the performer of the KLIK task ("" if not given)
    description: tuple[str, ...]  # the task card's description, paragraph by paragraph
    klik_status: str
    deadline: str  # "15.12.2026", the deadline KLIK showed ("" when none was written)
    started_at: str
    completed_at: str
    complete: bool
    missing: tuple[str, ...]
    appointments: tuple[Appointment, ...]
    agreements: tuple[tuple[str, str], ...]
    steps: tuple[StepLine, ...]
    questions: tuple[QuestionLine, ...]
    mail: MailSection | None
    earlier_mails: tuple[MailSection, ...]  # every other mail marked sent, oldest first
    questions_title: str  # the questions' section ("" when the task has no questions)
    mail_title: str  # the mail's section ("" when the task has no mail)
    approved_by: str  # "Godkendt af bibliotekschef": who approves
    approver: str  # the library director, who approves
    owner_signs: str  # the project owner when not the library director: accepts the role
    unanswered: tuple[str, ...]  # questions to KOMBIT with no answer
    events: tuple[EventLine, ...]  # the whole log, oldest first
    log_by_day: tuple[DayChanges, ...]  # the log per day and field, in the order first seen
    generated_at: str
    version: str

    @property
    def footer(self) -> str:
        return translate("Report", "Udskrevet {time} · Rolleudpeger {version}").format(
            time=self.generated_at, version=self.version
        )


def step_done_at(task: TaskDef, case: Case, step: StepDef) -> datetime | None:
    """When the last thing that completed the step happened (None if not done)."""
    if not is_step_done(task, case, step):
        return None
    times = (kinds.of(f).done_at(case, f) for f in step.fields if f.required)
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LOG_VALUE_LIMIT else text[: LOG_VALUE_LIMIT - 1] + "…"


def _log_value(task: TaskDef, key: str, value: str) -> str:
    """A field's stored value, as the log shows it."""
    if not value:
        return "–"
    try:
        fdef = task.field(key)
    except KeyError:  # a field of an older task definition
        return _shorten(value)
    return _shorten(kinds.of(fdef).display(task, value))


def _waiting(note: str) -> str:
    if not note:
        return translate("Report", "afventer")
    return translate("Report", "afventer: {note}").format(note=_shorten(note))


def _label_of(task: TaskDef, kind: FieldKind) -> str:
    """The label of the task's field of a kind: the name of its section in the report."""
    found = task.field_of_kind(kind)
    return found.label if found else ""


def _event_words(task: TaskDef, e: Event) -> tuple[str, str, str]:
    """(what, from, to) in the reader's language."""
    none = "–"
    match e.kind:
        case EventKind.FIELD_SET:
            try:
                label = task.field(e.field).full_label
            except KeyError:
                label = e.field
            return label, _log_value(task, e.field, e.old), _log_value(task, e.field, e.new)
        case EventKind.WAITING_STARTED:
            return translate("Report", "Afventer"), none, _waiting(e.new)
        case EventKind.WAITING_NOTE:
            return translate("Report", "Afventer"), _waiting(e.old), _waiting(e.new)
        case EventKind.WAITING_ENDED:
            return translate("Report", "Afventer"), _waiting(e.old), none
        case EventKind.KLIK_STATUS:
            new = e.new
            if e.detail:
                new = translate("Report", "{status} (begrundelse: {reason})").format(
                    status=e.new, reason=_shorten(e.detail)
                )
            return translate("Report", "KLIK-status"), e.old or none, new
        case EventKind.QUESTION_ASKED:
            return _label_of(task, FieldKind.QUESTIONS), none, _shorten(e.new)
        case EventKind.QUESTION_ANSWERED:
            what = translate("Report", "Svar")
            return what, _shorten(e.old) if e.old else none, _shorten(e.new) if e.new else none
        case EventKind.QUESTION_DELETED:
            return _label_of(task, FieldKind.QUESTIONS), _shorten(e.old), none
        case EventKind.MAIL_SENT:
            mail = _label_of(task, FieldKind.MAIL)
            return mail, none, translate("Report", "sendt (se »{section}«)").format(section=mail)
        case EventKind.MAIL_WITHDRAWN:
            mail = _label_of(task, FieldKind.MAIL)
            return mail, translate("Report", "sendt"), translate("Report", "fortrudt")
        case EventKind.ROLE_ENDED:
            role = Role.from_key(e.field)
            what = translate("Report", "Ny {role}").format(role=role.label if role else e.field)
            return what, _shorten(e.old), translate("Report", "(felterne tømt til den nye)")
        case EventKind.CASE_IMPORTED:
            imported_from = translate("Report", "importeret fra {file}").format(file=e.detail)
            return translate("Report", "Import"), none, imported_from


def _event_lines(task: TaskDef, events: list[Event]) -> tuple[EventLine, ...]:
    titles = {s.key: s.title for s in task.steps}
    elsewhere = translate("Report", "fra importeret fil")
    lines = []
    for e in events:
        what, old, new = _event_words(task, e)
        lines.append(
            EventLine(
                at=format_time(e.at),
                step=titles.get(e.step, e.step),
                field=what,
                old=old,
                new=new,
                cause=elsewhere if e.cause is Cause.IMPORTED else "",
                day=format_date(e.at),
            )
        )
    return tuple(lines)


def log_by_day(lines: tuple[EventLine, ...]) -> tuple[DayChanges, ...]:
    """The log summarised: one entry per day, step, field and cause, in the order each
    was first seen (so days stay in order); each line is read once."""
    found: dict[tuple[str, str, str, str], DayChanges] = {}
    for line in lines:
        key = (line.day, line.step, line.field, line.cause)
        seen = found.get(key)
        found[key] = (
            DayChanges(line.day, line.step, line.field, 1, line.old, line.new, line.cause)
            if seen is None
            else replace(seen, count=seen.count + 1, last_new=line.new)
        )
    return tuple(found.values())


def _appointments(task: TaskDef, case: Case) -> tuple[Appointment, ...]:
    leader, owner = case.person(task, Role.LEADER), case.person(task, Role.OWNER)

    def role_label(role: Role, default: str) -> str:
        """The group the task puts the role's fields in ("Projektleder"), if any."""
        found = task.fields_for(purpose(role, Detail.FIRST_NAME))
        return found[0].group if found and found[0].group else default

    def created(role: Role, user_type: str) -> str:
        key = task.key_for(purpose(role, Detail.KLIK_USER))
        if not key:
            return ""
        at = case.changed_at(key) if case.is_checked(key) else None
        if at is None:
            return translate("Report", "KLIK-bruger ({user_type}) er ikke oprettet endnu").format(
                user_type=user_type
            )
        return translate("Report", "Oprettet i KLIK med brugertypen {user_type} {date}").format(
            user_type=user_type, date=format_date(at)
        )

    not_appointed = translate("Report", "ikke udpeget")

    result = [
        Appointment(
            role_label(Role.LEADER, translate("Report", "Projektleder")),
            leader.name or not_appointed,
            tuple(
                d
                for d in (
                    leader.title,
                    leader.email,
                    kinds.KINDS[FieldKind.PHONE].display(task, leader.phone),
                    created(Role.LEADER, "PLUS"),
                )
                if d
            ),
        ),
    ]
    if task.key_for(purpose(Role.OWNER, Detail.FIRST_NAME)):
        result.append(
            Appointment(
                role_label(Role.OWNER, translate("Report", "Projektejer")),
                owner.name or not_appointed,
                tuple(d for d in (owner.title, created(Role.OWNER, "LÆSER")) if d),
            )
        )
    for role, label in (
        (Role.RESPONSIBLE, translate("Report", "Ansvarlig på KLIK-opgaven")),
        (Role.PERFORMER, translate("Report", "Udfører på KLIK-opgaven")),
        (Role.LIBRARY_DIRECTOR, translate("Report", "Bibliotekschef")),
    ):
        if not task.key_for(purpose(role, Detail.FULL_NAME)):
            continue  # the task does not name this role
        name = case.person(task, role).name or translate("Report", "ikke angivet")
        result.append(Appointment(label, name, ()))
    for period in case.role_history:
        label = translate("Report", "Tidligere {role}").format(role=period.role.label)
        result.append(
            Appointment(
                label,
                period.person.name,
                tuple(
                    d
                    for d in (
                        period.person.title,
                        period.span,
                    )
                    if d
                ),
            )
        )
    coordinator = case.person(task, Role.COORDINATOR).name
    if coordinator:
        result.append(Appointment(translate("Report", "ØiR-koordinator"), coordinator, ()))
    return tuple(result)


def _agreements(task: TaskDef, case: Case) -> tuple[tuple[str, str], ...]:
    found = [
        (f.report_label, case.value(f.key))
        for f in task.fields_for(Purpose.AGREEMENT)
        if case.value(f.key)
    ]
    by = case.of(task, Purpose.DECIDED_BY)
    on = kinds.KINDS[FieldKind.DATE].display(task, case.of(task, Purpose.DECISION_DATE))
    if by or on:
        decided = translate("Report", "{date} af {by}") if by and on else (on or by)
        found.insert(
            0,
            (
                translate("Report", "Udpegningen er besluttet"),
                decided.format(date=on, by=by),
            ),
        )
    webinar = task.key_for(Purpose.WEBINAR_INVITATION)
    if case.is_checked(webinar):
        got = translate("Report", "Projektlederen har fået den (markeret {date})").format(
            date=format_date(case.changed_at(webinar))
        )
        found.append((translate("Report", "Invitation til webinaret"), got))
    elif webinar and case.last_sent_mail is not None:
        found.append(
            (
                translate("Report", "Invitation til webinaret"),
                translate("Report", "Ikke markeret som modtaget"),
            )
        )
    return tuple(found)


def step_lines(task: TaskDef, case: Case) -> tuple[StepLine, ...]:
    """Each step as the report and the review show it."""
    lines = []
    for s in task.steps:
        recorded = []
        for f in s.fields:
            text = kinds.of(f).recorded(task, case, f)
            if text is not None:
                recorded.append((f.full_label, text))
        lines.append(
            StepLine(
                key=s.key,
                number="" if s.is_intro else str(s.index),
                title=s.title,
                heading=s.heading,
                state=step_state(task, case, s).label,
                done_at=format_time(step_done_at(task, case, s)),
                note=case.waiting[s.key].note if s.key in case.waiting else "",
                recorded=tuple(recorded),
                holds_questions=any(f.kind is FieldKind.QUESTIONS for f in s.fields),
                holds_mail=any(f.kind is FieldKind.MAIL for f in s.fields),
            )
        )
    return tuple(lines)


def question_lines(case: Case) -> tuple[QuestionLine, ...]:
    return tuple(
        QuestionLine(format_time(q.asked_at), q.text, q.answer, format_time(q.answered_at))
        for q in case.questions
    )


def mail_section(task: TaskDef, case: Case) -> MailSection | None:
    """The mail as last sent (None when none is)."""
    state = mail_state(task, case)
    if state.sent is None:
        return None
    sent = state.sent
    return MailSection(
        sent_at=format_time(sent.sent_at),
        to=sent.mail.to,
        subject=sent.mail.subject,
        body=sent.mail.body,
        outdated=state.outdated,
    )


def earlier_mails(case: Case) -> tuple[MailSection, ...]:
    """The mails marked sent before the current one (or taken back), with their text."""
    current = case.last_sent_mail
    return tuple(
        MailSection(
            sent_at=format_time(m.sent_at),
            to=m.mail.to,
            subject=m.mail.subject,
            body=m.mail.body,
            outdated=False,
            status=translate("Report", "fortrudt {time}").format(time=format_time(m.withdrawn_at))
            if m.withdrawn_at
            else translate("Report", "afløst af en senere mail"),
        )
        for m in case.mails
        if current is None or m.id != current.id
    )


def _deadline(task: TaskDef, case: Case) -> str:
    """The KLIK deadline as a date under the date rule ("" when none is, e.g. text kept as
    typed: the field itself says what to correct)."""
    day = read_date(case.of(task, Purpose.KLIK_DEADLINE))
    return day.strftime("%d.%m.%Y") if day else ""


def build_report(
    task: TaskDef, case: Case, events: list[Event], generated_at: datetime, version: str
) -> Report:
    """The report of a case, as it stands now."""
    municipality = case.municipality(task)
    missing = tuple(
        f"{s.heading}: {m}" for s in task.method_steps for m in step_missing(task, case, s)
    )
    director = case.person(task, Role.LIBRARY_DIRECTOR)
    owner = case.person(task, Role.OWNER)
    lines = _event_lines(task, events)
    return Report(
        title=task.title,
        case_number=case.of(task, Purpose.CASE_NUMBER),
        prepared_by=case.person(task, Role.PERFORMER).name,
        description=tuple(p for p in task.description.split("\n\n") if p.strip()),
        municipality=(
            f"{municipality.official_name} ({municipality.code})"
            if municipality
            else translate("Report", "Kommune ikke valgt")
        ),
        facts=(
            ("", task.phase),  # it names itself: "Fase 1: Opstart"
            (translate("Report", "Tema"), task.theme),
            (translate("Report", "Prioritet"), task.priority),
        ),
        klik_status=case.klik_status.value,
        deadline=_deadline(task, case),
        started_at=format_time(case.status_reached_at(KlikStatus.STARTED)),
        completed_at=format_time(case.status_reached_at(KlikStatus.COMPLETED)),
        complete=case.klik_status is KlikStatus.COMPLETED and not missing,
        missing=missing,
        appointments=_appointments(task, case),
        agreements=_agreements(task, case),
        steps=step_lines(task, case),
        questions=question_lines(case),
        mail=mail_section(task, case),
        earlier_mails=earlier_mails(case),
        questions_title=_label_of(task, FieldKind.QUESTIONS),
        mail_title=_label_of(task, FieldKind.MAIL),
        approved_by=translate("Report", "Godkendt af bibliotekschef")
        if task.key_for(purpose(Role.LIBRARY_DIRECTOR, Detail.FULL_NAME))
        else translate("Report", "Godkendt af"),
        approver=director.name,
        owner_signs=owner.name if owner.name and not same_name(owner.name, director.name) else "",
        unanswered=tuple(q.text for q in unanswered(case)),
        events=lines,
        log_by_day=log_by_day(lines),
        generated_at=format_time(generated_at),
        version=version,
    )

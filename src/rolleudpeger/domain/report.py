"""The summary report's content, built from the case as plain data (the UI renders it).

Everything the municipality files in its archive is here: the appointments, each step,
the questions to KOMBIT, the mail as sent, an approval block, the event log summarised per
day and field, and the event log itself, entry by entry.

Its cost grows with the log no faster than the log: every event is read once (the largest
case an import accepts, 20,000 events, is measured by `make bench`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from rolleudpeger.domain import kinds
from rolleudpeger.domain.case import (
    BECAUSE_FIELD,
    BECAUSE_ROLE,
    Case,
    SentMail,
    current_term,
    decision_words,
    is_step_done,
    record_note,
    stated_day,
    step_missing,
    step_state,
    unanswered,
)
from rolleudpeger.domain.events import Cause, Event, EventKind
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.people import Detail, Role, purpose
from rolleudpeger.domain.taskdef import FieldKind, KlikStatus, Purpose, StepDef, TaskDef
from rolleudpeger.domain.text import same_name
from rolleudpeger.domain.timefmt import format_date, format_time
from rolleudpeger.domain.validation import read_date
from rolleudpeger.i18n import translate

# Saves of one field this close to each other, with nothing else in between, are one edit
# (the window saves after every pause in typing): the log shows it as one entry.
ONE_EDIT = timedelta(minutes=10)


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
    answered_at: str  # when the answer was written in
    answered_on: str = ""  # the day KOMBIT answered, as stated ("ikke angivet" if none)


@dataclass(frozen=True)
class MailSection:
    sent_at: str  # when it was marked as sent
    to: str
    subject: str
    body: str
    outdated: bool
    status: str = ""  # for an earlier mail: "afløst" or "fortrudt …"
    sent_on: str = ""  # the day it was sent, as stated ("ikke angivet" if none)


@dataclass(frozen=True)
class EventLine:
    at: str
    step: str
    field: str  # what changed: a field's label, or what happened
    old: str
    new: str
    cause: str = ""  # "" for work done here; else where it came from
    day: str = ""  # the local date of `at`, "02.11.2026"
    because: str = ""  # what it followed from, when the app did it ("følger af: …")
    saves: int = 1  # the saves this one edit of a field took (one_edit_each)


@dataclass(frozen=True)
class DayChanges:
    """What happened to one field (or in one kind of event) on one day: how often, and
    from what to what over the day."""

    day: str
    step: str
    field: str
    count: int  # saves
    first_old: str  # before the day's first change
    last_new: str  # after its last
    cause: str = ""
    because: str = ""


@dataclass(frozen=True)
class Report:
    """The whole report; every string is plain user or task text, not markup."""

    title: str
    municipality: str
    facts: tuple[tuple[str, str], ...]  # (label, value); a value that names itself has no label
    case_number: str  # the municipality's own journal number ("" if none)
    prepared_by: str  # the performer of the KLIK task ("" if not given)
    goal: tuple[str, ...]  # the task card's Mål, paragraph by paragraph
    description: tuple[str, ...]  # the task card's description, paragraph by paragraph
    result: tuple[str, ...]  # the task card's Resultat
    record_note: str  # the record moved on past the KLIK task (case.record_note), or ""
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
    earlier_mails: tuple[MailSection, ...]  # every other mail marked sent, newest first
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
    def document_title(self) -> str:
        """The report's name in the PDF's title and on the print job: what it is, for
        whom, and the journal number, so that it is found again in an archive."""
        title = translate("Report", "Rapport: {title} – {municipality}").format(
            title=self.title, municipality=self.municipality
        )
        if self.case_number:
            title += " " + translate("Report", "(j.nr. {number})").format(number=self.case_number)
        return title

    def footer_for(self, *, paper: bool) -> str:
        """The footer's words: "Udskrevet" only on paper; a saved PDF says when it was made."""
        words = (
            translate("Report", "Udskrevet {time} · Rolleudpeger {version}")
            if paper
            else translate("Report", "Lavet {time} · Rolleudpeger {version}")
        )
        return words.format(time=self.generated_at, version=self.version)

    @property
    def footer(self) -> str:
        return self.footer_for(paper=False)


def step_done_at(task: TaskDef, case: Case, step: StepDef) -> datetime | None:
    """When the last thing that completed the step happened (None if not done)."""
    if not is_step_done(task, case, step):
        return None
    times = (kinds.of(f).done_at(case, f) for f in step.fields if f.required)
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _whole(text: str) -> str:
    """A value as the log shows it: all of it (never cut), its lines joined by " / "."""
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _log_value(task: TaskDef, key: str, value: str) -> str:
    """A field's stored value, as the log shows it."""
    if not value:
        return "–"
    try:
        fdef = task.field(key)
    except KeyError:  # a field of an older task definition
        return _whole(value)
    return _whole(kinds.of(fdef).display(task, value))


def _waiting(note: str) -> str:
    if not note:
        return translate("Report", "afventer")
    return translate("Report", "afventer: {note}").format(note=_whole(note))


def _subject(e: Event) -> str:
    """The subject of a mail the log recorded as sent (its text begins "Til: …\nEmne: …")."""
    for line in e.new.splitlines():
        if line.startswith("Emne: "):
            return line.removeprefix("Emne: ")
    return ""


def _sentence(words: str) -> str:
    """Words as a sentence begins: the first letter upper case, names as they are written
    (str.capitalize would lower-case every other letter: "af birgitte lund")."""
    return words[:1].upper() + words[1:]


def _day(iso: str) -> str:
    return stated_day(iso) if iso else "–"


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
                    status=e.new, reason=_whole(e.detail)
                )
            return translate("Report", "KLIK-status"), e.old or none, new
        case EventKind.QUESTION_ASKED:
            return _label_of(task, FieldKind.QUESTIONS), none, _whole(e.new)
        case EventKind.QUESTION_ANSWERED:
            what = translate("Report", "Svar")
            return what, _whole(e.old) if e.old else none, _whole(e.new) if e.new else none
        case EventKind.QUESTION_DELETED:
            return _label_of(task, FieldKind.QUESTIONS), _whole(e.old), none
        case EventKind.MAIL_SENT:
            mail = _label_of(task, FieldKind.MAIL)
            subject = _subject(e)
            sent = translate("Report", "markeret som sendt: »{subject}«").format(subject=subject)
            if e.detail:
                sent += " " + translate("Report", "(sendt {date})").format(date=_day(e.detail))
            return mail, none, sent if subject else translate("Report", "markeret som sendt")
        case EventKind.MAIL_WITHDRAWN:
            mail = _label_of(task, FieldKind.MAIL)
            return mail, translate("Report", "sendt"), translate("Report", "fortrudt")
        case EventKind.DATE_STATED:  # named as the page names the input
            what = (
                translate("Report", "Sendt den (mailen »{subject}«)")
                if e.field == "mails"
                else translate("Report", "Besvaret den (»{question}«)")
            )
            about = {"subject": _whole(e.detail), "question": _whole(e.detail)}
            return what.format(**about), _day(e.old), _day(e.new)
        case EventKind.ROLE_ENDED:
            return _role_change_words(e)
        case EventKind.CASE_IMPORTED:
            imported_from = translate("Report", "importeret fra {file}").format(file=e.detail)
            return translate("Report", "Import"), none, imported_from


def _role_change_words(e: Event) -> tuple[str, str, str]:
    """ "Ny projektleder: Maja Søndergaard → en ny overtager fra 15.01.2027, besluttet
    10.12.2026 af Birgitte Lund" (the decision is in the entry's detail from 0.3.0 on)."""
    role = Role.from_key(e.field)
    what = translate("Report", "Ny {role}").format(role=role.label if role else e.field)
    new = (
        translate("Report", "en ny overtager fra {date}").format(date=_day(e.new))
        if e.new
        else translate("Report", "en ny overtager")
    )
    if e.detail:  # its day, then who decided
        on, _, by = e.detail.partition("\n")
        new = f"{new}, {decision_words(by, on)}"
    return what, _whole(e.old), new


def _because_words(task: TaskDef, e: Event) -> str:
    """What an entry the app made followed from ("" for one the user made). Said by the
    detail of a field's entry, so also in a log imported from another PC."""
    if e.cause is not Cause.CONSEQUENCE and not (e.kind is EventKind.FIELD_SET and e.detail):
        return ""
    what, _, which = e.detail.partition(":")
    if what == BECAUSE_ROLE and (role := Role.from_key(which)) is not None:
        return translate("Report", "følger af: ny {role}").format(role=role.label)
    if what == BECAUSE_FIELD:
        try:
            label = task.field(which).label
        except KeyError:
            label = which
        return translate("Report", "følger af: »{field}«").format(field=label)
    return translate("Report", "følger af en anden ændring")


def _same_edit(last: Event, e: Event) -> bool:
    return (
        e.kind is EventKind.FIELD_SET is last.kind
        and (e.step, e.field, e.cause, e.detail) == (last.step, last.field, last.cause, last.detail)
        and timedelta(0) <= e.at - last.at <= ONE_EDIT
    )


def one_edit_each(events: list[Event]) -> list[tuple[Event, int]]:
    """The log with each edit of a field as one entry, and the saves it took: saves of the
    same field (the window saves at every pause in typing), each within ONE_EDIT of the one
    before and with nothing else between, are one change from the first value to the last,
    at the last one's time. An edit of several saves that ends where it began is left out.
    Every save stays in the database and in the case file."""
    merged: list[tuple[Event, int]] = []
    for e in events:
        if merged and _same_edit(merged[-1][0], e):
            first, saves = merged[-1]
            merged[-1] = (replace(e, old=first.old), saves + 1)
        else:
            merged.append((e, 1))
    return [(e, n) for e, n in merged if n == 1 or e.old != e.new]


def _event_lines(task: TaskDef, events: list[Event]) -> tuple[EventLine, ...]:
    titles = {s.key: s.title for s in task.steps}
    lines = []
    for e, saves in one_edit_each(events):
        what, old, new = _event_words(task, e)
        lines.append(
            EventLine(
                at=format_time(e.at),
                step=titles.get(e.step, e.step),
                field=what,
                old=old,
                new=new,
                cause=translate("Report", "fra importeret fil")
                if e.cause is Cause.IMPORTED
                else "",
                day=format_date(e.at),
                because=_because_words(task, e),
                saves=saves,
            )
        )
    return tuple(lines)


def log_by_day(lines: tuple[EventLine, ...]) -> tuple[DayChanges, ...]:
    """The log summarised: one entry per day, step, field and cause, in the order each
    was first seen (so days stay in order), counting the saves; each line is read once."""
    found: dict[tuple[str, str, str, str, str], DayChanges] = {}
    for line in lines:
        key = (line.day, line.step, line.field, line.cause, line.because)
        seen = found.get(key)
        found[key] = (
            DayChanges(
                line.day,
                line.step,
                line.field,
                line.saves,
                line.old,
                line.new,
                line.cause,
                line.because,
            )
            if seen is None
            else replace(seen, count=seen.count + line.saves, last_new=line.new)
        )
    return tuple(found.values())


def _role_label(task: TaskDef, role: Role, default: str) -> str:
    """The group the task puts the role's fields in ("Projektleder"), if any."""
    found = task.fields_for(purpose(role, Detail.FIRST_NAME))
    return found[0].group if found and found[0].group else default


USER_TYPES = {Role.LEADER: "PLUS", Role.OWNER: "LÆSER"}  # KLIK's names (the task card)


def _created(task: TaskDef, case: Case, role: Role) -> str:
    key = task.key_for(purpose(role, Detail.KLIK_USER))
    if not key:
        return ""
    user_type = USER_TYPES[role]
    at = case.changed_at(key) if case.is_checked(key) else None
    if at is None:
        return translate("Report", "KLIK-bruger ({user_type}) er ikke oprettet endnu").format(
            user_type=user_type
        )
    return translate(
        "Report", "Oprettet i KLIK med brugertypen {user_type} (markeret {date})"
    ).format(user_type=user_type, date=format_date(at))


def _removed(task: TaskDef, role: Role, at: datetime | None) -> str:
    """Whether a former holder's KLIK user was removed, where the task asks."""
    if not task.key_for(purpose(role, Detail.FORMER_KLIK_USER)):
        return ""
    if at is None:
        return translate(
            "Report", "{user_type}-adgangen i KLIK er ikke markeret som fjernet"
        ).format(user_type=USER_TYPES[role])
    return translate("Report", "{user_type}-adgangen i KLIK er fjernet (markeret {date})").format(
        user_type=USER_TYPES[role], date=format_date(at)
    )


def _periods(task: TaskDef, case: Case, role: Role, label: str) -> list[Appointment]:
    """A role's holders, the current one first, then every former one, newest first: each
    with the period (the days stated) and the decision that appointed them."""
    person = case.person(task, role)
    term = current_term(task, case, role)
    details = [person.title]
    if role is Role.LEADER:
        details += [person.email, kinds.KINDS[FieldKind.PHONE].display(task, person.phone)]
    details.append(_created(task, case, role))
    if person.name:
        details.append(
            # "from", not "– nu": a takeover day may lie ahead (a period never runs backwards).
            translate("Report", "Periode: fra {start}").format(start=stated_day(term.started_on))
        )
        details.append(_sentence(term.decision))
    result = [
        Appointment(
            label,
            person.name or translate("Report", "ikke udpeget"),
            tuple(d for d in details if d),
        )
    ]
    former = case.former(role)
    removal_box = task.key_for(purpose(role, Detail.FORMER_KLIK_USER))
    for i, period in reversed(list(enumerate(former))):
        removed = period.klik_user_removed_at
        if i == len(former) - 1 and removal_box and case.is_checked(removal_box):
            removed = case.changed_at(removal_box)  # the box is about the latest one
        details = [
            period.person.title,
            translate("Report", "Periode: {span}").format(span=period.span),
            _sentence(period.decision),
            _removed(task, role, removed),
        ]
        result.append(
            Appointment(
                translate("Report", "Tidligere {role}").format(role=period.role.label),
                period.person.name,
                tuple(d for d in details if d),
            )
        )
    return result


def _appointments(task: TaskDef, case: Case) -> tuple[Appointment, ...]:
    result = _periods(
        task, case, Role.LEADER, _role_label(task, Role.LEADER, translate("Report", "Projektleder"))
    )
    if task.key_for(purpose(Role.OWNER, Detail.FIRST_NAME)):
        result += _periods(
            task,
            case,
            Role.OWNER,
            _role_label(task, Role.OWNER, translate("Report", "Projektejer")),
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
    found += _stated_days(task, case)
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


def _stated_days(task: TaskDef, case: Case) -> list[tuple[str, str]]:
    """The day each ticked fact happened, as the user stated it (a date field's `date_of`),
    beside when the box was ticked: "12.10.2026 (markeret 03.12.2026 kl. 13.33)"."""
    rows = []
    for f in (f for s in task.steps for f in s.fields if f.date_of):
        if not case.is_checked(f.date_of):
            continue
        box = task.field(f.date_of)
        ticked = case.changed_at(f.date_of)
        day = stated_day(case.value(f.key))
        text = (
            translate("Report", "{day} (markeret {time})").format(day=day, time=format_time(ticked))
            if ticked
            else day
        )
        rows.append((f.report_label or f"{box.label}: {f.label}", text))
    return rows


def step_lines(task: TaskDef, case: Case) -> tuple[StepLine, ...]:
    """Each step as the report and the review show it."""
    lines = []
    for s in task.steps:
        recorded = []
        for f in s.fields:
            if not kinds.of(f).applies(case, f):
                continue  # not asked for now (the former leader's access, with none)
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
        QuestionLine(
            format_time(q.asked_at),
            q.text,
            q.answer,
            format_time(q.answered_at),
            stated_day(q.answered_on) if q.answer else "",
        )
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
        sent_on=stated_day(sent.sent_on),
    )


def earlier_mails(case: Case) -> tuple[MailSection, ...]:
    """The mails marked sent before the current one (or taken back), with their text,
    newest first: read on from the current mail, back in time (oldest first after the
    newest read 12.12, 12.11, 06.12)."""
    current = case.last_sent_mail
    return tuple(
        MailSection(
            sent_at=format_time(m.sent_at),
            to=m.mail.to,
            subject=m.mail.subject,
            body=m.mail.body,
            outdated=False,
            status=_earlier_status(case, m),
            sent_on=stated_day(m.sent_on),
        )
        for m in sorted(case.mails, key=lambda m: (m.sent_at, m.id), reverse=True)
        if current is None or m.id != current.id
    )


def _earlier_status(case: Case, mail: SentMail) -> str:
    """Why an earlier mail is not the current one: taken back, replaced by a later mail,
    or (no later mail yet) about a leader who has since been replaced."""
    if mail.withdrawn_at:
        return translate("Report", "fortrudt {time}").format(time=format_time(mail.withdrawn_at))
    if case.replaced_by_later(mail):
        return translate("Report", "afløst af en senere mail")
    return translate("Report", "om en tidligere projektleder; den nye er ikke meldt endnu")


def _deadline(task: TaskDef, case: Case) -> str:
    """The KLIK deadline as a date under the date rule ("" when none is, e.g. text kept as
    typed: the field itself says what to correct)."""
    day = read_date(case.of(task, Purpose.KLIK_DEADLINE))
    return day.strftime("%d.%m.%Y") if day else ""


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


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
        goal=_paragraphs(task.goal),
        description=_paragraphs(task.description),
        result=_paragraphs(task.result),
        record_note=record_note(task, case),
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

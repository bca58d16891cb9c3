"""The case: what the municipality has recorded, the changes it can go through, and its rules.

A change is proposed here (checked against the rules, nothing mutated), stored by the
store, and only then applied to the in-memory case, so the screen never shows something
the database does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from rolleudpeger.domain import kinds, people
from rolleudpeger.domain.calendar import Deadline, deadline
from rolleudpeger.domain.kinds import CHECKED
from rolleudpeger.domain.mail import Mail, current_mail, mail_state
from rolleudpeger.domain.municipalities import Municipality
from rolleudpeger.domain.people import Person, Role
from rolleudpeger.domain.taskdef import (
    AnyPurpose,
    FieldDef,
    FieldKind,
    KlikStatus,
    Purpose,
    StepDef,
    TaskDef,
    in_sentence,
)
from rolleudpeger.domain.text import same_name
from rolleudpeger.domain.timefmt import format_date
from rolleudpeger.domain.validation import (
    Refusal,
    ValidationError,
    check_name,
    check_notes,
)
from rolleudpeger.i18n import QT_TRANSLATE_NOOP, TranslatedEnum, translate


class StepState(TranslatedEnum):
    """How far a step has come, as the overview shows it."""

    NOT_STARTED = QT_TRANSLATE_NOOP("StepState", "ikke startet")
    IN_PROGRESS = QT_TRANSLATE_NOOP("StepState", "i gang")
    WAITING = QT_TRANSLATE_NOOP("StepState", "afventer")
    DONE = QT_TRANSLATE_NOOP("StepState", "færdig")


class RuleError(Refusal):
    """A change the task's rules do not allow now; the message says why."""


class ReasonNeeded(RuleError):
    """Taking the KLIK status back needs a reason: ask for one, and try again with it."""


@dataclass(frozen=True)
class FieldValue:
    """A stored value and when it last changed (for check boxes: when checked)."""

    value: str
    changed_at: datetime


@dataclass(frozen=True)
class Waiting:
    """A step put on hold, e.g. until KOMBIT grants a right."""

    note: str
    since: datetime


@dataclass(frozen=True)
class StatusChange:
    """One change of the KLIK status; going back needs a reason."""

    status: KlikStatus
    at: datetime
    reason: str = ""


@dataclass(frozen=True)
class Question:
    """A question put to KOMBIT through KLIK's message function, and its answer."""

    id: int
    text: str
    asked_at: datetime
    answer: str = ""
    answered_at: datetime | None = None


@dataclass(frozen=True)
class SentMail:
    """A mail the user marked as sent, with the exact text."""

    id: int
    mail: Mail
    sent_at: datetime
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class RolePeriod:
    """Someone who held a role (the project leader or owner) until replaced."""

    id: int
    role: Role
    person: Person
    started_at: datetime | None  # when the person was first written in (None: not known)
    ended_at: datetime

    @property
    def span(self) -> str:
        """ "09.11.2026 – 12.11.2026" ("?" where the start is not known)."""
        return translate("Case", "{start} – {end}").format(
            start=format_date(self.started_at) if self.started_at else "?",
            end=format_date(self.ended_at),
        )


# --- changes -------------------------------------------------------------------------


@dataclass(frozen=True)
class SetField:
    step: str
    key: str
    old: str
    new: str
    at: datetime


@dataclass(frozen=True)
class SetWaiting:
    step: str
    waiting: bool
    note: str
    old_note: str | None
    at: datetime


@dataclass(frozen=True)
class SetKlikStatus:
    step: str
    old: KlikStatus
    new: KlikStatus
    reason: str
    at: datetime


@dataclass(frozen=True)
class AddQuestion:
    step: str
    text: str
    at: datetime


@dataclass(frozen=True)
class AnswerQuestion:
    step: str
    question_id: int
    old: str
    answer: str
    at: datetime
    question: str = ""  # its text, for the event log


@dataclass(frozen=True)
class DeleteQuestion:
    step: str
    question_id: int
    text: str
    at: datetime


@dataclass(frozen=True)
class RecordMailSent:
    step: str
    mail: Mail
    at: datetime


@dataclass(frozen=True)
class WithdrawMail:
    step: str
    mail_id: int
    at: datetime


@dataclass(frozen=True)
class EndRolePeriod:
    """A new person takes over a role: the current one's period ends and goes into the
    history, and the role's fields (with its KLIK user box) are emptied for the new one."""

    step: str
    role: Role
    person: Person
    started_at: datetime | None
    cleared: tuple[str, ...]  # the keys of the fields emptied
    at: datetime


Change = (
    SetField
    | SetWaiting
    | SetKlikStatus
    | AddQuestion
    | AnswerQuestion
    | DeleteQuestion
    | RecordMailSent
    | WithdrawMail
    | EndRolePeriod
)


# --- the case ------------------------------------------------------------------------


@dataclass
class Case:
    """Everything recorded for one municipality's task."""

    id: int
    task_id: str
    created_at: datetime
    current_step: str = ""
    values: dict[str, FieldValue] = field(default_factory=dict)
    waiting: dict[str, Waiting] = field(default_factory=dict)
    status_history: list[StatusChange] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    mails: list[SentMail] = field(default_factory=list)
    role_history: list[RolePeriod] = field(default_factory=list)

    def value(self, key: str) -> str:
        fv = self.values.get(key)
        return fv.value if fv else ""

    def changed_at(self, key: str) -> datetime | None:
        fv = self.values.get(key)
        return fv.changed_at if fv else None

    def is_checked(self, key: str) -> bool:
        return self.value(key) == CHECKED

    @property
    def klik_status(self) -> KlikStatus:
        return self.status_history[-1].status if self.status_history else KlikStatus.NOT_STARTED

    def status_reached_at(self, status: KlikStatus) -> datetime | None:
        """When the status was last entered, if it still holds (or a later one does)."""
        if self.klik_status.rank < status.rank:
            return None
        for change in reversed(self.status_history):
            if change.status is status:
                return change.at
        return None

    @property
    def last_sent_mail(self) -> SentMail | None:
        """The newest mail marked sent (and not taken back) about the current leader: one
        sent before the leader was replaced told of the one before."""
        since = self.period_start(Role.LEADER)
        live = [
            m
            for m in self.mails
            if m.withdrawn_at is None and (since is None or m.sent_at >= since)
        ]
        return live[-1] if live else None

    def period_start(self, role: Role) -> datetime | None:
        """When the role's current holder took over (None: the first one holds it)."""
        ends = [p.ended_at for p in self.role_history if p.role is role]
        return max(ends) if ends else None

    def former(self, role: Role) -> list[RolePeriod]:
        return [p for p in self.role_history if p.role is role]

    def municipality(self, task: TaskDef) -> Municipality | None:
        return task.municipality(self.value(task.municipality_key))

    def person(self, task: TaskDef, role: Role) -> Person:
        """The person recorded in a role, from the fields the task has for it."""
        return Person(
            **{
                d.value: self.value(task.key_for(people.purpose(role, d)))
                for d in people.PERSON_DETAILS
            }
        )

    def of(self, task: TaskDef, purpose: AnyPurpose) -> str:
        """The value of the field that serves a purpose ("" when the task has none)."""
        return self.value(task.key_for(purpose))

    def apply(self, change: Change, new_id: int | None = None) -> None:
        """Apply a change the store has saved; `new_id` is the id the store gave a new row."""
        self.apply_edits(edits_of(change, self), new_id)

    def apply_edits(self, edits: list[Edit], new_id: int | None = None) -> None:
        """Apply edits to the parts of the case (see `edits_of`): one way for every part."""
        for edit in edits:
            target = getattr(self, edit.part)
            if isinstance(target, dict):
                if isinstance(edit, Put):
                    target[edit.key] = edit.item
                else:
                    target.pop(edit.key, None)
            elif isinstance(edit, Remove):
                setattr(self, edit.part, [x for x in target if x.id != edit.key])
            elif not hasattr(edit.item, "id"):  # a history without ids: appended
                target.append(edit.item)
            elif edit.item.id == 0:  # a new row: the id the store gave it
                assert new_id is not None
                target.append(replace(edit.item, id=new_id))
            else:
                setattr(self, edit.part, [edit.item if x.id == edit.item.id else x for x in target])

    def has_content(self) -> bool:
        """Anything a user would miss if the case were replaced: any part not empty."""
        return any(getattr(self, part) for part in PARTS)


# --- what a change does to the parts of the case ----------------------------------------

# The parts of a case, by their attribute: each is described once in domain/parts.py (its
# row, its place in the case file) and changed only through edits.
PARTS = ("values", "waiting", "status_history", "questions", "mails", "role_history")


@dataclass(frozen=True)
class Put:
    """Put an item into a part: under `key` in a keyed part (values, waiting); in a list,
    as a new row (id 0: the store gives the id) or in place of the row with its id."""

    part: str
    item: Any
    key: str = ""


@dataclass(frozen=True)
class Remove:
    """Take the item with this key (keyed parts) or id (lists) out of a part."""

    part: str
    key: str | int


Edit = Put | Remove


def edits_of(change: Change, case: Case) -> list[Edit]:
    """What a change does to the parts of the case as it is now. The store writes these
    edits and the case applies them: one description, read by both."""
    match change:
        case SetField():
            if change.new:
                return [Put("values", FieldValue(change.new, change.at), change.key)]
            return [Remove("values", change.key)]
        case SetWaiting():
            if not change.waiting:
                return [Remove("waiting", change.step)]
            current = case.waiting.get(change.step)
            since = current.since if current is not None else change.at
            return [Put("waiting", Waiting(change.note, since), change.step)]
        case SetKlikStatus():
            return [Put("status_history", StatusChange(change.new, change.at, change.reason))]
        case AddQuestion():
            return [Put("questions", Question(0, change.text, change.at))]
        case AnswerQuestion():
            q = next(q for q in case.questions if q.id == change.question_id)
            answered = change.at if change.answer else None
            return [Put("questions", replace(q, answer=change.answer, answered_at=answered))]
        case DeleteQuestion():
            return [Remove("questions", change.question_id)]
        case RecordMailSent():
            return [Put("mails", SentMail(0, change.mail, change.at))]
        case WithdrawMail():
            m = next(m for m in case.mails if m.id == change.mail_id)
            return [Put("mails", replace(m, withdrawn_at=change.at))]
        case EndRolePeriod():
            period = RolePeriod(0, change.role, change.person, change.started_at, change.at)
            return [Put("role_history", period), *(Remove("values", k) for k in change.cleared)]


# --- proposing changes ---------------------------------------------------------------


def propose_field(
    task: TaskDef, case: Case, key: str, raw: str, at: datetime
) -> tuple[SetField | None, str | None]:
    """Check typed text for a field. Returns the change (None if nothing changes) and a
    message when the value is kept but not valid yet. Raises ValidationError when the text
    cannot be stored at all."""
    fdef = task.field(key)
    kind = kinds.of(fdef)
    if not kind.stores_value or fdef.kind is FieldKind.CHECK:
        raise KeyError(f"{key} is not a text field")
    checked = kind.check(raw)
    old = case.value(key)
    change = None
    if checked.value != old:
        change = SetField(task.step_of_field(key).key, key, old, checked.value, at)
    return change, checked.error


def propose_municipality(task: TaskDef, case: Case, code: str, at: datetime) -> SetField | None:
    if code and task.municipality(code) is None:
        raise ValidationError(translate("Case", "Vælg en kommune fra listen."))
    key = task.municipality_key
    old = case.value(key)
    return None if code == old else SetField(task.step_of_field(key).key, key, old, code, at)


def propose_check(
    task: TaskDef, case: Case, key: str, checked: bool, at: datetime
) -> SetField | None:
    if task.field(key).kind is not FieldKind.CHECK:
        raise KeyError(f"{key} is not a check box")
    old = case.value(key)
    new = CHECKED if checked else ""
    return None if new == old else SetField(task.step_of_field(key).key, key, old, new, at)


def propose_waiting(
    case: Case, step: str, waiting: bool, note: str, at: datetime
) -> SetWaiting | None:
    note = check_notes(note).value if waiting else ""
    current = case.waiting.get(step)
    if waiting == (current is not None) and (current is None or current.note == note):
        return None
    return SetWaiting(step, waiting, note, current.note if current else None, at)


def propose_klik_status(
    task: TaskDef, case: Case, new: KlikStatus, reason: str, at: datetime
) -> SetKlikStatus | None:
    """Move the KLIK status one step forward (when the rules allow) or back (with a reason)."""
    old = case.klik_status
    if new is old:
        return None
    holder = task.status_step(new if new.rank > old.rank else old)
    step = holder.key if holder else ""
    reason = check_name(reason).value
    if new.rank < old.rank:
        if old.rank - new.rank > 1:
            raise RuleError(take_back_first(task, old))
        if not reason:
            raise ReasonNeeded(reason_needed())
        return SetKlikStatus(step, old, new, reason, at)
    if new.rank - old.rank > 1:
        raise RuleError(
            translate("Case", "Sæt først status til »{status}« ({step}).").format(
                status=KlikStatus.STARTED.value,
                step=in_sentence(task.status_step(KlikStatus.STARTED)),
            )
        )
    missing = status_missing(task, case, new)
    if missing:
        raise RuleError(translate("Case", "Der mangler: {items}").format(items="; ".join(missing)))
    return SetKlikStatus(step, old, new, "", at)


def take_back_first(task: TaskDef, status: KlikStatus) -> str:
    """Why the KLIK status cannot go back two steps at once: `status` is taken back first."""
    return translate("Case", "Fjern først markeringen »{status}« ({step}).").format(
        status=status.value, step=in_sentence(task.status_step(status))
    )


def reason_needed() -> str:
    """What ReasonNeeded says: the status goes back only with a reason."""
    return translate("Case", "Skriv en begrundelse for at sætte status tilbage.")


def status_missing(task: TaskDef, case: Case | None, status: KlikStatus) -> list[str]:
    """What must be in place before the KLIK status can be set (no case: all that may be,
    the most there is to say)."""
    if status is KlikStatus.STARTED:
        # KLIK asks for a responsible person and a performer before work starts.
        missing = []
        for role, what in (
            (Role.RESPONSIBLE, translate("Case", "navnet på den ansvarlige ({step})")),
            (Role.PERFORMER, translate("Case", "navnet på udføreren ({step})")),
        ):
            key = task.key_for(people.purpose(role, people.Detail.FULL_NAME))
            if key and (case is None or not case.value(key)):
                missing.append(what.format(step=task.step_of_field(key).in_sentence))
        return missing
    if status is KlikStatus.COMPLETED:
        holder = task.status_step(KlikStatus.COMPLETED)
        return [
            s.in_sentence
            for s in task.method_steps
            if s is not holder and (case is None or not is_step_done(task, case, s))
        ]
    return []


def _questions_step(task: TaskDef) -> str:
    step = task.step_of_kind(FieldKind.QUESTIONS)
    return step.key if step else task.intro.key


def propose_question(task: TaskDef, case: Case, text: str, at: datetime) -> AddQuestion:
    text = check_notes(text).value.strip()
    if not text:
        raise ValidationError(translate("Case", "Skriv spørgsmålet først."))
    return AddQuestion(_questions_step(task), text, at)


def propose_answer(
    task: TaskDef, case: Case, question_id: int, answer: str, at: datetime
) -> AnswerQuestion | None:
    question = next(q for q in case.questions if q.id == question_id)
    answer = check_notes(answer).value.strip()
    if answer == question.answer:
        return None
    return AnswerQuestion(
        _questions_step(task), question_id, question.answer, answer, at, question.text
    )


def propose_delete_question(
    task: TaskDef, case: Case, question_id: int, at: datetime
) -> DeleteQuestion:
    question = next(q for q in case.questions if q.id == question_id)
    return DeleteQuestion(_questions_step(task), question_id, question.text, at)


CHANGEABLE_ROLES = (Role.LEADER, Role.OWNER)


def propose_role_change(task: TaskDef, case: Case, role: Role, at: datetime) -> EndRolePeriod:
    """End the current holder's period of a role (a new person takes over). Raises
    RuleError when no one holds the role yet: then the fields are simply filled in."""
    if role not in CHANGEABLE_ROLES:
        raise ValueError(role)
    person = case.person(task, role)
    if not person.name:
        raise RuleError(
            translate(
                "Case", "Der er ingen {role} at skifte ud endnu. Skriv navnet i felterne."
            ).format(role=role.label)
        )
    keys = [
        task.key_for(people.purpose(role, d))
        for d in (*people.PERSON_DETAILS, people.Detail.KLIK_USER)
    ]
    cleared = tuple(k for k in keys if k and case.value(k))
    named = [t for k in keys if k and (t := case.changed_at(k)) is not None]
    begun = case.period_start(role)
    started = begun if begun is not None else (min(named) if named else None)
    step = task.step_where_named(role)
    return EndRolePeriod(step.key if step else task.intro.key, role, person, started, cleared, at)


# --- rules: when is a step done, and what is missing ---------------------------------


def field_missing(task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
    """Why a field keeps its step from being done: a required field not satisfied, or any
    field holding a value kept while not valid (an optional date "9.13.2026" is still to
    correct: a step is not "færdig" while a field of it says what to correct)."""
    kind = kinds.of(fdef)
    if fdef.required or (kind.stores_value and case.value(fdef.key)):
        return kind.missing(task, case, fdef)
    return None


def unanswered(case: Case) -> list[Question]:
    """Questions to KOMBIT with no answer recorded: completing is allowed, but said."""
    return [q for q in case.questions if not q.answer.strip()]


def step_missing(task: TaskDef, case: Case, step: StepDef) -> list[str]:
    return [m for f in step.fields if (m := field_missing(task, case, f)) is not None]


def is_step_done(task: TaskDef, case: Case, step: StepDef) -> bool:
    return not step_missing(task, case, step)


def _has_anything(case: Case, step: StepDef) -> bool:
    return any(kinds.of(f).begun(case, f) for f in step.fields)


def step_state(task: TaskDef, case: Case, step: StepDef) -> StepState:
    if is_step_done(task, case, step):
        return StepState.DONE
    if step.key in case.waiting:
        return StepState.WAITING
    return StepState.IN_PROGRESS if _has_anything(case, step) else StepState.NOT_STARTED


def progress_line(task: TaskDef, case: Case, today: date | None = None) -> str:
    """ "3 af 8 trin færdige · KLIK-status: Påbegyndt", and, given today and a deadline,
    " · KLIK-frist 15.12.2026 (om 16 dage)"."""
    done = sum(is_step_done(task, case, s) for s in task.method_steps)
    line = _progress(task, done, case.klik_status)
    due = deadline(case.of(task, Purpose.KLIK_DEADLINE), today) if today else None
    return f"{line} · {due.words}" if due else line


def possible_progress_lines(task: TaskDef) -> tuple[str, ...]:
    """The longest lines `progress_line` can give (the window keeps room for them, so that
    typing a deadline moves nothing below the line)."""
    total = len(task.method_steps)
    far = date(2099, 12, 31)
    return tuple(
        f"{_progress(task, total, status)} · {Deadline(far, days).words}"
        for status in KlikStatus
        for days in (-1, 0, 1, 99_999)
    )


def _progress(task: TaskDef, done: int, status: KlikStatus) -> str:
    return translate("Case", "{done} af {total} trin færdige · KLIK-status: {status}").format(
        done=done, total=len(task.method_steps), status=status.value
    )


def step_note(task: TaskDef, case: Case, step: StepDef) -> str:
    """Why a step that was done is open again, for the overview: a new project leader."""
    if not case.former(Role.LEADER):
        return ""
    tell_kombit, name_them = _new_leader_notes()
    if step.field_of_kind(FieldKind.MAIL) is not None and case.last_sent_mail is None:
        return tell_kombit
    if step is task.step_where_named(Role.LEADER) and not case.person(task, Role.LEADER).name:
        return name_them
    return ""


def possible_step_notes(task: TaskDef, step: StepDef) -> tuple[str, ...]:
    """Every note `step_note` can give this step (the overview keeps room for the longest,
    so that a row does not grow or shrink when a note comes or goes)."""
    tell_kombit, name_them = _new_leader_notes()
    notes = []
    if step.field_of_kind(FieldKind.MAIL) is not None:
        notes.append(tell_kombit)
    if step is task.step_where_named(Role.LEADER):
        notes.append(name_them)
    return tuple(notes)


def _new_leader_notes() -> tuple[str, str]:
    return (
        translate("Case", "ny projektleder – KOMBIT mangler besked"),
        translate("Case", "ny projektleder – skriv hvem"),
    )


def same_person_warning(task: TaskDef, case: Case) -> str | None:
    """Leader and owner should be two people; warn (not block) when they look the same."""
    leader, owner = case.person(task, Role.LEADER), case.person(task, Role.OWNER)
    if (
        leader.first_name
        and leader.last_name
        and same_name(leader.first_name, owner.first_name)
        and same_name(leader.last_name, owner.last_name)
    ):
        return translate(
            "Case",
            "Projektleder og projektejer er den samme person. Vores råd: vælg to personer. "
            "Opgaven beskriver to roller, og projektejeren skal være sparringspartner for "
            "projektlederen.",
        )
    return None


# --- the mail to KOMBIT --------------------------------------------------------------


def propose_mail_sent(task: TaskDef, case: Case, at: datetime) -> RecordMailSent:
    mail = current_mail(task, case)
    if mail is None:
        raise RuleError(
            translate("Case", "Mailen kan ikke sendes endnu. Der mangler: {items}").format(
                items=", ".join(mail_state(task, case).problems)
            )
        )
    return RecordMailSent(_mail_step(task), mail, at)


def _mail_step(task: TaskDef) -> str:
    step = task.step_of_kind(FieldKind.MAIL)
    return step.key if step else task.intro.key


def propose_mail_withdrawn(task: TaskDef, case: Case, at: datetime) -> WithdrawMail | None:
    sent = case.last_sent_mail
    return None if sent is None else WithdrawMail(_mail_step(task), sent.id, at)

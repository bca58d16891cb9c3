"""The case: what the municipality has recorded, the changes it can go through, and its rules.

A change is proposed here (checked against the rules, nothing mutated), stored by the
store, and only then applied to the in-memory case, so the screen never shows something
the database does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
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
from rolleudpeger.domain.timefmt import format_date, local
from rolleudpeger.domain.validation import (
    Refusal,
    ValidationError,
    check_date,
    check_name,
    check_notes,
    date_messages,
    read_date,
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


# A time ending in `_at` is when something was registered in the app (a box ticked, a field
# saved); a date ending in `_on` is a fact the user states (when it happened), stored as
# "2026-11-27" under the date rule, "" where none was stated (0.2.0 kept none).


def stated_day(iso: str) -> str:
    """A stated date as it reads ("27.11.2026"), or "ikke angivet" when none was stated."""
    day = read_date(iso)
    return day.strftime("%d.%m.%Y") if day else translate("Case", "ikke angivet")


def decision_words(by: str, on: str) -> str:
    """ "besluttet 09.11.2026 af Birgitte Lund" — what is known of a decision."""
    day = read_date(on)
    if day and by:
        return translate("Case", "besluttet {date} af {by}").format(
            date=day.strftime("%d.%m.%Y"), by=by
        )
    if day:
        return translate("Case", "besluttet {date}").format(date=day.strftime("%d.%m.%Y"))
    if by:
        return translate("Case", "besluttet af {by}").format(by=by)
    return translate("Case", "beslutningen er ikke angivet")


@dataclass(frozen=True)
class Question:
    """A question put to KOMBIT through KLIK's message function, and its answer."""

    id: int
    text: str
    asked_at: datetime
    answer: str = ""
    answered_at: datetime | None = None  # when the answer was written in
    answered_on: str = ""  # the day KOMBIT answered, as the user states it


@dataclass(frozen=True)
class SentMail:
    """A mail the user marked as sent, with the exact text."""

    id: int
    mail: Mail
    sent_at: datetime  # when it was marked as sent
    withdrawn_at: datetime | None = None
    sent_on: str = ""  # the day it was really sent, as the user states it


@dataclass(frozen=True)
class RolePeriod:
    """Someone who held a role (the project leader or owner) until replaced: the days the
    user stated and the decision that appointed them, and when the app registered it."""

    id: int
    role: Role
    person: Person
    started_at: datetime | None  # when the person was first written in (None: not known)
    ended_at: datetime  # when the change was registered
    started_on: str = ""  # the day the person took over
    ended_on: str = ""  # the day the successor took over
    decided_by: str = ""  # who decided the appointment
    decided_on: str = ""  # and when
    klik_user_removed_at: datetime | None = None  # the former's KLIK user marked as removed

    @property
    def span(self) -> str:
        """ "09.11.2026 – 15.01.2027", the days stated; where none was (a change 0.2.0
        registered), it says so and when the change was registered."""
        text = translate("Case", "{start} – {end}").format(
            start=stated_day(self.started_on), end=stated_day(self.ended_on)
        )
        if self.ended_on:
            return text
        return translate("Case", "{span} (skiftet i Rolleudpeger {date})").format(
            span=text, date=format_date(self.ended_at)
        )

    @property
    def decision(self) -> str:
        return decision_words(self.decided_by, self.decided_on)


@dataclass(frozen=True)
class Takeover:
    """How the current holder of a role came to it by a change: from which day, and who
    decided it when. (The first holder's decision is the case's own decision fields.)"""

    effective_on: str
    decided_by: str
    decided_on: str
    at: datetime  # when the change was registered


@dataclass(frozen=True)
class Term:
    """The current holder's period so far: since when, and the decision."""

    started_on: str
    decided_by: str
    decided_on: str

    @property
    def decision(self) -> str:
        return decision_words(self.decided_by, self.decided_on)


# --- changes -------------------------------------------------------------------------


# What made the app change something by itself (Event.detail of a consequence): a field
# ("field:plus_granted") or a new holder of a role ("role:leader").
BECAUSE_FIELD = "field"
BECAUSE_ROLE = "role"


@dataclass(frozen=True)
class SetField:
    step: str
    key: str
    old: str
    new: str
    at: datetime
    because: str = ""  # "": the user did it; else what made the app do it (BECAUSE_*)
    also: tuple[SetField, ...] = ()  # what follows from it, saved with it


@dataclass(frozen=True)
class SetStatedDate:
    """A stated date of a mail (`mails`: the day it was really sent) or of a question's
    answer (`questions`), corrected by the user."""

    step: str
    part: str
    item_id: int
    old: str
    new: str
    at: datetime
    about: str = ""  # the mail's subject or the question, for the event log


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
    answered_on: str = ""  # the day KOMBIT answered (the user's today when first answered)


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
    sent_on: str = ""  # the day it was sent (the user's today unless stated)


@dataclass(frozen=True)
class WithdrawMail:
    step: str
    mail_id: int
    at: datetime


@dataclass(frozen=True)
class EndRolePeriod:
    """A new person takes over a role on a stated day: the current one's period ends on
    that day and goes into the history with its own decision; the new one's period begins
    with its decision (`takeover`); the role's fields (with its KLIK user boxes) are emptied
    for the new person, as consequences of the change."""

    step: str
    role: Role
    period: RolePeriod  # the period that ends (a new row)
    takeover: Takeover
    emptied: tuple[SetField, ...]
    at: datetime
    # The former holder before, now with the removal of their KLIK user (ticked since).
    earlier: RolePeriod | None = None

    @property
    def person(self) -> Person:
        return self.period.person

    @property
    def cleared(self) -> tuple[str, ...]:
        """The keys of the fields emptied."""
        return tuple(e.key for e in self.emptied)


Change = (
    SetField
    | SetStatedDate
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
    takeovers: dict[str, Takeover] = field(default_factory=dict)  # by role key

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

    def replaced_by_later(self, mail: SentMail) -> bool:
        """Whether a mail still standing was marked sent after this one."""
        return any(o.withdrawn_at is None and o.sent_at > mail.sent_at for o in self.mails)

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
PARTS = (
    "values",
    "waiting",
    "status_history",
    "questions",
    "mails",
    "role_history",
    "takeovers",
)


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
            own: Edit = (
                Put("values", FieldValue(change.new, change.at), change.key)
                if change.new
                else Remove("values", change.key)
            )
            return [own, *(e for also in change.also for e in edits_of(also, case))]
        case SetStatedDate():
            items = case.mails if change.part == "mails" else case.questions
            item: Any = next(i for i in items if i.id == change.item_id)
            dated = (
                replace(item, sent_on=change.new)
                if isinstance(item, SentMail)
                else replace(item, answered_on=change.new)
            )
            return [Put(change.part, dated)]
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
            answer = replace(
                q, answer=change.answer, answered_at=answered, answered_on=change.answered_on
            )
            return [Put("questions", answer)]
        case DeleteQuestion():
            return [Remove("questions", change.question_id)]
        case RecordMailSent():
            return [Put("mails", SentMail(0, change.mail, change.at, sent_on=change.sent_on))]
        case WithdrawMail():
            m = next(m for m in case.mails if m.id == change.mail_id)
            return [Put("mails", replace(m, withdrawn_at=change.at))]
        case EndRolePeriod():
            earlier = [Put("role_history", change.earlier)] if change.earlier else []
            return [
                *earlier,
                Put("role_history", change.period),
                Put("takeovers", change.takeover, change.role.key),
                *(e for emptied in change.emptied for e in edits_of(emptied, case)),
            ]


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


def today_of(at: datetime) -> str:
    """The user's day at a moment (in their time zone, not UTC's), as a stated date."""
    return local(at).date().isoformat()


def stated_date(raw: str, *, field: str = "", required: str = "") -> str:
    """A date the user states (dd.mm.åååå), as it is stored ("2026-11-27", "" for none).
    Such a date has a column of its own, where text kept as typed has no place: a date
    that is not one under the date rule is refused (ValidationError naming `field`), and
    so is none when `required` says what to write."""
    checked = check_date(raw)
    if checked.error:
        raise ValidationError(checked.error, field=field)
    if not checked.value and required:
        raise ValidationError(required, field=field)
    return checked.value


def propose_check(
    task: TaskDef, case: Case, key: str, checked: bool, at: datetime
) -> SetField | None:
    """Tick or untick a box. Ticking a box whose fact has a date of its own (`date_of`:
    when PLUS was granted) fills that date with today when none is written yet."""
    if task.field(key).kind is not FieldKind.CHECK:
        raise KeyError(f"{key} is not a check box")
    old = case.value(key)
    new = CHECKED if checked else ""
    if new == old:
        return None
    step = task.step_of_field(key).key
    dated = task.date_field_of(key)
    also: tuple[SetField, ...] = ()
    if checked and dated is not None and not case.value(dated.key):
        because = f"{BECAUSE_FIELD}:{key}"
        also = (SetField(step, dated.key, "", today_of(at), at, because=because),)
    return SetField(step, key, old, new, at, also=also)


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


def status_missing(
    task: TaskDef, case: Case | None, status: KlikStatus, *, mind_waiting: bool = True
) -> list[str]:
    """What must be in place before the KLIK status can be set (no case: all that may be,
    the most there is to say; `mind_waiting`: see is_step_done)."""
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
            if s is not holder
            and (case is None or not is_step_done(task, case, s, mind_waiting=mind_waiting))
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
    # The day KOMBIT answered: today when the answer is first written, kept when it is
    # corrected, gone with the answer.
    answered_on = "" if not answer else question.answered_on or today_of(at)
    return AnswerQuestion(
        _questions_step(task), question_id, question.answer, answer, at, question.text, answered_on
    )


def propose_answer_date(
    task: TaskDef, case: Case, question_id: int, raw: str, at: datetime
) -> SetStatedDate | None:
    """The day KOMBIT answered, as the user states it; only for an answered question."""
    question = next(q for q in case.questions if q.id == question_id)
    if not question.answer:
        raise RuleError(translate("Case", "Skriv svaret først."))
    new = stated_date(raw)
    if new == question.answered_on:
        return None
    return SetStatedDate(
        _questions_step(task),
        "questions",
        question_id,
        question.answered_on,
        new,
        at,
        question.text,
    )


def propose_delete_question(
    task: TaskDef, case: Case, question_id: int, at: datetime
) -> DeleteQuestion:
    question = next(q for q in case.questions if q.id == question_id)
    return DeleteQuestion(_questions_step(task), question_id, question.text, at)


CHANGEABLE_ROLES = (Role.LEADER, Role.OWNER)


# The inputs of a role change (the dialog's fields: docs/CONTRACT.md), named by a refusal.
EFFECTIVE_DATE = "change_effective_date"
DECIDED_BY = "change_decided_by"
DECISION_DATE = "change_decision_date"


def current_term(task: TaskDef, case: Case, role: Role) -> Term:
    """The current holder's period: from a change (its takeover), or for the first holder
    from the case's own decision, which appointed them. After a change 0.2.0 registered,
    neither is known: nothing is taken from the decision that appointed the one before."""
    takeover = case.takeovers.get(role.key)
    if takeover is not None:
        return Term(takeover.effective_on, takeover.decided_by, takeover.decided_on)
    if case.former(role):  # a change 0.2.0 registered, which asked for no day nor decision
        return Term("", "", "")
    day = read_date(case.of(task, Purpose.DECISION_DATE))
    on = day.isoformat() if day else ""
    return Term(on, case.of(task, Purpose.DECIDED_BY), on)


def propose_role_change(
    task: TaskDef,
    case: Case,
    role: Role,
    at: datetime,
    effective: str,
    *,
    decided_by: str = "",
    decided_on: str = "",
) -> EndRolePeriod:
    """A new person takes over a role on the day `effective` (dd.mm.åååå, required),
    decided by `decided_by` on `decided_on`: the current holder's period ends on that day
    with its own decision kept. Raises RuleError when no one holds the role yet (then the
    fields are simply filled in), ValidationError naming the input that is wrong."""
    if role not in CHANGEABLE_ROLES:
        raise ValueError(role)
    person = case.person(task, role)
    if not person.name:
        raise RuleError(
            translate(
                "Case", "Der er ingen {role} at skifte ud endnu. Skriv navnet i felterne."
            ).format(role=role.label)
        )
    term = current_term(task, case, role)
    effective_on = _takeover_day(effective, role, person.name, term.started_on)
    try:
        by = check_name(decided_by).value
    except ValidationError as e:
        raise ValidationError(str(e), field=DECIDED_BY) from None
    takeover = Takeover(effective_on, by, stated_date(decided_on, field=DECISION_DATE), at)
    period = RolePeriod(
        0,
        role,
        person,
        _named_since(task, case, role),
        at,
        started_on=term.started_on,
        ended_on=effective_on,
        decided_by=term.decided_by,
        decided_on=term.decided_on,
    )
    step = task.step_where_named(role)
    return EndRolePeriod(
        step.key if step else task.intro.key,
        role,
        period,
        takeover,
        _emptied(task, case, role, at),
        at,
        _removal_recorded(task, case, role),
    )


def _takeover_day(effective: str, role: Role, name: str, started_on: str) -> str:
    """The day a new person takes over, stated (required), and not before the current
    holder's own first day."""
    effective_on = stated_date(effective, field=EFFECTIVE_DATE, required=_day_required(role))
    if started_on and effective_on < started_on:
        raise ValidationError(_before_start(role, name, started_on), field=EFFECTIVE_DATE)
    return effective_on


def _day_required(role: Role) -> str:
    return translate("Case", "Skriv den dag, den nye {role} overtager rollen.").format(
        role=role.label
    )


def _before_start(role: Role, name: str, started_on: str) -> str:
    return translate(
        "Case", "{name} har været {role} fra {start}. Skriv en dag fra {start} og frem."
    ).format(name=name, role=role.label, start=stated_day(started_on))


def takeover_day_messages(task: TaskDef, case: Case, role: Role) -> tuple[str, ...]:
    """What the takeover day's input may be told (the room its message line keeps)."""
    start = current_term(task, case, role).started_on or "2026-12-28"
    name = case.person(task, role).name
    return (*date_messages(), _day_required(role), _before_start(role, name, start))


def _role_keys(task: TaskDef, role: Role) -> list[str]:
    """The role's fields: the person's details and the KLIK user boxes."""
    details = (*people.PERSON_DETAILS, people.Detail.KLIK_USER, people.Detail.FORMER_KLIK_USER)
    return [k for d in details if (k := task.key_for(people.purpose(role, d)))]


def _emptied(task: TaskDef, case: Case, role: Role, at: datetime) -> tuple[SetField, ...]:
    because = f"{BECAUSE_ROLE}:{role.key}"
    return tuple(
        SetField(task.step_of_field(k).key, k, case.value(k), "", at, because=because)
        for k in _role_keys(task, role)
        if case.value(k)
    )


def _named_since(task: TaskDef, case: Case, role: Role) -> datetime | None:
    """When the current holder was registered: at the last change, else when their fields
    were first written (None: not known)."""
    begun = case.period_start(role)
    if begun is not None:
        return begun
    named = [t for k in _role_keys(task, role) if (t := case.changed_at(k)) is not None]
    return min(named) if named else None


def _removal_recorded(task: TaskDef, case: Case, role: Role) -> RolePeriod | None:
    """The former holder, with the removal of their KLIK user when it is ticked: the box is
    emptied for the one who leaves now, so its tick goes with the one it was about."""
    key = task.key_for(people.purpose(role, people.Detail.FORMER_KLIK_USER))
    former = case.former(role)
    if not key or not former or not case.is_checked(key):
        return None
    return replace(former[-1], klik_user_removed_at=case.changed_at(key))


# --- rules: when is a step done, and what is missing ---------------------------------


def field_missing(task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
    """Why a field keeps its step from being done: a required field not satisfied, or any
    field holding a value kept while not valid (an optional date "9.13.2026" is still to
    correct: a step is not "færdig" while a field of it says what to correct). A field that
    does not apply now (`Kind.applies`) keeps nothing from being done."""
    kind = kinds.of(fdef)
    if not kind.applies(case, fdef):
        return None
    if fdef.required or (kind.stores_value and case.value(fdef.key)):
        return kind.missing(task, case, fdef)
    return None


def unanswered(case: Case) -> list[Question]:
    """Questions to KOMBIT with no answer recorded: completing is allowed, but said."""
    return [q for q in case.questions if not q.answer.strip()]


def fields_missing(task: TaskDef, case: Case, step: StepDef) -> list[str]:
    """What the step's fields lack."""
    return [m for f in step.fields if (m := field_missing(task, case, f)) is not None]


def step_missing(task: TaskDef, case: Case, step: StepDef) -> list[str]:
    """What the step lacks. A step still marked *Afventer* is not done, however complete:
    the last thing it lacks is that mark taken off (so the list, the page and the report
    never say "færdig" and "afventer" of one step)."""
    missing = fields_missing(task, case, step)
    if not missing and step.key in case.waiting:
        missing.append(
            translate("Case", "Fjern markeringen »Afventer«, når trinnet ikke venter mere")
        )
    # Fuldført in KLIK while a step is open again (a new leader KOMBIT has not heard of):
    # the last step is not "færdig" beside a list of what is missing.
    if (
        not missing
        and step is task.status_step(KlikStatus.COMPLETED)
        and (others := status_missing(task, case, KlikStatus.COMPLETED))
    ):
        missing.append(
            translate("Case", "Fuldført i KLIK, men der mangler: {items}").format(
                items="; ".join(others)
            )
        )
    return missing


def is_step_done(task: TaskDef, case: Case, step: StepDef, *, mind_waiting: bool = True) -> bool:
    """Whether the step is done: its fields complete and (`mind_waiting`) not on hold. A
    case file from a version that let a waiting step be done is judged by its fields."""
    if mind_waiting:
        return not step_missing(task, case, step)
    return not fields_missing(task, case, step)


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
    if due is not None and case.klik_status is KlikStatus.COMPLETED:
        due = replace(due, completed=True)  # met: no more days to count
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


def kombit_not_told(task: TaskDef, case: Case) -> bool:
    """A new project leader of whom KOMBIT has had no mail (the task has a mail)."""
    return (
        bool(case.former(Role.LEADER))
        and task.field_of_kind(FieldKind.MAIL) is not None
        and case.last_sent_mail is None
    )


def record_note(task: TaskDef, case: Case) -> str:
    """The one sentence the page, the step list and the report say when the record has
    moved on past the KLIK task: a new project leader KOMBIT has not been told of ("" when
    there is none)."""
    if not kombit_not_told(task, case):
        return ""
    if case.klik_status is KlikStatus.COMPLETED:
        return translate(
            "Case",
            "Opgaven er »Fuldført« i KLIK, men KOMBIT har ikke fået besked om den nye "
            "projektleder.",
        )
    return translate("Case", "KOMBIT har ikke fået besked om den nye projektleder.")


def step_note(task: TaskDef, case: Case, step: StepDef) -> str:
    """Why a step that was done is open again, for the overview: a new project leader."""
    if not case.former(Role.LEADER):
        return ""
    tell_kombit, name_them = _new_leader_notes()
    if step.field_of_kind(FieldKind.MAIL) is not None and kombit_not_told(task, case):
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


def propose_mail_sent(task: TaskDef, case: Case, at: datetime, sent_on: str = "") -> RecordMailSent:
    """Mark the mail as sent on `sent_on` (dd.mm.åååå; today when not given)."""
    mail = current_mail(task, case)
    if mail is None:
        raise RuleError(
            translate("Case", "Mailen kan ikke sendes endnu. Der mangler: {items}").format(
                items=", ".join(mail_state(task, case).problems)
            )
        )
    day = stated_date(sent_on, field=MAIL_SENT_ON) or today_of(at)
    return RecordMailSent(_mail_step(task), mail, at, day)


MAIL_SENT_ON = "mail_sent_on"  # the input of the day the mail was sent (docs/CONTRACT.md)


def propose_mail_date(task: TaskDef, case: Case, raw: str, at: datetime) -> SetStatedDate | None:
    """The day the current mail was really sent, as the user states it."""
    sent = case.last_sent_mail
    if sent is None:
        raise RuleError(translate("Case", "Markér først mailen som sendt."), field=MAIL_SENT_ON)
    new = stated_date(raw, field=MAIL_SENT_ON)
    if new == sent.sent_on:
        return None
    return SetStatedDate(
        _mail_step(task), "mails", sent.id, sent.sent_on, new, at, sent.mail.subject
    )


def _mail_step(task: TaskDef) -> str:
    step = task.step_of_kind(FieldKind.MAIL)
    return step.key if step else task.intro.key


def propose_mail_withdrawn(task: TaskDef, case: Case, at: datetime) -> WithdrawMail | None:
    sent = case.last_sent_mail
    return None if sent is None else WithdrawMail(_mail_step(task), sent.id, at)


# --- plausibility: warnings at a field, never refusals ---------------------------------


def future_warning(iso: str, today: date) -> str | None:
    """A date something happened (a decision, PLUS granted, a mail sent) that lies ahead."""
    day = read_date(iso)
    if day is None or day <= today:
        return None
    return translate("Case", "Datoen ligger i fremtiden. Tjek, at den er rigtig.")


def takeover_warning(effective_iso: str, decided_iso: str) -> str | None:
    """A new holder taking over before the day the change was decided."""
    effective, decided = read_date(effective_iso), read_date(decided_iso)
    if effective is None or decided is None or effective >= decided:
        return None
    return translate(
        "Case", "Den nye overtager før beslutningen ({decided}). Tjek datoerne."
    ).format(decided=decided.strftime("%d.%m.%Y"))


FAR_AHEAD = timedelta(days=366)  # a takeover planned further ahead is likely a typo


def far_takeover_warning(effective_iso: str, today: date) -> str | None:
    """A takeover more than a year ahead (01.01.2099 for 01.01.2027): the mail would say
    the new leader is the contact from then."""
    effective = read_date(effective_iso)
    if effective is None or effective - today <= FAR_AHEAD:
        return None
    return translate(
        "Case", "Den nye overtager først {date}, mere end et år fra i dag. Tjek datoen."
    ).format(date=effective.strftime("%d.%m.%Y"))


def change_warnings(effective_iso: str, decided_iso: str, today: date) -> str | None:
    """What looks wrong in a change's dates (all that are true): a decision day ahead, a
    takeover before the decision, a takeover more than a year ahead. Told, never refused."""
    problems = (
        future_warning(decided_iso, today),
        takeover_warning(effective_iso, decided_iso),
        far_takeover_warning(effective_iso, today),
    )
    return " ".join(p for p in problems if p) or None


def change_warning_room() -> tuple[str, ...]:
    """The warnings a change's dates may give, the widest combinations among them (the
    room the dialog keeps)."""
    today, day = date(2000, 1, 1), date(2026, 12, 28)
    return tuple(
        change_warnings(effective.isoformat(), day.isoformat(), today) or ""
        for effective in (day, day - timedelta(days=1), day + timedelta(days=1))
    )


def _decided_on(task: TaskDef, case: Case, role: Role) -> date | None:
    return read_date(current_term(task, case, role).decided_on)


def _klik_user_warning(ticked: datetime, role: Role, decided: date) -> str:
    return translate(
        "Case",
        "Markeret {ticked}, før beslutningen om at udpege {role} ({decided}). Tjek "
        "datoen for beslutningen.",
    ).format(ticked=format_date(ticked), role=role.label, decided=decided.strftime("%d.%m.%Y"))


def _mail_before_decision(decided: date) -> str:
    return translate(
        "Case", "Mailen er sendt før beslutningen om projektlederen ({decided}). Tjek datoerne."
    ).format(decided=decided.strftime("%d.%m.%Y"))


def _same_as_former(role: Role) -> str:
    return translate(
        "Case",
        "Det er den samme som den tidligere {role}. Brug »Ny {role}…« kun, når en anden "
        "overtager rollen.",
    ).format(role=role.label)


def _named_again(task: TaskDef, case: Case, role: Role) -> str | None:
    """The field to warn at when the role's new holder has the name of the one just
    replaced (a change by mistake: the mail would say she replaces herself)."""
    former, person = case.former(role), case.person(task, role)
    if not former or not person.name or not same_name(former[-1].person.name, person.name):
        return None
    return task.key_for(people.purpose(role, people.Detail.LAST_NAME)) or None


def warning_room(task: TaskDef, key: str) -> tuple[str, ...]:
    """The widest warnings the field `key` (or MAIL_SENT_ON) may show, for the room its
    line keeps: a warning that comes moves nothing below it."""
    some_day, some_time = date(2026, 12, 28), datetime(2026, 12, 28, 23, 58, tzinfo=UTC)
    found = []
    fdef = next((f for s in task.steps if (f := s.field(key)) is not None), None)
    if key == MAIL_SENT_ON or (
        fdef is not None and (fdef.purpose == Purpose.DECISION_DATE or bool(fdef.date_of))
    ):
        found.append(future_warning(some_day.isoformat(), date(2000, 1, 1)) or "")
    if key == MAIL_SENT_ON:
        found.append(_mail_before_decision(some_day))
        found.append(f"{found[0]} {found[-1]}")  # both at once
    for role in CHANGEABLE_ROLES:
        if key == task.key_for(people.purpose(role, people.Detail.KLIK_USER)):
            found.append(_klik_user_warning(some_time, role, some_day))
        if key == task.key_for(people.purpose(role, people.Detail.LAST_NAME)):
            found.append(_same_as_former(role))
    return tuple(found)


def warnings(task: TaskDef, case: Case, today: date) -> dict[str, str]:
    """What looks wrong in the dates recorded, by the field it is shown at (a field's key,
    or MAIL_SENT_ON): a date in the future for something that has happened; a KLIK user
    created before the decision to appoint the person; a mail sent before the leader it
    names was decided. The user may know better: these are told, never refused."""
    found: dict[str, str] = {}
    for s in task.steps:
        for f in s.fields:
            states_a_fact = f.purpose == Purpose.DECISION_DATE or bool(f.date_of)
            if states_a_fact and (problem := future_warning(case.value(f.key), today)):
                found[f.key] = problem
    for role in CHANGEABLE_ROLES:
        key = task.key_for(people.purpose(role, people.Detail.KLIK_USER))
        decided = _decided_on(task, case, role)
        ticked = case.changed_at(key) if key and case.is_checked(key) else None
        if decided and ticked and local(ticked).date() < decided:
            found[key] = _klik_user_warning(ticked, role, decided)
    for role in CHANGEABLE_ROLES:
        if (again := _named_again(task, case, role)) is not None:
            found[again] = _same_as_former(role)
    sent = case.last_sent_mail
    if sent is not None:
        day, decided = read_date(sent.sent_on), _decided_on(task, case, Role.LEADER)
        problems = [
            future_warning(sent.sent_on, today),
            _mail_before_decision(decided) if day and decided and day < decided else None,
        ]
        if said := " ".join(p for p in problems if p):  # both, when both are true
            found[MAIL_SENT_ON] = said
    return found

"""What each field kind means, in one place: how typed text is checked, how a stored value
reads, when a required field is satisfied, what counts as work begun, when it was done,
and what an imported value must be. One class per kind; `of(fdef)` finds it.

The UI side of a kind (its widgets) is its binding class, found in `ui/widgets/kinds.py`.
A new kind is one class here, one binding there, and its name in `taskdef.FieldKind`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rolleudpeger.domain import validation
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.people import Detail, Role
from rolleudpeger.domain.taskdef import FieldDef, FieldKind, KlikStatus, TaskDef
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.domain.validation import (
    Checked,
    ValidationError,
    check_date,
    check_email,
    check_name,
    check_notes,
    check_phone,
    date_problem,
    format_phone,
    is_valid_email,
    is_valid_phone,
    parse_date,
    read_date,
)
from rolleudpeger.i18n import translate

if TYPE_CHECKING:  # the case imports this module
    from rolleudpeger.domain.case import Case

CHECKED = "1"  # the stored value of a ticked check box


class Kind:
    """A field kind; this base is a line of text (a name, a title, a number)."""

    stores_value = True  # a single stored string (the others are derived or only shown)
    multiline = False
    # What a user could enter to satisfy a required field of this kind: the demo case and
    # the tests fill with it a field that the task file adds (None: nothing is typed).
    example: str | None = "Eksempel"

    def check(self, raw: str) -> Checked:
        """Typed text, checked and normalised; raises ValidationError when it cannot be
        stored at all, returns an error with the value when it is kept but not valid yet."""
        return check_name(raw)

    def usual_messages(self) -> tuple[str, ...]:
        """What ordinary typing in the field can be told (the page keeps room for the
        longest next to the field, so that a message moves nothing)."""
        return validation.name_messages()

    def stored_problem(self, stored: str) -> str | None:
        """What to correct in a value stored while not valid (or by an older version)."""
        try:
            return self.check(stored).error
        except ValidationError as e:
            return str(e)

    def display(self, task: TaskDef, stored: str) -> str:
        """How a stored value reads in its field, the review, the report and the log."""
        return stored

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        """Why a required field is not satisfied, or None when it is."""
        if case.value(fdef.key):
            return None
        return translate("Case", "Udfyld »{field}«").format(field=fdef.full_label)

    def recorded(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        """What the review shows as recorded (None: the kind records nothing to show)."""
        return self.display(task, case.value(fdef.key)) if self.stores_value else None

    def begun(self, case: Case, fdef: FieldDef) -> bool:
        """Whether anything is recorded (a step with something in it is "i gang")."""
        return bool(case.value(fdef.key))

    def applies(self, case: Case, fdef: FieldDef) -> bool:
        """Whether the field is asked for now (shown, and required if it is required)."""
        return True

    def done_at(self, case: Case, fdef: FieldDef) -> datetime | None:
        """When the field was last satisfied."""
        return case.changed_at(fdef.key)

    def import_problem(self, task: TaskDef, value: str) -> str | None:
        """What is wrong with a value in a case file (None: nothing)."""
        return None


class Notes(Kind):
    multiline = True

    def check(self, raw: str) -> Checked:
        return check_notes(raw)

    def usual_messages(self) -> tuple[str, ...]:
        return validation.notes_messages()


class Email(Kind):
    example = "navn@kommune.dk"

    def check(self, raw: str) -> Checked:
        return check_email(raw)

    def usual_messages(self) -> tuple[str, ...]:
        return validation.email_messages()

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        value = case.value(fdef.key)
        if value and not is_valid_email(value):
            return translate("Case", "Ret »{field}«: adressen er ikke gyldig").format(
                field=fdef.full_label
            )
        return super().missing(task, case, fdef)


class Phone(Kind):
    example = "12 34 56 78"

    def check(self, raw: str) -> Checked:
        return check_phone(raw)

    def usual_messages(self) -> tuple[str, ...]:
        return validation.phone_messages()

    def display(self, task: TaskDef, stored: str) -> str:
        return format_phone(stored) if is_valid_phone(stored) else stored

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        value = case.value(fdef.key)
        if value and not is_valid_phone(value):
            return translate("Case", "Ret »{field}«: nummeret er ikke gyldigt").format(
                field=fdef.full_label
            )
        return super().missing(task, case, fdef)


class Date(Kind):
    """A date under the one date rule (validation.read_date): text kept as typed, or a
    forged value, is shown as it is and never read as a date."""

    example = "09.11.2026"

    def check(self, raw: str) -> Checked:
        return check_date(raw)

    def usual_messages(self) -> tuple[str, ...]:
        return validation.date_messages()

    def display(self, task: TaskDef, stored: str) -> str:
        day = read_date(stored)
        return day.strftime("%d.%m.%Y") if day else stored

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        value = case.value(fdef.key)
        if value and read_date(value) is None:
            return translate("Case", "Ret »{field}«: datoen er ikke gyldig").format(
                field=fdef.full_label
            )
        return super().missing(task, case, fdef)

    def import_problem(self, task: TaskDef, value: str) -> str | None:
        if not value or read_date(value) is not None:
            return None
        day = parse_date(value)
        problem = date_problem(day) if day else None
        return problem or translate("Handover", "{value} er ikke en dato (åååå-mm-dd)").format(
            value=repr(value)
        )


def former_role(fdef: FieldDef) -> Role | None:
    """The role whose former holder a field is about (`leader.former_klik_user`), if any."""
    role, _, detail = fdef.purpose.partition(".")
    return Role.from_key(role) if detail == Detail.FORMER_KLIK_USER else None


class Check(Kind):
    """A check box: CHECKED or nothing, with the time it was ticked. A box about a former
    holder of a role (their KLIK user removed) is asked for only while there is one."""

    def applies(self, case: Case, fdef: FieldDef) -> bool:
        role = former_role(fdef)
        return role is None or bool(case.former(role))

    example = CHECKED

    def display(self, task: TaskDef, stored: str) -> str:
        return translate("Report", "markeret") if stored else ""

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        if case.is_checked(fdef.key):
            return None
        return translate("Case", "Sæt flueben ved »{field}«").format(field=fdef.label)

    def recorded(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        return _yes_no(case.changed_at(fdef.key) if case.is_checked(fdef.key) else None)

    def import_problem(self, task: TaskDef, value: str) -> str | None:
        if value in ("", CHECKED):
            return None
        return translate("Handover", 'et flueben skal være "1" eller tomt')


class Municipality(Kind):
    """The municipality, stored as its code."""

    example = "751"

    def display(self, task: TaskDef, stored: str) -> str:
        found = task.municipality(stored)
        return found.label if found else stored

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        return None if case.value(fdef.key) else translate("Case", "Vælg kommune")

    def import_problem(self, task: TaskDef, value: str) -> str | None:
        if not value or task.municipality(value) is not None:
            return None
        return translate("Handover", "ukendt kommunekode {code}").format(code=repr(value))


class Status(Kind):
    """A check box that sets the KLIK status (the case's status history holds it)."""

    stores_value = False
    example = None

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        target = KlikStatus(fdef.status)
        if case.klik_status.rank >= target.rank:
            return None
        return translate("Case", "Sæt KLIK-status til »{status}«").format(status=target.value)

    def recorded(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        return _yes_no(case.status_reached_at(KlikStatus(fdef.status)))

    def begun(self, case: Case, fdef: FieldDef) -> bool:
        return case.klik_status.rank >= KlikStatus(fdef.status).rank

    def done_at(self, case: Case, fdef: FieldDef) -> datetime | None:
        return case.status_reached_at(KlikStatus(fdef.status))


class Questions(Kind):
    """The questions put through KLIK and their answers (rows of their own)."""

    stores_value = False
    example = None

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        return None  # asking is never required; an unanswered question is told, not blocked

    def begun(self, case: Case, fdef: FieldDef) -> bool:
        return bool(case.questions)


class Mail(Kind):
    """The mail about the leader, and every one marked sent."""

    stores_value = False
    example = None

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        return mail_state(task, case).missing

    def begun(self, case: Case, fdef: FieldDef) -> bool:
        return bool(case.mails)

    def done_at(self, case: Case, fdef: FieldDef) -> datetime | None:
        sent = case.last_sent_mail
        return sent.sent_at if sent else None


class Shown(Kind):
    """Shows or does something, records nothing (what is missing, the review, the report,
    the button that makes the library director the owner)."""

    stores_value = False
    example = None

    def missing(self, task: TaskDef, case: Case, fdef: FieldDef) -> str | None:
        return None

    def begun(self, case: Case, fdef: FieldDef) -> bool:
        return False


def _yes_no(at: datetime | None) -> str:
    """ "ja, markeret 27.11.2026 kl. 13.05": when it was registered here (a date the user
    states has a field of its own)."""
    return (
        translate("Completion", "ja, markeret {time}").format(time=format_time(at))
        if at
        else translate("Completion", "nej")
    )


KINDS: dict[FieldKind, Kind] = {
    FieldKind.MUNICIPALITY: Municipality(),
    FieldKind.NAME: Kind(),
    FieldKind.TEXT: Kind(),
    FieldKind.NOTES: Notes(),
    FieldKind.DATE: Date(),
    FieldKind.EMAIL: Email(),
    FieldKind.PHONE: Phone(),
    FieldKind.CHECK: Check(),
    FieldKind.KLIK_STATUS: Status(),
    FieldKind.QUESTIONS: Questions(),
    FieldKind.MAIL: Mail(),
    FieldKind.MISSING: Shown(),
    FieldKind.REVIEW: Shown(),
    FieldKind.REPORT: Shown(),
    FieldKind.OWNER_FROM_DIRECTOR: Shown(),
    FieldKind.ROLE_CHANGE: Shown(),
    FieldKind.ROLE_HISTORY: Shown(),
    FieldKind.MAIL_HISTORY: Shown(),
    FieldKind.DEADLINE_CALENDAR: Shown(),
}
# A kind added to FieldKind without its class here fails at import, not when first shown.
if missing := set(FieldKind) - set(KINDS):  # pragma: no cover - a developer's mistake
    raise ImportError(f"domain/kinds.py has no class for {sorted(missing)}")


def of(fdef: FieldDef) -> Kind:
    return KINDS[fdef.kind]

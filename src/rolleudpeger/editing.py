"""Edits a case: the domain checks each change, the store saves it, then the case shows it.

This is the one path every edit takes, from the window, the demo data and the tests.
It knows no Qt, so it can be driven and measured without a screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rolleudpeger import __version__
from rolleudpeger.domain import case as rules
from rolleudpeger.domain.case import Case, Change
from rolleudpeger.domain.people import Detail, Role, purpose, split_full_name
from rolleudpeger.domain.taskdef import KlikStatus, Purpose, TaskDef
from rolleudpeger.domain.timefmt import local
from rolleudpeger.domain.validation import Refusal
from rolleudpeger.store.repository import Store, StoreError

# What an edit can raise, and nothing else: the user is told the message, and the typed text
# stays where it is. Refused: the input or the rules do not allow it (nothing was saved).
# SaveFailed: it was allowed, but saving it failed (a full disk, a locked file).
Refused = Refusal
SaveFailed = StoreError

if TYPE_CHECKING:
    from rolleudpeger.domain.report import Report

Clock = Callable[[], datetime]
Listener = Callable[[Change | None], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


def file_name_part(text: str) -> str:
    """Text as part of a file name on every system: "26/12345" → "26-12345" (letters and
    digits of any script kept; anything else, a slash or a colon, one dash)."""
    return re.sub(r"[\W_]+", "-", text).strip("-")[:60]


class CaseEditor:
    """The current case and every way to change it."""

    def __init__(self, task: TaskDef, store: Store, case: Case, clock: Clock = utc_now) -> None:
        self.task = task
        self.store = store
        self.case = case
        self.clock = clock
        self._listeners: list[Listener] = []
        self._held: list[Change] | None = None  # the changes of one_update, not yet told

    @classmethod
    def open(cls, task: TaskDef, store: Store, clock: Clock = utc_now) -> CaseEditor:
        """The newest case in the store, or a new empty one."""
        case_id = store.latest_case_id()
        case = (
            store.load_case(case_id) if case_id is not None else store.create_case(task.id, clock())
        )
        return cls(task, store, case, clock)

    def reload(self, store: Store) -> None:
        """Switch to another store (after a restore or import) and its newest case."""
        self.store = store
        case_id = store.latest_case_id()
        self.case = (
            store.load_case(case_id)
            if case_id is not None
            else store.create_case(self.task.id, self.clock())
        )
        for listener in self._listeners:
            listener(None)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    @contextmanager
    def one_update(self) -> Iterator[None]:
        """Several edits as one action (the director made owner: a name, a surname, a
        title): each is saved as it is made, and the listeners hear once, at the end, of
        the last one — so the window shows and announces the result once. An edit that
        fails ends the action; what was saved before it is shown all the same."""
        if self._held is not None:  # inside another one: that one tells
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            if held:
                self._tell(held[-1])

    def _commit(self, change: Change | None) -> None:
        if change is None:
            return
        edits = rules.edits_of(change, self.case)
        new_id = self.store.apply(self.case.id, change, edits)
        self.case.apply_edits(edits, new_id)
        if self._held is not None:
            self._held.append(change)
        else:
            self._tell(change)

    def _tell(self, change: Change) -> None:
        for listener in self._listeners:
            listener(change)

    # --- fields --------------------------------------------------------------------

    def set_text(self, key: str, raw: str) -> str | None:
        """Save typed text. Returns a message when it is kept but not valid yet; raises
        ValidationError when it cannot be stored, StoreError when saving failed."""
        change, error = rules.propose_field(self.task, self.case, key, raw, self.clock())
        self._commit(change)
        return error

    def set_municipality(self, code: str) -> None:
        self._commit(rules.propose_municipality(self.task, self.case, code, self.clock()))

    def set_check(self, key: str, checked: bool) -> None:
        self._commit(rules.propose_check(self.task, self.case, key, checked, self.clock()))

    def set_waiting(self, step: str, waiting: bool, note: str = "") -> None:
        """Put a step on hold with a note, change the note, or end the wait. Ending it with
        a note typed and not saved yet saves that note first: the log keeps what the step
        waited for."""
        current = self.case.waiting.get(step)
        with self.one_update():
            if not waiting and current is not None and note.strip():
                self._commit(rules.propose_waiting(self.case, step, True, note, self.clock()))
            self._commit(rules.propose_waiting(self.case, step, waiting, note, self.clock()))

    def set_klik_status(self, status: KlikStatus, reason: str = "") -> None:
        """Raises RuleError when the rules do not allow it now."""
        self._commit(rules.propose_klik_status(self.task, self.case, status, reason, self.clock()))

    def fill_owner_from_director(self, default_title: str = "") -> bool:
        """Make the library director the project owner (and give the owner `default_title`
        when there is no title yet); False when no director is named."""
        director = self.case.person(self.task, Role.LIBRARY_DIRECTOR).name
        if not director:
            return False
        first, last = split_full_name(director)
        with self.one_update():
            self.set_text(self.task.key_for(purpose(Role.OWNER, Detail.FIRST_NAME)), first)
            self.set_text(self.task.key_for(purpose(Role.OWNER, Detail.LAST_NAME)), last)
            title = self.task.key_for(purpose(Role.OWNER, Detail.TITLE))
            if title and default_title and not self.case.value(title):
                self.set_text(title, default_title)
        return True

    # --- questions -----------------------------------------------------------------

    def add_question(self, text: str) -> None:
        self._commit(rules.propose_question(self.task, self.case, text, self.clock()))

    def answer_question(self, question_id: int, answer: str) -> None:
        self._commit(rules.propose_answer(self.task, self.case, question_id, answer, self.clock()))

    def set_answer_date(self, question_id: int, raw: str) -> None:
        """The day KOMBIT answered (dd.mm.åååå)."""
        self._commit(
            rules.propose_answer_date(self.task, self.case, question_id, raw, self.clock())
        )

    def delete_question(self, question_id: int) -> None:
        self._commit(rules.propose_delete_question(self.task, self.case, question_id, self.clock()))

    # --- the mail ------------------------------------------------------------------

    def mark_mail_sent(self, sent_on: str = "") -> None:
        """Mark the mail as sent on `sent_on` (dd.mm.åååå), today when not given."""
        self._commit(rules.propose_mail_sent(self.task, self.case, self.clock(), sent_on))

    def set_mail_date(self, raw: str) -> None:
        """The day the mail marked as sent was really sent (dd.mm.åååå)."""
        self._commit(rules.propose_mail_date(self.task, self.case, raw, self.clock()))

    def withdraw_mail(self) -> None:
        self._commit(rules.propose_mail_withdrawn(self.task, self.case, self.clock()))

    def change_role(
        self, role: Role, effective: str, *, decided_by: str = "", decided_on: str = ""
    ) -> None:
        """A new person takes over the role on the day `effective` (dd.mm.åååå), decided by
        `decided_by` on `decided_on`: the current one goes into the history with the period
        and decision they had, and the role's fields are emptied. Raises RuleError when no
        one holds it yet, ValidationError naming the input that is wrong."""
        self._commit(
            rules.propose_role_change(
                self.task,
                self.case,
                role,
                self.clock(),
                effective,
                decided_by=decided_by,
                decided_on=decided_on,
            )
        )

    def warnings(self) -> dict[str, str]:
        """What looks wrong in the dates recorded, by field (case.warnings)."""
        return rules.warnings(self.task, self.case, local(self.clock()).date())

    # --- the report ------------------------------------------------------------------

    def report(self) -> Report:
        """The summary report of the case as it stands now."""
        from rolleudpeger.domain.report import build_report  # noqa: PLC0415 - late: startup.py

        events = self.store.events(self.case.id)
        return build_report(self.task, self.case, events, self.clock(), __version__)

    def report_file_name(self) -> str:
        """`Rolleudpeger-Aarhus-26-12345-2026-11-27.pdf`: the municipality, the journal
        number (when there is one) and the day."""
        municipality = self.case.municipality(self.task)
        day = local(self.clock()).strftime("%Y-%m-%d")  # the user's date, not UTC's
        parts = [
            "Rolleudpeger",
            municipality.name if municipality else "",
            file_name_part(self.case.of(self.task, Purpose.CASE_NUMBER)),
            day,
        ]
        return "-".join(p for p in parts if p) + ".pdf"

    def report_author(self) -> str:
        municipality = self.case.municipality(self.task)
        return municipality.official_name if municipality else "Rolleudpeger"

    # --- where the user is ---------------------------------------------------------

    def set_current_step(self, step: str) -> None:
        if step != self.case.current_step:
            self.store.set_current_step(self.case.id, step)
            self.case.current_step = step

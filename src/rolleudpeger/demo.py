"""A complete, realistic demo case (fictitious people), for screenshots, samples and tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from rolleudpeger.domain import kinds
from rolleudpeger.domain.events import Event, EventKind
from rolleudpeger.domain.taskdef import FieldKind, KlikStatus, TaskDef
from rolleudpeger.editing import CaseEditor

# Danish winter time (UTC+1), as the whole demo falls in November: its times read as office
# hours in Denmark, whatever zone the samples are made in (make sample-report uses Danish).
DANISH_WINTER = timezone(timedelta(hours=1))
START = datetime(2026, 11, 2, 8, 30, tzinfo=DANISH_WINTER)


def demo_clock(start: datetime = START, step: timedelta = timedelta(hours=2)) -> Iterator[datetime]:
    """Office hours over a few weeks: 08.30–15.30 Danish time, weekdays only."""
    t = start
    while True:
        yield t
        t += step
        if t.hour >= 15:
            t = (t + timedelta(days=1)).replace(hour=8, minute=30)
        while t.weekday() >= 5:
            t += timedelta(days=1)


def fill_demo_case(editor: CaseEditor, *, complete: bool = True) -> None:
    """Walk the whole task as a user would, through the same editor the window uses;
    a window open on it shows the case once, when it is filled."""
    with editor.one_update():
        _fill(editor, complete=complete)


def _fill(editor: CaseEditor, *, complete: bool) -> None:
    e = editor
    e.set_municipality("751")
    e.set_text("team", "Jonas Kjær (systemadministrator) og Birgitte Lund (bibliotekschef)")
    e.set_text("case_number", "26/12345")
    e.set_check("plus_granted", True)
    # The KOMBIT programme leader is the municipality's own employee (domain facts).
    e.set_text("plus_granted_by", "Henrik Mørch, kommunens KOMBIT-programleder")
    e.set_check("guide_read", True)
    e.set_check("task_read", True)
    e.add_question("Skal projektlederen også have adgang til FBS-testmiljøet?")
    e.answer_question(e.case.questions[-1].id, "Nej, det følger af en senere KLIK-opgave.")
    e.add_question("Kan projektejeren være konstitueret bibliotekschef?")
    e.set_text("responsible_name", "Jonas Kjær")
    e.set_text("performer_name", "Jonas Kjær")
    e.set_klik_status(KlikStatus.STARTED)
    e.set_check("catalogue_read", True)
    e.set_text("catalogue_version", "1.4 (marts 2022)")
    e.set_text("library_director_name", "Birgitte Lund")
    e.set_text(
        "placement_notes",
        "Projektlederen placeres i Borgerservice og Biblioteker, team Digitalisering.\n"
        "Projektejeren er bibliotekschefen, som refererer til direktøren for Kultur og "
        "Borgerservice.",
    )
    e.set_text("decided_by", "Birgitte Lund (bibliotekschef) og Jonas Kjær (systemadministrator)")
    e.set_text("decision_date", "09.11.2026")
    e.set_text("leader_first_name", "Maja")
    e.set_text("leader_last_name", "Søndergaard")
    e.set_text("leader_email", "maja.sondergaard@aarhus.dk")
    e.set_text("leader_phone", "41 85 72 30")
    e.set_text("leader_title", "Digitaliseringskonsulent")
    e.fill_owner_from_director(e.task.field("owner_from_director").default_title)
    e.set_check("leader_plus_created", True)
    e.set_check("owner_reader_created", True)
    e.set_text("coordinator_name", "Peter Holm, Økonomi")
    fill_what_the_task_adds(e)
    if not complete:
        e.set_waiting("notify_kombit", True, "Venter på, at Maja bekræfter sit telefonnummer")
        return
    e.answer_question(
        e.case.questions[-1].id,
        "Det er op til kommunen selv at beslutte, hvem der har rollen.",
    )
    e.mark_mail_sent()
    e.set_check("webinar_invitation", True)
    e.set_klik_status(KlikStatus.COMPLETED)


def fill_what_the_task_adds(editor: CaseEditor) -> None:
    """Satisfy, from the task definition, every required field still empty: a step or a
    field added to the task file is filled with its kind's example, so that the demo, and
    every test built on it, stays a complete case without knowing the new field."""
    task = editor.task
    for step in task.steps:
        for fdef in step.fields:
            kind = kinds.of(fdef)
            if not fdef.required or kind.example is None:
                continue
            if not kind.applies(editor.case, fdef):  # the former leader's PLUS access, say
                continue
            if kind.missing(task, editor.case, fdef) is None:
                continue
            if fdef.kind is FieldKind.CHECK:
                editor.set_check(fdef.key, True)
            elif fdef.kind is FieldKind.MUNICIPALITY:
                editor.set_municipality(kind.example)
            else:
                editor.set_text(fdef.key, kind.example)


# What a long case's log is made of: notes and names typed over months, each pause in
# typing saved (the window saves 400 ms after the last key), so one sitting at a field
# leaves dozens of events: the text as it grew.
_TYPED = {
    "placement_notes": (
        "Projektlederen placeres i Borgerservice og Biblioteker, team Digitalisering. "
        "Projektejeren er bibliotekschefen, som refererer til direktøren for Kultur og "
        "Borgerservice. Styregruppen mødes hver anden uge; status gives i KLIK."
    ),
    "plus_granted_by": "Henrik Mørch, kommunens KOMBIT-programleder",
    "team": "Jonas Kjær (systemadministrator) og Birgitte Lund (bibliotekschef)",
    "decided_by": "Birgitte Lund (bibliotekschef) og Jonas Kjær (systemadministrator)",
    "leader_title": "Digitaliseringskonsulent, Borgerservice og Biblioteker",
    "coordinator_name": "Peter Holm, Økonomi og Løn",
    "catalogue_version": "1.4 (marts 2022), læst igen efter revisionen",
}


def long_history(task: TaskDef, count: int, start: datetime = START) -> list[Event]:
    """`count` events of a case worked on for months, as the window writes them: a few
    fields a day, each typed in many saves (a sitting), on weekdays in office hours."""
    step_of = {f.key: s.key for s in task.steps for f in s.fields}
    keys = [k for k in _TYPED if k in step_of]
    events: list[Event] = []
    day, sitting = start, 0
    while len(events) < count:
        while day.weekday() >= 5:
            day += timedelta(days=1)
        at = day.replace(hour=8, minute=30)
        for _ in range(3):  # three fields worked on each day
            key = keys[sitting % len(keys)]
            text, old = _TYPED[key], ""
            saves = min(60, count - len(events))
            for i in range(1, saves + 1):
                new = text[: max(1, len(text) * i // saves)]
                events.append(Event(at, EventKind.FIELD_SET, step_of[key], key, old, new))
                at += timedelta(seconds=20)
                old = new
            sitting += 1
            at += timedelta(minutes=40)
        day += timedelta(days=1)
    return events

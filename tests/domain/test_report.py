"""The report's content, built without Qt from a case."""

from __future__ import annotations

from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.repository import Store
from tests.conftest import Clock, demo


def test_complete_case(editor: CaseEditor, clock: Clock) -> None:
    r = demo(editor).report()
    assert r.complete and r.missing == ()
    assert r.municipality == "Aarhus Kommune (751)"
    assert r.klik_status == "Fuldført" and r.started_at and r.completed_at
    leader, owner = r.appointments[0], r.appointments[1]
    assert (leader.role, leader.name) == ("Projektleder", "Maja Søndergaard")
    assert "maja.sondergaard@aarhus.dk" in leader.details
    assert "+45 41 85 72 30" in leader.details
    assert any("PLUS" in d for d in leader.details)
    assert (owner.role, owner.name) == ("Projektejer", "Birgitte Lund")
    assert any("LÆSER" in d for d in owner.details)
    assert [a.role for a in r.appointments][2:] == [
        "Ansvarlig på KLIK-opgaven",
        "Udfører på KLIK-opgaven",
        "Bibliotekschef",
        "ØiR-koordinator",
    ]
    assert [s.title for s in r.steps] == [s.title for s in editor.task.steps]
    assert all(s.state == "færdig" and s.done_at for s in r.steps)
    assert len(r.questions) == 2 and r.questions[0].answer
    assert r.mail is not None and "Fornavn: Maja" in r.mail.body and not r.mail.outdated
    assert r.approver == "Birgitte Lund"


def test_event_log_reads_as_words(editor: CaseEditor) -> None:
    r = demo(editor).report()
    fields = {(e.field, e.new) for e in r.events}
    assert ("Kommune", "751 Aarhus") in fields
    assert ("Jeg har fået PLUS-rettigheden i KLIK", "markeret") in fields
    assert ("Projektleder – Telefon", "+45 41 85 72 30") in fields
    assert ("Projektejer – Fornavn", "Birgitte") in fields  # whose first name it is
    assert ("KLIK-status", "Fuldført") in fields
    mail = r.mail
    assert mail is not None  # the entry names the mail by its subject, and its day
    assert ("Mail til KOMBIT", f"markeret som sendt: »{mail.subject}« (sendt {mail.sent_on})") in (
        fields
    )
    assert r.events[0].step == "Opgaven"


def test_incomplete_case_says_what_is_missing(editor: CaseEditor) -> None:
    r = demo(editor, complete=False).report()
    assert not r.complete
    mail, last = editor.task.step("notify_kombit"), editor.task.steps[-1]
    send = "Send mailen til bibsys@kombit.dk, og markér den som sendt"
    assert f"Trin {mail.index} · {mail.title}: {send}" in r.missing
    assert any(m.startswith(f"Trin {last.index}") for m in r.missing)
    assert r.mail is None
    waiting = next(s for s in r.steps if s.title == "Giv KOMBIT besked")
    assert waiting.state == "afventer" and "telefonnummer" in waiting.note


def test_changed_leader_after_sending_is_noted(editor: CaseEditor) -> None:
    demo(editor)
    editor.set_text("leader_phone", "22 33 44 55")
    r = editor.report()
    assert r.mail is not None and r.mail.outdated
    assert "Telefon: +45 41 85 72 30" in r.mail.body  # what KOMBIT actually got


def test_empty_case(store: Store, editor: CaseEditor) -> None:
    r = editor.report()
    assert not r.complete and r.municipality == "Kommune ikke valgt"
    assert r.klik_status == KlikStatus.NOT_STARTED.value
    assert r.appointments[0].name == "ikke udpeget"
    assert r.events == ()


# --- the report is the record (issue 21) ---------------------------------------------------


def test_the_log_shows_one_entry_per_edit_and_every_value_whole(editor: CaseEditor) -> None:
    """The window saves a field at every pause in typing: one sitting left an entry per
    typo, and long values were cut ("…direktøren for Ku…")."""
    notes = (
        "Projektlederen placeres i Borgerservice og Biblioteker, team Digitalisering.\n"
        "Projektejeren er bibliotekschefen, som refererer til direktøren for Kultur og "
        "Borgerservice, og som sidder i styregruppen for FBS-projektet sammen med "
        "økonomichefen og den digitale koordinator."
    )
    for end in range(10, len(notes), 25):  # typed in pauses, a minute apart (the clock)
        editor.set_text("placement_notes", notes[:end])
    editor.set_text("placement_notes", notes)
    editor.set_text("team", "Jonas")  # something else: the next edit is another entry
    editor.set_text("placement_notes", notes + " Aftalt.")
    lines = [e for e in editor.report().events if e.field.startswith("Hvor rollerne ligger")]
    assert [(line.old, line.new) for line in lines] == [
        ("–", notes.replace("\n", " / ")),
        (notes.replace("\n", " / "), notes.replace("\n", " / ") + " Aftalt."),
    ]
    assert len(editor.store.events(editor.case.id)) > 10  # every save is kept as it was


def test_an_edit_that_ends_where_it_began_leaves_no_entry(editor: CaseEditor) -> None:
    editor.set_text("team", "Jonas")
    editor.clock.now = editor.clock.now.replace(hour=15)  # type: ignore[attr-defined]
    editor.set_text("team", "Jonas K")
    editor.set_text("team", "Jonas")
    assert [(e.old, e.new) for e in editor.report().events] == [("–", "Jonas")]


def test_the_log_names_the_mail_and_the_cause_of_what_followed(editor: CaseEditor) -> None:
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2027")
    r = editor.report()
    sent = next(e for e in r.events if e.field == "Mail til KOMBIT")
    assert sent.new.startswith("markeret som sendt: »Projektleder for ØiR-debitorintegrationen")
    ended = next(e for e in r.events if e.field == "Ny projektleder")
    assert (ended.old, ended.new) == ("Maja Søndergaard", "en ny overtager fra 15.01.2027")
    box = [e for e in r.events if e.field.startswith("Brugere i KLIK – Projektlederen")]
    assert [(e.old, e.new, e.because) for e in box] == [
        ("–", "markeret", ""),  # ticked by the user
        ("markeret", "–", "følger af: ny projektleder"),  # unticked by the change
    ]
    filled = next(e for e in r.events if e.field == "Tildelt den")
    assert filled.because == "følger af: »Jeg har fået PLUS-rettigheden i KLIK«"


def test_the_report_carries_the_cards_goal_and_result_and_its_journal_number(
    editor: CaseEditor,
) -> None:
    r = demo(editor).report()
    assert "én indgang til kommunen: projektlederen" in " ".join(r.goal)
    assert "dermed SPOC" in " ".join(r.result)
    assert r.document_title == (
        "Rapport: Udpeg debitorprojektleder og -projektejer på FBS – Aarhus Kommune (751) "
        "(j.nr. 26/12345)"
    )
    assert r.footer_for(paper=True).startswith("Udskrevet ")
    assert r.footer_for(paper=False).startswith("Lavet ") and "Udskrevet" not in r.footer
    assert editor.report_file_name().startswith("Rolleudpeger-Aarhus-26-12345-2026-")


def test_a_file_name_takes_any_journal_number(editor: CaseEditor) -> None:
    editor.set_municipality("751")
    for number, part in (
        ("", "Rolleudpeger-Aarhus-2026-"),
        ("KB/2026:017 (bilag)", "Rolleudpeger-Aarhus-KB-2026-017-bilag-2026-"),
        ("../../x", "Rolleudpeger-Aarhus-x-2026-"),
        ("Sag æøå", "Rolleudpeger-Aarhus-Sag-æøå-2026-"),
    ):
        editor.set_text("case_number", number)
        assert editor.report_file_name().startswith(part), number


def test_stated_days_and_registered_times_are_told_apart(editor: CaseEditor) -> None:
    demo(editor)
    editor.set_mail_date("10.11.2026")
    r = editor.report()
    assert r.mail is not None and (r.mail.sent_on, r.mail.sent_at[:10]) != ("", "")
    assert r.mail.sent_on == "10.11.2026"
    plus = next(s for s in r.steps if s.key == "plus_rights")
    recorded = dict(plus.recorded)
    assert recorded["Jeg har fået PLUS-rettigheden i KLIK"].startswith("ja, markeret ")
    assert recorded["Tildelt den"] == "02.11.2026"
    assert r.questions[0].answered_on and r.questions[0].answered_at

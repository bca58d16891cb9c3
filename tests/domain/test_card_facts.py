"""The task card's facts, pinned: who the KOMBIT programme leader is, the week-51 deadline,
the description, the mail's four details (never the owner), the record's fields."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings

from rolleudpeger.demo import fill_demo_case
from rolleudpeger.domain import case as rules
from rolleudpeger.domain.mail import Mail, mail_state
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from tests.conftest import demo, examples
from tests.domain.test_rules import LEADER, T0, commit, make_case, names

ROOT = Path(__file__).resolve().parents[2]

# --- the KOMBIT programme leader is the municipality's own employee ----------------------


def test_the_programme_leader_is_the_municipalitys_own() -> None:
    danish, english = load_task(), load_task(language="en")
    plus = danish.step("plus_rights").guidance
    assert "kommunens KOMBIT-programleder" in plus and "ansat i kommunen" in plus
    assert "your municipality's KOMBIT programme leader" in english.step("plus_rights").guidance
    assert "The municipality's KOMBIT programme leader" in english.involved_parties
    for path in (
        ROOT / "resources" / "opgave-fbs-debitorroller.toml",
        ROOT / "resources" / "translations" / "rolleudpeger_en.ts",
        ROOT / "README.md",
        ROOT / "src" / "rolleudpeger" / "demo.py",
    ):
        text = path.read_text(encoding="utf-8")
        assert "programme manager" not in text, path
        assert "KOMBIT grants" not in text, path
        assert not re.search(r"Mørch, KOMBIT\b", text), path


def test_claims_the_card_does_not_make_are_gone() -> None:
    task = load_task()
    assert "for at kunne oprette brugere" not in task.step("plus_rights").guidance
    warning = rules.same_person_warning(
        task, make_case(**LEADER, owner_first_name="Maja", owner_last_name="Søndergaard")
    )
    assert warning is not None
    assert "KOMBIT forventer" not in warning and "Vores råd" in warning  # advice, said as such


# --- what the user reads ------------------------------------------------------------------


def test_the_description_holds_the_card_and_week_51() -> None:
    danish, english = load_task(), load_task(language="en")
    for needle in (
        "Det er op til kommunen selv at beslutte, hvor rollerne skal placeres og forankres",
        "primære kontaktperson i kommunen",
        "løses af de rette fagpersoner til rette tid",
        "ØiR-koordinator for KOMBITs fagløsninger",
        "KOMBIT-programleder, inden udgangen af uge 51",
        "sparringspartner for projektlederen",
        "tid, økonomi og ressourcer",
        "serviceaftaler",
        "abonnement på sortiment",
        "rute",
        "webinar i januar",
    ):
        assert needle in " ".join(danish.description.split()), needle
    assert "before the end of week 51" in " ".join(english.description.split())
    coordinator = danish.field("coordinator_name")
    # (in the line under the field: as its placeholder, the sentence was cut by the field)
    assert "KOMBITs fagløsninger" in coordinator.group and "uge 51" in coordinator.hint
    notify = " ".join(danish.step("notify_kombit").guidance.split())
    assert "systemadministratorer har allerede fået en særskilt invitation" in notify


def test_english_words_for_the_roles_are_one_each() -> None:
    english = load_task(language="en")
    assert english.title == "Appoint the debtor project leader and debtor project owner for FBS"
    text = (ROOT / "resources" / "opgave-fbs-debitorroller.toml").read_text(encoding="utf-8")
    assert "sparring partner" not in text and "sounding board" in text
    assert english.step("plus_rights").title == "Get PLUS rights in KLIK"
    assert english.step("role_catalogue").title == "Clarify the roles"
    assert english.field("questions").label == "Questions put to KOMBIT"


# --- the mail to KOMBIT ---------------------------------------------------------------------


def test_the_mail_is_signed_by_the_performer_and_names_the_spoc(task: TaskDef) -> None:
    case = make_case(municipality="751", **LEADER, performer_name="Jonas Kjær")
    mail = mail_state(task, case).current
    assert mail is not None
    assert mail.body.endswith("Med venlig hilsen\nJonas Kjær\npå vegne af Aarhus Kommune\n")
    assert task.title in mail.subject and "kommunens SPOC" in mail.body
    # Plain words: KOMBIT's own term is not explained to KOMBIT, and no "hermed".
    assert "Single Point of Contact" not in mail.body and "hermed" not in mail.body
    facts = re.findall(r"(?m)^[^:\n]+: .+$", mail.body)
    assert facts == [
        "Fornavn: Maja",
        "Efternavn: Søndergaard",
        "E-mail: maja@aarhus.dk",
        "Telefon: +45 41 85 72 30",
    ]


@settings(max_examples=examples(200), deadline=None)
@given(owner_first=names, owner_last=names)
def test_a_performer_who_may_be_the_owner_never_signs(
    task: TaskDef, owner_first: str, owner_last: str
) -> None:
    unsigned = mail_state(task, make_case(municipality="751", **LEADER)).current
    assert unsigned is not None
    case = make_case(
        municipality="751",
        **LEADER,
        owner_first_name=owner_first,
        owner_last_name=owner_last,
        performer_name=f"{owner_first} {owner_last}",
    )
    state = mail_state(task, case)
    assert state.current == unsigned  # no name the owner has reaches KOMBIT
    assert state.unsigned_because_owner


def test_a_mail_sent_with_an_earlier_wording_is_not_outdated(task: TaskDef) -> None:
    """Compared by the facts it told KOMBIT: 0.1.0's wording, another signer — not outdated;
    another phone number — outdated."""
    case = make_case(municipality="751", **LEADER)
    old_wording = Mail(
        "bibsys@kombit.dk",
        "Projektleder for ØiR-debitorintegrationen til FBS – Aarhus Kommune (751)",
        "Kære KOMBIT\n\nAarhus Kommune har udpeget projektleder for implementeringen af "
        "ØiR-debitorintegrationen til FBS.\n\nProjektleder:\nFornavn: Maja\nEfternavn: "
        "Søndergaard\nE-mail: maja@aarhus.dk\nTelefon: +45 41 85 72 30\n\nMed venlig hilsen\n"
        "Aarhus Kommune\n",
    )
    commit(case, rules.RecordMailSent("notify_kombit", old_wording, T0), new_id=1)
    assert not mail_state(task, case).outdated
    commit(case, rules.propose_field(task, case, "performer_name", "Jonas Kjær", T0)[0])
    assert not mail_state(task, case).outdated
    commit(case, rules.propose_field(task, case, "leader_phone", "22 33 44 55", T0)[0])
    assert mail_state(task, case).outdated


# --- the record ------------------------------------------------------------------------------


def test_the_report_is_a_record_an_archivist_accepts(editor: CaseEditor) -> None:
    report = demo(editor).report()
    assert report.case_number == "26/12345"
    assert report.prepared_by == "Jonas Kjær"
    assert any("udgangen af uge 51" in p for p in report.description)
    leader = report.appointments[0]  # each appointment with its own decision
    assert "Besluttet 09.11.2026 af Birgitte Lund (bibliotekschef) og Jonas Kjær " in " ".join(
        leader.details
    )
    assert "Periode: fra 09.11.2026" in leader.details
    assert report.goal and report.result and "SPOC" in report.result[0]
    agreed = dict(report.agreements)
    assert agreed["Version af rollekataloget, der er læst"] == "1.4 (marts 2022)"
    assert agreed["Invitation til webinaret"].startswith("Projektlederen har fået den")
    assert report.owner_signs == ""  # the owner is the library director, who signs anyway
    assert report.unanswered == ()


def test_an_owner_who_is_not_the_director_signs_too_and_open_questions_show(
    editor: CaseEditor,
) -> None:
    fill_demo_case(editor, complete=False)
    editor.set_text("owner_first_name", "Karen")
    editor.set_text("owner_last_name", "Holm")
    editor.add_question("Hvornår kommer januar-webinaret?")
    report = editor.report()
    assert report.approver == "Birgitte Lund" and report.owner_signs == "Karen Holm"
    assert report.unanswered == (
        "Kan projektejeren være konstitueret bibliotekschef?",  # the half-done demo's own
        "Hvornår kommer januar-webinaret?",
    )

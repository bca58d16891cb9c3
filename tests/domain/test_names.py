"""Names as people have them: stored in one normal form (NFC), compared as they look, in
every script a municipality meets; phone numbers from every Nordic country.

"Lefèvre" typed is U+00E8; pasted from a PDF or a Mac it is "e" + U+0300 (NFD). Both must
be one name to every rule that compares names — above all the one that keeps the project
owner's name from KOMBIT."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolleudpeger.domain import handover
from rolleudpeger.domain.case import same_person_warning
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.report import build_report
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.domain.text import name_key, same_name
from rolleudpeger.domain.validation import (
    ValidationError,
    check_email,
    check_name,
    check_phone,
    format_phone,
    is_valid_phone,
    parse_phone,
)
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.repository import Store
from tests.conftest import demo, examples
from tests.domain.test_handover import exported

COMPOSED = "Lefèvre"  # U+00E8, as typed on a Danish keyboard
DECOMPOSED = "Lefe\u0300vre"  # e + U+0300, as pasted from a PDF
assert COMPOSED != DECOMPOSED and unicodedata.normalize("NFC", DECOMPOSED) == COMPOSED


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def store_raw(store: Store, key: str, value: str) -> None:
    """Write a value as an older version did: exactly as given, not normalised."""
    with store.engine.begin() as c:
        updated = c.exec_driver_sql(
            "UPDATE field_values SET value = ? WHERE key = ?", (value, key)
        ).rowcount
        assert updated == 1, key


# --- stored in NFC ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key", ["leader_last_name", "owner_title", "placement_notes", "team", "decision_date"]
)
def test_typed_text_is_stored_in_nfc(editor: CaseEditor, key: str) -> None:
    editor.set_text(key, f"Marie {DECOMPOSED}")
    stored = editor.store.load_case(editor.case.id).value(key)
    assert stored == editor.case.value(key) == f"Marie {COMPOSED}"


def test_questions_answers_and_notes_are_stored_in_nfc(editor: CaseEditor) -> None:
    editor.add_question(f"Kan {DECOMPOSED} være projektejer?")
    editor.answer_question(editor.case.questions[-1].id, f"Ja, {DECOMPOSED} kan.")
    editor.set_waiting("plus_rights", True, f"Venter på {DECOMPOSED}")
    case = editor.store.load_case(editor.case.id)
    assert case.questions[-1].text == f"Kan {COMPOSED} være projektejer?"
    assert case.questions[-1].answer == f"Ja, {COMPOSED} kan."
    assert case.waiting["plus_rights"].note == f"Venter på {COMPOSED}"


def test_an_imported_case_is_stored_in_nfc(task: TaskDef, editor: CaseEditor) -> None:
    data: dict[str, Any] = json.loads(json.dumps(exported(editor)))
    data["case"]["values"]["owner_last_name"]["value"] = DECOMPOSED
    data["case"]["questions"][0]["text"] = f"Spørg {DECOMPOSED}"
    data["case"]["role_history"] = [
        {
            "role": "owner",
            "first_name": "Anne",
            "last_name": DECOMPOSED,
            "title": "",
            "email": "",
            "phone": "",
            "started_at": None,
            "ended_at": "2026-11-10T10:00:00+00:00",
        }
    ]
    imported = handover.parse_case(task, handover.decode(json.dumps(data).encode()))
    assert imported.case.value("owner_last_name") == COMPOSED
    assert imported.case.questions[0].text == f"Spørg {COMPOSED}"
    assert imported.case.role_history[0].person.last_name == COMPOSED


# --- compared as they look ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (COMPOSED, DECOMPOSED),
        (COMPOSED, "LEFE\u0300VRE"),
        ("Lefèvre", "lefèvre"),
        ("Le\u00adfèvre", "Lefèvre"),  # a soft hyphen draws nothing inside a line
        ("Ｌｅｆèｖｒｅ", "Lefèvre"),  # full-width letters
        ("Anne  Marie", "Anne Marie"),
        ("Straße", "STRASSE"),
    ],
)
def test_the_same_name(a: str, b: str) -> None:
    assert same_name(a, b) and name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Lefèvre", "Lefevre"), ("Ærø", "Aero"), ("Lund", "Lunde")])
def test_names_that_differ_to_the_eye_differ(a: str, b: str) -> None:
    assert not same_name(a, b)


def _performer_and_owner(editor: CaseEditor, performer: str, owner_last: str) -> None:
    demo(editor, complete=False)
    editor.set_text("performer_name", performer)
    editor.set_text("owner_first_name", "Anne")
    editor.set_text("owner_last_name", owner_last)


@pytest.mark.parametrize("owner_last", [DECOMPOSED, "LEFE\u0300VRE", "lefèvre"])
def test_a_mail_is_never_signed_with_the_owners_name_however_it_was_typed(
    task: TaskDef, editor: CaseEditor, owner_last: str
) -> None:
    _performer_and_owner(editor, f"Jonas {COMPOSED}", owner_last)
    state = mail_state(task, editor.case)
    assert state.current is not None and state.unsigned_because_owner
    assert name_key(COMPOSED) not in name_key(state.current.body)


def test_a_decomposed_name_an_older_version_stored_is_still_caught(
    task: TaskDef, editor: CaseEditor, store: Store
) -> None:
    """0.2.0 stored what was pasted, unnormalised: the rules must hold on such a database."""
    _performer_and_owner(editor, f"Jonas {COMPOSED}", "Holm")
    store_raw(store, "owner_last_name", DECOMPOSED)
    store_raw(store, "performer_name", f"JONAS {COMPOSED}")
    case = store.load_case(editor.case.id)
    assert case.value("owner_last_name") == DECOMPOSED  # as it was stored
    state = mail_state(task, case)
    assert state.current is not None and state.unsigned_because_owner
    assert name_key(COMPOSED) not in name_key(state.current.body)


def test_a_former_leader_who_became_the_owner_is_not_named_in_the_new_mail(
    task: TaskDef, editor: CaseEditor, store: Store
) -> None:
    from rolleudpeger.domain.people import Role

    demo(editor)
    editor.set_text("leader_last_name", COMPOSED)
    editor.change_role(Role.LEADER, "15.01.2027")
    for key, value in (
        ("leader_first_name", "Ole"),
        ("leader_last_name", "Berg"),
        ("leader_email", "ole.berg@aarhus.dk"),
        ("leader_phone", "12 34 56 78"),
    ):
        editor.set_text(key, value)
    editor.set_text("owner_last_name", "x")
    store_raw(store, "owner_last_name", "LEFE\u0300VRE")  # the former leader, now owner
    state = mail_state(task, store.load_case(editor.case.id))
    assert state.current is not None
    assert name_key(COMPOSED) not in name_key(state.current.body)


@pytest.mark.parametrize("owner", [("Marie", DECOMPOSED), ("MARIE", "LEFE\u0300VRE")])
def test_the_same_person_warning_sees_through_the_form(
    task: TaskDef, editor: CaseEditor, store: Store, owner: tuple[str, str]
) -> None:
    demo(editor, complete=False)
    editor.set_text("leader_first_name", "Marie")
    editor.set_text("leader_last_name", COMPOSED)
    editor.set_text("owner_first_name", owner[0])
    editor.set_text("owner_last_name", owner[1])
    assert same_person_warning(task, editor.case) is not None
    store_raw(store, "owner_last_name", DECOMPOSED)  # as an older version kept it
    assert same_person_warning(task, store.load_case(editor.case.id)) is not None


def test_the_report_asks_one_signature_when_the_owner_is_the_director(
    task: TaskDef, editor: CaseEditor, store: Store
) -> None:
    demo(editor)  # the owner is the library director, Birgitte Lund
    store_raw(store, "owner_last_name", "LUND")
    case = store.load_case(editor.case.id)
    report = build_report(task, case, [], editor.clock(), "test")
    assert report.owner_signs == ""


def test_a_mail_sent_with_a_decomposed_name_is_not_outdated_by_its_composed_form(
    task: TaskDef, editor: CaseEditor, store: Store
) -> None:
    """The name was pasted (NFD) into 0.2.0, the mail sent with it; typed again now, it is
    stored composed. KOMBIT was told the same name: no new mail is asked for."""
    demo(editor)
    editor.set_text("leader_last_name", COMPOSED)
    editor.mark_mail_sent()
    with store.engine.begin() as c:
        c.exec_driver_sql("UPDATE sent_mails SET body = ?", (nfd(editor.case.mails[-1].mail.body),))
    case = store.load_case(editor.case.id)
    assert DECOMPOSED in case.mails[-1].mail.body
    assert not mail_state(task, case).outdated


# --- real people ----------------------------------------------------------------------------

REAL_NAMES = [
    "Søren Kierkegaard",
    "Zoë Ægidius-Ørsted",
    "Jón Þór Ólafsson",
    "José María Núñez",
    "Nguyễn Thị Minh Khai",
    "Ngũgĩ wa Thiong'o",
    "ʻIolani Kealoha",
    "Σοφία Παπαδοπούλου",
    "Александр Пушкин",
    "דוד בן־גוריון",
    "محمد بن سلمان",
    "فاطمه\u200cسادات حسینی",  # Persian: ZWNJ between the two given names
    "می\u200cخواهم",  # Persian: ZWNJ after the prefix mi-
    "क्\u200dषितिज शर्मा",  # Devanagari: ZWJ keeps the half form
    "रवि\u200cशंकर",  # Devanagari: ZWNJ between the parts of a name
    "রবীন্দ্রনাথ ঠাকুর",
    "சுப்பிரமணிய பாரதி",
    "അവന്\u200d",  # Malayalam: the older chillu, ZWJ at the word's end
    "ශ්\u200dරී ලංකා",  # Sinhala: ZWJ for the conjunct
    "ኃይሌ ገብረሥላሴ",
    "王秀英",
    "山田 太郎",
    "김민준",
    "สมชาย ใจดี",
    "ნინო ბურჯანაძე",
    "Բարբարա",
    "Bar\u00adbara Skov\u00adgaard",  # soft hyphens where the name may break
    "Jonas 👩\u200d💻",  # an emoji ZWJ sequence
    "Kim 🏳️\u200d🌈",
    "Alba 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland's flag
    "Ana 👩🏽\u200d🔬",
]


@pytest.mark.parametrize("name", REAL_NAMES)
def test_real_names_are_accepted_as_written(editor: CaseEditor, name: str) -> None:
    assert check_name(name).value == unicodedata.normalize("NFC", name)
    editor.set_text("leader_first_name", name)
    assert (
        editor.store.load_case(editor.case.id).value("leader_first_name") == check_name(name).value
    )


def test_real_names_arrive_through_a_case_file(task: TaskDef, editor: CaseEditor) -> None:
    data: dict[str, Any] = json.loads(json.dumps(exported(editor)))
    keys = ["owner_first_name", "owner_last_name", "owner_title", "team"]  # not in the mail
    keys += ["coordinator_name", "library_director_name", "decided_by", "leader_title"]
    for i, name in enumerate(REAL_NAMES):
        data["case"]["values"][keys[i % len(keys)]]["value"] = name
        imported = handover.parse_case(task, handover.decode(json.dumps(data).encode()))
        assert imported.case.value(keys[i % len(keys)]) == unicodedata.normalize("NFC", name)


SPOOFING = [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # marks
    "\u200b", "\u2060", "\ufeff", "\u2061", "\u180e",  # zero width, joiner, BOM, operators
    "\u3164", "\uffa0",  # Hangul fillers: letters that show as nothing
    "\U000e0041",  # a tag outside a flag: hidden ASCII
]  # fmt: skip


@pytest.mark.parametrize("char", SPOOFING)
@pytest.mark.parametrize("name", ["فاطمه\u200cسادات", "Maja Søndergaard", "क्\u200dष"])
def test_what_can_spoof_is_refused_even_in_a_script_that_joins(char: str, name: str) -> None:
    for at in (0, 3, len(name)):
        with pytest.raises(ValidationError, match="usynlige tegn"):
            check_name(name[:at] + char + name[at:])


@pytest.mark.parametrize(
    "bad",
    [
        "Maja\u200cSøndergaard",  # a joiner between Latin letters does nothing visible
        "\u200dMaja",  # nor at the start
        "Maja \u00ad",  # a soft hyphen outside a word
        "\u00adMaja",
        "👩\u200dMaja",  # a ZWJ from an emoji into a name
        "فاطمه\u200c",  # ZWNJ at the end of a name
    ],
)
def test_joiners_and_soft_hyphens_only_where_a_script_needs_them(bad: str) -> None:
    with pytest.raises(ValidationError, match="usynlige tegn"):
        check_name(bad)


@pytest.mark.parametrize("char", ["\u200c", "\u200d", "\u00ad"])
def test_addresses_and_numbers_take_no_invisible_character(char: str) -> None:
    for check, value in ((check_email, "maja@aarhus.dk"), (check_phone, "12345678")):
        with pytest.raises(ValidationError, match="usynlige tegn"):
            check(value[:2] + char + value[2:])


JOINING_LETTERS = st.sampled_from("فاطمهسادتحین" + "कषतजशरमनवल" + "അവനമല")
OTHER = st.sampled_from("abcæøåABC -'")


@settings(max_examples=examples(200), deadline=None)
@given(
    parts=st.lists(st.text(JOINING_LETTERS, min_size=1, max_size=6), min_size=2, max_size=4),
    joiner=st.sampled_from(["\u200c", "\u200d"]),
)
def test_a_joiner_between_letters_of_a_joining_script_is_kept(
    parts: list[str], joiner: str
) -> None:
    name = joiner.join(parts)
    assert check_name(name).value == unicodedata.normalize("NFC", name)


@settings(max_examples=examples(200), deadline=None)
@given(
    text=st.text(st.one_of(JOINING_LETTERS, OTHER), min_size=1, max_size=20),
    char=st.sampled_from(SPOOFING),
    at=st.integers(min_value=0, max_value=20),
)
def test_a_spoofing_character_anywhere_is_refused(text: str, char: str, at: int) -> None:
    with pytest.raises(ValidationError):
        check_name(text[:at] + char + text[at:])


# --- phone numbers from the Nordic countries ------------------------------------------------

NORDIC = {  # country code: a valid national number (phonenumbers' own examples)
    "45": "41857230",  # Denmark
    "46": "701234567",  # Sweden
    "47": "40612345",  # Norway
    "358": "412345678",  # Finland
    "354": "6111234",  # Iceland
    "298": "211234",  # the Faroe Islands
    "299": "221234",  # Greenland
}
FORMS = [
    "+{cc}{n}",
    "+{cc} {spaced}",
    "00{cc}{n}",
    "00{cc} {spaced}",
    "00 {cc} {spaced}",
    "(+{cc}) {spaced}",
    "+{cc}-{n}",
]


def spaced(number: str) -> str:
    return " ".join(number[i : i + 2] for i in range(0, len(number), 2))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("cc", NORDIC)
def test_every_nordic_country_in_every_form_the_danish_one_is_accepted(cc: str, form: str) -> None:
    n = NORDIC[cc]
    typed = form.format(cc=cc, n=n, spaced=spaced(n))
    e164 = f"+{cc}{n}"
    assert parse_phone(typed) == e164, typed
    assert check_phone(typed).error is None and check_phone(typed).value == e164
    assert is_valid_phone(e164)
    assert parse_phone(format_phone(e164)) == e164  # shown, then read back


@settings(max_examples=examples(150), deadline=None)
@given(
    cc=st.sampled_from(sorted(NORDIC)),
    prefix=st.sampled_from(["+", "00", "00 ", "+ ", "(00", "(+"]),
    gaps=st.lists(st.sampled_from(["", " ", "-", "."]), min_size=12, max_size=12),
)
def test_any_spacing_of_a_nordic_number_reads_the_same(
    cc: str, prefix: str, gaps: list[str]
) -> None:
    n = NORDIC[cc]
    close = ")" if prefix.startswith("(") else ""
    typed = prefix + cc + close + " " + "".join(d + g for d, g in zip(n, gaps, strict=False))
    assert parse_phone(typed) == f"+{cc}{n}", typed

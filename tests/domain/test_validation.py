"""Validation of typed input: phone, e-mail, names, notes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolleudpeger.domain import kinds
from rolleudpeger.domain.taskdef import FieldKind, TaskDef
from rolleudpeger.domain.validation import (
    MAX_NAME,
    MAX_NOTES,
    ValidationError,
    check_email,
    check_name,
    check_notes,
    check_phone,
    format_phone,
    parse_phone,
)
from tests.conftest import examples


@pytest.mark.parametrize(
    "typed",
    ["12345678", "12 34 56 78", "+45 12 34 56 78", "0045 12345678", "+4512345678", " 12345678 "],
)
def test_danish_numbers_are_accepted_and_stored_as_e164(typed: str) -> None:
    assert parse_phone(typed) == "+4512345678"
    assert format_phone(parse_phone(typed)) == "+45 12 34 56 78"


@pytest.mark.parametrize(
    "typed", ["+46 8 123 456 78", "+46701234567", "+49 30 901820", "0046 8 123 456 78"]
)
def test_foreign_numbers_with_plus_and_valid_are_accepted(typed: str) -> None:
    stored = parse_phone(typed)
    assert stored.startswith("+") and not stored.startswith("+45")


@pytest.mark.parametrize(
    "typed",
    [
        "1234",
        "123456789",
        "1234ABCD",
        "tolv",
        "12 34 56 7x",
        "46 8 123 456 78",  # a foreign number written without + or 00
        "+46 1",  # + but not valid
        "+45 1234",
        "",
    ],
)
def test_bad_numbers_are_refused_with_a_danish_message(typed: str) -> None:
    with pytest.raises(ValidationError) as e:
        parse_phone(typed)
    assert any(w in str(e.value) for w in ("cifre", "nummer", "telefonnummer"))


def test_check_phone_keeps_what_was_typed_when_invalid() -> None:
    checked = check_phone(" 1234 ")
    assert checked.value == "1234"
    assert checked.error is not None and "8 cifre" in checked.error
    assert check_phone("").value == "" and check_phone("").error is None


def test_phone_is_shown_formatted(task: TaskDef) -> None:
    phone = kinds.KINDS[FieldKind.PHONE]
    assert phone.display(task, "+4541857230") == "+45 41 85 72 30"
    assert phone.display(task, "1234") == "1234"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("maja@aarhus.dk", "maja@aarhus.dk"),
        ("  Maja@Aarhus.DK ", "Maja@aarhus.dk"),
        ("søren.ærø@kommune.dk", "søren.ærø@kommune.dk"),
    ],
)
def test_good_email_is_normalised(typed: str, stored: str) -> None:
    assert check_email(typed) == check_email(stored)
    assert check_email(typed).value == stored
    assert check_email(typed).error is None


@pytest.mark.parametrize("typed", ["maja", "maja@", "maja@aarhus", "ma ja@aarhus.dk", "@aarhus.dk"])
def test_bad_email_is_kept_with_a_danish_message(typed: str) -> None:
    checked = check_email(typed)
    assert checked.value == typed.strip()
    assert checked.error == "Skriv en gyldig e-mailadresse, fx fornavn.efternavn@kommune.dk."


def test_names_are_trimmed_and_limited() -> None:
    assert check_name("  Maja  ").value == "Maja"
    assert check_name("x" * MAX_NAME).value == "x" * MAX_NAME
    with pytest.raises(ValidationError, match="Højst 200 tegn"):
        check_name("x" * (MAX_NAME + 1))


@pytest.mark.parametrize("bad", ["Ma\x00ja", "Ma\nja", "Maja\x1b", "Ma\u2028ja", "a\tb"])
def test_names_with_control_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="styretegn"):
        check_name(bad)


def test_notes_keep_line_breaks_and_are_limited() -> None:
    text = "Linje 1\n\tLinje 2 med æøå 😀"
    assert check_notes(text).value == text
    assert check_notes("   \n ").value == ""
    with pytest.raises(ValidationError, match=r"Højst 10\.000 tegn"):
        check_notes("x" * (MAX_NOTES + 1))
    with pytest.raises(ValidationError):
        check_notes("nul\x00tegn")


# The fast paths that spare the start-up from loading email-validator and phonenumbers
# must never disagree with them.
@settings(max_examples=examples(400), deadline=None)
@given(
    value=st.one_of(
        st.emails(),
        st.from_regex(
            r"[A-Za-z0-9._%+'-]{1,20}@[A-Za-z0-9.-]{1,25}\.[A-Za-z]{1,6}", fullmatch=True
        ),
        st.text(max_size=40),
    )
)
def test_plain_email_path_agrees_with_email_validator(value: str) -> None:
    from email_validator import EmailNotValidError, validate_email

    from rolleudpeger.domain.validation import plainly_valid_email

    if plainly_valid_email(value):
        try:
            assert validate_email(value, check_deliverability=False).normalized == value
        except EmailNotValidError as e:  # pragma: no cover - the failure we guard against
            raise AssertionError(f"fast path accepted {value!r}: {e}") from e


@settings(max_examples=examples(300), deadline=None)
@given(value=st.from_regex(r"\+45[0-9]{8}", fullmatch=True))
def test_danish_fast_path_agrees_with_phonenumbers(value: str) -> None:
    import phonenumbers

    from rolleudpeger.domain.validation import _DANISH_E164

    number = phonenumbers.parse(value, "DK")
    library_says_valid = len(str(number.national_number)) == 8 and not number.italian_leading_zero
    assert (_DANISH_E164.fullmatch(value) is not None) == library_says_valid
    if library_says_valid:
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert parse_phone(value) == e164 == value


@pytest.mark.parametrize(
    ("kind", "typed"),
    [
        (FieldKind.EMAIL, "maja@aarhus"),
        (FieldKind.PHONE, "12 34"),
        (FieldKind.PHONE, "12a34"),
        (FieldKind.PHONE, "+1 555"),
        (FieldKind.DATE, "31.02.2026"),
    ],
)
def test_what_typing_can_be_told_is_among_the_usual_messages(kind: FieldKind, typed: str) -> None:
    """The page keeps room next to a field for its kind's usual messages: every message that
    ordinary typing gets must be one of them (else it would be shortened on screen)."""
    from rolleudpeger.domain.taskdef import FieldDef
    from rolleudpeger.domain.validation import ValidationError

    kind_of = kinds.of(FieldDef("x", kind, "X"))
    try:
        message = kind_of.check(typed).error
    except ValidationError as e:
        message = str(e)

    assert message and message in kind_of.usual_messages(), message

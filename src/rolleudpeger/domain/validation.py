"""Checking and normalising what the user types; every message says what to do."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from rolleudpeger import i18n
from rolleudpeger.i18n import translate

MAX_NAME = 200
MAX_NOTES = 10_000
DK = 45

_PHONE_CHARS = re.compile(r"[0-9+\s\-().]*")

# phonenumbers and email-validator take a tenth of a second to import; a stored value that
# is plainly valid is recognised without them (tests check that they agree), so the window
# can open sooner. Anything else goes to the libraries, loaded on first use.
_DANISH_E164 = re.compile(r"\+45[1-9][0-9]{7}")
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"(?!xn--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(
    rf"(?=.{{1,64}}@){_ATEXT}(?:\.{_ATEXT})*@(?:{_LABEL}\.)+(?!xn--)[A-Za-z]{{2,63}}"
)
_SPECIAL_USE_TLDS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def plainly_valid_email(value: str) -> bool:
    """True only for addresses email-validator surely accepts as they are (ASCII, no IDN,
    no special-use domain, within the lengths); False means "ask email-validator"."""
    return (
        len(value) <= 254
        and _PLAIN_EMAIL.fullmatch(value) is not None
        and value.rsplit(".", 1)[1].lower() not in _SPECIAL_USE_TLDS
        and value == value.split("@", maxsplit=1)[0] + "@" + value.split("@")[1].lower()
    )


class ValidationError(ValueError):
    """Input that cannot be stored at all; the message is for the user."""


@dataclass(frozen=True)
class Checked:
    """What to store for a typed value, and a message if it is not (yet) valid.

    Invalid e-mail addresses and phone numbers are kept as typed so that nothing the user
    wrote is lost; the step is not done until they are valid.
    """

    value: str
    error: str | None = None


def _has_control(text: str, *, allow_newlines: bool) -> bool:
    # Each distinct character once: a long text (an import) is checked in a moment.
    for ch in set(text):
        if allow_newlines and ch in "\n\t":
            continue
        if unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u2028\u2029":
            return True
    return False


def _CONTROL_CHARS() -> str:
    return translate(
        "Validation", "Teksten indeholder usynlige styretegn. Skriv den igen uden dem."
    )


def _has_format_char(text: str) -> bool:
    """Invisible formatting characters (Unicode category Cf): bidi controls such as U+202E,
    which make `Maja \u202emoc.live@live` *show* as another address, and zero-width
    characters. A name, address, number or title never needs them."""
    return not text.isascii() and any(unicodedata.category(ch) == "Cf" for ch in set(text))


def _FORMAT_CHARS() -> str:
    return translate(
        "Validation",
        "Teksten indeholder usynlige tegn (fx et skift af skriveretning eller et mellemrum "
        "uden bredde), der kan få den til at se anderledes ud, end den er. "
        "Skriv den igen i hånden i stedet for at kopiere den.",
    )


def visible(text: str) -> str:
    """Free text for showing: invisible formatting characters written out as ⟨U+202E⟩, so
    that they cannot turn or hide the text around them. The stored text is unchanged."""
    if not _has_format_char(text):
        return text
    return "".join(f"⟨U+{ord(ch):04X}⟩" if unicodedata.category(ch) == "Cf" else ch for ch in text)


def _too_long(limit: int, length: int) -> str:
    return translate("Validation", "Højst {limit} tegn. Du har skrevet {length}.").format(
        limit=i18n.number(limit), length=i18n.number(length)
    )


def check_name(raw: str) -> Checked:
    """A name or short text: trimmed, one line, at most 200 characters, nothing invisible."""
    value = raw.strip()
    if len(value) > MAX_NAME:
        raise ValidationError(_too_long(MAX_NAME, len(value)))
    if _has_control(value, allow_newlines=False):
        raise ValidationError(_CONTROL_CHARS())
    if _has_format_char(value):
        raise ValidationError(_FORMAT_CHARS())
    return Checked(value)


def check_notes(raw: str) -> Checked:
    """Free text: line breaks allowed, at most 10,000 characters; kept exactly as typed."""
    if len(raw) > MAX_NOTES:
        raise ValidationError(_too_long(MAX_NOTES, len(raw)))
    if _has_control(raw, allow_newlines=True):
        raise ValidationError(_CONTROL_CHARS())
    return Checked(raw if raw.strip() else "")


def check_email(raw: str) -> Checked:
    """An e-mail address, syntax only (the app is offline): stored normalised."""
    value = check_name(raw).value
    if not value:
        return Checked("")
    if plainly_valid_email(value):
        return Checked(value)
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415 - late: startup.py

    try:
        return Checked(validate_email(value, check_deliverability=False).normalized)
    except EmailNotValidError:
        return Checked(
            value,
            translate(
                "Validation", "Skriv en gyldig e-mailadresse, fx fornavn.efternavn@kommune.dk."
            ),
        )


def parse_phone(raw: str) -> str:
    """Return the number in E.164 (`+4512345678`), or raise ValidationError.

    Danish numbers are 8 digits in a closed plan; KOMBIT's contacts may have any of them,
    so every 8-digit number counts (the metadata of phonenumbers rejects some ranges).
    Foreign numbers are accepted only when written with `+` and valid.
    """
    text = raw.strip()
    if not _PHONE_CHARS.fullmatch(text):
        raise ValidationError(
            translate(
                "Validation",
                "Et telefonnummer må kun indeholde cifre, mellemrum, plus (+), bindestreg (-), "
                "parenteser og punktum.",
            )
        )
    if _DANISH_E164.fullmatch(text):
        return text
    import phonenumbers  # noqa: PLC0415 - late: startup.py

    try:
        number = phonenumbers.parse(text, "DK")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            translate("Validation", "Skriv et dansk nummer med 8 cifre, fx 12 34 56 78.")
        ) from None
    if number.country_code == DK:
        if len(str(number.national_number)) != 8 or number.italian_leading_zero:
            raise ValidationError(
                translate("Validation", "Et dansk nummer har 8 cifre, fx 12 34 56 78.")
            )
    elif not (text.startswith("+") and phonenumbers.is_valid_number(number)):
        raise ValidationError(
            translate(
                "Validation",
                "Skriv et dansk nummer med 8 cifre. "
                "Et udenlandsk nummer skal begynde med + og landekode.",
            )
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Show a stored number: `+45 12 34 56 78` for Danish ones, international format else."""
    if e164.startswith("+45") and len(e164) == 11 and e164[1:].isdigit():
        d = e164[3:]
        return f"+45 {d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
    import phonenumbers  # noqa: PLC0415 - late: startup.py

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def check_phone(raw: str) -> Checked:
    value = check_name(raw).value
    if not value:
        return Checked("")
    try:
        return Checked(parse_phone(value))
    except ValidationError as e:
        return Checked(value, str(e))


_DATE_FORMATS = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def parse_date(text: str) -> date | None:
    """A date typed as dd.mm.åååå (also with - or /, or as 2026-11-27)."""
    for pattern in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return parsed if FIRST_YEAR <= parsed.year <= LAST_YEAR else None
    return None


def check_date(raw: str) -> Checked:
    """A date, stored as 2026-11-27; a date that cannot be read is kept as typed, with a
    message, like an e-mail address that is not valid yet."""
    value = check_name(raw).value
    if not value:
        return Checked("")
    parsed = parse_date(value)
    if parsed is None:
        return Checked(
            value,
            translate("Validation", "Skriv datoen som dd.mm.åååå, fx 27.11.2026."),
        )
    return Checked(parsed.isoformat())


def is_valid_date(value: str) -> bool:
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def is_valid_phone(value: str) -> bool:
    if not value:
        return False  # (without loading phonenumbers: see rolleudpeger.startup)
    try:
        return check_name(value).value == value and parse_phone(value) == value
    except ValidationError:
        return False


def is_valid_email(value: str) -> bool:
    """A stored address as the mail may use it (one saved by an older version may hold
    characters that are refused now)."""
    try:
        return bool(value) and check_email(value).error is None
    except ValidationError:
        return False

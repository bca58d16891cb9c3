"""Checking and normalising what the user types; every message says what to do."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime

from rolleudpeger import i18n
from rolleudpeger.domain.text import disguising, has_invisible, normal
from rolleudpeger.i18n import translate

MAX_NAME = 200
MAX_NOTES = 10_000
DK = 45

_PHONE_CHARS = re.compile(r"[0-9+\s\-().]*")
_INTERNATIONAL = re.compile(r"[\s(]*(\+|00)")  # a country code follows

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


class Refusal(ValueError):
    """An edit the app will not make; the message says why and what to do. Its two kinds:
    input that cannot be stored (ValidationError) and a step the rules do not allow now
    (case.RuleError). The editing layer raises these and nothing else for what the user
    asked, and StoreError when saving failed (editing.Refused, editing.SaveFailed).
    `field` names the input it is about, where a change takes several (a dialog's fields)."""

    def __init__(self, message: str = "", *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class ValidationError(Refusal):
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


def _FORMAT_CHARS() -> str:
    return translate(
        "Validation",
        "Teksten indeholder usynlige tegn (fx et skift af skriveretning eller et mellemrum "
        "uden bredde), der kan få den til at se anderledes ud, end den er. "
        "Skriv den igen i hånden i stedet for at kopiere den.",
    )


def _too_long(limit: int, length: int) -> str:
    return translate("Validation", "Højst {limit} tegn. Du har skrevet {length}.").format(
        limit=i18n.number(limit), length=i18n.number(length)
    )


def check_name(raw: str) -> Checked:
    """A name or short text: trimmed, in NFC, one line, at most 200 characters, and
    nothing invisible that could disguise it (what a script needs is kept; see
    domain.text.disguising)."""
    value = _one_line(raw)
    if disguising(value):
        raise ValidationError(_FORMAT_CHARS())
    return Checked(value)


def _one_line(raw: str) -> str:
    value = normal(raw.strip())
    if len(value) > MAX_NAME:
        raise ValidationError(_too_long(MAX_NAME, len(value)))
    if _has_control(value, allow_newlines=False):
        raise ValidationError(_CONTROL_CHARS())
    return value


def _address(raw: str) -> str:
    """An e-mail address or a phone number as typed: one line, and no invisible character
    at all (a soft hyphen or a joiner would make two addresses look alike)."""
    value = _one_line(raw)
    if has_invisible(value):
        raise ValidationError(_FORMAT_CHARS())
    return value


def check_notes(raw: str) -> Checked:
    """Free text: line breaks allowed, at most 10,000 characters; kept as typed, in NFC
    (invisible characters are shown written out: domain.text.visible)."""
    value = normal(raw)
    if len(value) > MAX_NOTES:
        raise ValidationError(_too_long(MAX_NOTES, len(value)))
    if _has_control(value, allow_newlines=True):
        raise ValidationError(_CONTROL_CHARS())
    return Checked(value if value.strip() else "")


def _EMAIL_NOT_VALID() -> str:
    return translate(
        "Validation", "Skriv en gyldig e-mailadresse, fx fornavn.efternavn@kommune.dk."
    )


def _PHONE_CHARACTERS() -> str:
    return translate(
        "Validation",
        "Et telefonnummer må kun indeholde cifre, mellemrum, plus (+), bindestreg (-), "
        "parenteser og punktum.",
    )


def _PHONE_NOT_READABLE() -> str:
    return translate("Validation", "Skriv et dansk nummer med 8 cifre, fx 12 34 56 78.")


def _PHONE_DANISH_DIGITS() -> str:
    return translate("Validation", "Et dansk nummer har 8 cifre, fx 12 34 56 78.")


def _PHONE_FOREIGN() -> str:
    return translate(
        "Validation",
        "Skriv et dansk nummer med 8 cifre. Et udenlandsk nummer skal begynde med "
        "+ eller 00 og landekoden, fx +299 32 10 00.",
    )


def _DATE_NOT_READABLE() -> str:
    return translate("Validation", "Skriv datoen som dd.mm.åååå, fx 27.11.2026.")


def _DATE_DOES_NOT_EXIST() -> str:
    return translate("Validation", "Den dato findes ikke. Tjek dag og måned, fx 27.11.2026.")


def _DATE_OUT_OF_RANGE() -> str:
    return translate("Validation", "Skriv en dato mellem {first} og {last}, fx 27.11.2026.").format(
        first=FIRST_YEAR, last=LAST_YEAR
    )


def name_messages() -> tuple[str, ...]:
    """What ordinary typing in a name or short text can be told: nothing (room is kept next
    to a field for its kind's usual messages; the refusal of 200+ characters or of pasted
    invisible characters is rare, and may be shortened there, whole in its description)."""
    return ()


def notes_messages() -> tuple[str, ...]:
    return ()


def email_messages() -> tuple[str, ...]:
    return (_EMAIL_NOT_VALID(),)


def phone_messages() -> tuple[str, ...]:
    return (_PHONE_CHARACTERS(), _PHONE_NOT_READABLE(), _PHONE_DANISH_DIGITS(), _PHONE_FOREIGN())


def date_messages() -> tuple[str, ...]:
    return (_DATE_NOT_READABLE(), _DATE_DOES_NOT_EXIST(), _DATE_OUT_OF_RANGE())


def check_email(raw: str) -> Checked:
    """An e-mail address, syntax only (the app is offline): stored normalised."""
    value = _address(raw)
    if not value:
        return Checked("")
    if plainly_valid_email(value):
        return Checked(value)
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415 - late: startup.py

    try:
        return Checked(validate_email(value, check_deliverability=False).normalized)
    except EmailNotValidError:
        return Checked(value, _EMAIL_NOT_VALID())


def parse_phone(raw: str) -> str:
    """Return the number in E.164 (`+4512345678`), or raise ValidationError.

    Danish numbers are 8 digits in a closed plan; KOMBIT's contacts may have any of them,
    so every 8-digit number counts (the metadata of phonenumbers rejects some ranges).
    Other numbers are written with their country code, after `+` or after the
    international prefix 00 as dialled from Denmark (`+299 32 10 00`, `00299 321000`:
    Greenland, the Faroe Islands, Sweden, Norway, Finland, Iceland…), and must be valid.
    """
    text = raw.strip()
    if not _PHONE_CHARS.fullmatch(text):
        raise ValidationError(_PHONE_CHARACTERS())
    if _DANISH_E164.fullmatch(text):
        return text
    import phonenumbers  # noqa: PLC0415 - late: startup.py

    try:
        number = phonenumbers.parse(text, "DK")  # DK: 00 is the international prefix
    except phonenumbers.NumberParseException:
        raise ValidationError(_PHONE_NOT_READABLE()) from None
    if number.country_code == DK:
        if len(str(number.national_number)) != 8 or number.italian_leading_zero:
            raise ValidationError(_PHONE_DANISH_DIGITS())
    elif not (_INTERNATIONAL.match(text) and phonenumbers.is_valid_number(number)):
        raise ValidationError(_PHONE_FOREIGN())
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
    value = _address(raw)
    if not value:
        return Checked("")
    try:
        return Checked(parse_phone(value))
    except ValidationError as e:
        return Checked(value, str(e))


# --- the one date rule ------------------------------------------------------------------
#
# Every date the app reads or writes is a real calendar date in 2000–2099: what is typed,
# every date and time in a case file, and every file made from a date (the .ics, the
# report; the mail holds none). Nothing the record holds is older than 2000 (KLIK and the ØiR
# programme are from the 2020s), so a date outside is a typo or a forged file; a whole
# century reads simply in a message; every year has four digits, as dd.mm.åååå, an
# iCalendar DATE (RFC 5545) and a PDF date need; and the day after the last one (an
# all-day event's end) is still a date Python and Windows can convert.
FIRST_YEAR, LAST_YEAR = 2000, 2099
_DATE_FORMATS = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")


def date_problem(day: date) -> str | None:
    """What is wrong with a date under the date rule (None: nothing)."""
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return translate("Validation", "året {year} ligger ikke mellem {first} og {last}").format(
        year=day.year, first=FIRST_YEAR, last=LAST_YEAR
    )


def time_problem(at: datetime) -> str | None:
    """The date rule for a moment, on its date in UTC (as it is stored). When that is
    another year than the one written (2099-12-31T23:30-02:00 is 2100 in UTC), the
    message says so, so that it never names a year that seems to be inside."""
    try:
        utc = at.astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 or 9999 with an offset: far outside anyway
        return date_problem(at.date())
    problem = date_problem(utc.date())
    if problem is None or utc.year == at.year:
        return problem
    return (
        problem
        + " "
        + translate("Validation", "({time} er {utc} i UTC)").format(
            time=at.isoformat(), utc=utc.strftime("%Y-%m-%d %H:%M")
        )
    )


def period_problem(start: datetime | None, end: datetime | None) -> str | None:
    """A period (a role held, a question until its answer, a mail until taken back, one
    status until the next) cannot end before it begins."""
    if start is None or end is None or start <= end:
        return None
    return translate("Validation", "{end} ligger før {start}").format(
        start=start.isoformat(), end=end.isoformat()
    )


# A date as the formats read it, day and month of one or two digits and a four-digit year
# (or the ISO order), whether or not the day exists.
_DATE_SHAPE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{1,2}-\d{1,2}", re.ASCII)


def parse_date(text: str) -> date | None:
    """A real calendar date typed as dd.mm.åååå (also with - or /, or as 2026-11-27);
    None when it is not one (31.02.2027). The range is date_problem's."""
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def check_date(raw: str) -> Checked:
    """A date, stored as 2026-11-27; a date that is not one, or outside the rule, is kept
    as typed with a message, like an e-mail address that is not valid yet (and never
    read as a date: read_date)."""
    value = check_name(raw).value
    if not value:
        return Checked("")
    parsed = parse_date(value)
    if parsed is None:
        # Written the right way, but no such day (31.02.2027, 9.13.2026): say so, not how
        # to write a date.
        shaped = _DATE_SHAPE.fullmatch(value)
        return Checked(value, _DATE_DOES_NOT_EXIST() if shaped else _DATE_NOT_READABLE())
    if date_problem(parsed) is not None:
        return Checked(value, _DATE_OUT_OF_RANGE())
    return Checked(parsed.isoformat())


def read_date(stored: str) -> date | None:
    """A stored date, when it is one under the date rule (as check_date stores it);
    None for text kept as typed, a forged value (9999-12-31, 0005-01-01), or nothing."""
    try:
        day = date.fromisoformat(stored)
    except ValueError:
        return None
    return day if day.isoformat() == stored and date_problem(day) is None else None


def is_valid_phone(value: str) -> bool:
    if not value:
        return False  # (without loading phonenumbers: see rolleudpeger.startup)
    try:
        return _address(value) == value and parse_phone(value) == value
    except ValidationError:
        return False


def is_valid_email(value: str) -> bool:
    """A stored address as the mail may use it (one saved by an older version may hold
    characters that are refused now)."""
    try:
        return bool(value) and check_email(value).error is None
    except ValidationError:
        return False

"""The KLIK deadline: how many days are left, and the deadline as an iCalendar file
(RFC 5545) that Outlook and other calendars import: one all-day event with a reminder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from rolleudpeger.domain.validation import date_problem, read_date
from rolleudpeger.i18n import translate

REMINDER_DAYS = 3  # the calendar reminds this many days before the deadline,
REMINDER_HOUR = 9  # at this hour of the working day (not at midnight, when the day begins)
LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded


@dataclass(frozen=True)
class Deadline:
    day: date
    days_left: int  # negative: overdue
    completed: bool = False  # the task is Fuldført: the days no longer count

    @property
    def words(self) -> str:
        """ "KLIK-frist 15.12.2026 (om 16 dage)", "(i dag)", "(overskredet)"; once the task
        is Fuldført, the deadline is only named."""
        when = self.day.strftime("%d.%m.%Y")
        if self.completed:
            return translate("Deadline", "KLIK-frist {date}").format(date=when)
        if self.days_left < 0:
            return translate("Deadline", "KLIK-frist {date} (overskredet)").format(date=when)
        if self.days_left == 0:
            return translate("Deadline", "KLIK-frist {date} (i dag)").format(date=when)
        if self.days_left == 1:
            return translate("Deadline", "KLIK-frist {date} (i morgen)").format(date=when)
        return translate("Deadline", "KLIK-frist {date} (om {n} dage)").format(
            date=when, n=self.days_left
        )


def deadline(stored: str, today: date) -> Deadline | None:
    """The deadline from its stored date (None when none is set, or it is not a date under
    the date rule: validation.read_date)."""
    day = read_date(stored)
    return None if day is None else Deadline(day, (day - today).days)


def _escape(text: str) -> str:
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space, never inside a
    UTF-8 character."""
    out: list[bytes] = []
    current = b""
    for ch in line:
        encoded = ch.encode("utf-8")
        limit = LINE_OCTETS if not out else LINE_OCTETS - 1  # the space counts
        if len(current) + len(encoded) > limit:
            out.append(current)
            current = b""
        current += encoded
    out.append(current)
    return "\r\n ".join(part.decode("utf-8") for part in out)


def reminder_trigger() -> str:
    """The alarm's TRIGGER, relative to the start of the all-day event (local midnight of
    the deadline): `-P2DT15H` is 09:00 three days before. Relative, so that Outlook (which
    takes a reminder as minutes before the start) and every calendar read it alike, in the
    user's own time zone."""
    before = timedelta(days=REMINDER_DAYS) - timedelta(hours=REMINDER_HOUR)
    hours = before.seconds // 3600
    return f"-P{before.days}DT{hours}H" if hours else f"-P{before.days}D"


def deadline_ics(
    *, uid: str, day: date, title: str, description: str, now: datetime, version: str
) -> bytes:
    """One all-day event on `day` named after the task, with a reminder REMINDER_DAYS
    before at REMINDER_HOUR; `uid` stays the same for the same case, so importing again
    updates the event.
    A day outside the date rule is refused (ValueError): it would make no valid file."""
    if (problem := date_problem(day)) is not None:
        raise ValueError(problem)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Rolleudpeger//Rolleudpeger {version}//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_escape(title)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(title)}",
        f"TRIGGER:{reminder_trigger()}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")

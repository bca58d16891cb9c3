"""How times read in the interface, the report and file names: in the computer's own time
zone (Europe/Copenhagen on a Danish PC), `27.11.2026 kl. 13.05` in Danish, `27.11.2026
13:05` in English. Times are stored in UTC; only what is shown is local.

The night summer time ends, the clock shows 02.00–02.59 twice (25 October 2026: first in
summer time, UTC+2, then in winter time, UTC+1). A time in that hour says which one it is,
so that two edits an hour apart never read as the same minute, nor as out of order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rolleudpeger.i18n import QT_TRANSLATE_NOOP, translate

# Transitions are months apart, so within this distance there is at most one.
_NEAR = timedelta(hours=6)
_SUMMER = QT_TRANSLATE_NOOP("Time", "sommertid")
_WINTER = QT_TRANSLATE_NOOP("Time", "vintertid")


def local(at: datetime) -> datetime:
    """`at` in the computer's time zone. Out of the platform's range (Windows refuses
    times before 1970), it stays in UTC rather than failing."""
    try:
        return at.astimezone()
    except (OSError, OverflowError, ValueError):
        return at.astimezone(UTC)


def repeated_hour(at: datetime) -> str:
    """'sommertid' or 'vintertid' (translated) when the local clock shows the same time
    twice around `at` (the night summer time ends), else ''."""
    offset = local(at).utcoffset()
    for near in (at - _NEAR, at + _NEAR):
        other_offset = local(near).utcoffset()
        if offset is None or other_offset is None or other_offset == offset:
            continue
        twin = at + (offset - other_offset)  # the same wall-clock time at the other offset
        if twin != at and local(twin).utcoffset() == other_offset:
            # The first pass is the one with the larger offset: summer time.
            return translate("Time", _SUMMER if offset > other_offset else _WINTER)
    return ""


def _clock(at: datetime, pattern: str) -> str:
    shown = local(at).strftime(pattern)
    which = repeated_hour(at)
    return f"{shown} ({which})" if which else shown


def format_time(at: datetime | None) -> str:
    if at is None:
        return ""
    # A strftime pattern, so that a translation can choose its own way of writing times.
    return _clock(at, translate("Time", "%d.%m.%Y kl. %H.%M"))


def format_date(at: datetime | None) -> str:
    return "" if at is None else local(at).strftime("%d.%m.%Y")


def format_time_stacked(at: datetime | None) -> str:
    """The date above the time, for narrow table columns."""
    if at is None:
        return ""
    clock = translate("Time", "kl. %H.%M")  # a strftime pattern, as above
    return local(at).strftime("%d.%m.%Y") + "\n" + _clock(at, clock)


def file_stamp(at: datetime) -> str:
    """A local time for a file name, with its UTC offset so that names taken in the
    repeated hour differ and read right: `20261025-023000-123456+0200`."""
    return local(at).strftime("%Y%m%d-%H%M%S-%f%z")


def parse_file_stamp(stamp: str) -> datetime | None:
    """The time in a name made by `file_stamp`, or in the UTC names of version 0.1.0
    (`20261025-003000-123456`, no offset). Always aware: from Python 3.15, `%z` also
    matches no offset at all (and gives a naive time), so a name without one is read as
    0.1.0's UTC whatever the pattern says."""
    for pattern in ("%Y%m%d-%H%M%S-%f%z", "%Y%m%d-%H%M%S-%f"):
        try:
            parsed = datetime.strptime(stamp, pattern)
        except ValueError:
            continue
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    return None


def fixed_zone(offset_seconds: int) -> str:
    """A POSIX TZ value for a fixed offset from UTC, which the C library and Qt both read:
    `<+0100>-01:00` for UTC+1 (POSIX counts the other way round)."""
    hours, minutes = divmod(abs(offset_seconds) // 60, 60)
    east = offset_seconds >= 0
    return (
        f"<{'+' if east else '-'}{hours:02d}{minutes:02d}>"
        f"{'-' if east else '+'}{hours:02d}:{minutes:02d}"
    )

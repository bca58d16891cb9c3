"""How times read in the interface and the report, in local time: `27.11.2026 kl. 13.05`
in Danish, `27.11.2026 13:05` in English."""

from __future__ import annotations

from datetime import datetime

from rolleudpeger.i18n import translate


def format_time(at: datetime | None) -> str:
    if at is None:
        return ""
    # A strftime pattern, so that a translation can choose its own way of writing times.
    return at.astimezone().strftime(translate("Time", "%d.%m.%Y kl. %H.%M"))


def format_date(at: datetime | None) -> str:
    return "" if at is None else at.astimezone().strftime("%d.%m.%Y")


def format_time_stacked(at: datetime | None) -> str:
    """The date above the time, for narrow table columns."""
    if at is None:
        return ""
    local = at.astimezone()
    clock = translate("Time", "kl. %H.%M")  # a strftime pattern, as above
    return local.strftime("%d.%m.%Y") + "\n" + local.strftime(clock)

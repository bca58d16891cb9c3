"""How times read in the interface and the report: `27.11.2026 kl. 13.05`, local time."""

from __future__ import annotations

from datetime import datetime


def format_time(at: datetime | None) -> str:
    return "" if at is None else at.astimezone().strftime("%d.%m.%Y kl. %H.%M")


def format_date(at: datetime | None) -> str:
    return "" if at is None else at.astimezone().strftime("%d.%m.%Y")

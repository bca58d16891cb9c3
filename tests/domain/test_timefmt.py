"""Times read back from file names are always aware, on every supported Python.

Python 3.15's `strptime` lets `%z` match no offset at all and returns a naive time: a
0.1.0 backup name (UTC, no offset) then read as naive, and sorting it among aware times
failed (tests/test_local_time.py found it on 3.15)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from rolleudpeger.domain.timefmt import file_stamp, parse_file_stamp


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        # 0.1.0's names: UTC, no offset
        ("20261025-003500-000000", datetime(2026, 10, 25, 0, 35, tzinfo=UTC)),
        ("20261231-235959-999999", datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
        # this version's: local time with its offset (both passes of the repeated hour)
        (
            "20261025-023000-000000+0200",
            datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            "20261025-023000-000000+0100",
            datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=1))),
        ),
    ],
)
def test_a_stamp_reads_as_an_aware_time(stamp: str, expected: datetime) -> None:
    parsed = parse_file_stamp(stamp)
    assert parsed is not None and parsed.tzinfo is not None
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


def test_a_stamp_made_here_reads_back_as_the_same_moment() -> None:
    at = datetime(2026, 3, 29, 1, 59, 30, tzinfo=UTC)  # the night summer time begins
    assert parse_file_stamp(file_stamp(at)) == at


@pytest.mark.parametrize("stamp", ["", "2026-10-25", "20261025-003500", "20261025-003500-x"])
def test_anything_else_is_no_time(stamp: str) -> None:
    assert parse_file_stamp(stamp) is None

"""Local time as the users live it: Danish time with its summer-time changes, and any zone.

Times are stored in UTC; whatever is shown, printed or written in a name is local. These
tests move the process into a zone themselves (the `zone` fixture); the whole suite also
runs once under TZ=UTC and once under TZ=Europe/Copenhagen (see the Makefile).
"""

from __future__ import annotations

import email
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.mail import as_eml, mail_state
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.domain.timefmt import format_date, format_time, format_time_stacked
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import backup
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import report as report_module
from rolleudpeger.ui import report_command
from tests.conftest import Clock, Dialogs, demo, zone_env
from tests.ui.helpers import click, close_window, find, open_window
from tests.ui.test_report_pdf import flat, make_pdf, page_texts, run_cli

Zone = Callable[[str], None]
MINUTE = timedelta(minutes=1)
# Denmark, 2026: 29 March 02:00 → 03:00 (at 01:00 UTC); 25 October 03:00 → 02:00 (01:00 UTC),
# so 02:00–02:59 happens twice that night.
SPRING = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
AUTUMN = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
# Danish time, and two zones with offsets of whole hours and a half (-03:30/-02:30) or
# three quarters (+13:45/+12:45), where a date can differ from Denmark's.
ZONES = ("Europe/Copenhagen", "America/St_Johns", "Pacific/Chatham")
CPH = "Europe/Copenhagen"


def expected(at: datetime, zone_name: str) -> str:
    """How the app should write `at`, worked out independently with the zone database."""
    return at.astimezone(ZoneInfo(zone_name)).strftime("%d.%m.%Y kl. %H.%M")


# --- how times read ---------------------------------------------------------------------


def test_danish_time_across_both_changes(zone: Zone) -> None:
    zone(CPH)
    assert format_time(SPRING - MINUTE) == "29.03.2026 kl. 01.59"
    assert format_time(SPRING) == "29.03.2026 kl. 03.00"  # 02.00–02.59 never happens
    assert format_time(AUTUMN - 61 * MINUTE) == "25.10.2026 kl. 01.59"
    assert format_time(AUTUMN - 30 * MINUTE) == "25.10.2026 kl. 02.30 (sommertid)"
    assert format_time(AUTUMN + 30 * MINUTE) == "25.10.2026 kl. 02.30 (vintertid)"
    assert format_time(AUTUMN + 60 * MINUTE) == "25.10.2026 kl. 03.00"
    assert format_time_stacked(AUTUMN) == "25.10.2026\nkl. 02.00 (vintertid)"
    # Summer and winter time in ordinary weeks, and a date after midnight in Denmark only.
    assert format_time(datetime(2026, 7, 1, 10, 0, tzinfo=UTC)) == "01.07.2026 kl. 12.00"
    assert format_time(datetime(2026, 12, 1, 10, 0, tzinfo=UTC)) == "01.12.2026 kl. 11.00"
    assert format_date(datetime(2026, 11, 28, 23, 30, tzinfo=UTC)) == "29.11.2026"


@pytest.mark.parametrize("name", [*ZONES, "UTC", "Asia/Kolkata", "Australia/Lord_Howe"])
def test_every_minute_of_a_year_reads_as_the_zone_database_says(zone: Zone, name: str) -> None:
    """Every hour of 2026 (and every minute of the nights the clocks change) reads as the
    zone database says, and no two different minutes ever read the same."""
    zone(name)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    hours = [start + timedelta(hours=h) for h in range(365 * 24)]
    tz = ZoneInfo(name)
    changes = [
        t
        for t in hours
        if t.astimezone(tz).utcoffset() != (t + MINUTE * 60).astimezone(tz).utcoffset()
    ]
    minutes = [t + m * MINUTE for t in changes for m in range(-90, 150)]
    seen: dict[str, datetime] = {}
    for at in [*hours, *minutes]:
        shown = format_time(at)
        assert shown.startswith(expected(at, name)), (at, shown)
        assert seen.setdefault(shown, at) == at, f"{shown} reads the same as {seen[shown]}"


def test_utc_has_no_repeated_hour(zone: Zone) -> None:
    zone("UTC")
    for m in range(-120, 120):
        assert "(" not in format_time(AUTUMN + m * MINUTE)


# --- what is written --------------------------------------------------------------------


def test_event_log_and_report_across_the_autumn_change(
    zone: Zone, task: TaskDef, store: Store, tmp_path: Path
) -> None:
    """Four edits at 02.20 and 02.40, twice: all kept in UTC, in order, and told apart."""
    zone(CPH)
    times = iter([AUTUMN + m * MINUTE for m in (-60, -40, -20, 20, 40, 70, 71, 72, 73)])
    editor = CaseEditor.open(task, store, lambda: next(times))
    editor.set_municipality("751")
    for name in ("Maja", "Mia", "Maja"):
        editor.set_text("leader_first_name", name)
    events = store.events(editor.case.id)
    assert [e.at for e in events] == [AUTUMN + m * MINUTE for m in (-40, -20, 20, 40)]
    assert all(e.at.tzinfo == UTC for e in events)
    report = editor.report()
    assert [line.at for line in report.events] == [
        "25.10.2026 kl. 02.20 (sommertid)",
        "25.10.2026 kl. 02.40 (sommertid)",
        "25.10.2026 kl. 02.20 (vintertid)",
        "25.10.2026 kl. 02.40 (vintertid)",
    ]
    assert report.generated_at == "25.10.2026 kl. 03.10"
    text = flat(" ".join(page_texts(make_pdf(editor, tmp_path / "r.pdf"))))
    for line in report.events:
        assert line.at in text
    assert editor.report_file_name() == "Rolleudpeger-Aarhus-2026-10-25.pdf"


def test_default_file_name_has_the_local_date(zone: Zone, editor: CaseEditor) -> None:
    zone(CPH)
    editor.clock = lambda: datetime(2026, 11, 28, 23, 30, tzinfo=UTC)  # 00.30 in Denmark
    assert editor.report_file_name() == "Rolleudpeger-2026-11-29.pdf"
    zone("UTC")
    assert editor.report_file_name() == "Rolleudpeger-2026-11-28.pdf"


def test_backup_names_are_local_and_keep_their_order(
    zone: Zone, editor: CaseEditor, data_dir: Path
) -> None:
    """A backup at 02.30 summer time is older than one at 02.10 winter time: the names say
    their local time with its offset, and the order is the backups' own sequence."""
    zone(CPH)
    editor.set_municipality("751")
    first = backup.take_backup(data_dir, AUTUMN - 30 * MINUTE)
    second = backup.take_backup(data_dir, AUTUMN + 10 * MINUTE)
    assert first.name == "rolleudpeger-20261025-023000-000000+0200-nr000001.sqlite3"
    assert second.name == "rolleudpeger-20261025-021000-000000+0100-nr000002.sqlite3"
    # Names from 0.2.0 (local with offset) and 0.1.0 (UTC, no offset) have no sequence:
    # they read, and sort by their time, after every numbered one.
    legacy = first.with_name("rolleudpeger-20261025-003500-000000.sqlite3")
    shutil.copyfile(first, legacy)
    legacy_summer = first.with_name("rolleudpeger-20261025-023100-000000+0200.sqlite3")
    shutil.copyfile(first, legacy_summer)
    assert backup.taken_at(legacy) == AUTUMN - 25 * MINUTE
    assert backup.taken_at(legacy_summer) == AUTUMN - 29 * MINUTE
    assert backup.list_backups(data_dir) == [second, first, legacy, legacy_summer]
    assert backup.taken_at(first) == AUTUMN - 30 * MINUTE
    assert format_time(backup.taken_at(second)) == "25.10.2026 kl. 02.10 (vintertid)"


def test_eml_date_is_local_with_its_offset(zone: Zone, task: TaskDef, editor: CaseEditor) -> None:
    zone(CPH)
    editor.set_municipality("751")
    for key, value in {
        "leader_first_name": "Maja",
        "leader_last_name": "Søndergaard",
        "leader_email": "maja@aarhus.dk",
        "leader_phone": "41857230",
    }.items():
        editor.set_text(key, value)
    mail = mail_state(task, editor.case).current
    assert mail is not None
    for at, header in (
        (AUTUMN - 30 * MINUTE, "Sun, 25 Oct 2026 02:30:00 +0200"),
        (AUTUMN + 30 * MINUTE, "Sun, 25 Oct 2026 02:30:00 +0100"),
    ):
        parsed = email.message_from_bytes(as_eml(mail, at), policy=policy.default)
        assert parsed["Date"] == header
        assert parsed["Date"].datetime == at


# --- the PDF/A report in any zone -------------------------------------------------------

_XMP_DATE = re.compile(r'xmp:(CreateDate|ModifyDate|MetadataDate)="([^"]+)"')


def assert_pdf_a_dated_in(path: Path, name: str, after: datetime) -> datetime:
    """The file is PDF/A-1b whose Info and XMP dates are the same moment, written in the
    zone's own offset at that moment, and made just now. Returns that moment."""
    reader = PdfReader(path)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="1"' in xmp and 'pdfaid:conformance="B"' in xmp
    info = report_module.info_date(path.read_bytes())
    assert info is not None
    assert after - timedelta(seconds=1) <= info <= datetime.now(UTC)
    assert info.utcoffset() == ZoneInfo(name).utcoffset(info.replace(tzinfo=None))
    dates = dict(_XMP_DATE.findall(xmp))
    assert set(dates) == {"CreateDate", "ModifyDate", "MetadataDate"}
    for value in dates.values():
        stamped = datetime.fromisoformat(value)
        assert stamped == info and stamped.utcoffset() == info.utcoffset(), (value, info)
    return info


@pytest.mark.parametrize(
    "name", [z if z == CPH else pytest.param(z, marks=pytest.mark.slow) for z in ZONES]
)
def test_save_pdf_button_in_any_zone(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    zone: Zone,
    name: str,
    answers: Dialogs,
) -> None:
    zone(name)
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    printed = datetime(2026, 11, 27, 23, 5, tzinfo=UTC)  # already the 28th east of here
    w.editor.clock = lambda: printed
    target = tmp_path / "rapport.pdf"
    answers.file = str(target)
    after = datetime.now(UTC).replace(microsecond=0)
    click(qtbot, w, "save_pdf")
    result = find(w, "report_result")
    assert isinstance(result, QLabel) and str(target) in result.text(), result.text()
    assert_pdf_a_dated_in(target, name, after)
    text = flat(" ".join(page_texts(PdfReader(target))))
    # A saved PDF says when it was made; "Udskrevet" is for paper only (issue 21).
    assert f"Lavet {expected(printed, name)}" in text and "Udskrevet" not in text
    started = w.editor.case.status_history[0].at
    assert f"Påbegyndt {expected(started, name)}" in text
    close_window(w)


@pytest.mark.slow  # a report command per zone (make quick: the window's button in every zone)
@pytest.mark.parametrize("name", ZONES)
def test_report_command_in_any_zone(
    data_dir: Path, tmp_path: Path, task: TaskDef, name: str
) -> None:
    store = Store.open(data_dir)
    started = demo(CaseEditor.open(task, store)).case.status_history[0].at
    store.close()
    pdf = tmp_path / "rapport.pdf"
    after = datetime.now(UTC).replace(microsecond=0)
    result = run_cli("report", "--pdf", str(pdf), env_extra=zone_env(name))
    assert result.returncode == 0, result.stderr
    made = assert_pdf_a_dated_in(pdf, name, after)
    text = flat(" ".join(page_texts(PdfReader(pdf))))
    # The footer's time was read just before the PDF's own date.
    printed = {expected(made - timedelta(seconds=s), name) for s in range(10)}
    assert any(f"Lavet {p}" in text for p in printed), text[-300:]
    assert f"Påbegyndt {expected(started, name)}" in text


# TZ values the C library reads but Qt cannot (Qt then stamped D:00000000-1-1-1Z and every
# PDF save failed with "Prøv igen"), with the zone each means; the C library takes a name
# it does not know as UTC.
ZONEINFO = Path("/usr/share/zoneinfo")
TZ_QT_CANNOT_READ = [
    pytest.param(tz, name, marks=[] if tz == "garbage" else [pytest.mark.slow])  # one: quick
    for tz, name in (
        (str(ZONEINFO / CPH), CPH),
        (f":{ZONEINFO / 'America/St_Johns'}", "America/St_Johns"),
        ("Local", "UTC"),
        ("garbage", "UTC"),
        (":Europe/Copenhagen", CPH),
    )
]
needs_zoneinfo = pytest.mark.skipif(
    sys.platform == "win32" or not (ZONEINFO / CPH).is_file(),
    reason="TZ as a path into the zone database (POSIX)",
)


@needs_zoneinfo
@pytest.mark.parametrize(("tz", "name"), TZ_QT_CANNOT_READ)
def test_report_command_with_a_tz_qt_cannot_read(
    data_dir: Path, tmp_path: Path, task: TaskDef, tz: str, name: str
) -> None:
    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))
    store.close()
    pdf = tmp_path / "rapport.pdf"
    after = datetime.now(UTC).replace(microsecond=0)
    result = run_cli("report", "--pdf", str(pdf), env_extra={"TZ": tz})
    assert result.returncode == 0, result.stderr
    assert "Prøv igen" not in result.stderr and "time zone" not in result.stderr
    assert_pdf_a_dated_in(pdf, name, after)


@needs_zoneinfo
@pytest.mark.parametrize(("tz", "name"), TZ_QT_CANNOT_READ)
def test_save_pdf_button_with_a_tz_qt_cannot_read(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    zone: Zone,
    answers: Dialogs,
    tz: str,
    name: str,
) -> None:
    zone(tz)
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    target = tmp_path / "rapport.pdf"
    answers.file = str(target)
    after = datetime.now(UTC).replace(microsecond=0)
    click(qtbot, w, "save_pdf")
    result = find(w, "report_result")
    assert isinstance(result, QLabel) and str(target) in result.text(), result.text()
    assert_pdf_a_dated_in(target, name, after)
    assert os.environ["TZ"] == tz  # put back after the PDF
    close_window(w)


@pytest.fixture
def dates_never_agree(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(report_module, "info_date", lambda _content: None)
    yield


def test_a_pdf_that_cannot_be_pdf_a_is_refused_clearly(
    dates_never_agree: None,
    data_dir: Path,
    tmp_path: Path,
    task: TaskDef,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))
    store.close()
    pdf = tmp_path / "rapport.pdf"
    assert report_command.run_report(str(pdf), str(data_dir)) == report_command.EXIT_FAILED
    err = capsys.readouterr().err
    assert "PDF/A" in err and "Prøv igen" in err and "Traceback" not in err
    assert not pdf.exists()

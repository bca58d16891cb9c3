"""`rolleudpeger report --pdf FILE`: the report as PDF/A without a window."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from rolleudpeger import i18n, logs
from rolleudpeger.config import resolve_data_dir
from rolleudpeger.domain.taskdef import TaskDef, TaskDefinitionError
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.migrate import DatabaseTooNewError
from rolleudpeger.store.repository import (
    NotADatabaseError,
    Store,
    StoreError,
    describe_db_error,
)
from rolleudpeger.store.schema import ForeignSchemaError
from rolleudpeger.store.targets import RefusedTargetError, check_target, with_suffix

EXIT_NO_CASE = 1
EXIT_FAILED = 2
_app: object = None


class _Stop(Exception):
    """The command ends here with this exit code; the message is already said."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _headless() -> None:
    """With no display (a server, CI, a scheduled job) Qt must not look for one."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith(("linux", "freebsd")) and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _say(message: str) -> None:
    print(f"rolleudpeger: {message}", file=sys.stderr)


def _fail(message: str, code: int = EXIT_FAILED) -> _Stop:
    _say(message)
    return _Stop(code)


def run_report(pdf: str, data_dir_arg: str | None, language: str | None = None) -> int:
    """Qt starts only once there is a case to report on; its catalogue is the language of
    the messages too, so the messages before that are in Danish unless English is asked for
    explicitly with --lang en (it then starts Qt first)."""
    if language is not None:
        _start_qt(language, None)
    try:
        task = load_task(language=i18n.language())
        data_dir = resolve_data_dir(data_dir_arg)
        # The data folder and the log's: no report is ever written into them.
        protected = [data_dir, logs.log_dir(data_dir, data_dir_chosen=data_dir_arg is not None)]
        target = _checked_target(with_suffix(pdf, ".pdf"), protected)
        store = _open(data_dir)
        try:
            pages = _write(store, task, target, language, protected)
        finally:
            store.close()
    except TaskDefinitionError as e:
        _say(str(e))
        return EXIT_FAILED
    except _Stop as stop:
        return stop.code
    print(
        translate("ReportCommand", "Rapporten er gemt i {file} ({pages} sider).").format(
            file=target, pages=pages
        )
    )
    return 0


def _checked_target(target: Path, protected: list[Path]) -> Path:
    """Never a file of the data folder, nor any database, however it is named (the rule of
    store/targets.py); refused before anything is read or written."""
    try:
        return check_target(target, protected)
    except RefusedTargetError as e:
        raise _fail(
            translate("ReportCommand", "{reason} Rapporten er ikke skrevet.").format(reason=e)
        ) from e


def _no_case(data_dir: Path) -> _Stop:
    if backup.damaged_copies(data_dir) and backup.list_backups(data_dir):
        return _fail(
            translate(
                "ReportCommand",
                "Databasen i {folder} var beskadiget og er lagt til side, og sikkerhedskopien "
                "er ikke hentet ind endnu. Åbn Rolleudpeger: den henter sikkerhedskopien. "
                "Lav rapporten bagefter.",
            ).format(folder=data_dir)
        )
    return _fail(
        translate(
            "ReportCommand",
            "Der er ingen sag i {folder} endnu. Åbn Rolleudpeger og begynd på opgaven først.",
        ).format(folder=data_dir),
        EXIT_NO_CASE,
    )


def _open(data_dir: Path) -> Store:
    """The data folder's database, read into memory (reading never writes), with a case."""
    if data_dir.exists() and not data_dir.is_dir():
        raise _fail(
            translate("ReportCommand", "{folder} er ikke en mappe.").format(folder=data_dir)
        )
    try:
        store = Store.open_read_only(data_dir)
    except DatabaseTooNewError as e:
        raise _fail(
            translate(
                "ReportCommand",
                "Databasen i {folder} er fra en nyere version af Rolleudpeger (skema {revision}).",
            ).format(folder=data_dir, revision=e.revision)
        ) from e
    except NotADatabaseError as e:
        raise _fail(
            translate(
                "ReportCommand",
                "{file} er ikke en database fra Rolleudpeger (eller er beskadiget).",
            ).format(file=e.path)
        ) from e
    except ForeignSchemaError as e:
        raise _fail(
            translate(
                "ReportCommand",
                "Databasen i {folder} er ændret uden om Rolleudpeger ({what}); der laves ingen "
                "rapport af den. Åbn Rolleudpeger: den lægger filen til side og henter den "
                "nyeste gode sikkerhedskopi.",
            ).format(folder=data_dir, what=", ".join(e.problems[:3]))
        ) from e
    except (StoreError, OSError, sqlite3.Error) as e:
        raise _fail(f"{data_dir / DB_FILE}: {describe_db_error(e)}") from e
    if store is None:
        raise _no_case(data_dir)  # and nothing is created there
    if store.latest_case_id() is None:
        store.close()
        raise _no_case(data_dir)
    return store


def _write(
    store: Store, task: TaskDef, target: Path, language: str | None, protected: list[Path]
) -> int:
    """Start Qt in the case's language, render, write through the one door."""
    task_language = i18n.language()
    _start_qt(language, store.setting(i18n.LANGUAGE_SETTING))
    from rolleudpeger.editing import CaseEditor  # noqa: PLC0415 - late: startup.py
    from rolleudpeger.ui.report import PdfDateError, write_pdf  # noqa: PLC0415 - late: startup.py
    from rolleudpeger.ui.report_actions import subject  # noqa: PLC0415 - late: startup.py

    if task_language != i18n.language():  # the saved choice changed it
        task = load_task(language=i18n.language())
    editor = CaseEditor.open(task, store)
    try:
        return write_pdf(
            editor.report(),
            target,
            author=editor.report_author(),
            subject=subject(task.title),
            protected=protected,
        )
    except RefusedTargetError as e:  # it changed while the report was made
        raise _fail(
            translate("ReportCommand", "{reason} Rapporten er ikke skrevet.").format(reason=e)
        ) from e
    except OSError as e:
        raise _fail(
            translate("ReportCommand", "Kunne ikke skrive rapporten til {file}: {reason}.").format(
                file=target, reason=describe_os_error(e)
            )
        ) from e
    except PdfDateError as e:
        raise _fail(e.message()) from e


def _start_qt(requested: str | None, saved: str | None) -> None:
    """A GUI application without a window (the report needs fonts), in the language."""
    _headless()
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - late: startup.py

    from rolleudpeger.ui.language import choose_language, install_language  # noqa: PLC0415 - late: startup.py

    if QGuiApplication.instance() is None:
        global _app  # noqa: PLW0603 - kept alive for the rest of the command
        _app = QGuiApplication([sys.argv[0]])
    chosen = choose_language(requested, saved)
    if chosen != i18n.language() or requested is not None:
        install_language(chosen)

"""`rolleudpeger report --pdf FILE`: the report as PDF/A without a window."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from rolleudpeger import i18n
from rolleudpeger.config import resolve_data_dir
from rolleudpeger.domain.taskdef import TaskDefinitionError
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.resources import load_task
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.migrate import DatabaseTooNewError
from rolleudpeger.store.repository import (
    NotADatabaseError,
    Store,
    StoreError,
    describe_db_error,
)
from rolleudpeger.store.schema import ForeignSchemaError

EXIT_NO_CASE = 1
EXIT_FAILED = 2
_app: object = None


def _headless() -> None:
    """With no display (a server, CI, a scheduled job) Qt must not look for one."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith(("linux", "freebsd")) and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _say(message: str) -> None:
    print(f"rolleudpeger: {message}", file=sys.stderr)


def run_report(pdf: str, data_dir_arg: str | None, language: str | None = None) -> int:
    """Qt starts only once there is a case to report on; its catalogue is the language of
    the messages too, so the messages before that are in Danish unless English is asked for
    explicitly with --lang en (it then starts Qt first)."""
    if language is not None:
        _start_qt(language, None)
    try:
        task_language = i18n.language()
        task = load_task(language=task_language)
    except TaskDefinitionError as e:
        _say(str(e))
        return EXIT_FAILED
    data_dir = resolve_data_dir(data_dir_arg)
    no_case = translate(
        "ReportCommand",
        "Der er ingen sag i {folder} endnu. Åbn Rolleudpeger og begynd på opgaven først.",
    ).format(folder=data_dir)
    target = Path(pdf)
    if (target.exists() or target.is_symlink()) and not target.is_file():
        _say(  # a device, a FIFO, a folder: never replaced by a plain file
            translate(
                "ReportCommand", "{file} er ikke en almindelig fil; rapporten er ikke skrevet."
            ).format(file=target)
        )
        return EXIT_FAILED
    if data_dir.exists() and not data_dir.is_dir():
        _say(translate("ReportCommand", "{folder} er ikke en mappe.").format(folder=data_dir))
        return EXIT_FAILED
    try:
        store = Store.open_read_only(data_dir)  # reading never writes
    except DatabaseTooNewError as e:
        _say(
            translate(
                "ReportCommand",
                "Databasen i {folder} er fra en nyere version af Rolleudpeger (skema {revision}).",
            ).format(folder=data_dir, revision=e.revision)
        )
        return EXIT_FAILED
    except NotADatabaseError as e:
        _say(
            translate(
                "ReportCommand",
                "{file} er ikke en database fra Rolleudpeger (eller er beskadiget).",
            ).format(file=e.path)
        )
        return EXIT_FAILED
    except ForeignSchemaError as e:
        _say(
            translate(
                "ReportCommand",
                "Databasen i {folder} er ændret uden om Rolleudpeger ({what}); der laves ingen "
                "rapport af den. Åbn Rolleudpeger: den lægger filen til side og henter den "
                "nyeste gode sikkerhedskopi.",
            ).format(folder=data_dir, what=", ".join(e.problems[:3]))
        )
        return EXIT_FAILED
    except (StoreError, OSError, sqlite3.Error) as e:
        _say(f"{data_dir / DB_FILE}: {describe_db_error(e)}")
        return EXIT_FAILED
    if store is None:
        _say(no_case)  # and nothing is created there
        return EXIT_NO_CASE
    try:
        if store.latest_case_id() is None:
            _say(no_case)
            return EXIT_NO_CASE
        _start_qt(language, store.setting(i18n.LANGUAGE_SETTING))
        from rolleudpeger.editing import CaseEditor  # noqa: PLC0415 - late: startup.py
        from rolleudpeger.ui.report import PdfDateError, write_pdf  # noqa: PLC0415 - late: startup.py
        from rolleudpeger.ui.report_actions import subject  # noqa: PLC0415 - late: startup.py

        if task_language != i18n.language():  # the saved choice changed it
            task = load_task(language=i18n.language())
        editor = CaseEditor.open(task, store)
        try:
            pages = write_pdf(
                editor.report(),
                target,
                author=editor.report_author(),
                subject=subject(task.title),
            )
        except OSError as e:
            _say(
                translate(
                    "ReportCommand", "Kunne ikke skrive rapporten til {file}: {reason}."
                ).format(file=target, reason=describe_os_error(e))
            )
            return EXIT_FAILED
        except PdfDateError as e:
            _say(e.message())
            return EXIT_FAILED
    except TaskDefinitionError as e:
        _say(str(e))
        return EXIT_FAILED
    finally:
        store.close()
    print(
        translate("ReportCommand", "Rapporten er gemt i {file} ({pages} sider).").format(
            file=target, pages=pages
        )
    )
    return 0


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

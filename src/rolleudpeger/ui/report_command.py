"""`rolleudpeger report --pdf FILE`: the report as PDF/A without a window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rolleudpeger.config import resolve_data_dir
from rolleudpeger.domain.taskdef import TaskDefinitionError
from rolleudpeger.errors import describe_os_error
from rolleudpeger.resources import load_task
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.migrate import DatabaseTooNewError
from rolleudpeger.store.repository import Store, StoreError

EXIT_NO_CASE = 1
EXIT_FAILED = 2


def _headless() -> None:
    """With no display (a server, CI, a scheduled job) Qt must not look for one."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith(("linux", "freebsd")) and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _say(message: str) -> None:
    print(f"rolleudpeger: {message}", file=sys.stderr)


def run_report(pdf: str, data_dir_arg: str | None) -> int:
    try:
        task = load_task()
    except TaskDefinitionError as e:
        _say(str(e))
        return EXIT_FAILED
    data_dir = resolve_data_dir(data_dir_arg)
    no_case = f"Der er ingen sag i {data_dir} endnu. Åbn Rolleudpeger og begynd på opgaven først."
    if not (data_dir / DB_FILE).is_file():
        _say(no_case)  # and nothing is created there
        return EXIT_NO_CASE
    try:
        store = Store.open(data_dir)
    except DatabaseTooNewError as e:
        _say(
            f"Databasen i {data_dir} er fra en nyere version af Rolleudpeger (skema {e.revision})."
        )
        return EXIT_FAILED
    except (StoreError, OSError) as e:
        _say(str(e))
        return EXIT_FAILED
    try:
        if store.latest_case_id() is None:
            _say(no_case)
            return EXIT_NO_CASE
        _headless()
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - only after the checks

        from rolleudpeger.editing import CaseEditor  # noqa: PLC0415
        from rolleudpeger.ui.report import write_pdf  # noqa: PLC0415
        from rolleudpeger.ui.report_actions import SUBJECT  # noqa: PLC0415

        _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        editor = CaseEditor.open(task, store)
        target = Path(pdf)
        try:
            pages = write_pdf(
                editor.report(),
                target,
                author=editor.report_author(),
                subject=SUBJECT.format(title=task.title),
            )
        except OSError as e:
            _say(f"Kunne ikke skrive rapporten til {target}: {describe_os_error(e)}.")
            return EXIT_FAILED
    finally:
        store.close()
    print(f"Rapporten er gemt i {target} ({pages} sider).")
    return 0

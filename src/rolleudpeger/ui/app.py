"""Starting the window: the language, the task, the data folder, the case."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from rolleudpeger import APP_NAME, __version__, i18n, logs, operations, startup
from rolleudpeger.config import resolve_data_dir
from rolleudpeger.domain.taskdef import TaskDef, TaskDefinitionError
from rolleudpeger.editing import CaseEditor
from rolleudpeger.i18n import translate
from rolleudpeger.resources import load_task
from rolleudpeger.store.backup import Recovery, RecoveryPendingError, recover_if_damaged
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.migrate import HEAD, DatabaseTooNewError
from rolleudpeger.store.repository import Store, StoreError
from rolleudpeger.store.schema import ForeignSchemaError
from rolleudpeger.ui import accessible, data_safety, dialogs, self_check
from rolleudpeger.ui.language import choose_language, install_language
from rolleudpeger.ui.main_window import MainWindow
from rolleudpeger.ui.single_instance import Lock, SingleInstance
from rolleudpeger.ui.style import app_icon

DESKTOP_ID = "dk.rolleudpeger.Rolleudpeger"
# Used by tests and benchmarks only: quit as soon as the window is shown ("1"), or once
# it is ready ("ready": every page built, the start-up backup checked, listening for a
# second start — the work left for after the first paint, done).
QUIT_AFTER_SHOW_ENV = "ROLLEUDPEGER_QUIT_AFTER_SHOW"
QUIT_WHEN_READY = "ready"
# The benchmark's: end the process right then, so that its wall time is the start-up's
# and not the closing's (its reference window ends the same way).
EXIT_AT_ONCE_ENV = "ROLLEUDPEGER_BENCH_EXIT"


def _quit(window: MainWindow) -> None:
    if os.environ.get(EXIT_AT_ONCE_ENV):
        sys.stdout.flush()
        os._exit(0)
    window.close()


def application(argv: list[str], language: str | None = None) -> QApplication:
    """The QApplication, created if needed and set up once (names, icon, and the language:
    `language`, or the system's)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    if app.applicationName() != APP_NAME:
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName(DESKTOP_ID)
        app.setWindowIcon(app_icon())
        accessible.install()
        install_language(choose_language(language, None))
    return app


def fail(title: str, message: str) -> int:
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    dialogs.show_error(None, title, message)
    return 2


def bring_to_front(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    logs.log.info("Vinduet er bragt frem, fordi Rolleudpeger blev startet igen")


_in_hook = False
_running = False  # the window is up: an error in a slot leaves the app running


def install_excepthook(log_file: Path) -> None:
    """Unexpected errors are logged and told to the user. Once the window is up the app
    keeps running (PySide6 hands exceptions in slots to this hook and carries on); before
    that, an error ends the start, and the message says so."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        global _in_hook  # noqa: PLW0603 - a second error while the dialog is open
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        logs.log.error("Uventet fejl", exc_info=(kind, error, trace))
        if _in_hook:
            return
        _in_hook = True
        try:
            if _running:
                text = translate(
                    "App",
                    "Der skete en fejl. Dine data er gemt.\n\n"
                    "Rolleudpeger kører videre. Hvis fejlen kommer igen, så send denne logfil "
                    "til IT sammen med en kort beskrivelse af, hvad du gjorde:\n{log_file}",
                )
            else:
                text = translate(
                    "App",
                    "Rolleudpeger kunne ikke starte på grund af en fejl. Send denne logfil til "
                    "IT sammen med en kort beskrivelse af, hvad du gjorde:\n{log_file}",
                )
            dialogs.show_error(
                None, translate("App", "Der skete en fejl"), text.format(log_file=log_file)
            )
        finally:
            _in_hook = False

    sys.excepthook = hook


def started() -> None:
    """The window has been painted: start-up is over (see rolleudpeger.startup)."""
    global _running  # noqa: PLW0603 - one window per process
    _running = True
    startup.collector_on(startup_done=True)


def after_first_paint(window: MainWindow, action: Callable[[], object]) -> None:
    """Run `action` once, in the event loop's turn after the window's first paint — or
    after two seconds, should no paint come (a start minimised)."""
    done = False

    def once() -> None:
        nonlocal done
        if not done:
            done = True
            action()

    window.first_painted.connect(lambda: QTimer.singleShot(0, once))
    QTimer.singleShot(2_000, once)


_log_problem: list[str] = []  # why the log could not be opened, to tell after the start


def _after_show(
    window: MainWindow, editor: CaseEditor, recovery: Recovery | None, instance: SingleInstance
) -> str:
    instance.listen(lambda: bring_to_front(window))
    status = " ".join([data_safety.after_show(window, editor, recovery), *_log_problem]).strip()
    if status:
        window.tell(status)
    return status


def _lock_failure(data_dir: Path) -> str:
    """Why the lock file could not be written: a full disk is the usual cause."""
    try:
        full = shutil.disk_usage(data_dir).free < data_safety.PROBE_BYTES
    except OSError:
        full = False
    if full:
        return translate("OsError", "disken er fuld")
    return translate("App", "du har ikke adgang, eller et andet program holder filen")


def _task_in_language(task: TaskDef, store: Store, requested: str | None) -> TaskDef:
    """The language chosen in the menu is stored with the case: now it is known. The task
    is read again only if that changes the language."""
    chosen = choose_language(requested, store.setting(i18n.LANGUAGE_SETTING))
    if chosen == i18n.language():
        return task
    install_language(chosen)
    return load_task(language=i18n.language())


def run(data_dir_arg: str | None, qt_args: list[str], language: str | None = None) -> int:
    app = application(qt_args, language)
    try:
        task = load_task(language=i18n.language())  # a broken task file is told first
    except TaskDefinitionError as e:
        return fail(translate("App", "Opgavefilen er ugyldig"), str(e))
    data_dir = data_safety.usable_data_folder(None, resolve_data_dir(data_dir_arg))
    if data_dir is None:
        return 2
    log_folder = logs.log_dir(data_dir, data_dir_chosen=data_dir_arg is not None)
    try:
        install_excepthook(logs.setup(log_folder))
    except OSError as e:  # no log is no reason not to start; it is said once the window shows
        _log_problem.append(
            translate("App", "Logfilen kan ikke skrives i {folder}: {reason}.").format(
                folder=log_folder, reason=operations.file_error(e)
            )
        )
    instance = SingleInstance(data_dir)
    lock = instance.acquire()
    if lock is Lock.FAILED:
        return fail(
            translate("App", "Datamappen kan ikke bruges"),
            translate(
                "App",
                "{app} kan ikke skrive sin låsefil i {folder}: {reason}. "
                "Frigør plads eller vælg en anden mappe med --data-dir, og start igen.",
            ).format(app=APP_NAME, folder=data_dir, reason=_lock_failure(data_dir)),
        )
    if lock is Lock.HELD:
        if instance.ask_running_to_show():
            print(
                translate(
                    "App", "{app} er allerede åben med {folder}; vinduet er bragt frem."
                ).format(app=APP_NAME, folder=data_dir)
            )
            return 0
        return fail(
            translate("App", "{app} er allerede åben").format(app=APP_NAME),
            translate(
                "App",
                "{app} er allerede åben med datamappen {folder}, men svarer ikke. "
                "Luk det andet vindue, og prøv igen.",
            ).format(app=APP_NAME, folder=data_dir),
        )
    try:
        return _run_holding_lock(
            app, task, data_dir, language=language, log_folder=log_folder, instance=instance
        )
    finally:
        instance.release()


def _run_holding_lock(
    app: QApplication,
    task: TaskDef,
    data_dir: Path,
    *,
    language: str | None,
    log_folder: Path,
    instance: SingleInstance,
) -> int:
    opened = _open_store(data_dir)
    if isinstance(opened, int):
        return opened  # said why, and the exit code
    store, recovery = opened
    try:
        task = _task_in_language(task, store, language)
    except TaskDefinitionError as e:
        store.close()
        return fail(translate("App", "Opgavefilen er ugyldig"), str(e))
    try:
        editor = CaseEditor.open(task, store)
    except StoreError as e:
        store.close()
        return fail(translate("App", "Databasen kan ikke åbnes"), str(e))
    window = MainWindow(editor, log_folder)
    after_first_paint(window, started)
    window.show()
    logs.log.info("Startet, version %s", __version__)
    _after_first_paint(window, editor, recovery, instance)
    return _exec(app, window, editor)


def _open_store(data_dir: Path) -> tuple[Store, Recovery | None] | int:
    """The store, after any recovery of a damaged database; or, when it cannot be opened,
    the exit code of a start that said why."""
    try:
        recovery = recover_if_damaged(data_dir)
        try:
            return Store.open(data_dir), recovery
        except ForeignSchemaError as e:  # seen only once an older file was upgraded
            recovery = recover_if_damaged(data_dir, foreign=e.problems)
            return Store.open(data_dir), recovery
    except RecoveryPendingError as e:
        return fail(
            translate("App", "Sikkerhedskopien kunne ikke hentes"),
            translate(
                "App",
                "Databasen var beskadiget og er lagt til side, men sikkerhedskopien {backup} "
                "kunne ikke hentes ind i stedet: {reason}. Din sag er ikke tabt: den ligger "
                "i sikkerhedskopien. Frigør plads på disken (eller luk det program, der bruger "
                "filen), og start Rolleudpeger igen — så henter den sikkerhedskopien.",
            ).format(backup=e.backup, reason=operations.file_error(e.error)),
        )
    except (OSError, sqlite3.Error) as e:
        return fail(
            translate("App", "Datamappen kan ikke bruges"),
            translate(
                "App",
                "Datamappen {folder} kan ikke bruges: {reason}. "
                "Vælg en anden mappe med --data-dir.",
            ).format(folder=data_dir, reason=operations.file_error(e)),
        )
    except DatabaseTooNewError as e:
        return fail(
            translate("App", "Databasen er fra en nyere version"),
            translate(
                "App",
                "Databasen {file} er lavet af en nyere version af {app} "
                "(skema {revision}; denne version kender {head}). Filen er ikke ændret. "
                "Installér den nyeste version.",
            ).format(file=data_dir / DB_FILE, app=APP_NAME, revision=e.revision, head=HEAD),
        )
    except StoreError as e:
        return fail(translate("App", "Databasen kan ikke åbnes"), str(e))


def _after_first_paint(
    window: MainWindow, editor: CaseEditor, recovery: Recovery | None, instance: SingleInstance
) -> None:
    """What runs once the window is on the screen: listening for a second start, telling
    about a recovery, the start-up backup (none of it is needed to show the saved case);
    or, in the modes for tests and IT, quitting at first paint or when ready, or the
    self-check."""
    quit_after = os.environ.get(QUIT_AFTER_SHOW_ENV)
    if quit_after and quit_after != QUIT_WHEN_READY:
        QTimer.singleShot(0, lambda: _quit(window))
        return
    if os.environ.get(self_check.SELF_CHECK_ENV):
        after_first_paint(
            window,
            lambda: self_check.run(editor, _after_show(window, editor, recovery, instance)),
        )
        return
    pending = {"pages", "after_show"}

    def done(what: str) -> None:
        pending.discard(what)
        if not pending and quit_after == QUIT_WHEN_READY:
            QTimer.singleShot(0, lambda: _quit(window))

    window.all_pages_built.connect(lambda: done("pages"))

    def after_show() -> None:
        _after_show(window, editor, recovery, instance)
        done("after_show")

    after_first_paint(window, after_show)


def _exec(app: QApplication, window: MainWindow, editor: CaseEditor) -> int:
    """Run until the app quits. A quit that leaves the window open (the self-check's exit)
    closes it here, so that nothing of this start stays on the screen or in the process."""
    code = app.exec()
    if window.isVisible():
        window.close()
    editor.store.close()
    return code

"""What start-up leaves for later, and why — said once, here.

The window should be on the screen of an office PC about as fast as a Qt window can be
(`make bench` measures it against a bare Qt window in the same run). Two things make
that possible:

1. **Modules that start-up does not need are imported where they are first used**, not
   at the top of the module; those imports are marked `noqa: PLC0415 - late:
   startup.py`. `LATE_FOR_COMMANDS` and `LATE_FOR_WINDOW` list them with the reason, and
   `tests/test_startup.py` runs `--version` and starts the window and checks that none
   of them is loaded then. Anything else is imported at the top as usual. (Qt's dialog
   classes are looked up where a dialog is needed, in `ui/dialogs.py`: PySide makes a
   class's Python type when it is first looked up. The `report` command loads Qt's GUI
   module only after it has checked its arguments and the data folder.)

2. **The cyclic garbage collector is off while starting.** Start-up makes hundreds of
   thousands of objects (modules, classes, Qt's enums) and frees almost none, so the
   collector would scan them again and again for nothing (about 60 ms here).
   `collector_off()` is called first thing by the command line; `collector_on()` after
   the window's first paint sets everything made so far aside for good (`gc.freeze`:
   it lives as long as the app) and turns the collector on again. It is on in any case
   when the command returns.

3. **What the window needs that is not Qt is imported before Qt** (`import_before_qt`,
   called by the command line just before it opens the window). Importing PySide6
   installs Qt for Python's import hook (shiboken's `__feature__` support), which every
   later import then passes through: SQLAlchemy, the store and the domain imported after
   PySide6 cost about 170–200 ms more CPU time here than imported before it (Python 3.11,
   all compiled). `tests/test_startup.py` checks that nothing of theirs is imported after
   PySide6 before the first paint.

The pages other than the one shown are built after the first paint, one per turn of the
event loop (`ui.main_window`), so that their modules (below) load then too.
"""

from __future__ import annotations

import gc
import importlib

# Not loaded by `rolleudpeger --version` or a wrong argument: they answer at once.
LATE_FOR_COMMANDS: dict[str, str] = {
    "PySide6": "the command line answers without Qt",
    "rolleudpeger.ui.app": "the window, only when it is opened",
    "rolleudpeger.ui.report_command": "only for `rolleudpeger report`",
    "sqlalchemy": "the database, only when a command needs it",
    "rolleudpeger.config": "the data folder, only once a command needs one",
}

# Not loaded by `rolleudpeger report` on a folder with no case: it answers without Qt.
LATE_FOR_REPORT: dict[str, str] = {
    "PySide6": "Qt starts only once there is a case to make a report of (fonts, the PDF)",
    "rolleudpeger.editing": "the case is opened for its report only when there is one",
    "rolleudpeger.ui.language": "the report's language is installed into Qt with Qt",
    "rolleudpeger.ui.report": "the report's layout and PDF",
    "rolleudpeger.ui.report_actions": "the PDF's subject, made with the report",
}

# Not loaded when the window is first painted (on a case with nothing in it yet).
LATE_FOR_WINDOW: dict[str, str] = {
    "platformdirs": "only when no data folder is given (--data-dir or the environment)",
    "alembic": "only when a database must be made or upgraded (about 40 ms to import)",
    "phonenumbers": "its metadata is large: loaded when a phone number is first checked",
    "email_validator": "loaded when an address is first checked",
    "rolleudpeger.ui.widgets.questions": "the questions' page, built after the first paint",
    "rolleudpeger.ui.widgets.mail": "the mail's page, built after the first paint",
    "rolleudpeger.ui.widgets.completion": "the last page, built after the first paint",
    "rolleudpeger.ui.about": "the About dialog",
    "rolleudpeger.ui.help": "the guide (F1)",
    "PySide6.QtPrintSupport": "printing and its preview",
    "PySide6.QtNetwork": "listening for a second start begins after the first paint",
    "rolleudpeger.domain.report": "the report",
    "rolleudpeger.ui.report": "the report's layout and PDF",
    "rolleudpeger.domain.handover": "export and import of a case",
    "rolleudpeger.ui.report_command": "only for `rolleudpeger report`",
    "email.policy": "the mail as an .eml file (about 15 ms)",
    "rolleudpeger.ui.widgets.history": "the living record's widgets, on pages built later",
}


# Imported before PySide6 by `rolleudpeger` (the window): everything below ui/ that the
# window imports at start, and so SQLAlchemy's ORM, the domain and the standard library.
BEFORE_QT = (
    "rolleudpeger.config",
    "rolleudpeger.logs",
    "rolleudpeger.resources",
    "rolleudpeger.operations",
    "rolleudpeger.editing",
    "rolleudpeger.store.backup",
    "rolleudpeger.store.migrate",
    "rolleudpeger.store.schema",
)


def import_before_qt() -> None:
    for name in BEFORE_QT:
        importlib.import_module(name)


def collector_off() -> None:
    gc.disable()


def collector_on(*, startup_done: bool) -> None:
    """Turn the collector on again; after the first paint (`startup_done`), first set aside
    what start-up made, for good."""
    if startup_done and not gc.isenabled():
        gc.freeze()
    gc.enable()

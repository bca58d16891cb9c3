"""Keeping the data safe, as the user sees it: a damaged database at start, an unusable
data folder, the automatic backup after the window is shown; and the dialogs that the data
operations (`rolleudpeger.operations`) ask their questions through."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from rolleudpeger.config import path_problem
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.editing import CaseEditor
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.operations import Outcome, Status, file_error
from rolleudpeger.store import backup
from rolleudpeger.store.backup import Damage, Recovery
from rolleudpeger.store.files import retry_busy
from rolleudpeger.ui import dialogs

PROBE_BYTES = 64 * 1024  # more than the lock file and a saved edit need: a full disk shows


def check_writable(folder: Path) -> None:
    """Raise OSError when the folder cannot be created or written (tried, not guessed):
    the probe holds real bytes, flushed, so that a full disk says so here and not later as
    a lock that cannot be taken. Antivirus may hold the new probe for a moment on Windows:
    its removal is retried."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    probe = folder / f".skrivetest-{os.getpid()}"
    try:
        with open(probe, "wb") as f:
            f.write(b"\0" * PROBE_BYTES)
            f.flush()
            os.fsync(f.fileno())
    finally:
        if probe.exists():
            retry_busy(probe.unlink)


def usable_data_folder(parent: QWidget | None, folder: Path) -> Path | None:
    """The folder, or another the user chooses when it cannot be written; None to give up."""
    while True:
        reason = path_problem(folder)
        if reason is None:
            try:
                check_writable(folder)
                return folder
            except OSError as e:
                reason = describe_os_error(e)
        if not dialogs.confirm(
            parent,
            translate("DataSafety", "Datamappen kan ikke bruges"),
            translate(
                "DataSafety",
                "Rolleudpeger kan ikke gemme i {folder}: {reason}.\n\n"
                "Vil du vælge en anden mappe til dine data? (Vælger du Nej, lukker Rolleudpeger.)",
            ).format(folder=folder, reason=reason),
        ):
            return None
        chosen = dialogs.choose_folder(
            parent, translate("DataSafety", "Vælg en mappe til dine data")
        )
        if not chosen:
            return None
        folder = Path(chosen)


def recovery_message(recovery: Recovery) -> str:
    if recovery.resumed:
        text = translate(
            "DataSafety",
            "Databasen var beskadiget og blev lagt til side ved en tidligere start, men "
            "sikkerhedskopien kunne ikke hentes dengang. Den beskadigede fil ligger her:\n{file}",
        ).format(file=recovery.damaged_copy)
    elif recovery.damage is Damage.MISSING:
        text = translate(
            "DataSafety",
            "Databasen manglede eller var tom, selv om der findes sikkerhedskopier af sagen. "
            "Den kan være slettet, eller et antivirusprogram kan have flyttet den.",
        )
        if recovery.damaged_copy.exists():
            text += " " + translate(
                "DataSafety", "Den tomme database er ikke slettet, men flyttet til:\n{file}"
            ).format(file=recovery.damaged_copy)
    elif recovery.damage is Damage.FOREIGN:
        text = translate(
            "DataSafety",
            "Databasen var ændret uden om Rolleudpeger: den indeholdt {what}. Sådan en fil "
            "kan ikke stoles på (den kan gemme eller ændre oplysninger uden om programmet), "
            "så Rolleudpeger bruger den ikke. Den er ikke slettet, men flyttet til:\n{file}",
        ).format(what=", ".join(recovery.problems[:5]), file=recovery.damaged_copy)
    else:
        text = translate(
            "DataSafety",
            "Databasen var beskadiget og kunne ikke åbnes. Den er ikke slettet, men flyttet "
            "til:\n{file}",
        ).format(file=recovery.damaged_copy)
    if recovery.restored_from is None:
        return (
            text
            + "\n\n"
            + translate(
                "DataSafety",
                "Der var ingen brugbar sikkerhedskopi, så Rolleudpeger starter med en tom sag. "
                "Kontakt IT, hvis du har brug for data fra den beskadigede fil.",
            )
        )
    when = format_time(backup.taken_at(recovery.restored_from))
    return (
        text
        + "\n\n"
        + translate(
            "DataSafety",
            "Rolleudpeger har hentet sikkerhedskopien fra {time}. "
            "Det, du har skrevet efter det tidspunkt, mangler og skal skrives igen.",
        ).format(time=when)
    )


def after_show(window: QWidget, editor: CaseEditor, recovery: Recovery | None) -> str:
    """Tell about a recovery, then take the start-up backup. Returns a status line (it
    also says when the PC's clock looks wrong: backups are not ordered by it, but the
    times the user reads are)."""
    if recovery is not None:
        dialogs.show_warning(
            window, translate("DataSafety", "Databasen var beskadiget"), recovery_message(recovery)
        )
    data_dir = editor.store.path.parent
    case = editor.case
    seen = [case.created_at, *(v.changed_at for v in case.values.values())]
    wrong = backup.clock_looks_wrong(data_dir, editor.clock(), seen)
    try:
        taken = backup.backup_if_changed(data_dir)
    except (OSError, sqlite3.Error) as e:
        said = translate("DataSafety", "Sikkerhedskopien kunne ikke tages: {error}.").format(
            error=file_error(e)
        )
    else:
        said = translate("DataSafety", "Sikkerhedskopi taget.") if taken else ""
    if wrong is not None:
        what = (
            translate("DataSafety", "noget i sagen")
            if wrong.in_case
            else translate("DataSafety", "den nyeste sikkerhedskopi")
        )
        said = " ".join(
            [
                said,
                translate(
                    "DataSafety",
                    "Pc'ens ur ser ud til at gå forkert: {what} er dateret {time}, senere end "
                    "nu. Tjek uret, eller spørg IT.",
                ).format(what=what, time=format_time(wrong.at)),
            ]
        ).strip()
    return said


class DialogInteraction:
    """The `operations.Interaction` of the window: each question is a dialog."""

    def __init__(self, window: QWidget | None) -> None:
        self.window = window

    def confirm(self, title: str, text: str) -> bool:
        return dialogs.confirm(self.window, title, text)

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        return dialogs.choose_item(self.window, title, label, items)

    def file_to_save(self, title: str, suggested: Path, file_filter: str) -> str:
        return dialogs.save_file_name(self.window, title, str(suggested), file_filter)

    def file_to_open(self, title: str, file_filter: str) -> str:
        return dialogs.open_file_name(self.window, title, file_filter)

    def documents_folder(self) -> Path:
        location = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(location))


def tell_failure(window: QWidget, outcome: Outcome) -> None:
    """A failure in a dialog; "nothing to do" as information. Done and cancelled say
    nothing here (the window's status line tells what was done)."""
    if outcome.status is Status.FAILED:
        dialogs.show_error(window, outcome.title, outcome.message)
    elif outcome.status is Status.NOTHING:
        dialogs.show_info(window, outcome.title, outcome.message)

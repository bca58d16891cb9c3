"""Keeping the data safe, as the user sees it: a damaged database at start, an unusable
data folder, the automatic backup after the window is shown, and restoring a backup."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from rolleudpeger import __version__
from rolleudpeger.domain import events
from rolleudpeger.domain.case import municipality_of, progress_line
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.editing import CaseEditor
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.store import backup
from rolleudpeger.store.backup import Damage, Recovery
from rolleudpeger.store.erase import EraseResult, Left
from rolleudpeger.store.erase import erase as erase_case
from rolleudpeger.store.erase import plan as erase_plan
from rolleudpeger.store.files import DB_FILE, read_limited, write_private_text
from rolleudpeger.store.repository import Store, StoreError, describe_db_error
from rolleudpeger.ui import dialogs


def count(n: int, one: str, many: str) -> str:
    """`one` or `many` (translated templates with `{n}`) for n: `1 logfil`, `3 logfiler`."""
    return (one if n == 1 else many).format(n=n)


def check_writable(folder: Path) -> None:
    """Raise OSError when the folder cannot be created or written (tried, not guessed)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    probe = folder / f".skrivetest-{os.getpid()}"
    probe.write_bytes(b"")
    probe.unlink()


def usable_data_folder(parent: QWidget | None, folder: Path) -> Path | None:
    """The folder, or another the user chooses when it cannot be written; None to give up."""
    while True:
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
    if recovery.damage is Damage.FOREIGN:
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
    """Tell about a recovery, then take the start-up backup. Returns a status line."""
    if recovery is not None:
        dialogs.show_warning(
            window, translate("DataSafety", "Databasen var beskadiget"), recovery_message(recovery)
        )
    try:
        taken = backup.backup_if_changed(editor.store.path.parent)
    except (OSError, sqlite3.Error) as e:
        return translate("DataSafety", "Sikkerhedskopien kunne ikke tages: {error}.").format(
            error=file_error(e)
        )
    return translate("DataSafety", "Sikkerhedskopi taget.") if taken else ""


def file_error(e: BaseException) -> str:
    """What went wrong with a file, in words, naming the file when the system did."""
    reason = describe_db_error(e)
    name = getattr(e, "filename", None)
    return f"{name}: {reason}" if isinstance(e, OSError) and name else reason


def backup_summary(path: Path, editor: CaseEditor) -> str:
    """`27.11.2026 kl. 13.05 — 751 Aarhus · 3 af 8 trin færdige · KLIK-status: Påbegyndt`."""
    when = format_time(backup.taken_at(path))
    snapshot = Store.open_snapshot(path)
    try:
        case_id = snapshot.latest_case_id()
        if case_id is None:
            return f"{when} — " + translate("DataSafety", "tom")
        case = snapshot.load_case(case_id)
        municipality = municipality_of(editor.task, case)
        name = (
            municipality.label if municipality else translate("DataSafety", "ingen kommune valgt")
        )
        return f"{when} — {name} · {progress_line(editor.task, case)}"
    except Exception:
        return f"{when} — " + translate("DataSafety", "kan ikke læses af denne version")
    finally:
        snapshot.close()


def restore(window: QWidget, editor: CaseEditor) -> bool:
    """Let the user pick a backup and restore it; True when the case was replaced."""
    data_dir = editor.store.path.parent
    title = translate("DataSafety", "Gendan sikkerhedskopi")
    listed = backup.list_backups(data_dir)
    backups = [p for p in listed if backup.usable(p)]  # read-only checks; see backup.usable
    if not backups:
        dialogs.show_info(
            window,
            title,
            translate("DataSafety", "Der er ingen sikkerhedskopier endnu.")
            if not listed
            else translate(
                "DataSafety",
                "Ingen af de {n} sikkerhedskopier i {folder} kan bruges: de er ufuldstændige, "
                "beskadigede eller tomme.",
            ).format(n=len(listed), folder=backup.backup_dir(data_dir)),
        )
        return False
    labels = [backup_summary(p, editor) for p in backups]
    index = dialogs.choose_item(
        window,
        title,
        translate("DataSafety", "Vælg den sikkerhedskopi, du vil hente tilbage:"),
        labels,
    )
    if index is None:
        return False
    if not dialogs.confirm(
        window,
        title,
        translate(
            "DataSafety",
            "Hent sikkerhedskopien tilbage?\n\n{backup}\n\n"
            "Den nuværende sag bliver først selv gemt som en sikkerhedskopi, så intet går tabt.",
        ).format(backup=labels[index]),
    ):
        return False
    editor.store.close()
    try:
        backup.restore_backup(data_dir, backups[index])
    except backup.BackupUnusableError:
        dialogs.show_error(
            window,
            title,
            translate("DataSafety", "Sikkerhedskopien kan ikke bruges længere. Intet er ændret."),
        )
        editor.reload(Store.open(data_dir))
        return False
    except (OSError, sqlite3.Error) as e:
        dialogs.show_error(
            window,
            title,
            translate("DataSafety", "Det lykkedes ikke: {error}. Intet er ændret.").format(
                error=file_error(e)
            ),
        )
        editor.reload(Store.open(data_dir))
        return False
    try:
        editor.reload(Store.open(data_dir))
    except StoreError as e:
        dialogs.show_error(window, title, str(e))
        return False
    return True


def erase(window: QWidget, editor: CaseEditor, log_files: list[Path]) -> bool:
    """Erase the case and every personal detail after a confirmation that says exactly
    what goes; True when it was done."""
    data_dir = editor.store.path.parent
    what = erase_plan(data_dir, log_files)
    municipality = municipality_of(editor.task, editor.case)
    case = (
        translate("DataSafety", "sagen for {municipality}").format(
            municipality=municipality.official_name
        )
        if municipality
        else translate("DataSafety", "sagen")
    )
    backups = count(
        len(what.backups),
        translate("DataSafety", "{n} sikkerhedskopi"),
        translate("DataSafety", "{n} sikkerhedskopier"),
    )
    damaged = count(
        len(what.damaged),
        translate("DataSafety", "{n} beskadiget kopi"),
        translate("DataSafety", "{n} beskadigede kopier"),
    )
    logs = count(
        len(what.logs),
        translate("DataSafety", "{n} logfil"),
        translate("DataSafety", "{n} logfiler"),
    )
    if not dialogs.confirm(
        window,
        translate("DataSafety", "Slet sag og persondata"),
        translate(
            "DataSafety",
            "Dette sletter {case} for altid:\n\n"
            "• alle navne, titler, e-mailadresser og telefonnumre\n"
            "• noter, spørgsmål til KOMBIT og svarene\n"
            "• mailen til KOMBIT, som den blev sendt\n"
            "• hændelsesloggen\n"
            "• {backups}, {damaged} og {logs}\n\n"
            "i {folder}.\n\n"
            "Det kan ikke fortrydes. Gem eller udskriv rapporten først, hvis kommunen skal kunne "
            "dokumentere opgaven. Vil du slette?",
        ).format(case=case, backups=backups, damaged=damaged, logs=logs, folder=data_dir),
    ):
        return False
    editor.store.close()
    result = erase_case(data_dir, what)
    try:
        editor.reload(Store.open(data_dir))
    except (OSError, StoreError, sqlite3.Error) as e:
        result.left.append(Left(data_dir / DB_FILE, e))
        _tell_erase(window, result)
        window.close()  # nothing left to show: the database cannot be opened again
        return False
    _tell_erase(window, result)
    return result.complete


def _tell_erase(window: QWidget, result: EraseResult) -> None:
    """Only a partial erasure is told here (the window's status line says a complete one):
    what is left, where, and why."""
    if result.complete:
        return
    lines = "\n".join(f"• {left.path}: {describe_db_error(left.error)}" for left in result.left)
    dialogs.show_error(
        window,
        translate("DataSafety", "Slet sag og persondata"),
        translate(
            "DataSafety",
            "Ikke alt kunne slettes. Det, der står herunder, er ikke slettet; resten er:\n\n"
            "{left}\n\nLuk Rolleudpeger, og slet filerne selv (eller bed IT om det).",
        ).format(left=lines),
    )


def export_case(window: QWidget, editor: CaseEditor) -> str:
    """Write the case to a JSON file; a line saying what happened ("" if cancelled)."""
    import json  # noqa: PLC0415 - export and import are rare; not loaded at start

    from rolleudpeger.domain import handover  # noqa: PLC0415

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = editor.report_file_name().replace("Rolleudpeger-", "Rolleudpeger-sag-")
    name = dialogs.save_file_name(
        window,
        translate("DataSafety", "Eksportér sag (filen indeholder persondata)"),
        str(Path(folder) / suggested.removesuffix(".pdf")) + ".json",
        translate("DataSafety", "Rolleudpeger-sag (*.json)"),
    )
    if not name:
        return ""
    data = handover.export_case(
        editor.task, editor.case, editor.store.events(editor.case.id), editor.clock(), __version__
    )
    path = Path(name)
    try:
        write_private_text(path, json.dumps(data, ensure_ascii=False, indent=2))
    except OSError as e:
        return "⚠ " + translate("DataSafety", "Kunne ikke gemme {file}: {reason}.").format(
            file=path, reason=describe_os_error(e)
        )
    return translate("DataSafety", "Sagen er eksporteret til {file}.").format(file=path)


def import_case(window: QWidget, editor: CaseEditor) -> bool:
    """Read a case from a JSON file, check all of it, and make it the current case — after
    asking, if that replaces a case with content. True when imported."""
    from rolleudpeger.domain import handover  # noqa: PLC0415

    title = translate("DataSafety", "Importér sag")
    name = dialogs.open_file_name(
        window, title, translate("DataSafety", "Rolleudpeger-sag (*.json)")
    )
    if not name:
        return False
    try:
        raw = read_limited(Path(name), handover.MAX_BYTES)
        imported = handover.parse_case(editor.task, handover.decode(raw))
    except OSError as e:
        dialogs.show_error(
            window,
            title,
            translate("DataSafety", "{file} kan ikke læses: {reason}.").format(
                file=name, reason=describe_os_error(e)
            ),
        )
        return False
    except handover.HandoverError as e:
        more = len(e.problems) - 15
        shown = e.problems[:15] + (
            [translate("DataSafety", "… og {n} mere").format(n=more)] if more > 0 else []
        )
        dialogs.show_error(
            window,
            title,
            translate("DataSafety", "{file} kan ikke importeres. Intet er ændret.").format(
                file=name
            )
            + "\n\n"
            + "\n".join(shown),
        )
        return False
    current = editor.case
    if handover.has_content(current) and not dialogs.confirm(
        window,
        title,
        translate(
            "DataSafety",
            "Der er allerede en sag her. Vil du erstatte den med sagen fra filen?\n\n"
            "Den nuværende sag gemmes først som sikkerhedskopi, så du kan hente den tilbage.",
        ),
    ):
        return False
    store = editor.store
    try:
        if handover.has_content(current):
            backup.take_backup(store.path.parent)
        note = events.imported(editor.clock(), editor.task.intro.key, Path(name).name)
        store.add_case(imported.case, imported.events, note, replacing=current.id)
    except (StoreError, OSError, sqlite3.Error) as e:
        dialogs.show_error(
            window,
            title,
            translate("DataSafety", "Sagen kunne ikke gemmes: {error}. Intet er ændret.").format(
                error=file_error(e)
            ),
        )
        return False
    editor.reload(store)
    return True

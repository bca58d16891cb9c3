"""The data operations a user starts from the menu: restore a backup, erase the case,
export it and import it. They run without Qt: a question goes through the `Interaction`
the caller gives (the window fills it with dialogs, a test with answers), and each returns
an `Outcome` — done, cancelled, nothing to do, or failed — with the words to tell.

Each changes the data in one step that either happens or does not: a restore writes the
database in one SQLite transaction (the backup API), an import adds the new case and
removes the old one in one transaction, an erasure deletes every row in one transaction
(files it cannot remove are listed, never skipped silently).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rolleudpeger import __version__, logs
from rolleudpeger.domain import events
from rolleudpeger.domain.calendar import deadline, deadline_ics
from rolleudpeger.domain.case import progress_line
from rolleudpeger.domain.mail import as_eml, mail_state
from rolleudpeger.domain.taskdef import FieldKind, Purpose
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.editing import CaseEditor
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.store import backup
from rolleudpeger.store.erase import ErasePlan, EraseResult, Left
from rolleudpeger.store.erase import erase as erase_files
from rolleudpeger.store.erase import plan as erase_plan
from rolleudpeger.store.files import DB_FILE, read_limited
from rolleudpeger.store.repository import Store, StoreError, describe_db_error
from rolleudpeger.store.targets import RefusedTargetError, check_target, save_user_file, with_suffix

if TYPE_CHECKING:
    from rolleudpeger.domain.report import Report


class Interaction(Protocol):
    """How an operation asks the user; the UI answers with dialogs."""

    def confirm(self, title: str, text: str) -> bool: ...

    def choose(self, title: str, label: str, items: list[str]) -> int | None: ...

    def file_to_save(self, title: str, suggested: Path, file_filter: str) -> str:
        """A file name, or "" when the user cancelled."""
        ...

    def file_to_open(self, title: str, file_filter: str) -> str: ...

    def documents_folder(self) -> Path: ...


class Status(Enum):
    DONE = "done"
    CANCELLED = "cancelled"  # the user said no: nothing to tell
    NOTHING = "nothing"  # nothing could be done, and that is not an error (no backups yet)
    FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    """What an operation did, and the words for the user (a title for a dialog, a text)."""

    status: Status
    title: str = ""
    message: str = ""
    window_unusable: bool = False  # the database cannot be opened again: close the window

    @property
    def done(self) -> bool:
        return self.status is Status.DONE


CANCELLED = Outcome(Status.CANCELLED)


def file_error(e: BaseException) -> str:
    """What went wrong with a file, in words, naming the file when the system did."""
    reason = describe_db_error(e)
    name = getattr(e, "filename", None)
    return f"{name}: {reason}" if isinstance(e, OSError) and name else reason


def count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(n=n)


# --- restore -----------------------------------------------------------------------------


def backup_summary(path: Path, editor: CaseEditor) -> str:
    """`27.11.2026 kl. 13.05 — 751 Aarhus · 3 af 8 trin færdige · KLIK-status: Påbegyndt`."""
    when = format_time(backup.taken_at(path))
    snapshot = Store.open_snapshot(path)
    try:
        case_id = snapshot.latest_case_id()
        if case_id is None:
            return f"{when} — " + translate("DataSafety", "tom")
        case = snapshot.load_case(case_id)
        municipality = case.municipality(editor.task)
        name = (
            municipality.label if municipality else translate("DataSafety", "ingen kommune valgt")
        )
        return f"{when} — {name} · {progress_line(editor.task, case)}"
    except Exception:
        return f"{when} — " + translate("DataSafety", "kan ikke læses af denne version")
    finally:
        snapshot.close()


def restore(editor: CaseEditor, ask: Interaction) -> Outcome:
    """Let the user pick a backup and make it the case (the current one is backed up first)."""
    data_dir = editor.store.path.parent
    title = translate("DataSafety", "Gendan sikkerhedskopi")
    listed = backup.list_backups(data_dir)
    backups = [p for p in listed if backup.usable(p)]  # read-only checks; see backup.usable
    if not backups:
        return Outcome(
            Status.NOTHING,
            title,
            translate("DataSafety", "Der er ingen sikkerhedskopier endnu.")
            if not listed
            else translate(
                "DataSafety",
                "Ingen af de {n} sikkerhedskopier i {folder} kan bruges: de er ufuldstændige, "
                "beskadigede eller tomme.",
            ).format(n=len(listed), folder=backup.backup_dir(data_dir)),
        )
    labels = [backup_summary(p, editor) for p in backups]
    index = ask.choose(
        title, translate("DataSafety", "Vælg den sikkerhedskopi, du vil hente tilbage:"), labels
    )
    if index is None:
        return CANCELLED
    if not ask.confirm(
        title,
        translate(
            "DataSafety",
            "Hent sikkerhedskopien tilbage?\n\n{backup}\n\n"
            "Den nuværende sag bliver først selv gemt som en sikkerhedskopi, så intet går tabt.",
        ).format(backup=labels[index]),
    ):
        return CANCELLED
    editor.store.close()
    failure = None
    try:
        backup.restore_backup(data_dir, backups[index])
    except backup.BackupUnusableError:
        failure = translate(
            "DataSafety", "Sikkerhedskopien kan ikke bruges længere. Intet er ændret."
        )
    except (OSError, sqlite3.Error) as e:
        failure = translate("DataSafety", "Det lykkedes ikke: {error}. Intet er ændret.").format(
            error=file_error(e)
        )
    try:
        editor.reload(Store.open(data_dir))
    except StoreError as e:
        return Outcome(Status.FAILED, title, str(e), window_unusable=True)
    if failure:
        return Outcome(Status.FAILED, title, failure)
    return Outcome(
        Status.DONE, title, translate("MainWindow", "Sikkerhedskopien er hentet tilbage.")
    )


# --- erase -------------------------------------------------------------------------------


def erase(editor: CaseEditor, ask: Interaction, log_files: list[Path]) -> Outcome:
    """Erase the case and every personal detail, after a confirmation that says exactly
    what goes."""
    data_dir = editor.store.path.parent
    what = erase_plan(data_dir, log_files)
    title = translate("DataSafety", "Slet sag og persondata")
    if not ask.confirm(title, _erase_question(editor, what, data_dir)):
        return CANCELLED
    editor.store.close()
    result = erase_files(data_dir, what)
    unusable = False
    try:
        store = Store.open(data_dir)
        if result.database_removed:  # a new file: it too must say it was emptied on purpose
            store.set_setting(backup.ERASED_SETTING, "1")
        editor.reload(store)
    except (OSError, StoreError, sqlite3.Error) as e:
        result.left.append(Left(data_dir / DB_FILE, e))
        unusable = True  # nothing left to show: the database cannot be opened again
    if result.complete:
        return Outcome(
            Status.DONE, title, translate("MainWindow", "Sagen og alle persondata er slettet.")
        )
    return Outcome(Status.FAILED, title, _what_is_left(result), window_unusable=unusable)


def _erase_question(editor: CaseEditor, what: ErasePlan, data_dir: Path) -> str:
    """The confirmation of an erasure: exactly what goes, and where."""
    municipality = editor.case.municipality(editor.task)
    case = (
        translate("DataSafety", "sagen for {municipality}").format(
            municipality=municipality.official_name
        )
        if municipality
        else translate("DataSafety", "sagen")
    )
    return translate(
        "DataSafety",
        "Dette sletter {case} for altid:\n\n"
        "• alle navne, titler, e-mailadresser og telefonnumre\n"
        "• noter, {questions} og svarene\n"
        "• {mail}, som den blev sendt\n"
        "• hændelsesloggen\n"
        "• {backups}, {damaged} og {logs}\n\n"
        "i {folder}.\n\n"
        "Det kan ikke fortrydes. Gem eller udskriv rapporten først, hvis kommunen skal kunne "
        "dokumentere opgaven. Vil du slette?",
    ).format(
        case=case,
        questions=_label_of(editor, FieldKind.QUESTIONS, translate("DataSafety", "spørgsmål")),
        mail=_label_of(editor, FieldKind.MAIL, translate("DataSafety", "mailen")),
        backups=count(
            len(what.backups),
            translate("DataSafety", "{n} sikkerhedskopi"),
            translate("DataSafety", "{n} sikkerhedskopier"),
        ),
        damaged=count(
            len(what.damaged),
            translate("DataSafety", "{n} beskadiget kopi"),
            translate("DataSafety", "{n} beskadigede kopier"),
        ),
        logs=count(
            len(what.logs),
            translate("DataSafety", "{n} logfil"),
            translate("DataSafety", "{n} logfiler"),
        ),
        folder=data_dir,
    )


def _label_of(editor: CaseEditor, kind: FieldKind, default: str) -> str:
    """»spørgsmål til KOMBIT«: the task's own name for its questions or its mail."""
    found = editor.task.field_of_kind(kind)
    return found.label[0].lower() + found.label[1:] if found else default


def _what_is_left(result: EraseResult) -> str:
    lines = "\n".join(f"• {left.path}: {describe_db_error(left.error)}" for left in result.left)
    return translate(
        "DataSafety",
        "Ikke alt kunne slettes. Det, der står herunder, er ikke slettet; resten er:\n\n"
        "{left}\n\nLuk Rolleudpeger, og slet filerne selv (eller bed IT om det).",
    ).format(left=lines)


# --- saving a file the user names --------------------------------------------------------


class CannotMakeError(Exception):
    """The file's content could not be made (e.g. a PDF/A whose dates would not agree);
    the message says so in the user's words."""


@dataclass(frozen=True)
class SaveRequest:
    """What the save dialog shows: its title, the suggested name, the filter; the suffix
    added to a name typed without it."""

    title: str
    suggested: str
    file_filter: str
    suffix: str


def protected_folders(editor: CaseEditor) -> list[Path]:
    """The folders no file the user names may be written into: the data folder, the log's."""
    folders = [editor.store.path.parent]
    log = logs.folder()
    if log is not None:
        folders.append(log)
    return folders


def save_file(
    editor: CaseEditor,
    ask: Interaction,
    request: SaveRequest,
    make: Callable[[], bytes],
    done: Callable[[Path], str],
) -> Outcome:
    """The one way a file the user names is saved: asked for, checked before anything is
    made (never over a file of the data folder nor over a database), made, written whole
    and private. `done` words the result."""
    name = ask.file_to_save(
        request.title, ask.documents_folder() / request.suggested, request.file_filter
    )
    if not name:
        return CANCELLED
    path = with_suffix(name, request.suffix)
    protected = protected_folders(editor)
    try:
        check_target(path, protected)  # before the work of making it
        path = save_user_file(path, make(), protected)
    except (RefusedTargetError, CannotMakeError) as e:
        return Outcome(Status.FAILED, request.title, str(e))
    except OSError as e:
        return Outcome(
            Status.FAILED,
            request.title,
            translate("DataSafety", "Kunne ikke gemme {file}: {reason}.").format(
                file=path, reason=describe_os_error(e)
            ),
        )
    return Outcome(Status.DONE, request.title, done(path))


def save_report_pdf(
    editor: CaseEditor,
    ask: Interaction,
    render: Callable[[Report], tuple[bytes, int]],
) -> Outcome:
    """The report as PDF/A; `render` makes it (Qt does, in the UI) and counts its pages."""
    pages: list[int] = []

    def make() -> bytes:
        content, count = render(editor.report())
        pages.append(count)
        return content

    return save_file(
        editor,
        ask,
        SaveRequest(
            translate("ReportActions", "Gem rapporten som PDF"),
            editor.report_file_name(),
            "PDF (*.pdf)",
            ".pdf",
        ),
        make,
        lambda path: translate(
            "ReportActions", "Rapporten er gemt som {file} ({pages} sider)."
        ).format(file=path, pages=pages[0]),
    )


def save_mail_draft(editor: CaseEditor, ask: Interaction) -> Outcome:
    """The mail to KOMBIT as an unsent draft (.eml); NOTHING when it cannot be sent yet."""
    mail = mail_state(editor.task, editor.case).current
    if mail is None:
        return Outcome(Status.NOTHING)
    return save_file(
        editor,
        ask,
        SaveRequest(
            translate("Mail", "Gem mailen som kladde"),
            translate("Mail", "Mail til KOMBIT.eml"),
            translate("Mail", "Mailkladde (*.eml)"),
            ".eml",
        ),
        lambda: as_eml(mail, editor.clock()),  # personal data: written private
        lambda path: translate("Mail", "Gemt som {file}. Åbn filen, og send mailen.").format(
            file=path
        ),
    )


def save_deadline_calendar(editor: CaseEditor, ask: Interaction, title: str) -> Outcome:
    """The KLIK deadline as an all-day calendar event (.ics) with a reminder; NOTHING with
    the words to tell when there is no deadline yet."""
    task, case = editor.task, editor.case
    due = deadline(case.of(task, Purpose.KLIK_DEADLINE), editor.clock().date())
    if due is None:
        return Outcome(
            Status.NOTHING,
            title,
            translate("History", "Skriv først fristen, som KLIK viser den (dd.mm.åååå)."),
        )
    municipality = case.municipality(task)

    def make() -> bytes:
        return deadline_ics(
            uid=f"klik-frist-{task.id}-{case.created_at.strftime('%Y%m%dT%H%M%S')}@rolleudpeger",
            day=due.day,
            title=translate("History", "Frist i KLIK: {task}").format(task=task.title),
            description=translate(
                "History", "KLIK-opgaven »{task}« skal være fuldført{municipality}."
            ).format(
                task=task.title,
                municipality=f" ({municipality.official_name})" if municipality else "",
            ),
            now=editor.clock(),
            version=__version__,
        )

    return save_file(
        editor,
        ask,
        SaveRequest(
            title,
            translate("History", "KLIK-frist.ics"),
            translate("History", "Kalender (*.ics)"),
            ".ics",
        ),
        make,
        lambda path: translate(
            "History", "Gemt som {file}. Åbn filen for at lægge fristen i din kalender."
        ).format(file=path),
    )


# --- export and import -------------------------------------------------------------------


def export_case(editor: CaseEditor, ask: Interaction) -> Outcome:
    """Write the case, with its history, to a JSON file the user names."""
    from rolleudpeger.domain import handover  # noqa: PLC0415 - late: startup.py

    suggested = editor.report_file_name().replace("Rolleudpeger-", "Rolleudpeger-sag-")

    def make() -> bytes:
        data = handover.export_case(
            editor.task,
            editor.case,
            editor.store.events(editor.case.id),
            editor.clock(),
            __version__,
        )
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

    return save_file(
        editor,
        ask,
        SaveRequest(
            translate("DataSafety", "Eksportér sag (filen indeholder persondata)"),
            suggested.removesuffix(".pdf") + ".json",
            translate("DataSafety", "Rolleudpeger-sag (*.json)"),
            ".json",
        ),
        make,
        lambda path: translate("DataSafety", "Sagen er eksporteret til {file}.").format(file=path),
    )


def _not_imported(name: str, problems: list[str], most: int = 15) -> str:
    """Why a case file is refused: its first problems, and how many more there are."""
    more = len(problems) - most
    shown = problems[:most] + (
        [translate("DataSafety", "… og {n} mere").format(n=more)] if more > 0 else []
    )
    return (
        translate("DataSafety", "{file} kan ikke importeres. Intet er ændret.").format(file=name)
        + "\n\n"
        + "\n".join(shown)
    )


def import_case(editor: CaseEditor, ask: Interaction) -> Outcome:
    """Read a case from a JSON file, check all of it, and make it the current case — after
    asking, if that replaces a case with content (which is backed up first). The new case
    and the removal of the old one are one transaction."""
    from rolleudpeger.domain import handover  # noqa: PLC0415 - late: startup.py

    title = translate("DataSafety", "Importér sag")
    name = ask.file_to_open(title, translate("DataSafety", "Rolleudpeger-sag (*.json)"))
    if not name:
        return CANCELLED
    try:
        raw = read_limited(Path(name), handover.MAX_BYTES)
        imported = handover.parse_case(editor.task, handover.decode(raw))
    except OSError as e:
        return Outcome(
            Status.FAILED,
            title,
            translate("DataSafety", "{file} kan ikke læses: {reason}.").format(
                file=name, reason=describe_os_error(e)
            ),
        )
    except handover.HandoverError as e:
        return Outcome(Status.FAILED, title, _not_imported(name, e.problems))
    current = editor.case
    if handover.has_content(current) and not ask.confirm(
        title,
        translate(
            "DataSafety",
            "Der er allerede en sag her. Vil du erstatte den med sagen fra filen?\n\n"
            "Den nuværende sag gemmes først som sikkerhedskopi, så du kan hente den tilbage.",
        ),
    ):
        return CANCELLED
    store = editor.store
    try:
        if handover.has_content(current):
            backup.take_backup(store.path.parent)
        note = events.imported(editor.clock(), editor.task.intro.key, Path(name).name)
        store.add_case(imported.case, imported.events, note, replacing=current.id)
    except (StoreError, OSError, sqlite3.Error) as e:
        return Outcome(
            Status.FAILED,
            title,
            translate("DataSafety", "Sagen kunne ikke gemmes: {error}. Intet er ændret.").format(
                error=file_error(e)
            ),
        )
    editor.reload(store)
    return Outcome(Status.DONE, title, translate("MainWindow", "Sagen er importeret."))

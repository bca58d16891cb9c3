"""Print preview and PDF saving of the report, from the completion page and the menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from rolleudpeger.editing import CaseEditor
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.operations import CANCELLED, Outcome, Status
from rolleudpeger.ui import dialogs


def subject(task_title: str) -> str:
    """The PDF's subject (XMP dc:description)."""
    return translate("ReportActions", "Dokumentation af KLIK-opgaven »{title}«").format(
        title=task_title
    )


def print_report(parent: QWidget | None, editor: CaseEditor) -> None:
    from rolleudpeger.ui.report import render  # noqa: PLC0415 - late: startup.py

    report = editor.report()
    dialogs.print_preview(parent, lambda printer: render(report, printer))


def save_pdf(parent: QWidget | None, editor: CaseEditor) -> Outcome:
    """Ask for a file and write the PDF/A; the outcome says what happened."""
    title = translate("ReportActions", "Gem rapporten som PDF")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = dialogs.save_file_name(
        parent,
        title,
        str(Path(folder) / editor.report_file_name()),
        "PDF (*.pdf)",
    )
    if not name:
        return CANCELLED
    from rolleudpeger.ui.report import PdfDateError, write_pdf  # noqa: PLC0415 - late: startup.py

    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:
        pages = write_pdf(
            editor.report(),
            path,
            author=editor.report_author(),
            subject=subject(editor.task.title),
        )
    except OSError as e:
        return Outcome(
            Status.FAILED,
            title,
            translate("ReportActions", "Kunne ikke gemme {file}: {reason}.").format(
                file=path, reason=describe_os_error(e)
            ),
        )
    except PdfDateError as e:
        return Outcome(Status.FAILED, title, e.message())
    return Outcome(
        Status.DONE,
        title,
        translate("ReportActions", "Rapporten er gemt som {file} ({pages} sider).").format(
            file=path, pages=pages
        ),
    )

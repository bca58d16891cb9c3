"""Print preview and PDF saving of the report, from the completion page and the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from rolleudpeger import operations
from rolleudpeger.editing import CaseEditor
from rolleudpeger.i18n import translate
from rolleudpeger.operations import Outcome
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.data_safety import DialogInteraction

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from rolleudpeger.domain.report import Report


def subject(task_title: str) -> str:
    """The PDF's subject (XMP dc:description)."""
    return translate("ReportActions", "Dokumentation af KLIK-opgaven »{title}«").format(
        title=task_title
    )


SHOW_AFTER_MS = 1000  # a report made faster than this shows no progress


class ReportProgress:
    """Tells in the window how far the report is, once it has taken more than a second (a
    case with 20,000 events takes several): a window-modal dialog whose bar follows the
    pages drawn. Call it with (done, total) pages; (0, 0) while pages are laid out."""

    def __init__(self, parent: QWidget | None) -> None:
        self.dialog: QProgressDialog | None = None
        self.parent = parent
        self.clock = QElapsedTimer()
        self.clock.start()

    def __call__(self, done: int, total: int) -> None:
        if self.dialog is None:
            if self.clock.elapsed() < SHOW_AFTER_MS:
                return
            self.dialog = QProgressDialog(self.parent)
            self.dialog.setObjectName("report_progress")
            self.dialog.setWindowTitle(translate("ReportActions", "Rapporten laves"))
            self.dialog.setLabelText(
                translate("ReportActions", "Rapporten laves. Vent et øjeblik …")
            )
            self.dialog.setCancelButton(None)  # no Cancel: the PDF is written whole or not at all
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if total:
            self.dialog.setLabelText(
                translate("ReportActions", "Rapporten laves: side {done} af {total}").format(
                    done=done, total=total
                )
            )
        QApplication.processEvents()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def print_report(parent: QWidget | None, editor: CaseEditor) -> None:
    from rolleudpeger.ui.report import render  # noqa: PLC0415 - late: startup.py

    progress = ReportProgress(parent)
    try:
        report = editor.report()
        progress(0, 0)

        def paint(printer: QPrinter) -> None:
            printer.setDocName(report.document_title)  # the job's name in the print queue
            render(report, printer, progress=progress, paper=True)
            progress.close()

        dialogs.print_preview(parent, paint)
    finally:
        progress.close()


def save_pdf(parent: QWidget | None, editor: CaseEditor) -> Outcome:
    """Ask for a file and write the PDF/A; the outcome says what happened."""
    from rolleudpeger.ui.report import pdf_bytes  # noqa: PLC0415 - late: startup.py

    def render(report: Report) -> tuple[bytes, int]:
        progress = ReportProgress(parent)  # from here: the file is chosen
        try:
            return pdf_bytes(
                report,
                author=editor.report_author(),
                subject=subject(editor.task.title),
                progress=progress,
            )
        finally:
            progress.close()

    return operations.save_report_pdf(editor, DialogInteraction(parent), render)

"""Print preview and PDF saving of the report, from the completion page and the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rolleudpeger import operations
from rolleudpeger.editing import CaseEditor
from rolleudpeger.i18n import translate
from rolleudpeger.operations import Outcome
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.data_safety import DialogInteraction

if TYPE_CHECKING:
    from rolleudpeger.domain.report import Report


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
    from rolleudpeger.ui.report import pdf_bytes  # noqa: PLC0415 - late: startup.py

    def render(report: Report) -> tuple[bytes, int]:
        return pdf_bytes(report, author=editor.report_author(), subject=subject(editor.task.title))

    return operations.save_report_pdf(editor, DialogInteraction(parent), render)

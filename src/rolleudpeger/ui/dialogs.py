"""Every question the app asks goes through here, so tests can answer by patching one place.

Confirmations are QMessageBox questions and file choices QFileDialog (docs/CONTRACT.md).
Their texts may hold the case's text (a name), which Qt must not read as markup: each
passes through `plain.literal`.
The dialog classes are looked up when a dialog is needed: making PySide6's Python types
for them costs a few milliseconds that the first window does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rolleudpeger.i18n import translate
from rolleudpeger.ui.plain import literal

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog, QInputDialog, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No (Ja/Nej through Qt's Danish translation); No is the default."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - late: startup.py

    answer = QMessageBox.question(
        parent,
        title,
        literal(text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run(dialog: QDialog) -> bool:
    """A dialog of our own (the role change), modal; True when it was accepted. The dialog
    itself makes its change on OK, so a test can drive it instead of this."""
    accepted = bool(dialog.exec())
    dialog.deleteLater()
    return accepted


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit  # noqa: PLC0415 - late: startup.py

    text, ok = QInputDialog.getText(parent, title, literal(label), QLineEdit.EchoMode.Normal, "")
    return text if ok else None


def save_file_name(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str:
    """A file name to save to, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - late: startup.py

    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return name


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - late: startup.py

    QMessageBox.critical(parent, title, literal(text))


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - late: startup.py

    QMessageBox.warning(parent, title, literal(text))


def choose_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the chosen item, or None when cancelled."""
    dialog = item_dialog(parent, title, label, items)
    ok = dialog.exec()
    choice = dialog.textValue()
    dialog.deleteLater()
    return items.index(choice) if ok and choice in items else None


def item_dialog(parent: QWidget | None, title: str, label: str, items: list[str]) -> QInputDialog:
    """A list to choose from, whose choice is named by its label (Qt's own leaves the label
    unconnected: a screen reader named the list by the item chosen)."""
    from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel  # noqa: PLC0415 - late: startup.py

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(literal(label))
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    combo, text = dialog.findChild(QComboBox), dialog.findChild(QLabel)
    if combo is not None:
        combo.setAccessibleName(label.replace("&", "").rstrip(": "))
        if text is not None:
            text.setBuddy(combo)
    return dialog


def open_file_name(parent: QWidget | None, title: str, file_filter: str) -> str:
    """A file to read, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - late: startup.py

    name, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return name


def choose_folder(parent: QWidget | None, title: str) -> str:
    """A folder, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - late: startup.py

    return QFileDialog.getExistingDirectory(parent, title)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - late: startup.py

    QMessageBox.information(parent, title, literal(text))


def print_preview(parent: QWidget | None, paint: Callable[[QPrinter], object]) -> None:
    """Qt's print preview (A4), from which the user prints or saves."""
    # Loaded here, not at start: the window appears sooner without it.
    from PySide6.QtGui import QPageSize  # noqa: PLC0415 - late: startup.py
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # noqa: PLC0415 - late: startup.py

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("Dialogs", "Udskriv rapport"))
    dialog.paintRequested.connect(paint)
    dialog.exec()

"""The guide (`action_help`, F1): how to do the task with the app, in the interface's
language, inside the app. Its text is data (`resources/help/vejledning-<language>.md`);
the folders it names are this PC's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextEdit, QVBoxLayout, QWidget

from rolleudpeger import APP_NAME, i18n
from rolleudpeger.i18n import translate
from rolleudpeger.resources import resource
from rolleudpeger.ui.style import HELP_SIZE, MARGIN


def guide_file(language: str) -> Path:
    return resource(f"help/vejledning-{language}.md")


def guide_text(language: str, values: dict[str, str]) -> str:
    """The guide in Markdown, its `{name}`s filled in (the file's other text is kept as is)."""
    text = guide_file(language).read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


class HelpDialog(QDialog):
    """`help_dialog`: the guide as a document (`help_text`) to read line by line, with a
    heading per part; it stays open beside the window while the user works."""

    def __init__(self, parent: QWidget | None, values: dict[str, str]) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(translate("Help", "Vejledning – {app}").format(app=APP_NAME))
        self.text = QTextEdit()  # read-only: through AT-SPI a QTextBrowser is one label
        self.text.setObjectName("help_text")
        self.text.setAccessibleName(translate("Help", "Vejledning"))
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setMarkdown(guide_text(i18n.language(), values))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        col = QVBoxLayout(self)
        col.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        col.addWidget(self.text, 1)
        col.addWidget(buttons)
        self.resize(*HELP_SIZE)

    @classmethod
    def show_for(cls, parent: QWidget, data_dir: Path, log_dir: Path, mail_to: str) -> HelpDialog:
        """Open the guide (or bring it forward), the caret at its start."""
        dialog = parent.findChild(HelpDialog, "help_dialog")
        if dialog is None:
            values = {"data_folder": str(data_dir), "log_folder": str(log_dir), "mail_to": mail_to}
            dialog = cls(parent, values)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

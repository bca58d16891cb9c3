"""The About dialog: version, licences, and where the data is (with a button to open it)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger import APP_NAME, __version__
from rolleudpeger.i18n import translate
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import ABOUT_TEXT_WIDTH, MARGIN, SPACING, app_icon


class AboutDialog(QDialog):
    """`about_dialog`: what the app is, its version and licence, and the data folder."""

    def __init__(self, parent: QWidget | None, task_title: str, data_dir: Path) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(translate("About", "Om {app}").format(app=APP_NAME))
        self.data_dir = data_dir
        icon = Label()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = Label(
            f"<h2 style='margin:0'>{APP_NAME} {escape(__version__)}</h2>"
            + translate(
                "About",
                "<p>Hjælper kommunen med KLIK-opgaven »{task}« og "
                "dokumenterer den. Rolleudpeger bruger aldrig netværket.</p>"
                "<p>Licens: MIT. Skrifttypen i rapporten, DejaVu Sans, er frit tilgængelig "
                "(Bitstream Vera-licensen). Qt og PySide6 er omfattet af LGPLv3.</p>"
                "<p><b>Dine data ligger i:</b><br>{folder}</p>",
            ).format(task=escape(task_title), folder=escape(str(data_dir))),
            rich=True,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setMinimumWidth(ABOUT_TEXT_WIDTH)
        self.open_folder = QPushButton(translate("About", "Åbn &datamappe"))
        self.open_folder.setObjectName("open_data_folder")
        self.open_folder.clicked.connect(self._open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.setSpacing(SPACING * 2)
        top.addWidget(icon)
        top.addWidget(text, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        col.addLayout(top)
        col.addWidget(buttons)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    @classmethod
    def show_for(cls, parent: QWidget | None, task_title: str, data_dir: Path) -> None:
        cls(parent, task_title, data_dir).exec()

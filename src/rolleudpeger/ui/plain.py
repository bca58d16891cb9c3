"""Text the app shows is never read as markup: one rule for every label, tooltip and message.

Qt decides by itself whether a text is HTML: a QLabel's default format is AutoText, and
tooltips and message boxes are always AutoText, rendered as rich text when
`Qt.mightBeRichText()` thinks the text looks like HTML. A library director named
`<span style="font-size:40pt;color:red">KOMBIT: Dit kodeord er udløbet</span>` would then
be drawn huge and red, an `<img src=…>` would load a file from the disk, an `<a href>`
would be a link. So:

- every label in the app is a `Label`: plain text, unless it is made `rich=True` from
  parts that are all escaped (`html.escape`) or written by us;
- a text for a tooltip, a message box or an input dialog, which have no plain setting
  (and whose static functions an outside test may answer: docs/CONTRACT.md), goes through
  `literal()`.

`tests/ui/test_no_markup.py` fills every field with markup and walks every widget.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, Qt
from PySide6.QtWidgets import QLabel


class Label(QLabel):
    """A label whose text is shown as it is (rich text only when asked for)."""

    def __init__(self, text: str = "", *, rich: bool = False) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.setText(text)


def heading(text: str) -> Label:
    """A bold title over a group of widgets (bold by its font, not by markup)."""
    label = Label(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def literal(text: str) -> str:
    """Text for a tooltip, a message box or an input dialog's label that shows exactly as
    written: unchanged when Qt would show it as plain text anyway (so that it reads the
    same to a test that answers the dialog), else escaped into rich text that shows it
    literally."""
    return Qt.convertFromPlainText(text) if Qt.mightBeRichText(text) else text

"""Spacing, sizes and the step-state icons, in one place."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from rolleudpeger.domain.case import StepState
from rolleudpeger.resources import resource

MARGIN = 16
SPACING = 10
SECTION_SPACING = 18
STEP_LIST_WIDTH = 270
ICON_SIZE = 20
DEFAULT_WINDOW = (1024, 700)
# Room for the title bar and borders before the real frame is known (Windows 10/11: about
# 31 px of title bar and 8 px borders), so the first frame already fits the screen.
FRAME_ALLOWANCE = QSize(16, 40)
TEXT_DEBOUNCE_MS = 400  # a pause in typing this long saves the field
LIST_SPACING = 2  # between the rows of a list (the steps, what is missing)
LIST_INDENT = 12  # a list under its heading
STEP_LIST_MIN_WIDTH = 200
ABOUT_TEXT_WIDTH = 420
HELP_SIZE = (640, 560)  # the guide's window, before it is fitted to the screen
# Minimum heights of the text boxes that hold more than a line.
NOTES_HEIGHT = 90
QUESTION_HEIGHT = 70
QUESTIONS_TABLE_HEIGHT = 150
MAIL_PREVIEW_HEIGHT = 230
HISTORY_TABLE_HEIGHT = 90
REVIEW_HEIGHT = 320  # the review on the last page scrolls inside this height

# A message line keeps its padding with or without a message, so that it keeps its height.
MESSAGE_PADDING = "padding: 2px 4px;"
ERROR_STYLE = f"color: palette(text); background: rgba(200, 30, 30, 0.12); {MESSAGE_PADDING}"
WARNING_STYLE = f"color: palette(text); background: rgba(220, 150, 0, 0.18); {MESSAGE_PADDING}"
HINT_STYLE = "color: palette(placeholder-text);"
QUIET_STYLE = f"color: palette(placeholder-text); {MESSAGE_PADDING}"  # an empty line, or a hint

# States are told by shape and text, never by colour alone.
STATE_SYMBOL = {
    StepState.NOT_STARTED: "○",
    StepState.IN_PROGRESS: "◐",
    StepState.WAITING: "◷",
    StepState.DONE: "✔",
}


def state_icon(state: StepState) -> QIcon:
    """A small drawn icon per state: empty ring, half disc, pause bars, tick in a disc."""
    ratio = 2.0  # drawn at twice the size so it stays sharp on high-DPI screens
    size = ICON_SIZE
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    palette = QApplication.palette()
    ink = palette.color(QPalette.ColorRole.Text)
    accent = (
        QColor(30, 130, 60)
        if state is StepState.DONE
        else palette.color(QPalette.ColorRole.Highlight)
    )
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ring = QRectF(2.5, 2.5, size - 5, size - 5)
    p.setPen(QPen(ink, 1.6))
    match state:
        case StepState.NOT_STARTED:
            p.drawEllipse(ring)
        case StepState.IN_PROGRESS:
            p.drawEllipse(ring)
            half = QPainterPath()
            half.moveTo(ring.center())
            half.arcTo(ring, 90, 180)
            half.closeSubpath()
            p.fillPath(half, ink)
        case StepState.WAITING:
            p.drawEllipse(ring)
            p.setPen(QPen(ink, 2.2))
            c = ring.center()
            p.drawLine(QPointF(c.x() - 2.5, c.y() - 4), QPointF(c.x() - 2.5, c.y() + 4))
            p.drawLine(QPointF(c.x() + 2.5, c.y() - 4), QPointF(c.x() + 2.5, c.y() + 4))
        case StepState.DONE:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(accent)
            p.drawEllipse(ring)
            p.setPen(QPen(QColor("white"), 2.2))
            p.drawPolyline([QPointF(6, 10.5), QPointF(9, 13.5), QPointF(14.5, 7)])
    p.end()
    return QIcon(pixmap)


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app icon from its PNG sizes (no SVG plug-in needed at start)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource(f"icons/rolleudpeger-{size}.png")))
    return icon


def one_line_width(label: QLabel, widest: int | None = None) -> int:
    """The width a word-wrapped label needs to show its text on one line (at most
    `widest`). QLabel's own size hint for wrapped text is a balanced width that breaks a
    short text in two; the advance from the font metrics is rounded, so the width is
    checked against the label's own layout (at 150 % text a fraction of a pixel wrapped
    the last word)."""
    label.ensurePolished()  # a style sheet's border and padding are part of the frame
    around = label.width() - label.contentsRect().width() + 2 * label.margin()
    width = label.fontMetrics().horizontalAdvance(label.text().replace("&", "")) + around + 1
    if widest is not None and width >= widest:
        return widest
    single = label.heightForWidth(10 * width + 1000)
    limit = width + label.fontMetrics().averageCharWidth()
    while label.heightForWidth(width) > single and width < limit:
        width += 1
    return width

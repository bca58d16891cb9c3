"""Text that keeps its room: a message, a time or a hint that comes and goes next to a field
never moves the fields below it (a click meant for one field must land in it).

A `SteadyLabel` is as high as the tallest of the texts it may show (its room) at the width
it has, whatever it shows now; a text taller than that is shortened with "…" and shown whole
as its tooltip (and, for a field's message, in the field's description and announcement).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rolleudpeger.ui.plain import Label, literal

ELLIPSIS = "…"
# A file's place as it often is on a municipal PC: room is kept for saying where a file went.
A_LONG_PATH = (
    "C:\\Users\\fornavn.efternavn\\OneDrive - Aarhus Kommune\\Dokumenter\\"
    "Rolleudpeger-Aarhus Kommune-2026-11-30.pdf"
)


class SteadyLabel(Label):
    """A wrapping plain-text label whose height does not depend on its text (see module)."""

    def __init__(self, *, lines: int = 1, grows: bool = False) -> None:
        super().__init__()  # plain text
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # room below
        self.setIndent(0)  # else a style sheet's frame indents the text: its width is ours
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # (narrow minimum: see below)
        self.setSizePolicy(policy)
        self._lines = lines
        self._grows = grows  # as high as its text too (where it can push nothing)
        self._room: tuple[str, ...] = ()
        self._full = ""
        # Room height by inner width: the layouts ask it many times for the same width, and
        # measuring wrapped text is the dearest part of laying out a page. Emptied whenever
        # what it depends on changes: the texts, the font, the style.
        self._heights: dict[int, int] = {}

    # --- what it shows -------------------------------------------------------------

    def keep_room_for(self, *texts: str) -> None:
        """The texts whose room is kept (besides `lines` lines), whichever is shown."""
        room = tuple(dict.fromkeys(t for t in texts if t))
        if room != self._room:
            self._room = room
            self._heights.clear()
            self.updateGeometry()
            self._fit()

    def setText(self, text: str) -> None:
        if not hasattr(self, "_full"):  # (Label's constructor, before ours)
            super().setText(text)
            return
        if text != self._full:
            self._full = text
            if self._grows:
                self._heights.clear()
                self.updateGeometry()
            self._fit()

    def full_text(self) -> str:
        """The whole text (`text()` is what is shown: shortened when it does not fit)."""
        return self._full

    # --- its size --------------------------------------------------------------------

    def _frame(self) -> QSize:
        self.ensurePolished()  # a style sheet's padding is part of the frame
        return QSize(
            self.width() - self.contentsRect().width() + 2 * self.margin(),
            self.height() - self.contentsRect().height() + 2 * self.margin(),
        )

    def _text_height(self, text: str, inner_width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        bounds = QRect(0, 0, max(inner_width, 1), 1_000_000)
        return self.fontMetrics().boundingRect(bounds, flags, text).height()

    def _room_height(self, inner_width: int) -> int:
        known = self._heights.get(inner_width)
        if known is not None:
            return known
        lines = self._lines * self.fontMetrics().lineSpacing() if self._lines else 0
        texts = (*self._room, self._full) if self._grows else self._room
        height = max([lines, *(self._text_height(t, inner_width) for t in texts if t)])
        self._heights[inner_width] = height
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        frame = self._frame()
        return self._room_height(width - frame.width()) + frame.height()

    def sizeHint(self) -> QSize:
        frame = self._frame()
        widest = max([self._full, *self._room], key=len, default="")
        # Its texts on one line: a layout gives it less, and asks the height for that.
        width = self.fontMetrics().horizontalAdvance(widest) + frame.width() + 1
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Narrow and low: the layouts ask the height for the width they give (they take
        the larger of the two, and a minimum taken at a narrow width kept many lines)."""
        lines = self._lines * self.fontMetrics().lineSpacing() if self._lines else 0
        return QSize(self.fontMetrics().averageCharWidth() * 10, lines + self._frame().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show the text, shortened with "…" when it is taller than the room."""
        inner = self.contentsRect().width() if self.width() > 1 else self.sizeHint().width()
        room = self._room_height(inner)
        shown = self._full
        if shown and self._text_height(shown, inner) > room:
            low, high = 0, len(shown)  # the longest start that fits with "…"
            while low < high:
                middle = (low + high + 1) // 2
                if self._text_height(shown[:middle].rstrip() + ELLIPSIS, inner) <= room:
                    low = middle
                else:
                    high = middle - 1
            shown = shown[:low].rstrip() + ELLIPSIS
        cut = shown != self._full
        self.setToolTip(literal(self._full) if cut else "")
        self.setAccessibleName(self._full if cut else "")  # read whole, seen shortened
        if shown != self.text():
            super().setText(shown)


class Column(QWidget):
    """A box of wrapping rows (links, messages) as high as they need at the width it gets.
    A row of a QFormLayout that spans both columns gets the height of its minimum size,
    not the height its wrapped rows need at its width: the last page's links were cut to
    their first line at 1024 px. The box keeps its minimum height at that need, measured
    again when it is resized and when its rows change."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            need = self.heightForWidth(self.width()) if self.hasHeightForWidth() else -1
            if need > 0 and need != self.minimumHeight():
                self.setMinimumHeight(need)
        return handled


# The texts a list row may show (a list of str), set on the item: the row keeps room for
# the tallest of them.
ROOM_ROLE = Qt.ItemDataRole.UserRole + 1


class SteadyRows(QStyledItemDelegate):
    """A list whose rows keep their height: each row is as tall as the tallest of the texts
    it may show (`ROOM_ROLE`), at the width it has, whatever it shows now. A step's state
    in the overview changes with a tick; the rows below it must not move."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text: str | None = None  # the text measured instead of the row's own

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        for text in index.data(ROOM_ROLE) or ():
            self._text = text
            try:
                # Only its height: the row is as wide as its own text wants.
                size.setHeight(max(size.height(), super().sizeHint(option, index).height()))
            finally:
                self._text = None
        return size

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._text is not None:
            option.text = self._text

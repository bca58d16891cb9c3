"""The report's appendix: the whole event log, entry by entry, after the report itself.

A case may hold 20,000 events (the most an import takes). As one ruled table in the
report's QTextDocument they made the report's cost grow faster than the log (Qt lays out
and draws a table whole for every page it is on: 146 s and 1,156 pages for 19,025
events). So the appendix is not part of that document: its lines are broken here, once,
into pages, and drawn line by line, in the same font and with the same footer, as part of
the same PDF/A file — the record stays one file an archive takes as it is. Each entry is
one line where it fits (time, then step and field, from → to), grouped under its day, so
the log takes a few entries' room per line of a table. Each entry has its whole time
(the date too, and which of the night's two 02.30 it was), so that it reads on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPaintDevice,
    QPainter,
    QTextLayout,
)

from rolleudpeger.domain.report import EventLine, Report
from rolleudpeger.domain.text import visible
from rolleudpeger.i18n import translate

LOG_POINTS = 7.5
HEADING_POINTS = 12
GAP_POINTS = 2  # room above a day's heading


@dataclass(frozen=True)
class Piece:
    """One line of text drawn at (x, y) — y its baseline — in one of the fonts."""

    x: float
    y: float
    text: str
    font: str  # "heading", "bold" or "plain"


def entry_text(line: EventLine) -> str:
    """What happened, after the time: user text with invisible characters written out."""
    text = f"{line.step} · {line.field}: {line.old} → {line.new}"
    # What the app did by itself says what it followed from ("følger af: Ny projektleder").
    return visible(f"{text} ({line.because})" if line.because else text)


class LogPages:
    """The appendix laid out into pages of Pieces, for a body of `width` × `height`
    device pixels on `device`."""

    def __init__(
        self, report: Report, device: QPagedPaintDevice, family: str, width: float, height: float
    ) -> None:
        self.device, self.width, self.height = device, width, height
        self.fonts = {
            "heading": _font(family, HEADING_POINTS, bold=True),
            "bold": _font(family, LOG_POINTS, bold=True),
            "plain": _font(family, LOG_POINTS, bold=False),
        }
        self.metrics = {k: QFontMetricsF(f, device) for k, f in self.fonts.items()}
        self.gap = GAP_POINTS * device.logicalDpiY() / 72
        self.pages: list[list[Piece]] = [[]]
        self.y = 0.0
        self._lay_out(report)

    def _room(self, lines: int, font: str = "plain") -> None:
        """Start a new page unless `lines` lines of `font` fit on this one."""
        if self.y + lines * self.metrics[font].lineSpacing() > self.height and self.pages[-1]:
            self.pages.append([])
            self.y = 0.0

    def _put(self, x: float, text: str, font: str) -> None:
        self.pages[-1].append(Piece(x, self.y + self.metrics[font].ascent(), text, font))

    def _next_line(self, font: str = "plain") -> None:
        self.y += self.metrics[font].lineSpacing()

    def _lay_out(self, report: Report) -> None:
        self._put(0, translate("Report", "Bilag: Hændelseslog"), "heading")
        self._next_line("heading")
        intro = translate(
            "Report",
            "Alle {n} hændelser i den rækkefølge, de skete, under den dag, de skete. "
            "Rapportens afsnit »Hændelser dag for dag« samler dem pr. felt og dag.",
        ).format(n=len(report.events))
        for text in self._wrapped(intro, self.width, "plain"):
            self._put(0, text, "plain")
            self._next_line()
        clocks = {e.at for e in report.events}
        column = max((self.metrics["plain"].horizontalAdvance(c) for c in clocks), default=0)
        column += self.metrics["plain"].horizontalAdvance("  ")
        day = None
        for line in report.events:
            if (line.day, line.cause) != day:
                day = (line.day, line.cause)
                self.y += self.gap
                self._room(2, "bold")  # a day's heading never ends a page
                head = f"{line.day} · {line.cause}" if line.cause else line.day
                self._put(0, head, "bold")
                self._next_line("bold")
            pieces = self._wrapped(entry_text(line), self.width - column, "plain")
            self._room(min(len(pieces), 3))
            self._put(0, line.at, "plain")
            for text in pieces:
                self._room(1)
                self._put(column, text, "plain")
                self._next_line()

    def _wrapped(self, text: str, width: float, font: str) -> list[str]:
        """`text` broken into lines of at most `width` (Qt's line breaking)."""
        layout = QTextLayout(text, self.fonts[font], self.device)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        return lines or [""]

    def draw(self, painter: QPainter, page: int) -> None:
        """One page, on a painter scaled from the layout device to its own device."""
        fonts = {k: drawn_font(f, self.device, painter) for k, f in self.fonts.items()}
        font = None
        for piece in self.pages[page]:
            if piece.font != font:
                font = piece.font
                painter.setFont(fonts[font])
            painter.drawText(QPointF(piece.x, piece.y), piece.text.rstrip())


def drawn_font(font: QFont, layout: QPaintDevice, painter: QPainter) -> QFont:
    """`font` as it must be set on `painter` to come out the size it was laid out at on
    `layout`. The painter takes a font's points at its own device's resolution (a printer's
    1200 dpi) and then applies its scale (layout to device): a font in points came out
    that many times too large on paper (the appendix and the footer, four times)."""
    device = painter.device()
    ratio = layout.logicalDpiY() / device.logicalDpiY() if device is not None else 1.0
    drawn = QFont(font)
    drawn.setPointSizeF(font.pointSizeF() * ratio)
    return drawn


def _font(family: str, points: float, *, bold: bool) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font

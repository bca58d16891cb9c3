"""What a screen reader gets: links that are links, errors tied to their fields, and
changes of status announced.

Read through the accessibility bus (AT-SPI on Linux, UI Automation on Windows), a rich-text
label is one object: its links cannot be reached one by one, and an accessible name set on
it replaces its whole text. So links are Links (Tab reaches each one; role Link,
named by its text, the address as its description), messages under a field are written
into the field's accessible description, and changes a sighted user sees at a glance are
announced (QAccessibleAnnouncementEvent, Qt 6.8+).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
    QAccessibleInterface,
    QKeyEvent,
    QMouseEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QWidget
from shiboken6 import isValid

from rolleudpeger.ui.plain import Label, literal
from rolleudpeger.ui.style import one_line_width

LINK_STYLE = (
    "Link { color: palette(link); text-decoration: underline; "
    "border: 1px solid transparent; padding: 1px 0px; }"
    "Link:focus { border: 1px dotted palette(text); }"
)
HEADING_STYLE = (
    "Heading { border: 1px solid transparent; } Heading:focus { border: 1px dotted palette(text); }"
)


class Link(Label):
    """A link: reached with Tab, followed with Enter or Space or a click, read as a link.

    A label, not a button, so that a long link (a missing item on the last page, at 200 % text)
    wraps instead of widening the page; add it with `Qt.AlignmentFlag.AlignLeft` so that
    only its text is clickable."""

    activated = Signal()

    def __init__(self, text: str, on_activate: Callable[[], object], description: str = "") -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setIndent(0)  # else a label with a frame (the focus border) indents its text
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(LINK_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setText(text)
        self.ensurePolished()  # the style sheet's border counts before a layout asks
        if description:
            self.setAccessibleDescription(description)
            self.setToolTip(literal(description))
        self.activated.connect(lambda: on_activate())  # noqa: PLW0108 - drop signal args

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)

    def sizeHint(self) -> QSize:
        """Its text on one line (QLabel's own hint for wrapped text is a balanced width,
        which would break a short link in two); narrower when the layout has less room."""
        width = one_line_width(self)
        return QSize(width, self.heightForWidth(width))

    def showEvent(self, event: QShowEvent) -> None:
        """Ask for room again once shown. A link added to a page that is open (the last page's
        list, rebuilt after a change) is shown a turn after the layouts placed it as
        empty; the scroll area then kept the old height and cut wrapped links (and the
        text below them) to one line at 200 % text."""
        super().showEvent(event)
        self.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            event.accept()
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)


class _LinkAccessible(QAccessibleWidget):
    """Role Link, followed with the standard press action (what a screen reader's
    "activate" sends)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.Link)

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        link = self.widget()
        if name == QAccessibleActionInterface.pressAction() and isinstance(link, Link):
            link.activated.emit()
        else:
            super().doAction(name)


class Heading(Label):
    """A page's heading: where the focus goes when a page is opened, so that a screen reader
    reads the page's name and state once (its accessible name) and Tab goes on to the page's
    first field. Not a Tab stop itself; focused, it shows a dotted frame."""

    def __init__(self, text: str) -> None:
        super().__init__(rich=True)  # made of an escaped part
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setStyleSheet(HEADING_STYLE)
        self.setText(f"<h2 style='margin:0'>{escape(text)}</h2>")


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, Link):
        return _LinkAccessible(obj)
    if isinstance(obj, Heading):
        return QAccessibleWidget(obj, QAccessible.Role.Heading)
    return None


_installed = False


def install() -> None:
    """Register the link role once per process (the application calls this)."""
    global _installed  # noqa: PLW0603 - one factory per process
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


_pending: list[tuple[QWidget, str, bool]] = []
_flush_scheduled = False


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say `text` (an error: assertive; a status: polite) once the event
    being handled is done: after any move of the focus it causes (said before the new focus
    is read, it is cut off), and together with whatever else the same action changed — one
    edit, one announcement."""
    global _flush_scheduled  # noqa: PLW0603 - one queue per process, like the focus
    if not text or not QAccessible.isActive():
        return
    _pending.append((widget, text, assertive))
    if not _flush_scheduled:
        _flush_scheduled = True
        QTimer.singleShot(0, _flush)


def forget() -> None:
    """Drop what is waiting to be said (the user has moved on to another page)."""
    _pending.clear()


def _flush() -> None:
    global _flush_scheduled  # noqa: PLW0603
    _flush_scheduled = False
    said = list(_pending)
    _pending.clear()
    errors = [text for _, text, assertive in said if assertive]
    texts = list(dict.fromkeys(errors + [text for _, text, assertive in said if not assertive]))
    alive = [w for w, _, _ in said if isValid(w) and w.isVisible()]
    target = QApplication.focusWidget() or (alive[0] if alive else None)
    if not texts or target is None:
        return
    message = " ".join(t if t.rstrip().endswith((".", "!", "?", ":")) else f"{t}." for t in texts)
    event = QAccessibleAnnouncementEvent(target, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if errors
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def describe(widget: QWidget, *parts: str | None) -> None:
    """A field's accessible description: what tells it apart (its group) and, when there is
    one, the message shown under it."""
    text = ". ".join(p.rstrip(".") for p in parts if p) + ("." if any(parts) else "")
    if widget.accessibleDescription() != text:
        widget.setAccessibleDescription(text)

"""Field bindings: each makes the input widget for one field of the task definition and keeps
it and the case in step. Check boxes and choices save at once; text saves after a pause in
typing, when the field is left, and when the window closes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from rolleudpeger.domain import kinds
from rolleudpeger.domain.case import (
    ReasonNeeded,
    reason_needed,
    status_missing,
    take_back_first,
    warning_room,
)
from rolleudpeger.domain.kinds import former_role
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import FieldDef, KlikStatus, in_sentence
from rolleudpeger.domain.text import name_key
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.editing import CaseEditor, Refused, SaveFailed
from rolleudpeger.i18n import translate
from rolleudpeger.ui import accessible, dialogs
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import (
    ERROR_STYLE,
    HINT_STYLE,
    NOTES_HEIGHT,
    QUIET_STYLE,
    TEXT_DEBOUNCE_MS,
    WARNING_STYLE,
    one_line_width,
)
from rolleudpeger.ui.widgets.steady import Column, SteadyLabel


@dataclass
class PageContext:
    """What a page's fields need from the window."""

    editor: CaseEditor
    flush_all: Callable[[], None]
    go_to_step: Callable[[str], None]
    report_save_error: Callable[[str], None]
    open_link: Callable[[str], None]  # an address in the browser (or, failing that, copied)


class MessageLabel(SteadyLabel):
    """A message next to a field, or a standing hint shown where the message shows when
    there is none. A message starts with a sign, so not colour alone.

    Steady (the default), it keeps one line and the room of the texts it is told of
    (`keep_room`), so that a message coming or going moves no field; made with
    `steady=False` (at the end of a page, where it can push nothing) it is hidden when empty.

    Attached to its field, the message (else the hint) is also the field's accessible
    description, after what tells the field apart (its group), and a new message is
    announced."""

    def __init__(self, style: str = ERROR_STYLE, sign: str = "⚠ ", *, steady: bool = True) -> None:
        super().__init__(lines=1 if steady else 0, grows=not steady)
        self._style, self._sign, self._steady = style, sign, steady
        self._field: QWidget | None = None
        self._about = ""
        self._message = ""
        self._warning = ""
        self._hint = ""
        self._kept: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())
        self._paint()

    def keep_room(
        self,
        messages: Iterable[str] = (),
        hints: Iterable[str] = (),
        warnings: Iterable[str] | None = None,
    ) -> None:
        """Keep room for any of these messages, hints and warnings, whichever is shown
        (warnings not given: those kept before)."""
        kept = self._kept[2] if warnings is None else tuple(warnings)
        self._kept = (tuple(messages), tuple(hints), kept)
        signed = (f"{self._sign}{m}" for m in (*self._kept[0], *kept))
        self.keep_room_for(*signed, *self._kept[1])

    def keep_warning_room(self, warnings: Iterable[str]) -> None:
        self.keep_room(self._kept[0], self._kept[1], warnings)

    @property
    def message(self) -> str:
        return self._message

    def attach(self, field: QWidget, about: str = "") -> None:
        self._field, self._about = field, about
        self._describe()

    def set_hint(self, hint: str) -> None:
        if hint != self._hint:
            self._hint = hint
            self._paint()
            self._describe()

    def show_message(self, text: str | None) -> None:
        text = text or ""
        changed = text != self._message
        self._message = text
        self._paint()
        self._describe()
        target = self._field or self
        if changed and text and target.isVisible():  # not for pages out of sight
            accessible.announce(target, text, assertive=self._sign == "⚠ ")

    def show_warning(self, text: str | None) -> None:
        """A plausibility warning (issue 21): something looks wrong but may be right. It
        shows where a message would, when there is none, in the warning's colour; the
        user is told, never stopped."""
        text = text or ""
        changed = text != self._warning
        self._warning = text
        self._paint()
        self._describe()
        target = self._field or self
        if changed and text and not self._message and target.isVisible():
            accessible.announce(target, text)

    def _paint(self) -> None:
        if self._message:
            style, shown = self._style, f"{self._sign}{self._message}"
        elif self._warning:
            style, shown = WARNING_STYLE, f"{self._sign}{self._warning}"
        else:
            style, shown = QUIET_STYLE, self._hint
        if style != self.styleSheet():
            self.setStyleSheet(style)
        self.setText(shown)
        if not self._steady:
            self.setVisible(bool(shown))

    def _describe(self) -> None:
        if self._field is not None:
            said = self._message or self._warning or self._hint
            accessible.describe(self._field, self._about, said)


def hint_label(text: str = "") -> Label:
    label = Label(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class TypingPause:
    """Typed text is saved when typing pauses for TEXT_DEBOUNCE_MS (and when the field is
    left, or the window closed): the one place that pause is kept."""

    def __init__(self, owner: QObject, on_pause: Callable[[], None]) -> None:
        self.pending = False  # typed, not saved yet
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DEBOUNCE_MS)
        self._timer.timeout.connect(on_pause)

    def typed(self) -> None:
        self.pending = True
        self._timer.start()  # (re)started: the pause counts from the last key

    def stop(self) -> bool:
        """Stop waiting for the pause; True when there is typed text to save."""
        self._timer.stop()
        return self.pending


class FieldBinding(QObject):
    """Base: one field on a page."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__()
        self.fdef = fdef
        self.ctx = ctx
        self.error = MessageLabel()
        self.error.keep_warning_room(warning_room(ctx.editor.task, fdef.key))

    @property
    def editor(self) -> CaseEditor:
        return self.ctx.editor

    def add_to(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget | None:
        """Where the focus goes when the user is sent to this field."""
        widget = getattr(self, "widget", None)
        return widget if isinstance(widget, QWidget) else None

    def refresh(self) -> None:
        """Show what the case holds (never over text the user is typing)."""

    def show_warnings(self, warnings: dict[str, str]) -> None:
        """The plausibility warnings of the case (domain.case.warnings), by field: this
        field's shows in its own steady line."""
        self.error.show_warning(warnings.get(self.fdef.key))

    def flush(self) -> None:
        """Save anything typed and not yet saved."""

    def flush_on_close(self) -> None:
        """Save everything before the window closes."""
        self.flush()

    @property
    def unsaved(self) -> bool:
        """Typed text that could not be saved (not refused input: that is never stored)."""
        return False

    def _save(self, action: Callable[[], object]) -> bool:
        """Run a save; show why it failed at the field. True when it was saved."""
        try:
            action()
        except Refused as e:
            self._refused(str(e))
            return False
        except SaveFailed as e:
            self._tell_save_failed(e)
            return False
        return True

    def _refused(self, message: str) -> None:
        """Say at the field why the rules or the input refused the change."""
        self.error.show_message(message)

    def _tell_save_failed(self, error: SaveFailed) -> None:
        """Say at the field, and in the window, that a change allowed was not saved."""
        self._refused(
            translate("Fields", "{error} Ændringen er ikke gemt. Prøv igen.").format(error=error)
        )
        self.ctx.report_save_error(str(error))


class FormLabel(Label):
    """A field's name in a form: on one line when it fits in about 30 characters,
    wrapped beyond that.

    QLabel's own hint for wrapped text is a balanced width (two lines for a short name
    like "Version, du har læst"), and QFormLayout gives the label that width but only the
    height of its field's row, so the first line was cut off."""

    WIDEST_CHARS = 30

    def sizeHint(self) -> QSize:
        width = one_line_width(self, self.fontMetrics().averageCharWidth() * self.WIDEST_CHARS)
        return QSize(width, self.heightForWidth(width))


def _label(text: str, buddy: QWidget) -> Label:
    label = FormLabel(text)
    label.setBuddy(buddy)
    label.setWordWrap(True)
    return label


class TextBinding(FieldBinding):
    """Names, short texts, e-mail, phone (QLineEdit) and notes (QPlainTextEdit)."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.multiline = kinds.of(fdef).multiline
        self.widget: QLineEdit | QPlainTextEdit
        if self.multiline:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(fdef.placeholder)
            edit.setMinimumHeight(NOTES_HEIGHT)
            edit.textChanged.connect(self._typed)
            edit.installEventFilter(self)
            self.widget = edit
        else:
            line = QLineEdit()
            # No setMaxLength(200): it would cut pasted text silently; the check says why.
            line.setPlaceholderText(fdef.placeholder)
            line.textEdited.connect(self._typed)
            line.editingFinished.connect(self._left)
            self.widget = line
        self.widget.setObjectName(fdef.key)
        self.widget.setAccessibleName(fdef.label)
        self.error.set_hint(fdef.hint)
        self.error.keep_room(kinds.of(fdef).usual_messages(), (fdef.hint,))
        # During a pause in typing, a message already shown is brought up to date; a new
        # one waits until the field is left, so as not to interrupt.
        self.pause = TypingPause(self, lambda: self._commit(show_error=bool(self.error.message)))
        self._save_failed = False
        self._message: str | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.widget and event.type() == QEvent.Type.FocusOut:
            self._left()
        return False

    def text(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def set_text(self, text: str) -> None:
        w = self.widget
        w.blockSignals(True)
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(text)
        else:
            w.setText(text)
            w.setCursorPosition(0)
        w.blockSignals(False)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(_label(self.fdef.label, self.widget), self.widget)
        form.addRow("", self.error)

    def _typed(self) -> None:
        self.pause.typed()

    def _left(self) -> None:
        self._commit(show_error=True)
        if not self.pause.pending:
            # Saved during a pause in typing: its message (an address not valid yet) was
            # kept back then, so as not to interrupt; leaving the field shows it.
            self._show(self._message)
            self.refresh(force=True)

    def _commit(self, *, show_error: bool) -> None:
        if not self.pause.stop():
            return
        text = self.text()
        try:
            message = self.editor.set_text(self.fdef.key, text)
        except Refused as e:
            # Refused: the text stays in the field (pending), so nothing is silently replaced.
            self._save_failed = False
            self._show(str(e))
            return
        except SaveFailed as e:
            self._save_failed = True
            self._show(
                translate(
                    "Fields", "{error} Det, du skrev, står stadig i feltet. Prøv igen."
                ).format(error=e)
            )
            self.ctx.report_save_error(str(e))
            return
        self.pause.pending = self._save_failed = False
        self._message = message  # shown now, or when the field is left
        if show_error or not message:
            self._show(message)

    @property
    def unsaved(self) -> bool:
        return self.pause.pending and self._save_failed

    def _show(self, message: str | None) -> None:
        self.error.show_message(message)

    def flush(self) -> None:
        self._commit(show_error=True)

    def refresh(self, force: bool = False) -> None:
        if self.pause.pending or (self.widget.hasFocus() and not force):
            return
        stored = self.editor.case.value(self.fdef.key)
        shown = kinds.of(self.fdef).display(self.editor.task, stored)
        if shown != self.text():
            self.set_text(shown)
        # A value kept while not valid (saved last week, or imported) says so at its
        # field, not only in the step's status line.
        self._message = kinds.of(self.fdef).stored_problem(stored)
        self._show(self._message)


class CheckLabel(Label):
    """The text of a check box, wrapped like any label; clicking it toggles the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            self.box.click()
        else:
            super().mousePressEvent(event)


def check_box_block(box: QCheckBox, text: str, *below: QWidget) -> QWidget:
    """A QCheckBox without text of its own beside a wrapping label (a QCheckBox never
    wraps: at 200 % text a long one would be cut), then any lines below it."""
    box.setAccessibleName(text)
    block = QWidget()
    grid = QGridLayout(block)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(4)
    grid.setVerticalSpacing(2)
    grid.addWidget(box, 0, 0, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(CheckLabel(text, box), 0, 1)
    for row, widget in enumerate(below, start=1):
        grid.addWidget(widget, row, 1)
    grid.setColumnStretch(1, 1)
    return block


def time_room(template: str) -> str:
    """The widest a "… {time}" line gets, for the room kept for it."""
    return template.format(time=format_time(datetime(2026, 12, 28, 23, 58, tzinfo=UTC)))


class CheckBinding(FieldBinding):
    """A check box that records when it was checked: the time shows in the line under it,
    where a message would (the line is kept, ticked or not, so nothing below moves)."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.widget = QCheckBox()
        self.widget.setObjectName(fdef.key)
        self.error.keep_room(
            hints=(time_room(translate("Fields", "Markeret {time}")), self._not_now())
        )
        self.widget.toggled.connect(self._toggled)

    def _not_now(self) -> str:
        """Why a box about a former holder (their KLIK access removed) cannot be ticked
        yet: there is none. It stays in its place, so nothing moves when one comes."""
        role = former_role(self.fdef)
        if role is None:
            return ""
        return translate("Fields", "Bruges, når en ny {role} har overtaget.").format(
            role=role.label
        )

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(check_box_block(self.widget, self.fdef.label, self.error))

    def _toggled(self, checked: bool) -> None:
        if self._save(lambda: self.editor.set_check(self.fdef.key, checked)):
            self.error.show_message(None)
        self.refresh()

    def refresh(self) -> None:
        case = self.editor.case
        checked = case.is_checked(self.fdef.key)
        applies = kinds.of(self.fdef).applies(case, self.fdef)
        self.widget.blockSignals(True)
        self.widget.setChecked(checked)
        self.widget.setEnabled(applies or checked)  # a tick is never locked in
        self.widget.blockSignals(False)
        if checked:
            hint = translate("Fields", "Markeret {time}").format(
                time=format_time(case.changed_at(self.fdef.key))
            )
        else:
            hint = "" if applies else self._not_now()
        self.error.set_hint(hint)


class MunicipalityBinding(FieldBinding):
    """All 98 municipalities as `751 Aarhus`; type part of the name or the code to find one."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        combo = QComboBox()
        combo.setObjectName(fdef.key)
        combo.setAccessibleName(fdef.label)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(15)
        for m in self.editor.task.municipalities:
            combo.addItem(m.label, m.code)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(translate("Fields", "Skriv kommunens navn eller nummer"))
        line.setAccessibleName(fdef.label)
        combo.setCurrentIndex(-1)
        self.widget = combo
        self.error.keep_room((self._not_found(),))
        combo.currentIndexChanged.connect(self._chosen)
        line.returnPressed.connect(self._left)
        # The suggestions are said: how many after a pause in typing, each one as the
        # arrow keys reach it (the popup is a window of its own that gets no focus).
        self.suggestions = TypingPause(self, self._say_suggestions)
        line.textEdited.connect(lambda _text: self.suggestions.typed())
        highlighted = completer.highlighted[str]  # type: ignore[index]  # (the text overload)
        highlighted.connect(lambda text: accessible.announce(combo, text))
        # The line edit's editingFinished does not fire when focus leaves while the
        # completer's popup is open; the application sees every focus move.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.setParent(combo)  # dies with the combo, which ends the connection
            app.focusChanged.connect(self._focus_moved)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(_label(self.fdef.label, self.widget), self.widget)
        form.addRow("", self.error)

    def _say_suggestions(self) -> None:
        self.suggestions.pending = False
        completer = self.widget.completer()
        line = self.widget.lineEdit()
        if completer is None or line is None or not line.text().strip() or not line.hasFocus():
            return
        count = completer.completionCount()
        if count == 0:
            accessible.announce(self.widget, translate("Fields", "Ingen kommune passer."))
        elif count == 1:
            accessible.announce(
                self.widget,
                translate("Fields", "1 forslag: {name}. Vælg med pil ned.").format(
                    name=completer.currentCompletion()
                ),
            )
        else:
            accessible.announce(
                self.widget,
                translate("Fields", "{n} forslag, først {name}. Vælg med pil ned.").format(
                    n=count, name=completer.currentCompletion()
                ),
            )

    def _inside(self, w: QWidget | None) -> bool:
        completer = self.widget.completer()
        popup = completer.popup() if completer is not None else None
        return w is not None and any(
            w is box or box.isAncestorOf(w) for box in (self.widget, popup) if box is not None
        )

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._inside(old) and not self._inside(new):
            self._left()

    @staticmethod
    def _not_found() -> str:
        return translate("Fields", "Vælg en kommune fra listen. Skriv fx »Aarhus« eller »751«.")

    def _match(self, text: str) -> int:
        wanted = name_key(text)
        if not wanted:
            return -1
        for i, m in enumerate(self.editor.task.municipalities):
            if wanted in (name_key(m.label), m.code, name_key(m.name)):
                return i
        return -1

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        completer = self.widget.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        code = self.widget.itemData(index)
        if self._save(lambda: self.editor.set_municipality(code)):
            self.error.show_message(None)

    def _left(self) -> None:
        text = self.widget.currentText()
        index = self._match(text)
        if index >= 0:
            if index != self.widget.currentIndex():
                self.widget.setCurrentIndex(index)
            else:
                self._chosen(index)
            return
        if text.strip():
            self.error.show_message(self._not_found())
        else:
            self.refresh()

    def refresh(self) -> None:
        code = self.editor.case.value(self.fdef.key)
        index = self.widget.findData(code) if code else -1
        if self.widget.lineEdit() is not None and self.widget.lineEdit().hasFocus():  # type: ignore[union-attr]
            return
        self.widget.blockSignals(True)
        self.widget.setCurrentIndex(index)
        if index < 0:
            self.widget.setEditText("")
        self.widget.blockSignals(False)


class KlikStatusBinding(FieldBinding):
    """A check box that sets the KLIK status; the rules decide when it may, and a reason is
    needed to take it back. The line under it says when it was set, or what is missing
    before it can be (said once: it is also the box's description, updated with every
    change), or why the last click did nothing."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.status = KlikStatus(fdef.status)
        self.widget = QCheckBox()
        self.widget.setObjectName(fdef.key)
        self._error_at: KlikStatus | None = None  # the status a message shown was about
        task = ctx.editor.task
        self.error.keep_room(
            (
                take_back_first(task, KlikStatus.COMPLETED),
                reason_needed(),
            ),
            (
                time_room(translate("Fields", "Status sat {time}")),
                self._missing_hint(status_missing(task, None, self.status)),
            ),
        )
        self.widget.toggled.connect(self._toggled)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(check_box_block(self.widget, self.fdef.label, self.error))

    @staticmethod
    def _missing_hint(missing: list[str]) -> str:
        if not missing:
            return ""
        return translate("Fields", "Før du kan markere dette, mangler: {items}.").format(
            items="; ".join(missing)
        )

    def _toggled(self, checked: bool) -> None:
        self.ctx.flush_all()  # the rules must see every name typed so far
        if checked:
            self._set()
        else:
            self._take_back()
        self.refresh()

    def _set(self) -> None:
        """Ask the rules; what is missing is already the line under the box: say it now."""
        hint = self._missing_hint(status_missing(self.editor.task, self.editor.case, self.status))
        try:
            self.editor.set_klik_status(self.status)
        except Refused as e:
            if hint:
                accessible.announce(self.widget, hint, assertive=True)
            else:
                self._refused(str(e))
        except SaveFailed as e:
            self._tell_save_failed(e)
        else:
            self._show_error(None)

    def _take_back(self, reason: str = "") -> None:
        """Ask the rules to take the status one step back; ask the user for the reason
        when (and only when) the rules say one is needed."""
        previous = list(KlikStatus)[self.status.rank - 1]
        try:
            self.editor.set_klik_status(previous, reason)
        except ReasonNeeded as e:
            if reason:  # asked, and what was typed was no reason (only spaces)
                self._refused(str(e))
            elif (typed := self._ask_reason()) is not None:
                self._take_back(typed or " ")  # nothing typed is no reason: said so
        except Refused as e:
            self._refused(str(e))
        except SaveFailed as e:
            self._tell_save_failed(e)
        else:
            self._show_error(None)

    def _ask_reason(self) -> str | None:
        return dialogs.ask_text(
            self.widget,
            translate("Fields", "Tag status tilbage"),
            translate("Fields", "Hvorfor er status ikke længere »{status}«?").format(
                status=self.status.value
            ),
        )

    def _show_error(self, text: str | None) -> None:
        self.error.show_message(text)
        self._error_at = self.editor.case.klik_status if text else None

    def _refused(self, message: str) -> None:
        self._show_error(message)

    def refresh(self) -> None:
        case = self.editor.case
        reached = case.klik_status.rank >= self.status.rank
        self.widget.blockSignals(True)
        self.widget.setChecked(reached)
        self.widget.blockSignals(False)
        at = case.status_reached_at(self.status)
        if reached:
            hint = (
                translate("Fields", "Status sat {time}").format(time=format_time(at)) if at else ""
            )
        else:
            hint = self._missing_hint(status_missing(self.editor.task, case, self.status))
        self.error.set_hint(hint)
        if self._error_at is not None and self._error_at is not case.klik_status:
            self._show_error(None)  # the status moved on: the message is about the past


class OwnerFromDirectorBinding(FieldBinding):
    """A button that makes the library director the project owner."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.widget = QPushButton("&" + fdef.label)  # Alt+first letter
        self.widget.setObjectName(fdef.key)
        self.widget.setAccessibleName(fdef.label)
        self.hint = hint_label()
        self.error.keep_room((self._name_first(),))
        self.widget.clicked.connect(self._clicked)

    def _name_first(self) -> str:
        return translate("Fields", "Skriv først bibliotekschefens navn ({step}).").format(
            step=in_sentence(self.editor.task.step_where_named(Role.LIBRARY_DIRECTOR))
        )

    def add_to(self, form: QFormLayout) -> None:
        box = Column()  # spans the form (see Column)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.widget)
        row.addWidget(self.hint, 1)
        form.addRow(box)
        form.addRow("", self.error)

    def _clicked(self) -> None:
        self.ctx.flush_all()
        filled: list[bool] = []
        title = self.fdef.default_title
        if self._save(lambda: filled.append(self.editor.fill_owner_from_director(title))):
            if filled and not filled[0]:
                self.error.show_message(self._name_first())
            else:
                self.error.show_message(None)

    def refresh(self) -> None:
        task = self.editor.task
        director = self.editor.case.person(task, Role.LIBRARY_DIRECTOR).name
        self.hint.setText(
            translate("Fields", "Bibliotekschef: {name}").format(name=director)
            if director
            else translate("Fields", "Bibliotekschefens navn skriver du i {step}.").format(
                step=in_sentence(task.step_where_named(Role.LIBRARY_DIRECTOR))
            )
        )

"""The main window: the step overview on the left, the current step on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from rolleudpeger import APP_NAME, i18n, logs, operations
from rolleudpeger.domain.case import (
    Change,
    EndRolePeriod,
    StepState,
    possible_progress_lines,
    possible_step_notes,
    progress_line,
    step_note,
    step_state,
)
from rolleudpeger.domain.taskdef import StepDef, TaskDef
from rolleudpeger.editing import CaseEditor, SaveFailed
from rolleudpeger.i18n import translate
from rolleudpeger.operations import Interaction, Outcome, Status
from rolleudpeger.ui import accessible, data_safety, dialogs, report_actions
from rolleudpeger.ui.pages.step_page import StepPage
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import (
    DEFAULT_WINDOW,
    ERROR_STYLE,
    FRAME_ALLOWANCE,
    ICON_SIZE,
    LIST_SPACING,
    MARGIN,
    SPACING,
    STEP_LIST_MIN_WIDTH,
    STEP_LIST_WIDTH,
    state_icon,
)
from rolleudpeger.ui.widgets.fields import MessageLabel, PageContext
from rolleudpeger.ui.widgets.steady import ROOM_ROLE, SteadyLabel, SteadyRows

GEOMETRY_SETTING = "window_geometry"


def step_room(task: TaskDef, step: StepDef, title: str) -> list[str]:
    """Every text the step's row in the overview may show: its title over each state, with
    each note the step may have (a row keeps room for the tallest: ticking moves no row)."""
    notes = possible_step_notes(task, step)
    return [
        f"{title}\n{said}"
        for state in StepState
        for said in (state.label, *(f"{state.label} – {note}" for note in notes))
    ]


class StepList(QListWidget):
    """`step_list`. A step is *chosen* with Enter, Space or a click (the page then opens at
    its heading); the arrow keys only move through the list, the focus staying in it.
    When the list gets the focus, the current step is said (the row, not only the list)."""

    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            event.accept()
            self.chosen.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.indexAt(event.position().toPoint()).isValid()
        ):
            self.chosen.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        row = self.currentRow()
        if row >= 0 and QAccessible.isActive():
            focus = QAccessibleEvent(self, QAccessible.Event.Focus)
            focus.setChild(row)
            QAccessible.updateAccessibility(focus)


def _button(name: str, text: str, accessible_name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible_name)
    return button


class MainWindow(QMainWindow):
    """`main_window` (docs/CONTRACT.md); the editor is passed in, pages never open sessions."""

    first_painted = Signal()
    all_pages_built = Signal()  # the pages not shown at start are built too

    def __init__(self, editor: CaseEditor, log_folder: Path | None = None) -> None:
        super().__init__()
        self.editor = editor
        self.log_folder = log_folder or editor.store.path.parent / "logs"
        self.task = editor.task
        self.setObjectName("main_window")
        self.ctx = PageContext(
            editor=editor,
            flush_all=self.flush_all,
            go_to_step=self.go_to_step,
            report_save_error=self.show_save_error,
            open_link=self.open_link,
        )

        self.step_list = self._make_step_list()
        self.pages = QStackedWidget()
        self.page_list: list[StepPage] = []
        total = len(self.task.method_steps)
        for step in self.task.steps:
            page = StepPage(step, self.ctx, total)
            self.pages.addWidget(page)
            self.page_list.append(page)
            self.step_list.addItem(QListWidgetItem())
        # Its room is kept for its longest line: typing a deadline moves nothing.
        self.progress = SteadyLabel()
        self.progress.setObjectName("progress")
        self.progress.keep_room_for(*possible_progress_lines(self.task))
        self.save_error = MessageLabel(ERROR_STYLE, steady=False)
        self.save_error.setObjectName("save_error")
        self.back_button = _button(
            "back_button", translate("MainWindow", "‹ T&ilbage"), translate("MainWindow", "Tilbage")
        )
        self.next_button = _button(
            "next_button", translate("MainWindow", "&Næste ›"), translate("MainWindow", "Næste")
        )
        self.next_button.setDefault(False)
        self.setCentralWidget(self._lay_out())
        self._build_menus()

        self.step_list.currentRowChanged.connect(self._row_changed)
        self.step_list.chosen.connect(self._focus_page)
        self.back_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(+1))
        editor.subscribe(self._case_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

        self._building_scheduled = False
        self._heading_first = False  # the page being shown opens at its heading
        self.refresh()
        self._fitted = False
        self._restore_geometry()
        keys = [s.key for s in self.task.steps]
        current = editor.case.current_step
        self.go_to_index(keys.index(current) if current in keys else 0)

    def _make_step_list(self) -> StepList:
        step_list = StepList()
        step_list.setObjectName("step_list")
        step_list.setAccessibleName(translate("MainWindow", "Trin"))
        step_list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        step_list.setWordWrap(True)
        step_list.setSpacing(LIST_SPACING)
        step_list.setMinimumWidth(STEP_LIST_MIN_WIDTH)
        step_list.setItemDelegate(SteadyRows(step_list))
        return step_list

    def _lay_out(self) -> QSplitter:
        """The overview (the step list and the progress line) beside the page, with the
        save error and the navigation under the page."""
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(MARGIN // 2, MARGIN // 2, 0, MARGIN // 2)
        overview = Label(translate("MainWindow", "&Trin"))
        overview.setBuddy(self.step_list)
        left_col.addWidget(overview)
        left_col.addWidget(self.step_list, 1)
        left_col.addWidget(self.progress)

        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, MARGIN // 2)
        right_col.addWidget(self.pages, 1)
        right_col.addWidget(self.save_error)  # below the page: it pushes none of its fields
        nav = QHBoxLayout()
        nav.setContentsMargins(MARGIN, 0, MARGIN, 0)
        nav.setSpacing(SPACING)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        right_col.addLayout(nav)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([STEP_LIST_WIDTH, DEFAULT_WINDOW[0] - STEP_LIST_WIDTH])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _action(
        self,
        menu: QMenu,
        text: str,
        name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> None:
        action = QAction(text, self)
        action.setObjectName(name)  # docs/CONTRACT.md: outside tests find actions by name
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&Filer"))
        self._action(
            file_menu,
            translate("MainWindow", "&Udskriv rapport…"),
            "action_print_report",
            self._print_report,
            QKeySequence.StandardKey.Print,
        )
        self._action(
            file_menu,
            translate("MainWindow", "&Gem rapport som PDF…"),
            "action_save_pdf",
            self._save_pdf,
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            translate("MainWindow", "Gendan &sikkerhedskopi…"),
            "action_restore_backup",
            self.restore_backup,
        )
        self._action(
            file_menu,
            translate("MainWindow", "&Eksportér sag…"),
            "action_export_case",
            self.export_case,
        )
        self._action(
            file_menu,
            translate("MainWindow", "&Importér sag…"),
            "action_import_case",
            self.import_case,
        )
        self._action(
            file_menu,
            translate("MainWindow", "S&let sag og persondata…"),
            "action_erase_case",
            self.erase_case,
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            translate("MainWindow", "&Afslut"),
            "action_quit",
            self.close,
            QKeySequence.StandardKey.Quit,
        )
        self._build_language_menu()
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Hjælp"))
        self._action(
            help_menu,
            translate("MainWindow", "&Vejledning"),
            "action_help",
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(
            help_menu, translate("MainWindow", "&Om Rolleudpeger…"), "action_about", self.show_about
        )

    def _build_language_menu(self) -> None:
        """Each language named in itself, so that a user who cannot read the current one
        still finds their own."""
        menu = self.menuBar().addMenu(translate("MainWindow", "S&prog"))
        menu.setObjectName("language_menu")
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == i18n.language())
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
            menu.addAction(action)

    def choose_language(self, language: str) -> None:
        """Remembered for the next start; the open window keeps its language."""
        try:
            self.editor.store.set_setting(i18n.LANGUAGE_SETTING, language)
        except SaveFailed as e:
            self.show_save_error(str(e))
            return
        if language != i18n.language():
            dialogs.show_info(self, i18n.LANGUAGES[language], i18n.RESTART_NOTES[language])

    # --- navigation ----------------------------------------------------------------

    def go_to_index(self, index: int) -> None:
        if not 0 <= index < self.pages.count():
            return
        if self.step_list.currentRow() != index:
            self.step_list.setCurrentRow(index)  # calls back into _row_changed
            return
        self._show_page(index)

    def go_to_step(self, key: str) -> None:
        self.go_to_index([s.key for s in self.task.steps].index(key))

    def _move(self, by: int) -> None:
        """Next or Back: the new page opens at its heading, which is read once (the focus
        goes there before the button is disabled on the last page, or it would pass
        through the step list on its way)."""
        self._heading_first = True
        try:
            self.go_to_index(self.pages.currentIndex() + by)
        finally:
            self._heading_first = False

    def _focus_page(self) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, StepPage):
            page.focus_heading()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Whatever gets the focus on a page is scrolled into view, once the layout has
        settled (not only with Tab, which the scroll area itself follows)."""
        page = self.pages.currentWidget()
        if new is None or not isinstance(page, StepPage) or not page.isAncestorOf(new):
            return

        def show() -> None:
            if isValid(new) and isValid(page) and new.hasFocus():
                page.ensureWidgetVisible(new)

        QTimer.singleShot(0, self, show)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self._show_page(row)

    def _show_page(self, index: int) -> None:
        previous = self.pages.currentWidget()
        if isinstance(previous, StepPage) and previous is not self.page_list[index]:
            previous.flush()
            accessible.forget()  # what the last page's changes did: the new page is read
        if self._heading_first:
            # Before the switch: the stack gives the focus that was on the old page to the
            # new page's last focused widget, or else its first, and a screen reader said
            # each on the way (the Back button, "Se, hvad der mangler", then the heading).
            self.page_list[index].focus_heading()
        self.pages.setCurrentIndex(index)
        if self._heading_first:
            self.page_list[index].focus_heading()
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.pages.count() - 1)
        self.page_list[index].verticalScrollBar().setValue(0)
        try:
            self.editor.set_current_step(self.task.steps[index].key)
        except SaveFailed as e:
            self.show_save_error(str(e))

    # --- building the pages not shown at start -------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Only the saved step's page is built before the window first appears; the
        others follow right after the first paint, one per turn of the event loop, so
        the window stays responsive (a page opened before its turn is built at once)."""
        super().paintEvent(event)
        if not self._building_scheduled:
            self._building_scheduled = True
            QTimer.singleShot(0, self, self._build_next_page)
            self.first_painted.emit()

    def _build_next_page(self) -> None:
        page = next((p for p in self.page_list if not p.built), None)
        if page is not None:
            page.build()
            QTimer.singleShot(0, self, self._build_next_page)
        else:
            self.all_pages_built.emit()

    # --- keeping the screen in step with the case ----------------------------------

    def _case_changed(self, change: Change | None) -> None:
        self.save_error.show_message(None)
        self.refresh()
        if isinstance(change, EndRolePeriod):
            self._focus_new_holder(change)

    def _focus_new_holder(self, change: EndRolePeriod) -> None:
        """Someone new takes over a role (however the change was asked for): the focus goes
        to the first of the role's fields that is empty, for the new person's details."""
        page = self.pages.currentWidget()
        if not isinstance(page, StepPage) or page.step.key != change.step:
            return
        for fdef in page.step.fields:
            if fdef.key in change.cleared and not self.editor.case.value(fdef.key):
                page.focus_field(fdef.key)  # (the first, in the page's order)
                return

    def refresh(self) -> None:
        task, case = self.task, self.editor.case
        for i, step in enumerate(task.steps):
            state = step_state(task, case, step)
            number = "" if step.is_intro else f"{step.index}. "
            said = state.label
            if note := step_note(task, case, step):
                said = f"{said} – {note}"
            item = self.step_list.item(i)
            item.setData(ROOM_ROLE, step_room(task, step, f"{number}{step.title}"))
            item.setText(f"{number}{step.title}\n{said}")
            item.setIcon(state_icon(state))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{number}{step.title}, {said}")
        for page in self.page_list:
            page.refresh()
        line = progress_line(task, case, date.today())  # the computer's own date
        if line != self.progress.full_text():
            if self.progress.full_text() and self.isVisible():
                accessible.announce(self.progress, line)
            self.progress.setText(line)
        municipality = case.municipality(task)
        self.setWindowTitle(f"{APP_NAME} – {municipality.label}" if municipality else APP_NAME)

    def flush_all(self) -> None:
        for page in self.page_list:
            page.flush()

    def show_save_error(self, message: str) -> None:
        self.save_error.show_message(
            translate(
                "MainWindow", "{message} Intet er gået tabt af det, der allerede var gemt."
            ).format(message=message)
        )

    # --- window state --------------------------------------------------------------

    def _restore_geometry(self) -> None:
        self._saved_geometry = saved = self.editor.store.setting(GEOMETRY_SETTING)
        if not (saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))):
            self.resize(*DEFAULT_WINDOW)
        self.fit_to_screen(FRAME_ALLOWANCE)

    def fit_to_screen(self, frame: QSize) -> None:
        """Shrink and move the window so that all of it, with a window frame of `frame`,
        is on the screen it opens on. 1024×700 does not fit a 1920×1080 screen at 150 %
        (1280×720 logical pixels, less the taskbar), nor does a size saved on a larger
        monitor; the bottom buttons would be off-screen."""
        if self.isMaximized() or self.isFullScreen():
            return  # the window system fits those itself
        here = QGuiApplication.screenAt(self.geometry().center()) or self.screen()
        room = here.availableGeometry()
        width = min(self.width(), room.width() - frame.width())
        height = min(self.height(), room.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
        x = min(max(self.x(), room.left()), room.right() + 1 - self.width() - frame.width())
        y = min(max(self.y(), room.top()), room.bottom() + 1 - self.height() - frame.height())
        if (x, y) != (self.x(), self.y()):
            self.move(max(x, room.left()), max(y, room.top()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # now the real frame is known: correct the allowance once
            self._fitted = True
            real = self.frameGeometry().size() - self.geometry().size()
            if real.width() > 0 or real.height() > 0:
                QTimer.singleShot(0, lambda: self.fit_to_screen(real))

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.page_list:
            page.flush_on_close()
        unsaved = [label for page in self.page_list for label in page.unsaved]
        if unsaved and not dialogs.confirm(
            self,
            translate("MainWindow", "Ikke gemt"),
            translate(
                "MainWindow",
                "Disse felter kunne ikke gemmes: {fields}.\n\n"
                "Lukker du nu, går det, du skrev i dem, tabt. Vil du lukke alligevel?",
            ).format(fields=", ".join(unsaved)),
        ):
            event.ignore()
            return
        try:
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            if geometry != self._saved_geometry:  # no write when nothing moved
                self.editor.store.set_setting(GEOMETRY_SETTING, geometry)
        except SaveFailed:
            pass  # losing the window size is not worth keeping the user from closing
        event.accept()

    def tell(self, message: str) -> None:
        """A status line that stays until the next one (no timeout: a screen-reader user,
        or anyone looking away, must not miss it), and is announced."""
        self.statusBar().showMessage(message)
        accessible.announce(self.statusBar(), message)

    def _run(self, operation: Callable[[Interaction], Outcome]) -> Outcome:
        """A data operation from the menu: it asks through dialogs; what it did is told."""
        self.flush_all()
        before = self.editor.case
        outcome = operation(data_safety.DialogInteraction(self))
        data_safety.tell_failure(self, outcome)
        if outcome.window_unusable:
            self.close()
            return outcome
        if self.editor.case is not before:  # another case now: open it where it was left
            step = self.editor.case.current_step
            keys = [s.key for s in self.task.steps]
            self.go_to_step(step if step in keys else self.task.intro.key)
        if outcome.done:
            self.tell(outcome.message)
        return outcome

    def restore_backup(self) -> None:
        self._run(partial(operations.restore, self.editor))

    def export_case(self) -> None:
        self._run(partial(operations.export_case, self.editor))

    def import_case(self) -> None:
        self._run(partial(operations.import_case, self.editor))

    def erase_case(self) -> None:
        if self._run(
            partial(operations.erase, self.editor, log_files=logs.log_files(self.log_folder))
        ).done:
            logs.log.info("Sagen er slettet")

    def _print_report(self) -> None:
        self.flush_all()
        report_actions.print_report(self, self.editor)

    def _save_pdf(self) -> None:
        self.flush_all()
        outcome = report_actions.save_pdf(self, self.editor)
        if outcome.status is Status.FAILED:
            self.show_save_error(outcome.message)
        elif outcome.done:
            self.tell(outcome.message)

    def open_link(self, url: str) -> None:
        """In the browser; when none opens, the address is copied and the user told so."""
        if QDesktopServices.openUrl(QUrl(url)):
            return
        QGuiApplication.clipboard().setText(url)
        self.tell(
            translate(
                "MainWindow",
                "Browseren kunne ikke åbnes. Adressen {url} er kopieret – sæt den ind i en "
                "browser.",
            ).format(url=url)
        )

    def show_help(self) -> None:
        from rolleudpeger.ui.help import HelpDialog  # noqa: PLC0415 - late: startup.py

        HelpDialog.show_for(self, self.editor.store.path.parent, self.log_folder, self.task.mail.to)

    def show_about(self) -> None:
        from rolleudpeger.ui.about import AboutDialog  # noqa: PLC0415 - late: startup.py

        AboutDialog.show_for(self, self.task.title, self.editor.store.path.parent)

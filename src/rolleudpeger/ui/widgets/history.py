"""The living record on the pages: a new project leader or owner (`role_change`), the
former ones (`role_history`), every mail marked sent (`mail_history`), and the KLIK
deadline saved to the calendar (`deadline_calendar`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger import operations
from rolleudpeger.domain.case import SentMail, current_term, stated_day
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import FieldDef
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.domain.validation import read_date
from rolleudpeger.i18n import QT_TRANSLATE_NOOP, translate
from rolleudpeger.operations import Status
from rolleudpeger.ui import accessible, dialogs
from rolleudpeger.ui.data_safety import DialogInteraction
from rolleudpeger.ui.plain import Label, literal
from rolleudpeger.ui.style import HINT_STYLE, HISTORY_TABLE_HEIGHT
from rolleudpeger.ui.widgets.fields import FieldBinding, PageContext
from rolleudpeger.ui.widgets.role_change import RoleChangeDialog
from rolleudpeger.ui.widgets.steady import A_LONG_PATH, Column, SteadyLabel


def _role_of(fdef: FieldDef) -> Role:
    """`leader.change` → Role.LEADER."""
    role = Role.from_key(fdef.purpose.partition(".")[0])
    assert role is not None, fdef.purpose  # the task loader checks purposes
    return role


def _table(name: str, label: str, headers: list[str], *, share: bool) -> QTableWidget:
    """`share`: the columns share the width and their text wraps (no sideways scrolling
    at 800 px); else the columns fit their text and the last takes what is left."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(label)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.setWordWrap(True)
    table.setMinimumHeight(HISTORY_TABLE_HEIGHT)
    header = table.horizontalHeader()
    if share:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def show_empty(table: QTableWidget, empty: Label, nothing: str, has_rows: bool) -> None:
    """An empty table is no Tab stop; the line under it says it is empty (and is read)."""
    empty.setText("" if has_rows else nothing)
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_rows else Qt.FocusPolicy.NoFocus)
    table.setAccessibleDescription("" if has_rows else nothing)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeRowsToContents()


class RoleChangeBinding(FieldBinding):
    """`change_leader` / `change_owner`: after one question, the current person's period
    ends and goes into the history; the role's fields are emptied for the new person."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.role = _role_of(fdef)
        self.widget = QPushButton(fdef.label)
        self.widget.setObjectName(fdef.key)
        self.widget.setAccessibleName(fdef.label)
        self.widget.clicked.connect(self._clicked)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow("", self.widget)
        form.addRow("", self.error)

    def refresh(self) -> None:
        """Usable once someone holds the role; the line under it says who does."""
        task, case = self.editor.task, self.editor.case
        name = case.person(task, self.role).name
        self.widget.setEnabled(bool(name))
        start = read_date(current_term(task, case, self.role).started_on)
        if not name:
            hint = translate("History", "Kan bruges, når der er en {role}.").format(
                role=self.role.label
            )
        elif start is not None and start > date.today():  # the computer's date, as elsewhere
            hint = translate("History", "{role} fra {day}: {name}").format(
                role=self.role.label.capitalize(), day=start.strftime("%d.%m.%Y"), name=name
            )
        else:
            hint = translate("History", "Nuværende {role}: {name}").format(
                role=self.role.label, name=name
            )
        self.error.set_hint(hint)

    def _clicked(self) -> None:
        self.ctx.flush_all()
        task, case = self.editor.task, self.editor.case
        person = case.person(task, self.role)
        if not person.name:
            self.refresh()  # no one to replace (anymore): the button is not for now
            return
        dialog = RoleChangeDialog(self.widget, self.editor, self.role, self.fdef.label.rstrip("…"))
        if dialogs.run(dialog):
            self.error.show_message(None)
            accessible.announce(
                self.widget,
                translate("History", "{name} er gemt som tidligere {role}.").format(
                    name=person.name, role=self.role.label
                ),
            )


class _HistoryTable(FieldBinding):
    """A read-only table of what happened, its title above (it takes the page's width),
    and a line saying when there is nothing yet."""

    headers: tuple[str, ...] = ()
    share = True  # see _table
    nothing_yet = ""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.table = _table(
            fdef.key, fdef.label, [translate("History", h) for h in self.headers], share=self.share
        )
        self.empty = SteadyLabel()  # "Ingen endnu.", in room that stays when rows come
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.keep_room_for(translate("History", self.nothing_yet))

    def add_to(self, form: QFormLayout) -> None:
        box = Column()  # spans the form (see Column)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        title = Label(self.fdef.label)
        title.setBuddy(self.table)
        col.addWidget(title)
        col.addWidget(self.table)
        col.addWidget(self.empty)
        form.addRow(box)  # the whole width: a table needs it more than a label does

    def rows(self) -> list[list[str]]:
        raise NotImplementedError

    def refresh(self) -> None:
        rows = self.rows()
        _fill(self.table, rows)
        show_empty(self.table, self.empty, translate("History", self.nothing_yet), bool(rows))


class RoleHistoryBinding(_HistoryTable):
    """`role_history`: one row per former leader or owner, with the period."""

    headers = (
        QT_TRANSLATE_NOOP("History", "Rolle"),
        QT_TRANSLATE_NOOP("History", "Navn"),
        QT_TRANSLATE_NOOP("History", "Stilling"),
        QT_TRANSLATE_NOOP("History", "Periode"),
    )
    nothing_yet = QT_TRANSLATE_NOOP("History", "Ingen endnu.")

    def rows(self) -> list[list[str]]:
        return [
            [p.role.label.capitalize(), p.person.name, p.person.title, p.span]
            for p in self.editor.case.role_history
        ]


class MailHistoryBinding(_HistoryTable):
    """`mail_history`: one row per mail marked sent — when, whether it is the current one,
    replaced or taken back, and its subject (the exact text as a tooltip and in the
    report)."""

    headers = (
        QT_TRANSLATE_NOOP("History", "Sendt"),
        QT_TRANSLATE_NOOP("History", "Status"),
        QT_TRANSLATE_NOOP("History", "Emne"),
    )
    share = False
    nothing_yet = QT_TRANSLATE_NOOP("History", "Ingen mail er markeret som sendt endnu.")

    def rows(self) -> list[list[str]]:
        case = self.editor.case
        current = case.last_sent_mail
        rows = []
        for m in case.mails:
            if m.withdrawn_at is not None:
                status = translate("History", "fortrudt {time}").format(
                    time=format_time(m.withdrawn_at)
                )
            elif current is not None and m.id == current.id:
                status = translate("History", "gældende")
            elif case.replaced_by_later(m):
                status = translate("History", "afløst")
            else:  # about a leader since replaced; the new one not yet reported
                status = translate("History", "om tidligere projektleder")
            # The day it was sent, as stated (the row's mail view has when it was marked).
            rows.append([stated_day(m.sent_on), status, m.mail.subject])
        return rows

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.empty.keep_room_for(translate("History", self.nothing_yet), self._how_to_open())
        self.table.activated.connect(self._open)  # Enter, or a double click

    @staticmethod
    def _how_to_open() -> str:
        return translate(
            "History",
            "Tryk Enter eller dobbeltklik på en mail for at læse den, som den blev sendt.",
        )

    def refresh(self) -> None:
        super().refresh()
        for r, m in enumerate(self.editor.case.mails):
            item = self.table.item(r, 2)
            if item is not None:
                item.setToolTip(literal(m.mail.body))
        if self.editor.case.mails:
            self.empty.setText(self._how_to_open())

    def _open(self, index: QModelIndex) -> None:
        mails = self.editor.case.mails
        if 0 <= index.row() < len(mails):
            dialogs.run(MailView(self.table, mails[index.row()]))


class MailView(QDialog):
    """`mail_view`: one mail marked sent, read-only, as it was sent (the text saved when
    it was marked), with the day it was sent and when it was marked."""

    def __init__(self, parent: QWidget, sent: SentMail) -> None:
        super().__init__(parent)
        self.setObjectName("mail_view")
        self.setWindowTitle(translate("History", "Mail sendt til KOMBIT"))
        self.setModal(True)
        said = translate("History", "Sendt {day} · markeret som sendt {time}").format(
            day=stated_day(sent.sent_on), time=format_time(sent.sent_at)
        )
        if sent.withdrawn_at is not None:  # as its row in the list says
            said += " · " + translate("History", "fortrudt {time}").format(
                time=format_time(sent.withdrawn_at)
            )
        when = Label(said)
        when.setWordWrap(True)
        text = QPlainTextEdit(sent.mail.as_text)
        text.setObjectName("mail_view_text")
        text.setAccessibleName(translate("History", "Mailens tekst"))
        text.setReadOnly(True)
        text.setTabChangesFocus(True)
        text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addWidget(when)
        col.addWidget(text, 1)
        col.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)
        text.setFocus()


class DeadlineCalendarBinding(FieldBinding):
    """`deadline_calendar`: saves the KLIK deadline as an .ics file to import into
    Outlook (an all-day event with a reminder)."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.widget = QPushButton(fdef.label)
        self.widget.setObjectName(fdef.key)
        self.widget.setAccessibleName(fdef.label)
        self.widget.clicked.connect(self._clicked)
        self.error.keep_room(
            (translate("History", "Skriv først fristen, som KLIK viser den (dd.mm.åååå)."),),
            (self._saved_as(A_LONG_PATH),),
        )

    def add_to(self, form: QFormLayout) -> None:
        form.addRow("", self.widget)
        form.addRow("", self.error)  # what was saved, or why not

    @staticmethod
    def _saved_as(path: object) -> str:
        return translate(
            "History", "Gemt som {file}. Åbn filen for at lægge fristen i din kalender."
        ).format(file=path)

    def _clicked(self) -> None:
        self.ctx.flush_all()
        outcome = operations.save_deadline_calendar(
            self.editor, DialogInteraction(self.widget), self.fdef.label.rstrip("…")
        )
        if outcome.status in (Status.FAILED, Status.NOTHING):
            self.error.show_message(outcome.message)
        elif outcome.done:
            self.error.show_message(None)
            self.error.set_hint(outcome.message)  # what was saved, where: in the same line
            accessible.announce(self.widget, outcome.message)

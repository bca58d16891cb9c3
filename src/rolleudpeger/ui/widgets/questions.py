"""The questions put in KLIK (a `questions` field): what was asked, and the answers."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger.domain import validation
from rolleudpeger.domain.taskdef import FieldDef
from rolleudpeger.domain.text import visible
from rolleudpeger.domain.timefmt import format_time, format_time_stacked
from rolleudpeger.i18n import QT_TRANSLATE_NOOP, translate
from rolleudpeger.ui import accessible, dialogs
from rolleudpeger.ui.plain import Label, heading, literal
from rolleudpeger.ui.style import HINT_STYLE, QUESTION_HEIGHT, QUESTIONS_TABLE_HEIGHT
from rolleudpeger.ui.widgets.fields import FieldBinding, PageContext, hint_label
from rolleudpeger.ui.widgets.history import show_empty
from rolleudpeger.ui.widgets.steady import Column, SteadyLabel

COLUMNS = (
    QT_TRANSLATE_NOOP("Questions", "Spørgsmål"),
    QT_TRANSLATE_NOOP("Questions", "Stillet"),
    QT_TRANSLATE_NOOP("Questions", "Svar fra KOMBIT"),
    QT_TRANSLATE_NOOP("Questions", "Besvaret den"),
)
ANSWER_COLUMN = 2
DAY_COLUMN = 3  # the day KOMBIT answered, as the user states it (today when answered)


class _AnswerDelegate(QStyledItemDelegate):
    """The answer's editor is named, and says which question it answers."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(translate("Questions", COLUMNS[index.column()]))
        question = index.model().index(index.row(), 0).data() or ""
        editor.setAccessibleDescription(
            translate("Questions", "Svar på: {question}").format(question=question)
        )
        return editor


class QuestionsBinding(FieldBinding):
    """`question_text` + `add_question` add a question; answers are typed in the table."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.box = Column()  # spans the form (see Column)
        self.text = QPlainTextEdit()
        self.text.setObjectName("question_text")
        self.text.setAccessibleName(translate("Questions", "Nyt spørgsmål"))
        self.text.setPlaceholderText(
            translate("Questions", "Skriv spørgsmålet, som du stiller i KLIK")
        )
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(QUESTION_HEIGHT)
        self.error.attach(self.text)
        self.error.keep_room(
            (
                *validation.notes_messages(),
                translate("Case", "Skriv spørgsmålet først."),
                self._choose_first(),
            )
        )
        self.add = QPushButton(translate("Questions", "Tilføj &spørgsmål"))
        self.add.setObjectName("add_question")
        self.add.setAccessibleName(translate("Questions", "Tilføj spørgsmål"))
        self.add.clicked.connect(self._add)
        self.table = self._make_table(fdef.label)
        self.table.itemChanged.connect(self._edited)
        self.empty = SteadyLabel()  # in room that stays when questions come
        self.empty.setStyleSheet(HINT_STYLE)
        self.empty.keep_room_for(self._none_yet())
        self.delete = QPushButton(translate("Questions", "Sl&et valgt spørgsmål"))
        self.delete.setObjectName("delete_question")
        self.delete.setAccessibleName(translate("Questions", "Slet valgt spørgsmål"))
        self.delete.clicked.connect(self._delete)

        self._lay_out(fdef.label)

    @staticmethod
    def _make_table(label: str) -> QTableWidget:
        """`questions`: a row per question, its answer and the day KOMBIT answered editable."""
        table = QTableWidget(0, len(COLUMNS))
        # Tab leaves the table (arrow keys move between cells); it would otherwise trap Tab.
        table.setTabKeyNavigation(False)
        table.setObjectName("questions")
        table.setAccessibleName(label)
        for column, name in enumerate(COLUMNS):
            header_item = QTableWidgetItem(translate("Questions", name))
            header_item.setToolTip(literal(header_item.text()))  # in full, if text is cut
            table.setHorizontalHeaderItem(column, header_item)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setWordWrap(True)
        table.setMinimumHeight(QUESTIONS_TABLE_HEIGHT)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        table.setItemDelegateForColumn(ANSWER_COLUMN, _AnswerDelegate(table))
        table.setItemDelegateForColumn(DAY_COLUMN, _AnswerDelegate(table))
        return table

    def _lay_out(self, label: str) -> None:
        col = QVBoxLayout(self.box)
        col.setContentsMargins(0, 0, 0, 0)
        title = heading(label)
        col.addWidget(title)
        ask_label = Label(translate("Questions", "Nyt spørgsmål:"))
        ask_label.setBuddy(self.text)
        col.addWidget(ask_label)
        col.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.add)
        row.addStretch(1)
        col.addLayout(row)
        col.addWidget(self.error)
        col.addWidget(self.table)
        col.addWidget(self.empty)
        col.addWidget(
            hint_label(
                translate(
                    "Questions",
                    "Skriv KOMBITs svar i kolonnen »Svar fra KOMBIT« (dobbeltklik eller F2). "
                    "Dagen, KOMBIT svarede, står under »Besvaret den«; ret den, hvis det "
                    "ikke var i dag.",
                )
            )
        )
        row2 = QHBoxLayout()
        row2.addWidget(self.delete)
        row2.addStretch(1)
        col.addLayout(row2)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.box)

    @staticmethod
    def _none_yet() -> str:
        return translate("Questions", "Ingen spørgsmål endnu.")

    @staticmethod
    def _choose_first() -> str:
        return translate("Questions", "Vælg først det spørgsmål, du vil slette.")

    def focus_target(self) -> QWidget:
        return self.text

    def _add(self) -> None:
        if self._save(lambda: self.editor.add_question(self.text.toPlainText())):
            self.text.clear()
            self.error.show_message(None)
            accessible.announce(
                self.add,
                translate("Questions", "Spørgsmålet er tilføjet. Der er {n} spørgsmål.").format(
                    n=len(self.editor.case.questions)
                ),
            )

    def _edited(self, item: QTableWidgetItem) -> None:
        question_id = item.data(Qt.ItemDataRole.UserRole)
        if item.column() == DAY_COLUMN:
            if self._save(lambda: self.editor.set_answer_date(question_id, item.text())):
                self.error.show_message(None)
            self.refresh()
            return
        if item.column() != ANSWER_COLUMN:
            return
        if self._save(lambda: self.editor.answer_question(question_id, item.text())):
            self.error.show_message(None)
            accessible.announce(
                self.table,
                translate("Questions", "Svaret er gemt.")
                if item.text().strip()
                else translate("Questions", "Svaret er fjernet."),
            )
        else:
            self.refresh()

    def _delete(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.error.show_message(self._choose_first())
            return
        item = self.table.item(row, ANSWER_COLUMN)
        question_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        question = next((q for q in self.editor.case.questions if q.id == question_id), None)
        if question is None:
            return
        if dialogs.confirm(
            self.box,
            translate("Questions", "Slet spørgsmål"),
            translate("Questions", "Slet spørgsmålet »{question}«?").format(
                question=question.text[:80]
            ),
        ):
            self._save(lambda: self.editor.delete_question(question.id))

    def refresh(self) -> None:
        # Cells are updated in place: this runs inside itemChanged, and replacing the
        # item being edited there would delete it under Qt's feet.
        questions = self.editor.case.questions
        self.table.blockSignals(True)
        if self.table.rowCount() != len(questions):
            self.table.setRowCount(len(questions))
        for r, q in enumerate(questions):
            day = validation.read_date(q.answered_on)
            cells = (  # pasted bidi or zero-width characters written out (visible)
                visible(q.text),
                format_time_stacked(q.asked_at),
                visible(q.answer),
                day.strftime("%d.%m.%Y") if day else "",
            )
            for c, value in enumerate(cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if c == ANSWER_COLUMN:
                        flags |= Qt.ItemFlag.ItemIsEditable
                        item.setToolTip(
                            literal(
                                translate("Questions", "Dobbeltklik for at skrive KOMBITs svar")
                            )
                        )
                    item.setFlags(flags)
                    self.table.setItem(r, c, item)
                if c == DAY_COLUMN:
                    self._day_cell(item, q.answer, q.answered_at)
                if item.text() != value:
                    item.setText(value)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                # Read with its column's name; an empty cell says what is not there yet.
                said = value or (
                    translate("Questions", "ikke besvaret") if c >= ANSWER_COLUMN else "–"
                )
                column = translate("Questions", COLUMNS[c])
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{column}: {said}")
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.delete.setEnabled(bool(questions))
        show_empty(self.table, self.empty, self._none_yet(), bool(questions))

    @staticmethod
    def _day_cell(item: QTableWidgetItem, answer: str, answered_at: datetime | None) -> None:
        """The day is stated once there is an answer; when it was written in stays as
        the registration time (the tooltip, the log)."""
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if answer:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        registered = (
            translate("Questions", "Svaret er skrevet ind {time}").format(
                time=format_time(answered_at)
            )
            if answer and answered_at is not None
            else ""
        )
        item.setToolTip(literal(registered) if registered else "")

    def flush_on_close(self) -> None:
        # A question typed but not added is not lost when the window closes.
        if self.text.toPlainText().strip():
            self._add()

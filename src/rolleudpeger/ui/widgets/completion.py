"""The last page's fields: what is still missing (each item opens its step), the review
of everything recorded, and the report."""

from __future__ import annotations

import re
from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QPushButton, QTextEdit, QVBoxLayout, QWidget

from rolleudpeger.domain.case import Case, step_missing, unanswered
from rolleudpeger.domain.report import mail_section, question_lines, step_lines
from rolleudpeger.domain.taskdef import FieldDef, FieldKind, KlikStatus, TaskDef
from rolleudpeger.domain.text import visible
from rolleudpeger.i18n import translate
from rolleudpeger.operations import Status
from rolleudpeger.ui import accessible, report_actions
from rolleudpeger.ui.accessible import Link
from rolleudpeger.ui.plain import heading
from rolleudpeger.ui.style import LIST_INDENT, LIST_SPACING, REVIEW_HEIGHT, WARNING_STYLE
from rolleudpeger.ui.widgets.fields import FieldBinding, MessageLabel, PageContext
from rolleudpeger.ui.widgets.flow import flow_row
from rolleudpeger.ui.widgets.steady import A_LONG_PATH, Column, SteadyLabel

_LONG_RUN = re.compile(r"\S{30,}")


def wrap_html(text: str) -> str:
    """Escape user text for rich text, letting very long words (URLs) break: Qt wraps
    only at spaces, and an unbroken run would make the page wider than its view.
    Invisible formatting characters the user pasted are written out first (visible)."""
    broken = _LONG_RUN.sub(
        lambda m: "\u200b".join(m.group(0)[i : i + 20] for i in range(0, len(m.group(0)), 20)),
        visible(text),
    )
    return escape(broken).replace("\n", "<br>")


class MissingBinding(FieldBinding):
    """Every missing item of the other steps as a link of its own (Tab reaches each, Enter opens
    that step, a screen reader reads each as a link), and a note on open questions."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.box = Column()  # spans the form: its links' wrapped lines need room
        self.box.setObjectName("missing")
        self.box.setAccessibleName(fdef.label)  # a named group of links
        self.column = QVBoxLayout(self.box)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(LIST_SPACING)
        self.heading = SteadyLabel()  # its words change when the task is completed here
        self.heading.setObjectName("missing_heading")
        self.heading.keep_room_for(
            self._all_done(done=True), self._all_done(done=False), self._count(88)
        )
        self.column.addWidget(self.heading)
        self.items = QWidget()
        self.item_rows = QVBoxLayout(self.items)
        self.item_rows.setContentsMargins(LIST_INDENT, 0, 0, 0)
        self.item_rows.setSpacing(0)
        self.column.addWidget(self.items)
        self.questions = MessageLabel(WARNING_STYLE, sign="", steady=False)
        self.questions.setObjectName("open_questions")
        self.column.addWidget(self.questions)
        self.to_questions = Link(
            "", self._to_questions, translate("Completion", "Går til spørgsmålene til KOMBIT")
        )
        self.to_questions.setObjectName("open_questions_link")
        self.column.addWidget(self.to_questions, alignment=Qt.AlignmentFlag.AlignLeft)
        self._shown: list[tuple[str, str]] = []
        self._links: list[Link] = []

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.box)

    @staticmethod
    def _all_done(*, done: bool) -> str:
        return "✔ " + (
            translate("Completion", "Opgaven er fuldført.")
            if done
            else translate(
                "Completion",
                "De andre trin er færdige. Sæt status til »Fuldført« i KLIK, og markér "
                "det herunder.",
            )
        )

    def _count(self, n: int) -> str:
        return f"{self.fdef.label} ({n}) – " + translate(
            "Completion", "følg et link for at gå til trinnet:"
        )

    def _to_questions(self) -> None:
        step = self.editor.task.step_of_kind(FieldKind.QUESTIONS)
        if step is not None:
            self.ctx.go_to_step(step.key)

    def refresh(self) -> None:
        task, case = self.editor.task, self.editor.case
        holder = task.step_of_field(self.fdef.key).key
        items = [
            (s.key, f"{s.heading}: {m}")
            for s in task.method_steps
            if s.key != holder
            for m in step_missing(task, case, s)
        ]
        if not items:
            self.heading.setText(self._all_done(done=case.klik_status is KlikStatus.COMPLETED))
        else:
            self.heading.setText(self._count(len(items)))
        if items != self._shown:  # rebuilt only when they change: focus stays put
            self._shown = items
            for old in self._links:
                self.item_rows.removeWidget(old)
                old.hide()  # gone now; deleted when the event loop next runs
                old.deleteLater()
            self._links = []
            for key, text in items:
                step = task.step(key)
                where = translate("Completion", "Går til trin {number}").format(number=step.index)
                link = Link(text, partial(self.ctx.go_to_step, key), where)
                self.item_rows.addWidget(link, alignment=Qt.AlignmentFlag.AlignLeft)
                self._links.append(link)
            self.items.setVisible(bool(items))
        self._refresh_questions()

    def _refresh_questions(self) -> None:
        """Completing is allowed with a question to KOMBIT unanswered, but it is said."""
        open_questions = unanswered(self.editor.case)
        step = self.editor.task.step_of_kind(FieldKind.QUESTIONS)
        self.questions.show_message(
            translate(
                "Completion",
                "⚠ Bemærk: {n} spørgsmål til KOMBIT er ikke besvaret. Du kan godt afslutte "
                "opgaven, men rapporten viser det.",
            ).format(n=len(open_questions))
            if open_questions
            else None
        )
        if step is not None:
            self.to_questions.setText(
                translate("Completion", "Gå til {step}").format(step=step.heading)
            )
        self.to_questions.setVisible(bool(open_questions) and step is not None)


class ReviewBinding(FieldBinding):
    """Everything recorded, step by step: a read-only document (`review`) reached with Tab,
    a heading per part and a line per thing recorded, read line by line; it scrolls inside
    its own height, so that it never moves what is below it (user text is escaped)."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        # A read-only QTextEdit, not a QTextBrowser: read through AT-SPI, a browser is a
        # label (its whole text at once); this is a text whose caret moves line by line.
        self.widget = QTextEdit()
        self.widget.setObjectName("review")
        self.widget.setAccessibleName(fdef.label)
        self.widget.setReadOnly(True)
        self.widget.setTabChangesFocus(True)  # Tab goes on; the arrows move the caret
        self.widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.widget.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.widget.setFixedHeight(REVIEW_HEIGHT)
        self._html = ""

    def add_to(self, form: QFormLayout) -> None:
        title = heading(self.fdef.label)
        title.setBuddy(self.widget)
        form.addRow(title)
        form.addRow(self.widget)

    def refresh(self) -> None:
        html = review_html(self.editor.task, self.editor.case)
        if html != self._html:  # set again only when it changed: the caret stays put
            self._html = html
            self.widget.setHtml(html)


def review_html(task: TaskDef, case: Case) -> str:
    """Everything recorded, step by step: the report's own lines (report.step_lines), a
    heading per step and a paragraph per line."""
    parts = []
    for line in step_lines(task, case):
        parts.append(f"<h3>{escape(line.heading)} – {escape(line.state)}</h3>")
        for label, text in line.recorded:
            parts.append(f"<p>{escape(label)}: {wrap_html(text) or '–'}</p>")
        if line.key in case.waiting:
            note = wrap_html(line.note) or "–"
            waiting = translate("Completion", "Afventer")
            parts.append(f"<p>{waiting}: {note}</p>")
        if line.holds_questions:
            for q in question_lines(case):
                unanswered = translate("Completion", "ikke besvaret")
                answer = wrap_html(q.answer) if q.answer else f"<i>{unanswered}</i>"
                parts.append(
                    "<p>"
                    + translate(
                        "Completion", "Spørgsmål ({time}): {question}<br>Svar: {answer}"
                    ).format(time=q.asked_at, question=wrap_html(q.text), answer=answer)
                    + "</p>"
                )
        if line.holds_mail and (mail := mail_section(task, case)) is not None:
            parts.append(
                "<p>"
                + translate(
                    "Completion", "Sendt {day} (markeret som sendt {time}) til {address}:"
                ).format(day=mail.sent_on, time=mail.sent_at, address=escape(mail.to))
                + f"</p><p>{wrap_html(mail.body)}</p>"
            )
    return "".join(parts)


class ReportBinding(FieldBinding):
    """`print_report` opens the print preview; `save_pdf` writes PDF/A for the archive."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.box = Column()  # spans the form (see Column)
        self.print_button = QPushButton(translate("Completion", "&Udskriv rapport…"))
        self.print_button.setObjectName("print_report")
        self.print_button.setAccessibleName(translate("Completion", "Udskriv rapport"))
        self.save_button = QPushButton(translate("Completion", "&Gem rapport som PDF…"))
        self.save_button.setObjectName("save_pdf")
        self.save_button.setAccessibleName(translate("Completion", "Gem rapport som PDF"))
        self.result = SteadyLabel(lines=2)  # keeps its room: the review below does not move
        self.result.setObjectName("report_result")
        self.result.keep_room_for(
            translate("ReportActions", "Rapporten er gemt som {file} ({pages} sider).").format(
                file=A_LONG_PATH, pages=88
            )
        )
        col = QVBoxLayout(self.box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(heading(fdef.label))
        col.addWidget(flow_row(self.print_button, self.save_button))
        col.addWidget(self.result)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save_pdf)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.box)

    def _print(self) -> None:
        self.ctx.flush_all()
        report_actions.print_report(self.box, self.editor)

    def _save_pdf(self) -> None:
        self.ctx.flush_all()
        outcome = report_actions.save_pdf(self.box, self.editor)
        failed = outcome.status is Status.FAILED
        text = ("⚠ " if failed and outcome.message else "") + outcome.message
        self.result.setText(text)
        accessible.announce(self.result, outcome.message, assertive=failed)

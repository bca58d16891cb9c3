"""One page per step, built from its definition: heading, state, guidance, links, fields."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger.domain.case import StepState, same_person_warning, step_missing, step_state
from rolleudpeger.domain.people import Detail, Role, purpose
from rolleudpeger.domain.taskdef import StepDef
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.domain.validation import ValidationError
from rolleudpeger.i18n import translate
from rolleudpeger.store.repository import StoreError
from rolleudpeger.ui.accessible import Link, announce
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import MARGIN, SECTION_SPACING, SPACING, STATE_SYMBOL
from rolleudpeger.ui.widgets.fields import (
    FieldBinding,
    MessageLabel,
    PageContext,
    TypingPause,
)
from rolleudpeger.ui.widgets.kinds import binding_class


def _wrapping_label(text: str, rich: bool = False) -> Label:
    label = Label(text, rich=rich)
    label.setWordWrap(True)
    return label


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
    form.setHorizontalSpacing(SPACING)
    form.setVerticalSpacing(6)
    return form


class WaitingBox(QWidget):
    """Put the step on hold with a note, e.g. waiting for KOMBIT to grant PLUS."""

    def __init__(self, step: StepDef, ctx: PageContext) -> None:
        super().__init__()
        self.step, self.ctx = step, ctx
        self.check = QCheckBox(translate("StepPage", "Afventer – trinnet venter på andre"))
        self.check.setObjectName("waiting")
        self.check.setAccessibleName(translate("StepPage", "Afventer"))
        self.note = QLineEdit()
        self.note.setObjectName("waiting_note")
        self.note.setAccessibleName(translate("StepPage", "Hvad venter trinnet på"))
        self.note.setPlaceholderText(
            translate("StepPage", "Hvad venter du på? Fx: svar fra kommunens KOMBIT-programleder")
        )
        self.error = MessageLabel()
        self.error.attach(self.note)
        self.pause = TypingPause(self, self.flush)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.check)
        col.addWidget(self.note)
        col.addWidget(self.error)
        self.check.toggled.connect(self._save)
        self.note.textEdited.connect(self._typed)
        self.note.editingFinished.connect(self.flush)

    def _typed(self) -> None:
        self.pause.typed()

    def _save(self) -> None:
        self.pause.stop()
        try:
            self.ctx.editor.set_waiting(self.step.key, self.check.isChecked(), self.note.text())
        except (ValidationError, StoreError) as e:
            self.error.show_message(str(e))
            return
        self.pause.pending = False
        self.error.show_message(None)
        self.refresh()

    def flush(self) -> None:
        if self.pause.stop() and self.check.isChecked():
            self._save()

    def refresh(self) -> None:
        waiting = self.ctx.editor.case.waiting.get(self.step.key)
        self.check.blockSignals(True)
        self.check.setChecked(waiting is not None)
        self.check.blockSignals(False)
        self.note.setEnabled(waiting is not None)
        if waiting is not None:
            self.check.setText(
                translate("StepPage", "Afventer – siden {time}").format(
                    time=format_time(waiting.since)
                )
            )
            self.check.setAccessibleName(self.check.text())  # "siden …" is read out too
            if not self.pause.pending and not self.note.hasFocus():
                self.note.setText(waiting.note)
        else:
            self.check.setText(translate("StepPage", "Afventer – trinnet venter på andre"))
            self.check.setAccessibleName(translate("StepPage", "Afventer"))
            if not self.pause.pending:
                self.note.setText("")


class StepPage(QScrollArea):
    """The page of one step; objectName `page_<key>` (docs/CONTRACT.md)."""

    def __init__(self, step: StepDef, ctx: PageContext, total_steps: int) -> None:
        super().__init__()
        self.step, self.ctx = step, ctx
        self.setObjectName(f"page_{step.key}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps; a sideways scroll bar would hide the end of every line.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heading = (
            step.title
            if step.is_intro
            else translate("StepPage", "Trin {number} af {total}: {title}").format(
                number=step.index, total=total_steps, title=step.title
            )
        )
        self.setAccessibleName(self.heading)  # the page itself can take focus (it scrolls)
        # The fields come with build(): when the page is first shown, or soon after the
        # window's first paint (see MainWindow), so that start-up builds only what it shows.
        self.built = False
        self.bindings: list[FieldBinding] = []
        self.waiting: WaitingBox | None = None
        self.same_person: MessageLabel | None = None
        self.content = QWidget(self)  # a child from the start, so never a stray window
        self.content.hide()

    def build(self) -> None:
        """Make the page's widgets, once; then it shows what the case holds."""
        if self.built:
            return
        self.built = True
        step, ctx, heading = self.step, self.ctx, self.heading
        col = QVBoxLayout(self.content)
        col.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        col.setSpacing(SPACING)
        title = _wrapping_label(f"<h2 style='margin:0'>{escape(heading)}</h2>", rich=True)
        col.addWidget(title)
        self.state = _wrapping_label("", rich=True)
        self.state.setObjectName("step_state")
        col.addWidget(self.state)
        for paragraph in step.guidance.split("\n\n"):
            col.addWidget(_wrapping_label(paragraph.strip()))
        if step.links:
            # One link per widget: Tab reaches each, a screen reader reads each as a link.
            links = QWidget()
            links.setObjectName("links")
            rows = QVBoxLayout(links)
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setSpacing(0)
            for link in step.links:
                rows.addWidget(
                    Link(
                        link.label,
                        partial(QDesktopServices.openUrl, QUrl(link.url)),
                        translate("StepPage", "Åbner {url} i browseren").format(url=link.url),
                    ),
                    alignment=Qt.AlignmentFlag.AlignLeft,
                )
            col.addWidget(links)
        col.addSpacing(SECTION_SPACING // 2)

        form: QFormLayout | None = None
        group_name: str | None = None
        for fdef in step.fields:
            if fdef.group != group_name or form is None:
                group_name = fdef.group
                form = _form()
                if fdef.group:
                    box = QGroupBox(fdef.group)
                    box.setLayout(form)
                    col.addWidget(box)
                else:
                    col.addLayout(form)
            binding = binding_class(fdef.kind)(fdef, ctx)
            binding.add_to(form)
            widget = getattr(binding, "widget", None)
            if isinstance(widget, QWidget):  # its messages become its description too
                binding.error.attach(widget, fdef.group)
            self.bindings.append(binding)

        if step.is_intro:
            col.addSpacing(SECTION_SPACING // 2)
            col.addWidget(self._task_facts())
        if any(f.purpose == purpose(Role.OWNER, Detail.FIRST_NAME) for f in step.fields):
            self.same_person = MessageLabel()  # where the owner is named, next to the leader
            col.addWidget(self.same_person)
        if not step.is_intro:
            col.addSpacing(SECTION_SPACING // 2)
            self.waiting = WaitingBox(step, ctx)
            col.addWidget(self.waiting)
        col.addStretch(1)
        # Set when full: the scroll area sizes it then (an empty widget set earlier keeps
        # the empty size and squeezes the fields).
        self.setWidget(self.content)
        self.content.show()
        self._into_tab_order()
        self.refresh()

    def _into_tab_order(self) -> None:
        """Widgets made after the window are put at the end of its Tab order, after Back
        and Next; move this page's into their place, right after the page itself, in the
        order they were added to the page (the order Qt's focus chain has them in).

        Not by walking the focus chain with previous/nextInFocusChain(): PySide registers
        each widget those return as a child of the widget asked, so the walk tied the
        page's widgets to one another in Python's ownership graph, and when the garbage
        collector freed one wrapper (on Python 3.13, while a field was being left), it
        deleted a group box with the focused field inside."""
        window = self.window()
        chain = [
            w
            for w in self.content.findChildren(QWidget)  # depth first, in the order added
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.window() is window
        ]  # (setTabOrder ignores widgets that take no focus; popups are windows of their own)
        previous: QWidget = self
        for w in chain:
            QWidget.setTabOrder(previous, w)
            previous = w

    def _task_facts(self) -> QWidget:
        task = self.ctx.editor.task
        overview = "".join(f"<li>{escape(s.title)}</li>" for s in task.method_steps)
        html = translate(
            "StepPage",
            "<p><b>{title}</b><br>{phase} · {theme} · Prioritet: {priority}</p>"
            "<p><b>Mål:</b> {goal}</p>"
            "<p><b>Beskrivelse:</b></p>{description}"
            "<p><b>Resultat:</b> {result}</p>"
            "<p><b>Anbefalet udfører:</b> {performer}<br>"
            "<b>Involverede parter:</b> {parties}</p>"
            "<p><b>Trinene:</b></p>",
        ).format(
            title=escape(task.title),
            phase=escape(task.phase),
            theme=escape(task.theme),
            priority=escape(task.priority),
            goal=escape(task.goal),
            description="".join(f"<p>{escape(p)}</p>" for p in task.description.split("\n\n")),
            result=escape(task.result),
            performer=escape(task.recommended_performer),
            parties=escape(", ".join(task.involved_parties)),
        )
        html += f"<ol style='margin-top:0'>{overview}</ol>"
        label = _wrapping_label(html, rich=True)
        label.setObjectName("task_facts")
        return label

    def showEvent(self, event: QShowEvent) -> None:
        if not self.built:
            self.build()
        else:
            self.refresh()  # sizes that depend on the width (table rows) are right now
        super().showEvent(event)

    def refresh(self) -> None:
        if not self.built:
            return  # build() shows the case as it is then
        task, case = self.ctx.editor.task, self.ctx.editor.case
        state = step_state(task, case, self.step)
        missing = step_missing(task, case, self.step)
        status = translate("StepPage", "Status: <b>{state}</b>").format(state=escape(state.label))
        text = f"{STATE_SYMBOL[state]} {status}"
        spoken = translate("StepPage", "Status: {state}").format(state=state.label)
        if state is StepState.NOT_STARTED:
            text += translate("StepPage", ". Udfyld felterne herunder.")
            spoken += translate("StepPage", ". Udfyld felterne herunder.")
        elif missing:
            items = "".join(f"<li>{escape(m)}</li>" for m in missing)
            text += translate("StepPage", ". Der mangler:")
            text += f"<ul style='margin-top:0; margin-bottom:0'>{items}</ul>"
            spoken += translate("StepPage", ". Der mangler:") + " " + "; ".join(missing) + "."
        else:
            text += "."
            spoken += "."
        # The list is drawn as a list; read, it is one sentence with every item in it.
        self.state.setAccessibleName(spoken)
        if text != self.state.text():
            if self.state.text() and self.isVisible():
                announce(self.state, spoken)  # what the user's last change did to the step
            self.state.setText(text)
        for b in self.bindings:
            b.refresh()
        if self.waiting is not None:
            self.waiting.refresh()
        if self.same_person is not None:
            self.same_person.show_message(same_person_warning(task, case))

    def flush(self) -> None:
        for b in self.bindings:
            b.flush()
        if self.waiting is not None:
            self.waiting.flush()

    @property
    def unsaved(self) -> list[str]:
        """Labels of fields whose text could not be saved."""
        return [b.fdef.label for b in self.bindings if b.unsaved]

    def flush_on_close(self) -> None:
        for b in self.bindings:
            b.flush_on_close()
        if self.waiting is not None:
            self.waiting.flush()

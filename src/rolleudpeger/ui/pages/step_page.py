"""One page per step, built from its definition: heading, state, guidance, links, fields."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger.domain import validation
from rolleudpeger.domain.case import StepState, field_missing, same_person_warning, step_state
from rolleudpeger.domain.case import warnings as rules_warnings
from rolleudpeger.domain.people import Detail, Role, purpose
from rolleudpeger.domain.taskdef import StepDef
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.editing import Refused, SaveFailed
from rolleudpeger.i18n import translate
from rolleudpeger.ui.accessible import Heading, Link, announce
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import (
    LIST_SPACING,
    MARGIN,
    SECTION_SPACING,
    SPACING,
    STATE_SYMBOL,
    WARNING_STYLE,
)
from rolleudpeger.ui.widgets.fields import (
    FieldBinding,
    MessageLabel,
    PageContext,
    TypingPause,
)
from rolleudpeger.ui.widgets.kinds import binding_class
from rolleudpeger.ui.widgets.steady import SteadyLabel


def _wrapping_label(text: str, rich: bool = False) -> Label:
    label = Label(text, rich=rich)
    label.setWordWrap(True)
    return label


def _grouped_name(group: str, label: str) -> str:
    """ "Projektleder, fornavn": a field named with its group."""
    if label[:2] != label[:2].upper():  # not an abbreviation such as "KLIK"
        label = label[:1].lower() + label[1:]
    return translate("StepPage", "{group}, {label}").format(group=group, label=label)


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
        self.error.keep_room(validation.name_messages())
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
        except (Refused, SaveFailed) as e:
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


class StatusLine(QWidget):
    """The step's state and how many things are missing, in a line that keeps its height
    (the list itself is at the end of the page, where it can push nothing), and a link to
    that list."""

    def __init__(self, on_show_list: Callable[[], None]) -> None:
        super().__init__()
        self.state = SteadyLabel()
        self.state.setObjectName("step_state")
        self.state.keep_room_for(
            *(self.text(state, 88) for state in StepState if state is not StepState.DONE)
        )
        self.to_list = Link(
            translate("StepPage", "Se, hvad der mangler"),
            on_show_list,
            translate("StepPage", "Går til listen nederst på siden"),
        )
        self.to_list.setObjectName("to_missing")
        self.to_list.setWordWrap(False)
        keep = self.to_list.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # hidden when nothing is missing: no move
        self.to_list.setSizePolicy(keep)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        row.addWidget(self.state)  # as wide as its widest text: the link stays put
        row.addWidget(self.to_list, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)

    @staticmethod
    def spoken(state: StepState, missing: int) -> str:
        if state is StepState.DONE or not missing:
            return translate("StepPage", "Status: {state}.").format(state=state.label)
        return translate("StepPage", "Status: {state}. Der mangler {n}.").format(
            state=state.label, n=missing
        )

    def text(self, state: StepState, missing: int) -> str:
        return f"{STATE_SYMBOL[state]} {self.spoken(state, missing)}"

    def show_state(self, state: StepState, missing: int) -> None:
        self.state.setText(self.text(state, missing))
        self.to_list.setVisible(bool(missing))


class MissingHere(QWidget):
    """At the end of the page: what is missing on this step, each item a link to its field."""

    def __init__(self, focus_field: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("missing_here")
        self.focus_field = focus_field
        self.title = Label(translate("StepPage", "Der mangler på dette trin:"))
        self.title.setWordWrap(True)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(LIST_SPACING)
        self.rows.addWidget(self.title)
        self.links: list[Link] = []
        self._shown: list[tuple[str, str]] = []
        self.hide()

    def show_items(self, items: list[tuple[str, str]]) -> bool:
        """(field key, what is missing); True when the links were made anew."""
        if items == self._shown:
            return False
        self._shown = items
        for old in self.links:
            self.rows.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.links = []
        for key, text in items:
            link = Link(
                text, partial(self.focus_field, key), translate("StepPage", "Går til feltet")
            )
            self.rows.addWidget(link, alignment=Qt.AlignmentFlag.AlignLeft)
            self.links.append(link)
        self.setVisible(bool(items))
        return True

    def focus_first(self) -> QWidget:
        return self.links[0] if self.links else self.title


class StepPage(QScrollArea):
    """The page of one step; objectName `page_<key>` (docs/CONTRACT.md).

    Nothing above or beside a field changes height while the user types, pauses, ticks or
    leaves a field: the status is one steady line, every line under a field keeps its room,
    and what may grow (the list of what is missing, a warning about the whole page) is at
    the end of the page."""

    def __init__(self, step: StepDef, ctx: PageContext, total_steps: int) -> None:
        super().__init__()
        self.step, self.ctx = step, ctx
        self.setObjectName(f"page_{step.key}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop: the page scrolls to whatever has the focus (see MainWindow). Not
        # NoFocus either: its place in the focus chain is where its widgets go (setTabOrder
        # ignores a widget that takes no focus at all).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Text wraps; a sideways scroll bar would hide the end of every line.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a scroll bar that came and went as the page grew or shrank (the list
        # of what is missing, at its end) changed the page's width, and every line rewrapped.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.heading = (
            step.title
            if step.is_intro
            else translate("StepPage", "Trin {number} af {total}: {title}").format(
                number=step.index, total=total_steps, title=step.title
            )
        )
        self.setAccessibleName(self.heading)
        # The fields come with build(): when the page is first shown, or soon after the
        # window's first paint (see MainWindow), so that start-up builds only what it shows.
        self.built = False
        self.bindings: list[FieldBinding] = []
        self.waiting: WaitingBox | None = None
        self.same_person: MessageLabel | None = None
        self._said: tuple[StepState, int] | None = None
        self.content = QWidget(self)  # a child from the start, so never a stray window
        self.content.hide()

    def build(self) -> None:
        """Make the page's widgets, once; then it shows what the case holds."""
        if self.built:
            return
        self.built = True
        step, ctx = self.step, self.ctx
        col = QVBoxLayout(self.content)
        col.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        col.setSpacing(SPACING)
        self.title = Heading(self.heading)
        self.title.setObjectName("step_heading")
        col.addWidget(self.title)
        self.status = StatusLine(self.show_missing)
        self.state = self.status.state
        col.addWidget(self.status)
        for paragraph in step.guidance.split("\n\n"):
            col.addWidget(_wrapping_label(paragraph.strip()))
        if step.links:
            col.addWidget(self._links())
        col.addSpacing(SECTION_SPACING // 2)
        self._add_fields(col)
        if step.is_intro:
            col.addSpacing(SECTION_SPACING // 2)
            col.addWidget(self._task_facts())
        if not step.is_intro:
            col.addSpacing(SECTION_SPACING // 2)
            self.waiting = WaitingBox(step, ctx)
            col.addWidget(self.waiting)
        # The end of the page: what may grow and shrink, below every field.
        col.addSpacing(SECTION_SPACING // 2)
        self.missing_here = MissingHere(self.focus_field)
        col.addWidget(self.missing_here)
        if any(f.purpose == purpose(Role.OWNER, Detail.FIRST_NAME) for f in step.fields):
            self.same_person = MessageLabel(WARNING_STYLE, steady=False)
            col.addWidget(self.same_person)  # where the owner is named with the leader
        col.addStretch(1)
        # Set when full: the scroll area sizes it then (an empty widget set earlier keeps
        # the empty size and squeezes the fields).
        self.setWidget(self.content)
        self.content.show()
        self._into_tab_order()
        self.refresh()

    def _links(self) -> QWidget:
        """One link per widget: Tab reaches each, a screen reader reads each as a link."""
        links = QWidget()
        links.setObjectName("links")
        rows = QVBoxLayout(links)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        for link in self.step.links:
            rows.addWidget(
                Link(
                    link.label,
                    partial(self.ctx.open_link, link.url),
                    translate("StepPage", "Åbner {url} i browseren").format(url=link.url),
                ),
                alignment=Qt.AlignmentFlag.AlignLeft,
            )
        return links

    def _add_fields(self, col: QVBoxLayout) -> None:
        """The fields, in forms; a group of fields in a box with the group's name. Fields
        with the same label in one step ("Fornavn" of the leader and of the owner) are
        named with their group ("Projektleder, fornavn")."""
        labels = Counter(f.label for f in self.step.fields)
        form: QFormLayout | None = None
        group_name: str | None = None
        for fdef in self.step.fields:
            if fdef.group != group_name or form is None:
                group_name = fdef.group
                form = _form()
                if fdef.group:
                    box = QGroupBox(fdef.group)
                    box.setLayout(form)
                    col.addWidget(box)
                else:
                    col.addLayout(form)
            binding = binding_class(fdef.kind)(fdef, self.ctx)
            binding.add_to(form)
            widget = getattr(binding, "widget", None)
            if isinstance(widget, QWidget):  # its messages become its description too
                if fdef.group and labels[fdef.label] > 1:
                    widget.setAccessibleName(_grouped_name(fdef.group, fdef.label))
                    binding.error.attach(widget)
                else:
                    binding.error.attach(widget, fdef.group)
            self.bindings.append(binding)

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
        missing = [
            (f.key, m) for f in self.step.fields if (m := field_missing(task, case, f)) is not None
        ]
        self.status.show_state(state, len(missing))
        self.title.setAccessibleName(f"{self.heading}, {state.label}")
        said = (state, len(missing))
        if self._said is not None and said != self._said and self.isVisible():
            # What the user's last change did to the step, in a few words.
            announce(self.state, StatusLine.spoken(state, len(missing)))
        self._said = said
        if self.missing_here.show_items(missing):
            self._into_tab_order()
        # The computer's own date, as the progress line's: reading the editor's clock at
        # every refresh would stamp nothing but would move a test's clock.
        warnings = rules_warnings(task, case, date.today())
        for b in self.bindings:
            b.refresh()
            b.show_warnings(warnings)
        if self.waiting is not None:
            self.waiting.refresh()
        if self.same_person is not None:
            self.same_person.show_message(same_person_warning(task, case))

    def focus_heading(self) -> None:
        """Where a page opened from the navigation starts: its name and state are read."""
        if not self.built:
            self.build()
        self.verticalScrollBar().setValue(0)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_missing(self) -> None:
        target = self.missing_here.focus_first()
        self.ensureWidgetVisible(self.missing_here)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, key: str) -> None:
        binding = next((b for b in self.bindings if b.fdef.key == key), None)
        target = binding.focus_target() if binding is not None else None
        if target is not None and target.isEnabled():
            self.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

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

"""`role_change_dialog`: someone new takes over as project leader or owner — from which day
(required), who decided it, and when. *OK* makes the change; *Cancel* changes nothing
(docs/CONTRACT.md). A refusal is shown at the field it is about, and the dialog stays open
with everything typed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger.domain import case as rules
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.timefmt import local
from rolleudpeger.domain.validation import check_date, date_messages, name_messages
from rolleudpeger.editing import CaseEditor, Refused, SaveFailed
from rolleudpeger.i18n import translate
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import FRAME_ALLOWANCE, WARNING_STYLE
from rolleudpeger.ui.widgets.fields import MessageLabel


def _after(role: Role) -> str:
    """What the user does once the change is made (said before it is)."""
    if role is Role.LEADER:
        return translate(
            "History",
            "Skriv derefter den nye projektleders oplysninger. Den nye skal oprettes i KLIK "
            "med brugertypen PLUS, og KOMBIT skal have en ny mail om den nye projektleder.",
        )
    return translate(
        "History",
        "Skriv derefter den nye projektejers oplysninger. Den nye skal oprettes i KLIK med "
        "brugertypen LÆSER. KOMBIT skal ikke have besked om projektejeren.",
    )


WIDTH = 560  # px: the intro in a few lines, the longest refusal in two


class RoleChangeDialog(QDialog):
    """Asks what the record needs of a change of holder, and makes it on OK."""

    def __init__(self, parent: QWidget | None, editor: CaseEditor, role: Role, title: str) -> None:
        super().__init__(parent)
        self.editor, self.role = editor, role
        self.setObjectName("role_change_dialog")
        self.setWindowTitle(title)
        self.setModal(True)
        name = editor.case.person(editor.task, role).name
        intro = Label(
            translate(
                "History",
                "{name} gemmes som tidligere {role} med sin periode og den beslutning, der "
                "udpegede {name}. Felterne tømmes til den nye. KLIK-status ændres ikke.\n\n"
                "{after}",
            ).format(name=name, role=role.label, after=_after(role))
        )
        intro.setWordWrap(True)
        self.effective = self._line(
            rules.EFFECTIVE_DATE,
            translate("History", "Den nye overtager fra (skal udfyldes)"),
            translate("History", "dd.mm.åååå – dagen, den nye har rollen fra"),
        )
        self.decided_by = self._line(
            rules.DECIDED_BY,
            translate("History", "Besluttet af"),
            translate("History", "Fx bibliotekschefen"),
        )
        self.decision_date = self._line(
            rules.DECISION_DATE, translate("History", "Besluttet den"), "dd.mm.åååå"
        )
        self._messages(editor, role)
        self.decision_date.textEdited.connect(self._check_dates)
        self.effective.textEdited.connect(self._check_dates)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("role_change_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(intro)
        self._fit_to_screen()
        self.effective.setFocus()

    def _messages(self, editor: CaseEditor, role: Role) -> None:
        """A message line under each input, with room for what it may say (a long
        refusal is shown whole), one for the dialog, and one for warnings."""
        self.messages = {
            key: MessageLabel() for key in (rules.EFFECTIVE_DATE, rules.DECIDED_BY, "")
        }
        self.messages[rules.DECISION_DATE] = MessageLabel()
        for key, said in (  # room for what each may say: a long refusal is shown whole
            (rules.EFFECTIVE_DATE, rules.takeover_day_messages(editor.task, editor.case, role)),
            (rules.DECIDED_BY, name_messages()),
            (rules.DECISION_DATE, date_messages()),
        ):
            self.messages[key].keep_room(said)
        self.future = MessageLabel(WARNING_STYLE)  # a warning: it may still be right
        self.future.keep_warning_room(rules.change_warning_room())
        for key, edit in self._edits().items():
            self.messages[key].attach(edit)
            # A refusal is about what was typed: once it is changed, it goes (OK asks again).
            edit.textEdited.connect(lambda _text, m=self.messages[key]: m.show_message(None))

    def _lay_out(self, intro: Label) -> None:
        """The texts and fields in a box that scrolls when the screen is too small for
        them (the buttons stay in sight below it)."""
        self.body = QWidget()
        col = QVBoxLayout(self.body)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(intro)
        for key, edit in self._edits().items():  # each label above its field: long words
            label = Label(edit.accessibleName())
            label.setBuddy(edit)
            label.setWordWrap(True)
            col.addSpacing(6)
            col.addWidget(label)
            col.addWidget(edit)
            col.addWidget(self.messages[key])
        col.addWidget(self.future)
        col.addWidget(self.messages[""])
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(scroll, 1)
        self.outer.addWidget(self.buttons)

    def _need(self, width: int) -> int:
        """The height the dialog needs at `width`, nothing scrolled."""
        outer = self.outer
        margins = outer.contentsMargins()
        inner = width - margins.left() - margins.right()
        return (
            self.body.heightForWidth(inner)
            + outer.spacing()
            + self.buttons.sizeHint().height()
            + margins.top()
            + margins.bottom()
        )

    def _room(self) -> QSize:
        """The screen's room for the dialog, its frame left out."""
        screen = (self.parentWidget() or self).screen()
        return screen.availableGeometry().size() - FRAME_ALLOWANCE

    def _fit_to_screen(self) -> None:
        """WIDTH wide, wider where its texts would make it taller than the screen (large
        text and a long name: OK and Annuller were below the screen's edge); what still
        does not fit scrolls."""
        room = self._room()
        width = min(WIDTH, room.width())
        while self._need(width) > room.height() and width < room.width():
            width = min(width + 80, room.width())
        self.setMinimumWidth(min(WIDTH, room.width()))
        self.resize(width, min(self._need(width), room.height()))

    def _line(self, name: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        return edit

    def _edits(self) -> dict[str, QLineEdit]:
        return {
            rules.EFFECTIVE_DATE: self.effective,
            rules.DECIDED_BY: self.decided_by,
            rules.DECISION_DATE: self.decision_date,
        }

    def _check_dates(self) -> None:
        """Warned (it may still be right): a decision day ahead, a takeover before the
        decision, a takeover more than a year ahead."""
        decided = check_date(self.decision_date.text()).value
        effective = check_date(self.effective.text()).value
        today = local(self.editor.clock()).date()
        self.future.show_message(rules.change_warnings(effective, decided, today))

    def accept(self) -> None:
        """OK: the change, or the reason it cannot be made at its field (stays open)."""
        for message in self.messages.values():
            message.show_message(None)
        try:
            self.editor.change_role(
                self.role,
                self.effective.text(),
                decided_by=self.decided_by.text(),
                decided_on=self.decision_date.text(),
            )
        except Refused as e:
            where = e.field if e.field in self.messages else ""
            self.messages[where].show_message(str(e))
            self._edits().get(where, self.effective).setFocus()
            return
        except SaveFailed as e:
            self.messages[""].show_message(
                translate("Fields", "{error} Ændringen er ikke gemt. Prøv igen.").format(error=e)
            )
            return
        super().accept()

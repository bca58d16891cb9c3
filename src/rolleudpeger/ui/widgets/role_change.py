"""`role_change_dialog`: someone new takes over as project leader or owner — from which day
(required), who decided it, and when. *OK* makes the change; *Cancel* changes nothing
(docs/CONTRACT.md). A refusal is shown at the field it is about, and the dialog stays open
with everything typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger.domain import case as rules
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.timefmt import local
from rolleudpeger.domain.validation import check_date
from rolleudpeger.editing import CaseEditor, Refused, SaveFailed
from rolleudpeger.i18n import translate
from rolleudpeger.ui.plain import Label
from rolleudpeger.ui.style import WARNING_STYLE
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
        self.messages = {
            key: MessageLabel() for key in (rules.EFFECTIVE_DATE, rules.DECIDED_BY, "")
        }
        self.messages[rules.DECISION_DATE] = MessageLabel()
        self.future = MessageLabel(WARNING_STYLE)  # a warning: it may still be right
        for key, edit in self._edits().items():
            self.messages[key].attach(edit)
        self.decision_date.textEdited.connect(self._check_future)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("role_change_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for key, edit in self._edits().items():
            label = Label(edit.accessibleName())
            label.setBuddy(edit)
            label.setWordWrap(True)
            form.addRow(label, edit)
            form.addRow("", self.messages[key])
        form.addRow("", self.future)
        col = QVBoxLayout(self)
        col.addWidget(intro)
        col.addLayout(form)
        col.addWidget(self.messages[""])
        col.addWidget(self.buttons)
        self.effective.setFocus()

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

    def _check_future(self) -> None:
        stated = check_date(self.decision_date.text()).value
        today = local(self.editor.clock()).date()
        self.future.show_message(rules.future_warning(stated, today))

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

"""The mail about the leader (a `mail` field): preview, open, copy, save as draft, mark sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolleudpeger import operations
from rolleudpeger.domain.case import MAIL_SENT_ON, Case, warning_room
from rolleudpeger.domain.mail import Mail, mail_state, mailto_url
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import FieldDef, in_sentence
from rolleudpeger.domain.timefmt import format_time
from rolleudpeger.domain.validation import read_date
from rolleudpeger.editing import Refused, SaveFailed
from rolleudpeger.i18n import translate
from rolleudpeger.operations import Status
from rolleudpeger.ui import accessible, dialogs
from rolleudpeger.ui.data_safety import DialogInteraction
from rolleudpeger.ui.plain import Label, heading
from rolleudpeger.ui.style import MAIL_PREVIEW_HEIGHT, WARNING_STYLE
from rolleudpeger.ui.widgets.fields import (
    FieldBinding,
    MessageLabel,
    PageContext,
    TypingPause,
    time_room,
)
from rolleudpeger.ui.widgets.flow import flow_row
from rolleudpeger.ui.widgets.steady import A_LONG_PATH, Column


def _button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setAccessibleName(text.replace("&", "").rstrip("…"))
    return b


class MailBinding(FieldBinding):
    """The mail is built from the project leader only (see domain.mail).

    Every line here keeps its room (what the mail needs or that KOMBIT has old details,
    what the last button did, when it was sent), so nothing moves under the user's hands."""

    def __init__(self, fdef: FieldDef, ctx: PageContext) -> None:
        super().__init__(fdef, ctx)
        self.box = Column()  # spans the form (see Column)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("mail_preview")
        self.preview.setAccessibleName(fdef.label)
        self.preview.setReadOnly(True)
        # Read line by line: the caret moves through the text, as in a document.
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.preview.setTabChangesFocus(True)
        self.preview.setMinimumHeight(MAIL_PREVIEW_HEIGHT)
        self.open = _button(translate("Mail", "Åbn i &mailprogram"), "mail_open")
        self.copy = _button(translate("Mail", "&Kopiér mail"), "mail_copy")
        self.save = _button(translate("Mail", "Gem som k&ladde (.eml)…"), "mail_save_eml")
        self.resend = _button(
            translate("Mail", "Markér den &opdaterede mail som sendt"), "mail_resend"
        )
        keep = self.resend.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # shown only when KOMBIT has old details
        self.resend.setSizePolicy(keep)
        sent_text = translate("Mail", "Mailen er sendt til {to}").format(to=ctx.editor.task.mail.to)
        self.sent = QCheckBox(sent_text)
        self.sent.setObjectName("mail_sent")
        self.sent.setAccessibleName(sent_text)
        self.error.attach(self.sent)  # when it was sent, or why it could not be marked
        self.about = MessageLabel(WARNING_STYLE)  # what the mail needs; KOMBIT's old details
        self.about.attach(self.preview)
        self.result = MessageLabel()  # what the last button did, or why it could not
        self._make_sent_on()
        self._keep_rooms()

        self.open.clicked.connect(self._open)
        self.copy.clicked.connect(self._copy)
        self.save.clicked.connect(self._save_eml)
        self.sent.toggled.connect(self._sent_toggled)
        self.resend.clicked.connect(self._mark_sent)

        col = QVBoxLayout(self.box)
        col.setContentsMargins(0, 0, 0, 0)
        label = heading(fdef.label)
        label.setBuddy(self.preview)
        col.addWidget(label)
        col.addWidget(self.about)
        col.addWidget(self.preview)
        col.addWidget(flow_row(self.open, self.copy, self.save, self.resend))
        col.addWidget(self.result)
        col.addWidget(self.sent)
        col.addWidget(self.error)
        col.addLayout(self._sent_on_row())
        col.addWidget(self.sent_on_line)

    def _make_sent_on(self) -> None:
        """`mail_sent_on`: the day the mail was really sent, as the user states it (today
        when it is marked sent); the time it was marked stays in the log."""
        label = translate("Mail", "Sendt den")
        self.sent_on = QLineEdit()
        self.sent_on.setObjectName(MAIL_SENT_ON)
        self.sent_on.setAccessibleName(label)
        self.sent_on.setPlaceholderText(translate("Mail", "dd.mm.åååå – dagen, du sendte mailen"))
        self.sent_on_label = Label(label)
        self.sent_on_label.setBuddy(self.sent_on)
        self.sent_on_line = MessageLabel()  # why a date was refused, or a warning
        self.sent_on_line.attach(self.sent_on)
        self.sent_on_pause = TypingPause(self, lambda: self._save_sent_on(quiet=True))
        self.sent_on.textEdited.connect(self.sent_on_pause.typed)
        self.sent_on.editingFinished.connect(self._save_sent_on)

    def _sent_on_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sent_on_label)
        row.addWidget(self.sent_on, 1)
        return row

    def _save_sent_on(self, *, quiet: bool = False) -> None:
        """Save the stated day; a refusal is said when the field is left (or at a pause,
        when a message already shows), and the typed text stays."""
        if not self.sent_on_pause.stop():
            return
        try:
            self.editor.set_mail_date(self.sent_on.text())
        except Refused as e:
            if not quiet or self.sent_on_line.message:
                self.sent_on_line.show_message(str(e))
            return
        except SaveFailed as e:
            self.sent_on_line.show_message(
                translate(
                    "Fields", "{error} Det, du skrev, står stadig i feltet. Prøv igen."
                ).format(error=e)
            )
            self.ctx.report_save_error(str(e))
            return
        self.sent_on_pause.pending = False
        self.sent_on_line.show_message(None)

    def flush(self) -> None:
        self._save_sent_on()

    def show_warnings(self, warnings: dict[str, str]) -> None:
        self.sent_on_line.show_warning(warnings.get(MAIL_SENT_ON))

    def _keep_rooms(self) -> None:
        task = self.editor.task
        empty = Case(0, task.id, datetime(2026, 1, 1, tzinfo=UTC))
        self.about.keep_room(
            (self._outdated_text(),),
            (
                self._problems_text(mail_state(task, empty).problems),
                self._ready_text(unsigned=True),
            ),
        )
        self.result.keep_room(
            (self._not_opened_text(),),
            (self._copied_text(), self._saved_text(A_LONG_PATH)),
        )
        self.error.keep_room(hints=(time_room(translate("Mail", "Markeret som sendt {time}")),))
        self.sent_on_line.keep_room(
            (translate("Case", "Markér først mailen som sendt."),),
            warnings=warning_room(task, MAIL_SENT_ON),
        )

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.box)

    def focus_target(self) -> QWidget:
        return self.sent if self.sent.isEnabled() else self.preview

    # --- its words ---------------------------------------------------------------

    @staticmethod
    def _problems_text(problems: Sequence[str]) -> str:
        return translate("Mail", "Mailen er klar, når du har udfyldt: {items}.").format(
            items=", ".join(problems)
        )

    def _ready_text(self, *, unsigned: bool) -> str:
        if not unsigned:
            return translate("Mail", "Sådan ser mailen ud. Den indeholder kun projektlederen.")
        return translate(
            "Mail",
            "Sådan ser mailen ud. Den indeholder kun projektlederen. Den er underskrevet "
            "med kommunens navn, ikke udførerens: udføreren ({step}) har samme efternavn "
            "som projektejeren, og KOMBIT må ikke få projektejerens navn.",
        ).format(step=in_sentence(self.editor.task.step_where_named(Role.PERFORMER)))

    @staticmethod
    def _outdated_text() -> str:
        return translate(
            "Mail",
            "KOMBIT har gamle oplysninger: oplysningerne i mailen er ændret, efter den blev "
            "sendt. Send den opdaterede mail herunder, og markér den som sendt.",
        )

    @staticmethod
    def _not_opened_text() -> str:
        return translate(
            "Mail",
            "Dit mailprogram kunne ikke åbnes. Brug »Kopiér mail«, og indsæt i en ny mail.",
        )

    def _copied_text(self) -> str:
        return translate("Mail", "Mailen er kopieret. Indsæt den i en ny mail til {to}.").format(
            to=self.editor.task.mail.to
        )

    @staticmethod
    def _saved_text(name: str) -> str:
        return translate("Mail", "Gemt som {file}. Åbn filen, og send mailen.").format(file=name)

    # --- what the buttons do -----------------------------------------------------

    def _current(self) -> Mail | None:
        self.ctx.flush_all()
        return mail_state(self.editor.task, self.editor.case).current

    def _open(self) -> None:
        mail = self._current()
        if mail is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromEncoded(mailto_url(mail).encode("ascii"))):
            self.result.show_message(self._not_opened_text())
        else:
            self.result.show_message(None)

    def _copy(self) -> None:
        mail = self._current()
        if mail is None:
            return
        QGuiApplication.clipboard().setText(mail.as_text)
        self._done(self._copied_text())

    def _save_eml(self) -> None:
        self.ctx.flush_all()
        outcome = operations.save_mail_draft(self.editor, DialogInteraction(self.box))
        if outcome.status is Status.FAILED:
            self.result.show_message(outcome.message)
        elif outcome.done:
            self._done(outcome.message)

    def _done(self, text: str) -> None:
        """What the last button did: shown under the buttons, and announced."""
        self.result.show_message(None)
        self.result.set_hint(text)
        accessible.announce(self.result, text)

    def _mark_sent(self) -> None:
        self.ctx.flush_all()
        if self._save(self.editor.mark_mail_sent):
            self.error.show_message(None)
        self.refresh()

    def _sent_toggled(self, checked: bool) -> None:
        if checked:
            self._mark_sent()
            return
        if dialogs.confirm(
            self.box,
            translate("Mail", "Fortryd »sendt«"),
            translate(
                "Mail",
                "Er mailen alligevel ikke sendt? Markeringen fjernes, men den gemte tekst og "
                "tidspunktet bliver stående i loggen.",
            ),
        ):
            self._save(self.editor.withdraw_mail)
        self.refresh()

    def refresh(self) -> None:
        state = mail_state(self.editor.task, self.editor.case)
        mail = state.current
        if mail is not None:
            text = mail.as_text
        elif state.sent is not None:
            text = state.sent.mail.as_text
        else:
            text = ""
        if self.preview.toPlainText() != text:
            if self.preview.toPlainText():  # what was done, was done with the mail before
                self.result.show_message(None)
                self.result.set_hint("")
            self.preview.setPlainText(text)
        ready = mail is not None
        for b in (self.open, self.copy, self.save):
            b.setEnabled(ready)
        if state.problems:
            self.about.set_hint(self._problems_text(state.problems))
        else:
            self.about.set_hint(self._ready_text(unsigned=state.unsigned_because_owner))
        self.about.show_message(self._outdated_text() if state.outdated else None)
        self.resend.setVisible(state.outdated)
        self.sent.blockSignals(True)
        self.sent.setChecked(state.sent is not None)
        self.sent.setEnabled(ready or state.sent is not None)
        self.sent.blockSignals(False)
        self.error.set_hint(
            translate("Mail", "Markeret som sendt {time}").format(
                time=format_time(state.sent.sent_at)
            )
            if state.sent
            else ""
        )
        self._show_sent_on(state.sent.sent_on if state.sent else None)

    def _show_sent_on(self, stated: str | None) -> None:
        """The stated day (empty for a mail marked before 0.3.0: none was stated), never
        over what the user is typing; usable once the mail is marked sent."""
        self.sent_on.setEnabled(stated is not None)
        if stated is None:
            self.sent_on_line.show_message(None)
        if self.sent_on_pause.pending or self.sent_on.hasFocus():
            return
        day = read_date(stated or "")
        shown = day.strftime("%d.%m.%Y") if day else ""
        if shown != self.sent_on.text():
            self.sent_on.setText(shown)

"""English as the second language: no Danish left in the chrome, the language chosen by
--lang, the menu and the system, and the Alt keys still unique on every page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rolleudpeger import i18n
from rolleudpeger.domain.mail import current_mail, mail_state
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import app as app_module
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.language import install_language, system_language
from rolleudpeger.ui.main_window import MainWindow
from rolleudpeger.ui.report import write_pdf
from tests.conftest import Clock, demo
from tests.ui.helpers import close_window, find, open_window

# Names in KOMBIT's system stay as they are (issue 5): KLIK's statuses and user types, and
# the Danish names the English task text quotes in »…« (see the task file). The mail to
# KOMBIT is Danish on purpose and is not chrome; nor is what the user typed.
ALLOWED = re.compile(r"»[^«]*«|Ikke påbegyndt|Påbegyndt|Fuldført|LÆSER|ØiR|\S+@\S+")
DANISH_WORDS = {
    "og", "ikke", "skal", "trin", "til", "på", "af", "mangler", "gem", "du", "kan", "er",
    "som", "med", "fra", "det", "har", "vælg", "skriv", "eller", "hvis", "sagen", "sag",
    "mailen", "fx", "nej", "ja", "næste", "tilbage", "hjælp", "filer", "afventer", "udfyld",
    "færdig", "kommune", "spørgsmål", "svar", "slet", "udskriv", "rapport", "opgaven",
}  # fmt: skip
USER_TEXT = ("mail_preview",)  # widgets that show the mail or the user's own text


def danish_in(text: str) -> list[str]:
    text = ALLOWED.sub(" ", text)
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return sorted({w for w in words if w in DANISH_WORDS or re.search("[æøå]", w)})


def plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def widget_texts(w: QWidget) -> list[str]:
    """What the interface says through one widget (not what the user typed in it)."""
    texts = [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip()]
    if isinstance(w, QLabel):
        texts.append(plain(w.text()))
    if isinstance(w, QAbstractButton):
        texts.append(w.text())
    if isinstance(w, QGroupBox):
        texts.append(w.title())
    if isinstance(w, QLineEdit | QPlainTextEdit):
        texts.append(w.placeholderText())
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            item = w.item(i)
            texts += [item.text(), str(item.data(Qt.ItemDataRole.AccessibleTextRole) or "")]
    if isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            header = w.horizontalHeaderItem(c)
            texts.append(header.text() if header else "")
        texts += [w.item(r, 2).toolTip() for r in range(w.rowCount()) if w.item(r, 2)]
    return [t for t in texts if t]


def menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for action in window.menuBar().actions():
        texts.append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            texts += [a.text() for a in menu.actions() if not a.isSeparator()]
    return texts


def user_texts(editor: CaseEditor) -> list[str]:
    """Everything the user typed (and the mail as sent), longest first."""
    case = editor.case
    texts = [v.value for v in case.values.values()] + [w.note for w in case.waiting.values()]
    texts += [t for q in case.questions for t in (q.text, q.answer)]
    texts += [line for m in case.mails for line in m.mail.as_text.splitlines()]
    return sorted({t for t in texts if t.strip()}, key=len, reverse=True)


def leftovers(window: MainWindow) -> dict[str, list[str]]:
    """Danish words found on each page (and in the window's own chrome), leaving out
    what the user typed."""
    found: dict[str, list[str]] = {}
    typed = user_texts(window.editor)
    chrome = [window.windowTitle(), *menu_texts(window)]
    for step in window.task.steps:
        window.go_to_step(step.key)
        QApplication.processEvents()
        for widget in window.findChildren(QWidget):
            if not widget.isVisible() or widget.objectName() in USER_TEXT:
                continue
            for shown in widget_texts(widget):
                text = shown
                for value in typed:
                    text = text.replace(value, " ")
                if words := danish_in(text):
                    found.setdefault(step.key, []).append(f"{text!r}: {words}")
    for text in chrome:
        if words := danish_in(text):
            found.setdefault("window", []).append(f"{text!r}: {words}")
    return found


def fill_some(editor: CaseEditor) -> None:
    """A case half done, with plain ASCII names so that any æ, ø or å is the app's own."""
    editor.set_municipality("751")
    editor.set_check("plus_granted", True)
    editor.set_text("responsible_name", "Anna Berg")
    editor.set_waiting("klik_guide", True, "KOMBIT")
    editor.add_question("When?")
    editor.set_text("leader_first_name", "Maja")
    editor.set_text("leader_email", "not an address")
    editor.set_text("owner_first_name", "Maja")


def test_danish_detector_finds_danish_and_lets_klik_names_pass() -> None:
    assert danish_in("Gem rapport som PDF") == ["gem", "rapport", "som"]
    assert danish_in("Sæt status") == ["sæt"]
    assert danish_in("Set the KLIK status to “Påbegyndt” · user type LÆSER") == []


def test_english_interface_has_no_danish_left(
    qtbot: QtBot, data_dir: Path, clock: Clock, english: TaskDef
) -> None:
    window = open_window(qtbot, data_dir, clock)
    assert window.task.title == english.title
    assert leftovers(window) == {}  # empty case
    fill_some(window.editor)
    assert leftovers(window) == {}  # half done: states, missing items, warnings, waiting
    window.editor.set_waiting("klik_guide", False)  # a step waiting is not done (issue 21)
    demo(window.editor)
    assert leftovers(window) == {}  # complete, mail sent
    assert find(window, "next_button").text() == "&Next ›"  # type: ignore[attr-defined]
    close_window(window)


def test_danish_is_the_default(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    window = open_window(qtbot, data_dir, clock)
    assert i18n.language() == "da"
    assert find(window, "next_button").text() == "&Næste ›"  # type: ignore[attr-defined]
    assert menu_texts(window)[0] == "&Filer"
    close_window(window)


def test_messages_at_the_field_are_english(
    qtbot: QtBot, data_dir: Path, clock: Clock, english: TaskDef
) -> None:
    window = open_window(qtbot, data_dir, clock)
    window.go_to_step("appoint")
    field = find(window, "leader_phone")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "12ab")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: (
            "A phone number may only contain digits, spaces, plus (+), hyphens (-), brackets"
            in " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())
        )
    )
    close_window(window)


def test_english_report(data_dir: Path, tmp_path: Path, english: TaskDef) -> None:
    store = Store.open(data_dir)
    editor = demo(CaseEditor.open(english, store))
    target = tmp_path / "report.pdf"
    write_pdf(editor.report(), target, author="Aarhus Kommune", subject="test")
    store.close()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    for heading in ("Appointments", "The steps", "Questions put to KOMBIT", "Appendix: Event log"):
        assert heading in text
    assert "Page 1 of" in text and "Side 1 af" not in text
    assert "Kære KOMBIT" in text or "Til: bibsys@kombit.dk" in text  # the mail, as sent


def test_the_event_log_of_a_0_1_0_database_reads_in_both_languages(
    data_dir: Path, task: TaskDef
) -> None:
    """0.1.0 stored Danish sentences; upgraded, its log is data, and the words come in the
    reader's language (the user's own texts and KLIK's names stay as they are)."""
    from rolleudpeger.domain.report import build_report
    from rolleudpeger.ui.app import application
    from tests.store.test_upgrade_from_0_1_0 import FIXTURE

    data_dir.mkdir(parents=True)
    (data_dir / "rolleudpeger.sqlite3").write_bytes(FIXTURE.read_bytes())
    store = Store.open(data_dir)
    case = store.load_case(store.latest_case_id() or 0)
    events = store.events(case.id)
    store.close()

    def log(language: str) -> list[tuple[str, str, str]]:
        application([])
        assert install_language(language)
        the_task = load_task(language=language)
        lines = build_report(the_task, case, events, case.created_at, "0.2.0").events
        assert len(lines) == len(events)
        return [(e.field, e.old, e.new) for e in lines]

    danish = log("da")
    assert ("Afventer", "afventer: Maja er på ferie til mandag", "–") in danish
    assert (
        "KLIK-status",
        "Fuldført",
        "Påbegyndt (begrundelse: Mailen skulle sendes igen)",
    ) in danish
    assert ("Import", "–", "importeret fra Rolleudpeger-sag-Aarhus.json") in danish
    assert ("Mail til KOMBIT", "sendt", "fortrudt") in danish
    assert ("Projektleder – Telefon", "+45 41 85 72 30", "+45 41 85 72 31") in danish
    english = log("en")
    assert ("Waiting", "waiting: Maja er på ferie til mandag", "–") in english
    assert ("KLIK status", "Fuldført", "Påbegyndt (reason: Mailen skulle sendes igen)") in english
    assert ("Import", "–", "imported from Rolleudpeger-sag-Aarhus.json") in english
    assert ("Mail to KOMBIT", "sent", "withdrawn") in english
    assert ("Project leader – Phone", "+45 41 85 72 30", "+45 41 85 72 31") in english
    assert [what for what, _, _ in english if danish_in(what)] == []  # the labels
    app_words = ("afventer", "begrundelse", "importeret", "sendt", "fortrudt", "markeret")
    assert [line for line in english if any(w in " ".join(line) for w in app_words)] == []


def test_alt_keys_are_unique_on_every_page(
    qtbot: QtBot, data_dir: Path, clock: Clock, language: str
) -> None:
    if language == "en":
        install_language("en")
    window = open_window(qtbot, data_dir, clock)
    demo(window.editor, complete=False)
    window.editor.set_text("leader_email", "maja@example.dk")  # the mail buttons show
    menu_keys = [
        m.group(1).casefold()
        for a in window.menuBar().actions()
        if (m := re.search(r"&(\w)", a.text()))
    ]
    clashes = {}
    for step in window.task.steps:
        window.go_to_step(step.key)
        QApplication.processEvents()
        keys = list(menu_keys)
        for w in window.findChildren(QWidget):
            if not w.isVisible():
                continue
            with_key = isinstance(w, QAbstractButton) or (
                isinstance(w, QLabel) and w.buddy() is not None
            )
            text = w.text() if with_key else ""  # type: ignore[attr-defined]
            if m := re.search(r"&(\w)", text.replace("&&", "")):
                keys.append(m.group(1).casefold())
        repeated = [k for k, n in Counter(keys).items() if n > 1]
        if repeated:
            clashes[step.key] = repeated
    assert clashes == {}
    close_window(window)


@pytest.fixture(params=["da", "en"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# A language the app does not have (whichever it is once more are added).
UNLISTED = next(code for code in ("de", "fr", "nl", "fi", "pl") if code not in i18n.LANGUAGES)


@pytest.mark.parametrize(
    ("ui_languages", "expected"),
    [
        (["en-GB", "da"], "en"),
        (["en_US"], "en"),
        (["da-DK", "en-US"], "da"),
        ([f"{UNLISTED}-XX", "en-US"], "en"),
        ([f"{UNLISTED}-XX"], "da"),
        (["C"], "da"),
        ([], "da"),
    ],
)
def test_system_language(ui_languages: list[str], expected: str) -> None:
    assert system_language(ui_languages) == expected


class Started:
    """Starts the app as `rolleudpeger` does, up to its first shown window, and keeps what
    that window said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.windows: list[dict[str, str]] = []
        seen = self.windows

        class Recording(MainWindow):
            def show(self) -> None:
                super().show()
                seen.append(
                    {
                        "next": self.next_button.text(),
                        "title": self.task.title,
                        "lang": i18n.language(),
                    }
                )

        monkeypatch.setattr(app_module, "MainWindow", Recording)
        monkeypatch.setenv("ROLLEUDPEGER_QUIT_AFTER_SHOW", "1")

    def start(self, data_dir: Path, *args: str) -> dict[str, str]:
        lang = args[args.index("--lang") + 1] if "--lang" in args else None
        assert app_module.run(str(data_dir), [], lang) == 0
        return self.windows[-1]


def test_lang_option_menu_choice_and_system_language_in_that_order(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = Started(monkeypatch)
    monkeypatch.setattr("rolleudpeger.ui.language.system_language", lambda: "da")
    assert started.start(data_dir)["next"] == "&Næste ›"
    shown = started.start(data_dir, "--lang", "en")
    assert shown == {"next": "&Next ›", "title": load_task(language="en").title, "lang": "en"}

    # The menu remembers a choice for the next start and says so in that language.
    install_language("da")  # as a new process would be, without --lang
    window = open_window(qtbot, data_dir, clock)
    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, _title, text: said.append(text))
    action = window.findChild(QAction, "action_language_en")
    assert action is not None and not action.isChecked()
    action.trigger()
    assert said == [i18n.RESTART_NOTES["en"]]
    assert window.editor.store.setting(i18n.LANGUAGE_SETTING) == "en"
    assert window.next_button.text() == "&Næste ›"  # this window stays as it is
    close_window(window)

    assert started.start(data_dir)["next"] == "&Next ›"  # the choice wins over the system
    assert started.start(data_dir, "--lang", "da")["next"] == "&Næste ›"  # --lang wins
    monkeypatch.setattr("rolleudpeger.ui.language.system_language", lambda: "en")
    store = Store.open(data_dir)
    store.set_setting(i18n.LANGUAGE_SETTING, "da")
    store.close()
    assert started.start(data_dir)["next"] == "&Næste ›"


def test_the_mail_to_kombit_is_the_same_danish_mail_in_either_language(
    editor: CaseEditor, task: TaskDef, english: TaskDef
) -> None:
    """Switching language must not make the sent mail look outdated, nor send English."""
    demo(editor)
    danish_mail = current_mail(task, editor.case)
    assert danish_mail is not None
    assert current_mail(english, editor.case) == danish_mail
    assert f"»{task.title}«" in danish_mail.body
    assert not mail_state(english, editor.case).outdated

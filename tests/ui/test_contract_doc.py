"""docs/CONTRACT.md says what outside tests may drive the app by: it stays true. Every menu
action and every page of the window is listed there, and nothing listed is missing."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from rolleudpeger import i18n
from tests.conftest import Clock
from tests.ui.helpers import close_window, open_window

CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "CONTRACT.md"


def _named(pattern: str) -> set[str]:
    return set(re.findall(pattern, CONTRACT.read_text(encoding="utf-8")))


def test_every_menu_action_is_in_the_contract_and_the_reverse(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    actions = {a.objectName() for a in w.findChildren(QAction) if a.objectName()}
    documented = _named(r"`(action_[a-z_]+)`") - {"action_language_"}
    documented |= {f"action_language_{code}" for code in i18n.LANGUAGES}
    assert actions == documented
    close_window(w)


def test_every_page_is_in_the_contract(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    w = open_window(qtbot, data_dir, clock)
    assert {f"page_{s.key}" for s in w.task.steps} <= _named(r"`(page_[a-z_]+)`")
    close_window(w)

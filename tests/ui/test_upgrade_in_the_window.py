"""A data folder made by 0.1.0 — its database (tests/store/fixtures, made by the 0.1.0
code) and a backup of its own — opens in this version with everything kept: every field,
the questions, the mail as sent (still counted as sent), the backups; the history of
leaders starts empty."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QTableWidget
from pytestqt.qtbot import QtBot

from rolleudpeger.store import backup
from rolleudpeger.store.files import DB_FILE
from tests.conftest import Clock
from tests.store.test_upgrade_from_0_1_0 import FIXTURE
from tests.ui.helpers import close_window, find, open_window, show_field, text_of

# As on the users' Windows PCs too (tests/windows_sim.py).
pytestmark = pytest.mark.usefixtures("file_semantics")


def test_a_0_1_0_data_folder_opens_with_everything_kept(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    (data_dir / "backups").mkdir(parents=True)
    shutil.copyfile(FIXTURE, data_dir / DB_FILE)
    old_backup = data_dir / "backups" / "rolleudpeger-20261120-101500-000000.sqlite3"
    shutil.copyfile(FIXTURE, old_backup)  # a backup 0.1.0 took (UTC name, as 0.1.0 named it)

    w = open_window(qtbot, data_dir, clock)
    assert text_of(w, "municipality") == "751 Aarhus"
    assert text_of(w, "leader_first_name") == "Maja"
    assert text_of(w, "leader_phone") == "+45 41 85 72 31"
    show_field(qtbot, w, "mail_sent")
    sent = find(w, "mail_sent")
    assert isinstance(sent, QCheckBox) and sent.isChecked()  # the sent mail still counts
    assert w.editor.case.last_sent_mail is not None
    questions = find(w, "questions")
    assert isinstance(questions, QTableWidget) and questions.rowCount() == 2
    history = find(w, "role_history")
    assert isinstance(history, QTableWidget) and history.rowCount() == 0
    mails = find(w, "mail_history")
    assert isinstance(mails, QTableWidget) and mails.rowCount() == 2
    assert "færdig" in w.step_list.item(7).text()  # the mail step, done as before
    close_window(w)
    kept = backup.list_backups(data_dir)
    assert old_backup in kept and len(kept) == 2  # 0.1.0's own, and the one before upgrading
    assert all(backup.usable(p) for p in kept)

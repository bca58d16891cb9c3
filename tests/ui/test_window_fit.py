"""The first window fits the screen it opens on, whatever size it was given or saved with."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from rolleudpeger.ui.main_window import GEOMETRY_SETTING
from rolleudpeger.ui.style import DEFAULT_WINDOW, FRAME_ALLOWANCE
from tests.conftest import Clock
from tests.ui.helpers import close_window, find, open_window

ROOT = Path(__file__).resolve().parents[2]


def on_screen(rect: QRect) -> bool:
    return QGuiApplication.primaryScreen().availableGeometry().contains(rect)


def test_default_size_shrinks_to_a_small_screen(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    """The offscreen screen is 800 pixels wide, narrower than the default 1024×700."""
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert room.width() < DEFAULT_WINDOW[0]
    w = open_window(qtbot, data_dir, clock)
    assert w.width() <= room.width() - FRAME_ALLOWANCE.width()
    assert on_screen(w.frameGeometry())
    for name in ("next_button", "back_button"):
        button = find(w, name)
        corner = button.mapTo(w, button.rect().bottomRight())
        assert on_screen(QRect(w.mapToGlobal(corner), w.mapToGlobal(corner))), name
    close_window(w)


def test_a_size_saved_on_a_larger_monitor_fits_this_one(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    w.setGeometry(900, 700, 1800, 1100)  # as on a 2560×1440 monitor, now unplugged
    close_window(w)
    w2 = open_window(qtbot, data_dir, clock)
    assert w2.editor.store.setting(GEOMETRY_SETTING)  # it was saved, and restored
    assert on_screen(w2.frameGeometry()), w2.frameGeometry()
    close_window(w2)


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_fits_1920x1080_at_150_percent_with_a_taskbar(tmp_path: Path) -> None:
    """The case from a municipal PC: 1920×1080 at 150 % is 1280×720 logical pixels; with
    the taskbar (here 48 px of the screen's height) and a real window frame, 1024×700 does
    not fit. A separate process, as the screen is chosen when Qt starts."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {"name": "pc", "x": 0, "y": 0, "width": 1920, "height": 1080 - 72}
                    # Windows reports 150 % as 144 dpi; Qt scales by 144/96.
                    | {"logicalDpi": 144, "logicalBaseDpi": 96}
                ],
            }
        )
    )
    probe = """
from rolleudpeger.resources import load_task
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.repository import Store
from rolleudpeger.ui.app import application
from rolleudpeger.ui.main_window import MainWindow
import sys
from pathlib import Path
app = application([])
w = MainWindow(CaseEditor.open(load_task(), Store.open(Path(sys.argv[1]))))
w.show()
for _ in range(20):
    app.processEvents()
room = w.screen().availableGeometry()
frame = w.frameGeometry()
print(room.width(), room.height(), frame.x(), frame.y(), frame.width(), frame.height())
w.editor.store.close()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    room_w, room_h, x, y, width, height = map(int, result.stdout.split())
    assert (room_w, room_h) == (1280, 672)
    assert x >= 0 and y >= 0 and x + width <= room_w and y + height <= room_h
    assert width >= DEFAULT_WINDOW[0]  # only as much smaller as it has to be

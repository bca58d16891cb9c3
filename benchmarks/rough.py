"""Rough figures for start-up and saving (issue 6 turns this into the full benchmark table).

Usage: python benchmarks/rough.py [--edits N] [--starts N]
Prints the median start-up wall time of the app (window shown, then quit) next to a bare
PySide6 window that opens a SQLAlchemy engine, measured alternately in the same run, and
the median and 99th percentile of single-field edits through the editor the UI uses.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store

REFERENCE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QListWidget, QMainWindow, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)
from sqlalchemy import create_engine, text
import sqlalchemy.orm  # noqa: F401
app = QApplication(sys.argv)
engine = create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as c:
    c.execute(text("select 1"))
w = QMainWindow(); s = QSplitter(); lst = QListWidget(); pages = QStackedWidget()
for i in range(9):
    lst.addItem(f"Trin {i}")
    p = QWidget(); col = QVBoxLayout(p)
    for j in range(6):
        col.addWidget(QLabel(f"Felt {j}")); col.addWidget(QLineEdit())
    pages.addWidget(p)
s.addWidget(lst); s.addWidget(pages); w.setCentralWidget(s); w.show()
QTimer.singleShot(0, w.close)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def startup(runs: int) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROLLEUDPEGER_QUIT_AFTER_SHOW": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _fill_demo(data)
        ref_script = Path(tmp) / "reference.py"
        ref_script.write_text(REFERENCE)
        app_cmd = [sys.executable, "-m", "rolleudpeger", "--data-dir", str(data)]
        ref_cmd = [sys.executable, str(ref_script), str(Path(tmp) / "ref.sqlite3")]
        timed(app_cmd, env), timed(ref_cmd, env)  # warm the file cache
        app_t, ref_t = [], []
        for _ in range(runs):  # A B A B: both see the same machine noise
            app_t.append(timed(app_cmd, env))
            ref_t.append(timed(ref_cmd, env))
    return statistics.median(app_t), statistics.median(ref_t)


def _fill_demo(data: Path) -> None:

    store = Store.open(data)
    clock = demo_clock()
    fill_demo_case(CaseEditor.open(load_task(), store, clock=lambda: next(clock)))
    store.close()


def edits(n: int) -> tuple[float, float]:

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        editor = CaseEditor.open(load_task(), store)
        times = []
        for i in range(n):
            start = time.perf_counter()
            editor.set_text("placement_notes", f"Note nummer {i}")
            times.append(time.perf_counter() - start)
        store.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    app_s, ref_s = startup(args.starts)
    median, p99 = edits(args.edits)
    ratio = app_s / ref_s
    print(
        f"start-up  app {app_s * 1e3:7.0f} ms  reference {ref_s * 1e3:7.0f} ms  ratio {ratio:.2f}"
    )
    print(f"edit      median {median * 1000:.2f} ms  p99 {p99 * 1000:.2f} ms  ({args.edits} edits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark's reference: a bare PySide6 window of the app's size and kind (a list of
steps beside nine pages of labels and fields) that opens a SQLAlchemy engine and loads its
ORM. The app should start about as fast as this. `make bench` runs it as it is and frozen
by PyInstaller with the app's own bundle options (benchmarks/reference.spec).

Usage: python benchmarks/reference.py DATABASE
"""

import os
import sys

import sqlalchemy.orm  # noqa: F401 - loaded as the app loads it
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import create_engine, text


def main() -> int:
    app = QApplication(sys.argv[:1])
    engine = create_engine("sqlite:///" + sys.argv[1])
    with engine.connect() as c:
        c.execute(text("select 1"))
    w = QMainWindow()
    splitter, steps, pages = QSplitter(), QListWidget(), QStackedWidget()
    for i in range(9):
        steps.addItem(f"Trin {i}")
        page = QWidget()
        col = QVBoxLayout(page)
        for j in range(6):
            col.addWidget(QLabel(f"Felt {j}"))
            col.addWidget(QLineEdit())
        pages.addWidget(page)
    splitter.addWidget(steps)
    splitter.addWidget(pages)
    w.setCentralWidget(splitter)
    w.show()
    # As the app under ROLLEUDPEGER_QUIT_AFTER_SHOW (and ROLLEUDPEGER_BENCH_EXIT: at once).
    QTimer.singleShot(
        0, lambda: os._exit(0) if os.environ.get("ROLLEUDPEGER_BENCH_EXIT") else w.close()
    )
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

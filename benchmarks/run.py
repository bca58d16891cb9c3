"""The benchmark table: start-up, saving, report and scale, each against its target.

Usage: python benchmarks/run.py [--runs N] [--edits N] [--quick]
Every row is a median of several runs; where there is a reference it is measured in the
same run, alternating (A B A B ...), so the ratio holds on a noisy machine. --quick uses tiny
sizes (the test suite runs it once to prove it works). `make bench` runs the full table.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

import rolleudpeger
from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui.report import pdf_bytes

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
QTimer.singleShot(0, w.close)
app.exec()
"""


@dataclass
class Row:
    name: str
    measured: str
    reference: str
    ratio: str
    target: str
    met: bool


def run_process(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{cmd} exited {child.returncode}")
    return wall, usage.ru_maxrss / 1024


def alternate(
    a: Callable[[], tuple[float, float]], b: Callable[[], tuple[float, float]], runs: int
):  # type: ignore[no-untyped-def]
    a(), b()  # warm the file cache
    results_a, results_b = [], []
    for _ in range(runs):
        results_a.append(a())
        results_b.append(b())
    med = statistics.median
    return (
        (med(r[0] for r in results_a), med(r[1] for r in results_a)),
        (med(r[0] for r in results_b), med(r[1] for r in results_b)),
    )


def demo_folder(folder: Path) -> Path:
    store = Store.open(folder)
    clock = demo_clock()
    fill_demo_case(CaseEditor.open(load_task(), store, clock=lambda: next(clock)))
    store.close()
    return folder


def big_folder(folder: Path, cases: int, events: int) -> Path:
    """Many old cases with a long history, and the demo case as the newest."""
    Store.open(folder).close()
    db = sqlite3.connect(folder / DB_FILE)
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    with db:
        for c in range(1, cases):
            at = (t0 + timedelta(hours=c)).replace(tzinfo=None).isoformat(" ")
            db.execute(
                "INSERT INTO cases (id, task_id, created_at, updated_at, current_step) "
                "VALUES (?, 'fbs-debitorroller', ?, ?, 'appoint')",
                (c, at, at),
            )
            db.execute(
                "INSERT INTO field_values VALUES (?, 'leader_first_name', ?, ?)",
                (c, f"Navn {c}", at),
            )
        per_case = max(1, events // max(1, cases - 1))  # history of the old cases
        db.executemany(
            "INSERT INTO events (case_id, at, kind, step, field, old, new, detail, cause) "
            "VALUES (?, ?, 'field_set', 'appoint', 'leader_first_name', ?, ?, '', 'user')",
            (
                (
                    c,
                    (t0 + timedelta(minutes=i)).replace(tzinfo=None).isoformat(" "),
                    f"gl {i}",
                    f"ny {i}",
                )
                for c in range(1, cases)
                for i in range(per_case)
            ),
        )
    db.close()
    # The current case is new, as a user's would be: the same as in the one-case folder.
    store = Store.open(folder)
    clock = demo_clock()
    task = load_task()
    case = store.create_case(task.id, next(clock))
    fill_demo_case(CaseEditor(task, store, case, clock=lambda: next(clock)))
    store.close()
    return folder


def app_start(folder: Path, env: dict[str, str]) -> Callable[[], tuple[float, float]]:
    cmd = [sys.executable, "-m", "rolleudpeger", "--data-dir", str(folder)]
    return lambda: run_process(cmd, {**env, "ROLLEUDPEGER_QUIT_AFTER_SHOW": "1"})


def reports_in_process(folders: list[Path], runs: int) -> list[float]:
    """Median time to make the report of each folder's case, measured alternately."""
    _app = QGuiApplication.instance() or QGuiApplication([])
    stores = [Store.open(f) for f in folders]
    try:
        editors = [CaseEditor.open(load_task(), s) for s in stores]
        for editor in editors:
            pdf_bytes(editor.report(), author="a", subject="b")  # warm-up
        times: list[list[float]] = [[] for _ in editors]
        for _ in range(runs):
            for editor, spent in zip(editors, times, strict=True):
                start = time.perf_counter()
                pdf_bytes(editor.report(), author="a", subject="b")
                spent.append(time.perf_counter() - start)
        return [statistics.median(t) for t in times]
    finally:
        for s in stores:
            s.close()


def edits(folder: Path, n: int) -> tuple[float, float]:
    store = Store.open(folder)
    try:
        editor = CaseEditor.open(load_task(), store)
        times = []
        for i in range(n):
            start = time.perf_counter()
            editor.set_text("placement_notes", f"Note {i}")
            times.append(time.perf_counter() - start)
    finally:
        store.close()
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)]


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores, {cpu}, {system}, Python {platform.python_version()}"


def byte_compile_the_app() -> None:
    """Start the app as installed: pip byte-compiles a package when it installs it, and the
    bundle holds compiled modules. A source checkout may have none (PYTHONDONTWRITEBYTECODE
    is set on some machines), and then every start compiles the app's 40-odd modules
    again, about 50 ms that no user pays. The reference is one small script either way."""
    compileall.compile_dir(Path(rolleudpeger.__file__).parent, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to prove it works")
    args = parser.parse_args()
    runs, n_edits, cases, events = args.runs, args.edits, 1000, 100_000
    if args.quick:
        runs, n_edits, cases, events = 1, 20, 20, 200
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ROLLEUDPEGER_DATA_DIR", None)
    byte_compile_the_app()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one = demo_folder(root / "one")
        ref_script = root / "reference.py"
        ref_script.write_text(REFERENCE)
        ref_cmd = [sys.executable, str(ref_script), str(root / "ref.db")]

        def reference() -> tuple[float, float]:
            return run_process(ref_cmd, env)

        (app_wall, app_rss), (ref_wall, ref_rss) = alternate(app_start(one, env), reference, runs)
        rows.append(
            Row(
                "Start-up, wall",
                f"{app_wall * 1e3:.0f} ms",
                f"{ref_wall * 1e3:.0f} ms",
                f"{app_wall / ref_wall:.2f}×",
                "≤ 1.3×",
                app_wall / ref_wall <= 1.3,
            )
        )
        rows.append(
            Row(
                "Start-up, peak RSS",
                f"{app_rss:.0f} MB",
                f"{ref_rss:.0f} MB",
                f"{app_rss / ref_rss:.2f}×",
                "≤ 1.2×",
                app_rss / ref_rss <= 1.2,
            )
        )

        median, p99 = edits(root / "edits", n_edits)
        rows.append(
            Row(
                f"Save, {n_edits} edits: median",
                f"{median * 1e3:.2f} ms",
                "",
                "",
                "≤ 2 ms",
                median <= 0.002,
            )
        )
        rows.append(
            Row("Save: 99th percentile", f"{p99 * 1e3:.2f} ms", "", "", "≤ 10 ms", p99 <= 0.010)
        )

        (report,) = reports_in_process([one], max(3, runs))
        rows.append(
            Row("Report, in-process", f"{report * 1e3:.0f} ms", "", "", "≤ 150 ms", report <= 0.150)
        )
        pdf = root / "r.pdf"
        cli_cmd = [
            sys.executable,
            "-m",
            "rolleudpeger",
            "report",
            "--pdf",
            str(pdf),
            "--data-dir",
            str(one),
        ]
        cli = statistics.median(run_process(cli_cmd, env)[0] for _ in range(max(1, runs // 2)))
        rows.append(
            Row("Report, `report` command", f"{cli * 1e3:.0f} ms", "", "", "(whole process)", True)
        )

        big = big_folder(root / "big", cases, events)
        (big_wall, _), (one_wall, _) = alternate(app_start(big, env), app_start(one, env), runs)
        rows.append(
            Row(
                f"Scale: start-up, {cases} cases/{events:_} events".replace("_", "."),
                f"{big_wall * 1e3:.0f} ms",
                f"{one_wall * 1e3:.0f} ms (1 case)",
                f"{big_wall / one_wall:.2f}×",
                "≤ 1.1×",
                big_wall / one_wall <= 1.1,
            )
        )
        big_report, report_again = reports_in_process([big, one], max(3, runs))
        rows.append(
            Row(
                "Scale: report, in-process",
                f"{big_report * 1e3:.0f} ms",
                f"{report_again * 1e3:.0f} ms (1 case)",
                f"{big_report / report_again:.2f}×",
                "≤ 1.1×",
                big_report / report_again <= 1.1,
            )
        )

    widths = [
        max(len(getattr(r, f)) for r in rows)
        for f in ("name", "measured", "reference", "ratio", "target")
    ]
    head = ("what", "measured", "reference", "ratio", "target")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=True)]
    print(f"Machine: {machine()}")
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + "  met")
    for r in rows:
        cells = (r.name, r.measured, r.reference, r.ratio, r.target)
        print(
            "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
            + ("  yes" if r.met else "  NO")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

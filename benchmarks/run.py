"""The benchmark table: start-up, saving, report and scale, each against its target.

Usage: python benchmarks/run.py [--runs N] [--edits N] [--quick] [--frozen BUNDLE]
Every row is a median of several runs (the range follows it); where there is a reference
it is measured in the same run, alternating (A B A B ...), so the ratio holds on a noisy
machine. Both sides start as users start them: every module byte-compiled (as pip, uv
with --compile-bytecode and the bundle leave them), never compiled at start. --frozen
also builds the reference with PyInstaller as the app's bundle is built, and compares the
bundles. --quick uses tiny sizes (the test suite runs it once to prove it works).
`make bench` runs the full table.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

import rolleudpeger
from rolleudpeger.demo import demo_clock, fill_demo_case, long_history
from rolleudpeger.domain import events, handover
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui.report import pdf_bytes

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference.py"


@dataclass
class Row:
    name: str
    measured: str
    reference: str
    ratio: str
    target: str
    met: bool


Sample = tuple[float, float, float]  # wall time (s), peak RSS (MB), CPU time (s)
Samples = tuple[list[float], list[float], list[float]]  # the same, of several runs


# Started from a small Python of its own: a child forked from this big process would count
# this process's memory in its own peak (Linux keeps the pre-exec high-water mark).
LAUNCH = """import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_process(cmd: list[str], env: dict[str, str]) -> Sample:
    """Wall time (s), peak RSS (MB) and CPU time (s) of one child process (ended at once,
    with no closing, where it is a start-up: ROLLEUDPEGER_BENCH_EXIT). The CPU time is
    shown too: on a machine others share, it moves less than the wall time."""
    launcher = [sys.executable, "-S", "-c", LAUNCH]
    done = subprocess.run(
        [*launcher, *cmd],
        env={**env, "ROLLEUDPEGER_BENCH_EXIT": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{cmd} exited {done.returncode}: {done.stderr[-2000:]}")
    wall, rss, cpu = done.stdout.split()[-3:]
    return float(wall), float(rss), float(cpu)


def alternate(sides: list[Callable[[], Sample]], runs: int) -> list[Samples]:
    """Each side's wall times, peak RSS and CPU times, run in turn (A B C A B C ...)."""
    for side in sides:
        side()  # warm the file cache
    results: list[Samples] = [([], [], []) for _ in sides]
    for _ in range(runs):
        for side, samples in zip(sides, results, strict=True):
            for values, value in zip(samples, side(), strict=True):
                values.append(value)
    return results


def cpu_row(name: str, cpu: list[float], ref_cpu: list[float]) -> Row:
    ratio = statistics.median(cpu) / statistics.median(ref_cpu)
    return Row(name, ms(cpu), ms(ref_cpu), f"{ratio:.2f}×", "(shown)", True)


def ms(values: list[float]) -> str:
    """Median and range, in ms: "1169 ms (1051–1302)"."""
    low, high = min(values) * 1e3, max(values) * 1e3
    return f"{statistics.median(values) * 1e3:.0f} ms ({low:.0f}–{high:.0f})"


def ratio_row(
    name: str, walls: list[float], ref_walls: list[float], limit: float, ref_name: str = ""
) -> Row:
    ratio = statistics.median(walls) / statistics.median(ref_walls)
    reference = ms(ref_walls) + (f" {ref_name}" if ref_name else "")
    return Row(name, ms(walls), reference, f"{ratio:.2f}×", f"≤ {limit}×", ratio <= limit)


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


def app_start(
    folder: Path, env: dict[str, str], when: str = "1", command: list[str] | None = None
) -> Callable[[], Sample]:
    """The app started as a user starts it, quitting after its first paint ("1") or once
    it is ready ("ready": the other pages built, the backup checked, listening)."""
    cmd = [*(command or [sys.executable, "-m", "rolleudpeger"]), "--data-dir", str(folder)]
    return lambda: run_process(cmd, {**env, "ROLLEUDPEGER_QUIT_AFTER_SHOW": when})


def large_case_folder(folder: Path, count: int) -> Path:
    """A case with `count` events, imported as a user would import it: the demo case, then
    months of typing (demo.long_history), through the case file and `Store.add_case`."""
    task = load_task()
    store = Store.open(folder)
    clock = demo_clock()
    editor = CaseEditor.open(task, store, clock=lambda: next(clock))
    fill_demo_case(editor)
    done = store.events(editor.case.id)
    later = done[-1].at + timedelta(days=1)
    history = done + long_history(task, count - len(done), later)
    data = handover.export_case(task, editor.case, history, later, "bench")
    imported = handover.parse_case(task, handover.decode(json.dumps(data).encode()))
    note = events.imported(history[-1].at + timedelta(hours=1), task.intro.key, "sag.json")
    store.add_case(imported.case, imported.events, note, replacing=editor.case.id)
    store.close()
    return folder


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


def byte_compile_everything() -> None:
    """Start both sides as users do: pip, `uv sync --compile-bytecode` and the bundle leave
    every module compiled. Where PYTHONDONTWRITEBYTECODE is set and nothing is compiled,
    every start compiles SQLAlchemy, PySide6's Python parts and the app again — a cost
    both sides pay, which pulls any ratio towards 1 (this table said 1.12× where the
    compiled start-up was 1.35×)."""
    for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        # quiet=2: some are templates. One worker: from Python 3.15 compileall imports its
        # process pool lazily, and PySide6's import hook (loaded above) breaks that.
        compileall.compile_dir(folder, quiet=2)
    compileall.compile_dir(Path(rolleudpeger.__file__).parent, quiet=1)
    compileall.compile_file(REFERENCE, quiet=1)


def startup_rows(root: Path, env: dict[str, str], runs: int) -> list[Row]:
    one = root / "one"
    ref_cmd = [sys.executable, str(REFERENCE), str(root / "ref.db")]
    painted, ready, ref = alternate(
        [app_start(one, env), app_start(one, env, "ready"), lambda: run_process(ref_cmd, env)],
        runs,
    )
    rss, ref_rss = statistics.median(ready[1]), statistics.median(ref[1])
    return [
        ratio_row("Start-up to first paint", painted[0], ref[0], 1.2),
        cpu_row("  the same, CPU time", painted[2], ref[2]),
        ratio_row("Start-up to ready", ready[0], ref[0], 1.3),
        cpu_row("  the same, CPU time", ready[2], ref[2]),
        Row(
            "Start-up, peak RSS (ready)",
            f"{rss:.0f} MB",
            f"{ref_rss:.0f} MB",
            f"{rss / ref_rss:.2f}×",
            "≤ 1.2×",
            rss / ref_rss <= 1.2,
        ),
    ]


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def frozen_rows(bundle: Path, root: Path, env: dict[str, str], runs: int) -> list[Row]:
    """The app's bundle (make dist) against the reference frozen with the same options."""
    work = root / "frozen-build"
    options = ["--noconfirm", "--clean", "--log-level", "ERROR"]  # as `make dist`
    folders = ["--distpath", str(work / "dist"), "--workpath", str(work / "build")]
    pyinstaller = [sys.executable, "-m", "PyInstaller", *options, *folders]
    subprocess.run([*pyinstaller, str(HERE / "reference.spec")], check=True)
    reference = work / "dist" / "Reference"
    app = bundle / "rolleudpeger"
    ref_cmd = [str(reference / "reference"), str(root / "frozen-ref.db")]
    painted, ref = alternate(
        [app_start(root / "one", env, command=[str(app)]), lambda: run_process(ref_cmd, env)],
        runs,
    )
    size, ref_size = folder_size(bundle) / 2**20, folder_size(reference) / 2**20
    rows = [
        ratio_row("Bundle: start-up to first paint", painted[0], ref[0], 1.2),
        cpu_row("  the same, CPU time", painted[2], ref[2]),
    ]
    rows.append(
        Row(
            "Bundle: size on disk",
            f"{size:.0f} MB",
            f"{ref_size:.0f} MB",
            f"{size / ref_size:.2f}×",
            "(shown)",
            True,
        )
    )
    shutil.rmtree(work, ignore_errors=True)
    return rows


def report_rows(root: Path, env: dict[str, str], small: int, large: int, runs: int) -> list[Row]:
    """`rolleudpeger report --pdf` (the whole process) on a case of `small` and one of
    `large` events: time and memory, and how they grow (linear: the ratio ≤ large/small)."""
    results = []
    for count in (small, large):
        folder = large_case_folder(root / f"events-{count}", count)
        cmd = [sys.executable, "-m", "rolleudpeger", "report", "--pdf", str(root / "r.pdf")]
        cmd += ["--data-dir", str(folder)]
        samples = [run_process(cmd, env) for _ in range(runs)]
        results.append(([w for w, _, _ in samples], [r for _, r, _ in samples]))
    (walls_s, rss_s), (walls_l, rss_l) = results
    wall_s, wall_l = statistics.median(walls_s), statistics.median(walls_l)
    mem_s, mem_l = statistics.median(rss_s), statistics.median(rss_l)
    grows = large / small
    return [
        Row(f"Report, {small:_} events".replace("_", "."), ms(walls_s), "", "", "", True),
        Row(
            f"Report, {small:_} events: peak RSS".replace("_", "."),
            f"{mem_s:.0f} MB",
            "",
            "",
            "",
            True,
        ),
        Row(
            f"Report, {large:_} events".replace("_", "."),
            ms(walls_l),
            f"{wall_s * 1e3:.0f} ms ({small} ev.)",
            f"{wall_l / wall_s:.2f}×",
            f"≤ 10 s, ≤ {grows:.0f}×",
            wall_l <= 10 and wall_l / wall_s <= grows,
        ),
        Row(
            f"Report, {large:_} events: peak RSS".replace("_", "."),
            f"{mem_l:.0f} MB",
            f"{mem_s:.0f} MB ({small} ev.)",
            f"{mem_l / mem_s:.2f}×",
            f"≤ 200 MB, ≤ {grows:.0f}×",
            mem_l <= 200 and mem_l / mem_s <= grows,
        ),
    ]


def print_table(rows: list[Row]) -> None:
    head = ("what", "measured", "reference", "ratio", "target")
    fields = ("name", "measured", "reference", "ratio", "target")
    widths = [
        max([len(h)] + [len(getattr(r, f)) for r in rows])
        for h, f in zip(head, fields, strict=True)
    ]
    print(f"Machine: {machine()}; every module byte-compiled on both sides")
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + "  met")
    for r in rows:
        cells = (r.name, r.measured, r.reference, r.ratio, r.target)
        print(
            "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
            + ("  yes" if r.met else "  NO")
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to prove it works")
    parser.add_argument("--frozen", type=Path, help="the app's bundle (make dist) to compare")
    args = parser.parse_args()
    runs, n_edits, cases, events_n, log = args.runs, args.edits, 1000, 100_000, (1000, 20_000)
    if args.quick:
        runs, n_edits, cases, events_n, log = 1, 20, 20, 200, (50, 200)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ROLLEUDPEGER_DATA_DIR", None)
    byte_compile_everything()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one = demo_folder(root / "one")
        rows += startup_rows(root, env, runs)
        if args.frozen:
            rows += frozen_rows(args.frozen.resolve(), root, env, runs)
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
        rows += report_rows(root, env, *log, runs=max(1, min(3, runs)))
        big = big_folder(root / "big", cases, events_n)
        big_start, one_start = alternate([app_start(big, env), app_start(one, env)], runs)
        big_wall, one_wall = big_start[0], one_start[0]
        rows.append(
            ratio_row(
                f"Scale: start-up, {cases} cases/{events_n:_} events".replace("_", "."),
                big_wall,
                one_wall,
                1.1,
                "(1 case)",
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
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())

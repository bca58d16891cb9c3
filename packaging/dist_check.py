"""Smoke check of the built bundle, run from the bundle and not from the source tree.

Usage: python packaging/dist_check.py dist/Rolleudpeger
Checks --version, a start (window shown, then quit) offscreen, a start on each page with
widgets of its own (in English), a self-check start (ROLLEUDPEGER_SELF_CHECK: the start-up
backup is taken and restored, as a user's first days would do), and `report --pdf` on a
demo case, in Danish and with --lang en; that Qt's Danish translations and our English
catalogue are inside, and that the bundled app finds Qt's where QLibraryInfo looks; prints
the size and start time. On Windows, --version and report run through the console twin
rolleudpeger-cli.exe. Every start has a time limit: a crash dialog of a windowed exe
would otherwise wait for a click that never comes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rolleudpeger import __version__
from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store


def first_page_text(pdf: Path) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 - a test dependency, there in the venv

    text = PdfReader(pdf).pages[0].extract_text() if pdf.is_file() else ""
    return " ".join(text.split())  # pypdf may join words with tabs


TIMEOUT = 120  # seconds for any one start


def run(cmd: list[str], *, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the bundle; a start that hangs (a crash dialog nobody answers) fails the check."""
    try:
        return subprocess.run(
            cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(cmd, -1, "", f"no answer within {TIMEOUT} s: {e}")


def fail(message: str) -> int:
    print(f"dist-check: FAILED: {message}")
    return 1


def main() -> int:
    bundle = Path(sys.argv[1]).resolve()
    windows = sys.platform == "win32"
    exe = bundle / ("rolleudpeger.exe" if windows else "rolleudpeger")
    cli = bundle / ("rolleudpeger-cli.exe" if windows else "rolleudpeger")
    for program in (exe, cli):
        if not program.is_file():
            return fail(f"no executable at {program}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "ROLLEUDPEGER"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)  # run from elsewhere: nothing may come from the source tree
        version = run([str(cli), "--version"], cwd=work, env=env)
        if version.stdout.strip() != f"Rolleudpeger {__version__}":
            return fail(f"--version printed {version.stdout!r} {version.stderr!r}")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            shown = run(
                [str(exe), "--data-dir", str(work / "empty"), "--lang", "da"],
                cwd=work,
                env={**env, "ROLLEUDPEGER_QUIT_AFTER_SHOW": "1"},
            )
            times.append(time.perf_counter() - start)
            if shown.returncode != 0:
                return fail(f"start exited {shown.returncode}: {shown.stderr[-2000:]}")
        # A Danish start (the language is set before the log opens, so look at both).
        said = shown.stderr + (work / "empty" / "logs" / "rolleudpeger.log").read_text("utf-8")
        if "mangler" in said:  # "Sprogfilen qtbase_da.qm mangler i …": Qt's Danish not found
            return fail(f"the bundled app misses a translation: {said[-2000:]}")
        demo = work / "demo"
        store = Store.open(demo)
        clock = demo_clock()
        editor = CaseEditor.open(load_task(), store, clock=lambda: next(clock))
        fill_demo_case(editor)
        # A start builds the page of the saved step: open each page with widgets of its
        # own (loaded only when needed), so that a module missing from the bundle shows.
        for step in ("klik_task", "notify_kombit", "complete"):
            editor.set_current_step(step)
            shown = run(
                [str(exe), "--data-dir", str(demo), "--lang", "en"],
                cwd=work,
                env={**env, "ROLLEUDPEGER_QUIT_AFTER_SHOW": "1"},
            )
            log = demo / "logs" / "rolleudpeger.log"
            if shown.returncode != 0 or "Traceback" in log.read_text(encoding="utf-8"):
                return fail(f"start on {step} exited {shown.returncode}: {shown.stderr[-2000:]}")
        store.close()
        # The start-up backup and a restore, through the bundle (0.2.0 took no backup on
        # Windows, which a quit-after-show start never noticed).
        checked = run(
            [str(exe), "--data-dir", str(demo)],
            cwd=work,
            env={**env, "ROLLEUDPEGER_SELF_CHECK": "1"},
        )
        log = (demo / "logs" / "rolleudpeger.log").read_text(encoding="utf-8")
        if checked.returncode != 0 or "Selvtjek: ok" not in log:
            return fail(
                f"self-check exited {checked.returncode}: {checked.stderr[-1000:]} {log[-2000:]}"
            )
        pdf = work / "rapport.pdf"
        report = run(
            [str(cli), "report", "--pdf", str(pdf), "--data-dir", str(demo)],
            cwd=work,
            env={k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"},
        )
        if report.returncode != 0 or not pdf.is_file() or pdf.stat().st_size < 10_000:
            return fail(f"report exited {report.returncode}: {report.stderr[-2000:]}")
        english = work / "report.pdf"
        report = run(
            [str(cli), "report", "--pdf", str(english), "--data-dir", str(demo), "--lang", "en"],
            cwd=work,
            env=env,
        )
        if report.returncode != 0 or "Page 1 of" not in first_page_text(english):
            return fail(f"English report exited {report.returncode}: {report.stderr[-2000:]}")
    if not list(bundle.rglob("qtbase_da.qm")):
        return fail("Qt's Danish translation qtbase_da.qm is not in the bundle")
    if not list(bundle.rglob("rolleudpeger_en.qm")):
        return fail("the English catalogue rolleudpeger_en.qm is not in the bundle")
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(
        f"dist-check: ok. {bundle.name}: {size / 1e6:.0f} MB; start to window shown "
        f"{statistics.median(times) * 1000:.0f} ms (median of 3); self-check (start-up backup "
        f"and restore) ok; report PDF {pdf.name} ok; "
        "English report ok; qtbase_da.qm (found by the app) and rolleudpeger_en.qm present"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

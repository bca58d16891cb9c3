"""What start-up leaves for later (rolleudpeger.startup), seen from outside: the modules
listed there are not loaded when the command answers or the window is first painted, and
once the window is up, garbage is collected as in any program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rolleudpeger import startup
from rolleudpeger.ui import app

PROBE = """
import gc, json, sys, weakref
from rolleudpeger import cli, startup
from rolleudpeger.ui import app

seen = {}

class Node:
    other = None

class Probe(app.MainWindow):
    def __init__(self, *args):
        super().__init__(*args)
        self.first_painted.connect(self.painted)

    def painted(self):
        seen["loaded"] = sorted(m for m in startup.LATE_FOR_WINDOW if m in sys.modules)
        app.QTimer.singleShot(50, self.later)

    def later(self):
        freed = []
        for _ in range(50):  # garbage in cycles, as Qt's signal connections make
            a, b = Node(), Node()
            a.other, b.other = b, a
            weakref.finalize(a, freed.append, 1)
        del a, b
        junk = [[i] for i in range(100_000)]  # enough new objects for a collection
        seen["collected"] = len(freed)
        self.close()

app.MainWindow = Probe
code = cli.main(["--data-dir", sys.argv[1]])
print(json.dumps({**seen, "code": code}))
"""


def run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(app.QUIT_AFTER_SHOW_ENV, None)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_the_command_line_answers_without_what_it_does_not_need() -> None:
    code = (
        "import json, sys\n"
        "from rolleudpeger import cli, startup\n"
        "for argv in (['--version'], ['--frobnicate']):\n"
        "    try:\n"
        "        cli.main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(m for m in startup.LATE_FOR_COMMANDS if m in sys.modules)))\n"
    )
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_the_window_is_painted_before_what_it_does_not_need_is_loaded(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run(PROBE, str(data))  # makes the database (that loads Alembic)
    assert first.returncode == 0, first.stderr
    result = run(PROBE, str(data))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["code"] == 0
    assert seen["loaded"] == []
    assert set(startup.LATE_FOR_WINDOW) >= {"alembic", "phonenumbers", "PySide6.QtNetwork"}


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_garbage_made_after_start_is_collected(tmp_path: Path) -> None:
    result = run(PROBE, str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["collected"] == 50


ORDER_PROBE = """
import json, os, sys
order = []

class Recorder:
    def find_spec(self, name, path=None, target=None):
        order.append(name)

sys.meta_path.insert(0, Recorder())
from rolleudpeger import cli, startup
collector_on = startup.collector_on

def painted(*, startup_done):
    if startup_done:  # called after the first paint
        after = order[order.index("PySide6") :]
        qt = ("PySide6", "shiboken6", "shibokensupport", "__feature__", "rolleudpeger.ui")
        print(json.dumps([m for m in after if m.startswith(("sqlalchemy", "rolleudpeger"))
                          and not m.startswith(qt)]))
        sys.stdout.flush()
        os._exit(0)
    collector_on(startup_done=startup_done)

startup.collector_on = painted
cli.main(["--data-dir", sys.argv[1]])
"""


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_what_is_not_qt_is_imported_before_qt(tmp_path: Path) -> None:
    """PySide6's import hook slows every import after it: SQLAlchemy, the store and the
    domain come first (startup.import_before_qt)."""
    data = tmp_path / "data"
    assert run(PROBE, str(data)).returncode == 0  # makes the database
    result = run(ORDER_PROBE, str(data))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


def _late_imports() -> list[tuple[str, str]]:
    """(file:line, module) of every import marked to load late."""
    import ast

    found = []
    for path in sorted((Path(startup.__file__).parent).rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                line = " ".join(lines[node.lineno - 1 : node.end_lineno])
                if "late: startup.py" not in line:
                    continue
                if isinstance(node, ast.Import):
                    found += [(f"{path.name}:{node.lineno}", a.name) for a in node.names]
                    continue
                # `from a.b import c`: c may be a module itself (a.b.c) or a name in a.b
                for a in node.names:
                    found.append((f"{path.name}:{node.lineno}", f"{node.module}.{a.name}"))
    return found


def test_every_import_marked_late_is_listed_with_its_reason() -> None:
    """startup.py says once what loads late and why: an import marked late names a module
    listed there (or inside one listed), so the list and the code cannot drift apart."""
    listed = {*startup.LATE_FOR_COMMANDS, *startup.LATE_FOR_WINDOW, *startup.LATE_FOR_REPORT}
    unlisted = [
        (where, module)
        for where, module in _late_imports()
        if not any(
            candidate == m or candidate.startswith(m + ".")
            for m in listed
            for candidate in (module, module.rpartition(".")[0])
        )
    ]
    assert unlisted == []
    assert len(_late_imports()) > 20  # (the walk really found them)


def test_report_on_a_folder_with_no_case_answers_without_qt(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from rolleudpeger import cli, startup\n"
        "rc = cli.main(['report', '--pdf', sys.argv[2], '--data-dir', sys.argv[1]])\n"
        "print(json.dumps([rc, sorted(m for m in startup.LATE_FOR_REPORT if m in sys.modules)]))\n"
    )
    result = run(code, str(tmp_path / "tom"), str(tmp_path / "r.pdf"))
    rc, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert rc == 1 and loaded == [], result.stderr

"""Starting the app: command line, clear errors instead of tracebacks, installed wheel."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from packaging.markers import Marker

from rolleudpeger import __version__, resources
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import app
from tests.conftest import Dialogs

ROOT = Path(__file__).resolve().parents[1]


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rolleudpeger", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_version() -> None:
    result = run_module("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Rolleudpeger {__version__}"


def test_start_shows_the_window_and_creates_the_database(data_dir: Path) -> None:
    other = data_dir.parent / "andet sted"
    result = run_module("--data-dir", str(other), env={app.QUIT_AFTER_SHOW_ENV: "1"})
    assert result.returncode == 0, result.stderr
    assert (other / DB_FILE).is_file()
    assert not data_dir.exists()  # --data-dir wins over ROLLEUDPEGER_DATA_DIR
    result = run_module(env={app.QUIT_AFTER_SHOW_ENV: "1"})
    assert result.returncode == 0, result.stderr
    assert (data_dir / DB_FILE).is_file()


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_quit_when_ready_waits_for_the_work_after_the_first_paint(tmp_path: Path) -> None:
    """The benchmark's "ready": the start-up backup is taken (a case with content), the
    other pages are built, then the app quits by itself; "1" quits before any of that."""
    data = tmp_path / "data"
    store = Store.open(data)
    CaseEditor.open(resources.load_task(), store).set_municipality("751")  # data changed
    store.close()
    editor_args = ("--data-dir", str(data))
    result = run_module(*editor_args, env={app.QUIT_AFTER_SHOW_ENV: "1"})
    assert result.returncode == 0, result.stderr
    assert not list((data / "backups").glob("*.sqlite3"))
    result = run_module(*editor_args, env={app.QUIT_AFTER_SHOW_ENV: app.QUIT_WHEN_READY})
    assert result.returncode == 0, result.stderr
    assert list((data / "backups").glob("*.sqlite3"))


@pytest.fixture
def errors(answers: Dialogs) -> list[str]:
    return answers.errors


def test_broken_task_definition_gives_a_clear_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "res"
    folder.mkdir()
    (folder / resources.MUNICIPALITY_FILE).write_bytes(
        resources.resource(resources.MUNICIPALITY_FILE).read_bytes()
    )
    broken = (
        resources.resource(resources.TASK_FILE)
        .read_text(encoding="utf-8")
        .replace('title = "Opgaven"\n', "")
    )
    (folder / resources.TASK_FILE).write_text(broken, encoding="utf-8")
    monkeypatch.setattr(resources, "resource_dir", lambda: folder)
    assert app.run(None, []) == 2
    assert len(errors) == 1
    assert str(folder / resources.TASK_FILE) in errors[0]
    assert "»title« mangler" in errors[0]
    assert "Traceback" not in capsys.readouterr().err


def test_database_from_a_newer_version_is_left_alone(data_dir: Path, errors: list[str]) -> None:
    Store.open(data_dir).close()
    with sqlite3.connect(data_dir / DB_FILE) as c:
        c.execute("UPDATE alembic_version SET version_num = 'ffff'")
    c.close()
    before = (data_dir / DB_FILE).read_bytes()
    assert app.run(None, []) == 2
    assert "nyere version" in errors[0] and "ffff" in errors[0] and str(data_dir) in errors[0]
    assert (data_dir / DB_FILE).read_bytes() == before


def test_unusable_data_folder_offers_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe")
    answers.confirm = False
    asked = answers.questions
    assert app.run(str(blocker / "data"), []) == 2
    assert "en fil står i vejen for mappen" in asked[0] and "anden mappe" in asked[0]

    other = tmp_path / "andet sted"
    answers.confirm = True
    answers.folder = str(other)
    monkeypatch.setenv(app.QUIT_AFTER_SHOW_ENV, "1")
    assert app.run(str(blocker / "data"), []) == 0
    assert (other / DB_FILE).is_file()


def test_read_only_data_folder_is_found_by_trying(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, which may write anywhere: the refusal is injected."""
    import builtins

    from rolleudpeger.ui import data_safety

    real_open = builtins.open

    def refuse(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "skrivetest" in str(file) and "w" in mode:
            raise PermissionError(13, "Permission denied")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", refuse)
    with pytest.raises(PermissionError):
        data_safety.check_writable(data_dir)


def locked_version(package: str) -> str:
    """The version the lock holds for this Python (Qt has one for 3.15, one before it)."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return next(
        p["version"]
        for p in lock["package"]
        if p["name"] == package
        # a version the lock holds for some Pythons only lists them (any of the markers)
        and (
            not p.get("resolution-markers")
            or any(Marker(m).evaluate() for m in p["resolution-markers"])
        )
    )


def uv() -> str:
    """The uv that installs from uv.lock: the one `make` put in .tools/, or on the PATH."""
    found = os.environ.get("UV") or shutil.which("uv")
    local = ROOT / ".tools" / "bin" / "uv"
    if found is None and not local.is_file():
        pytest.fail("uv not found: run the tests through make (it installs uv into .tools/)")
    return found or str(local)


@pytest.mark.slow
def test_installed_wheel_finds_its_resources_and_starts(tmp_path: Path, data_dir: Path) -> None:
    """Build the wheel, install it with exactly the locked dependencies (hashes checked)
    into a fresh venv, and start it there offscreen."""
    dist = tmp_path / "dist"
    # The locked hatchling from this environment (with PySide6 for the translations hook).
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("rolleudpeger-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    requirements = tmp_path / "requirements.txt"
    subprocess.run(
        [
            *(uv(), "export", "--frozen", "--quiet", "--no-default-groups", "--no-emit-project"),
            *("--format", "requirements-txt", "-o", str(requirements)),
        ],
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    locked = requirements.read_text()
    assert "--hash=sha256:" in locked and "pyside6-essentials==" in locked
    assert "\npytest==" not in locked  # the app's own dependencies only
    for args in (["--require-hashes", "-r", str(requirements)], ["--no-deps", str(wheel)]):
        subprocess.run(
            [uv(), "pip", "install", "--quiet", "--python", str(python), *args],
            check=True,
            timeout=300,
        )
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import rolleudpeger.resources as r, PySide6; print(r.resource_dir());"
            " r.load_task(); print(PySide6.__version__)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    folder, qt = probe.stdout.split()
    assert Path(folder).is_relative_to(env_dir), probe.stdout
    assert qt == locked_version("pyside6-essentials")
    started = subprocess.run(
        [str(python.with_name("rolleudpeger" + python.suffix)), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, app.QUIT_AFTER_SHOW_ENV: "1", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert started.returncode == 0, started.stderr
    assert (data_dir / DB_FILE).is_file()


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_output_redirected_in_a_code_page_never_crashes(data_dir: Path, tmp_path: Path) -> None:
    """rolleudpeger-cli.exe with its output redirected writes in the ANSI code page
    (cp1252 on a Danish Windows); a file name outside it must not crash the command."""
    name = tmp_path / "فاطمه‌سادات → rapport.pdf"

    def report() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "rolleudpeger", "report", "--pdf", str(name)],
            capture_output=True,
            encoding="cp1252",
            timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "cp1252"},
            check=False,
        )

    result = report()
    assert result.returncode == 1, result.stderr  # no case yet: told, not a traceback
    assert "Traceback" not in result.stderr and "ingen sag" in result.stderr
    store = Store.open(data_dir)
    from rolleudpeger.editing import CaseEditor

    CaseEditor.open(resources.load_task(), store).set_text("leader_first_name", "Maja")
    store.close()
    result = report()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and name.is_file()
    assert "\\u0641" in result.stdout  # the name, written as escapes

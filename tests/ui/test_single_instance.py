"""A second start brings the running window forward; a crashed start does not block."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rolleudpeger.ui.app import QUIT_AFTER_SHOW_ENV


def start(data_dir: Path, *, quit_after_show: bool) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(QUIT_AFTER_SHOW_ENV, None)
    if quit_after_show:
        env[QUIT_AFTER_SHOW_ENV] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "rolleudpeger", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def log_text(data_dir: Path) -> str:
    path = data_dir / "logs" / "rolleudpeger.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for(predicate: object, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_second_start_and_stale_lock(data_dir: Path) -> None:
    first = start(data_dir, quit_after_show=False)
    try:
        wait_for(lambda: log_text(data_dir).count("Startet") == 1)
        second = start(data_dir, quit_after_show=True)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "allerede åben" in out and "bragt frem" in out
        wait_for(lambda: "bragt frem, fordi Rolleudpeger blev startet igen" in log_text(data_dir))
        assert first.poll() is None  # the first one runs on
    finally:
        first.kill()  # a crash (SIGKILL; TerminateProcess on Windows): the lock stays
        first.communicate(timeout=30)
    lock = data_dir / "rolleudpeger.lock"
    assert lock.exists()
    if sys.platform != "win32":  # POSIX modes; Windows protects by ACL
        assert lock.stat().st_mode & 0o777 == 0o600
    third = start(data_dir, quit_after_show=True)
    _, err = third.communicate(timeout=60)
    assert third.returncode == 0, err
    assert log_text(data_dir).count("Startet") == 2  # it really opened the window

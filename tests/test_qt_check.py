"""`make run` on a Linux desktop: scripts/qt_check.py names what Qt's plug-in lacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import qt_check  # noqa: E402 - the project's own script, as make runs it

# What ldd printed for libqxcb.so on a fresh Debian 12 with X (trimmed).
LDD = """\
\tlinux-vdso.so.1 (0x00007ffd6b5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f5ce5d95000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f5ce5a00000)
"""
DEBIAN = {"ID": "debian"}
UBUNTU = {"ID": "ubuntu", "ID_LIKE": "debian"}


def test_names_each_missing_library_once() -> None:
    assert qt_check.missing_libraries(LDD) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxkbcommon-x11.so.0",
    ]
    assert qt_check.missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_one_install_command_per_distribution() -> None:
    missing = qt_check.missing_libraries(LDD)
    apt = "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"
    assert qt_check.install_command(missing, DEBIAN) == apt
    assert qt_check.install_command(missing, UBUNTU) == apt
    assert qt_check.install_command(missing, {"ID": "fedora"}) == (
        "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms libxkbcommon-x11"
    )
    assert qt_check.install_command(missing, {"ID": "arch"}) is None


def test_which_plug_ins_are_checked() -> None:
    assert qt_check.wanted_platforms({}) is None  # no display at all
    assert qt_check.wanted_platforms({"DISPLAY": ":0"}) == ["xcb"]
    assert qt_check.wanted_platforms({"WAYLAND_DISPLAY": "wayland-0"}) == ["wayland", "xcb"]
    assert qt_check.wanted_platforms({"QT_QPA_PLATFORM": "offscreen"}) == []
    assert qt_check.wanted_platforms({"QT_QPA_PLATFORM": "xcb:dpi=96", "DISPLAY": ":0"}) == ["xcb"]


def test_a_desktop_without_the_libraries_gets_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fake_ldd(args: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(args, 0, stdout=LDD, stderr="")

    monkeypatch.setattr(qt_check.subprocess, "run", fake_ldd)
    monkeypatch.setattr(qt_check, "read_os_release", lambda: DEBIAN)
    ok, message = qt_check.check({"DISPLAY": ":0"})
    assert not ok
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message


def test_no_display_says_what_to_do() -> None:
    ok, message = qt_check.check({})
    assert not ok and "QT_QPA_PLATFORM=offscreen" in message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plug-in is Linux's")
def test_runs_against_the_real_plug_in() -> None:
    """Whatever this machine has installed, the check runs to an answer (no traceback)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "qt_check.py")],
        env={"DISPLAY": ":0", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 1:
        assert "Install them" in result.stderr

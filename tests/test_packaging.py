"""Linux desktop integration files are valid; the icon exists in every size."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "dk.rolleudpeger.Rolleudpeger"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed here (.ci/run installs it for CI)")
    return path


def test_appstream_metainfo_validates() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_names_agree_and_icons_exist() -> None:
    from rolleudpeger.ui.app import DESKTOP_ID

    assert DESKTOP_ID == APP_ID
    desktop = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in desktop
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert '<summary xml:lang="da">' in metainfo and "<summary>" in metainfo
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert (icons / f"rolleudpeger-{size}.png").is_file()
    assert (icons / "rolleudpeger.svg").is_file()


def test_windows_icon_has_every_size() -> None:
    from PySide6.QtGui import QGuiApplication, QImageReader

    _app = QGuiApplication.instance() or QGuiApplication([])
    reader = QImageReader(str(ROOT / "resources" / "icons" / "rolleudpeger.ico"))
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        sizes.append(reader.read().width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]

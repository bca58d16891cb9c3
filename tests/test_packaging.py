"""Linux desktop integration files are valid; the icon exists in every size."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

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


def test_version_is_the_same_in_both_places() -> None:
    """pyproject.toml's version is static (uv reads it without building); the app reads
    its own from the package at start."""
    from rolleudpeger import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__


# --- the bundle's Qt files on every platform (packaging/qt_translations.py) ---------------

sys.path.insert(0, str(ROOT / "packaging"))
import qt_translations  # noqa: E402 - the spec's own helper, as PyInstaller loads it


def windows_qt_wheel() -> Path:
    """The Windows wheel of the locked PySide6-Essentials, fetched once into a cache outside
    the checkout and checked against the hash in uv.lock."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    package = next(p for p in lock["package"] if p["name"] == "pyside6-essentials")
    wheel = next(w for w in package["wheels"] if w["url"].endswith("-win_amd64.whl"))
    cache = Path(
        os.environ.get("ROLLEUDPEGER_TEST_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rolleudpeger-tests"
    )
    target = cache / wheel["url"].rsplit("/", 1)[1]
    algorithm, expected = wheel["hash"].split(":", 1)
    if not target.is_file() or hashlib.file_digest(target.open("rb"), algorithm).hexdigest() != (
        expected
    ):
        cache.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        try:
            with urllib.request.urlopen(wheel["url"], timeout=120) as response:
                partial.write_bytes(response.read())
        except OSError as e:
            pytest.fail(f"could not fetch the Windows Qt wheel ({e}); it is fetched only once")
        digest = hashlib.file_digest(partial.open("rb"), algorithm).hexdigest()
        assert digest == expected, "the downloaded wheel does not match uv.lock"
        partial.replace(target)
    return target


def configured_folder(qt_core: bytes, path: QLibraryInfo.LibraryPath) -> str:
    """A folder as Qt6Core.dll's own configuration names it, relative to Qt's prefix: the
    strings after the prefix, in QLibraryInfo.LibraryPath order (doc, include, lib, ...)."""
    start = qt_core.index(b"doc\x00include\x00lib\x00")
    return qt_core[start : start + 200].split(b"\x00")[path.value - 1].decode("ascii")


@pytest.mark.slow
def test_spec_finds_qt_translations_in_the_windows_wheel(tmp_path: Path) -> None:
    """The Windows build takes from PySide6 only files that are there. On Windows, PySide6
    gives Qt its prefix through an internal qt.conf (Prefix = the PySide6 folder; there is
    no Qt/ folder), and Qt6Core.dll names the translations folder under it."""
    with zipfile.ZipFile(windows_qt_wheel()) as wheel:
        names = set(wheel.namelist())
        folder = configured_folder(
            wheel.read("PySide6/Qt6Core.dll"), QLibraryInfo.LibraryPath.TranslationsPath
        )
        assert folder == "translations"
        wheel.extractall(tmp_path, [n for n in names if n.startswith(f"PySide6/{folder}/")])
    pyside = tmp_path / "PySide6"
    assert qt_translations.bundle_folder(pyside, pyside / folder) == "PySide6/translations"
    for source, bundle_dir in qt_translations.datas(pyside, pyside / folder):
        assert f"{bundle_dir}/{Path(source).name}" in names, source
    # Qt's own Windows collection is filtered to Danish and English there too.
    assert qt_translations.wanted("PySide6/translations/qtbase_da.qm", "PySide6/translations")
    assert not qt_translations.wanted("PySide6\\translations\\qtbase_de.qm", "PySide6/translations")
    assert qt_translations.wanted("PySide6/plugins/platforms/qwindows.dll", "PySide6/translations")


def test_spec_finds_qt_translations_here() -> None:
    """The same, from this platform's PySide6 as the spec asks it (QLibraryInfo)."""
    import PySide6

    pyside = Path(PySide6.__file__).parent
    here = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    taken = qt_translations.datas(pyside, here)
    assert [Path(source).name for source, _ in taken] == ["qtbase_da.qm"]
    if sys.platform.startswith("linux"):
        assert taken[0][1] == "PySide6/Qt/translations"
    with pytest.raises(SystemExit, match=r"qtbase_da\.qm"):
        qt_translations.datas(pyside, pyside)


def test_it_notes_name_this_versions_setup_and_its_detection() -> None:
    """packaging/README.md tells IT the installer's name and the DisplayVersion to detect;
    both are the three-part version the Inno Setup script makes (not 0.1.0, not 0.2.0.0)."""
    from rolleudpeger import __version__

    text = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    setups = set(re.findall(r"Rolleudpeger-(\d[\d.]*)-setup\.exe", text))
    assert setups == {__version__}, setups
    assert f"`DisplayVersion` (`{__version__}`" in text
    iss = (ROOT / "packaging" / "windows" / "rolleudpeger.iss").read_text(encoding="utf-8")
    assert 'GetStringFileInfo(Bundle + "\\rolleudpeger.exe", "ProductVersion")' in iss
    assert "OutputBaseFilename=Rolleudpeger-{#AppVersion}-setup" in iss
    assert "MinVersion=10.0.17763" in iss  # Qt 6: Windows 10 1809 and newer

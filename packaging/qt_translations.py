"""Which of Qt's own translation files the bundle takes from PySide6, and where they go.

Used by rolleudpeger.spec, and by tests/test_packaging.py against the Windows wheel.
Qt's translations are not in the same place on every platform: PySide6's Linux and macOS
wheels keep Qt under `PySide6/Qt/` (translations in `PySide6/Qt/translations`), the
Windows wheel has no `Qt/` folder (`PySide6/translations`). So the folder is never
spelled out here: the spec asks QLibraryInfo on the machine that builds, and each file
goes to the same place relative to the PySide6 package in the bundle, which is where
QLibraryInfo looks when the bundled app runs.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

# Qt's own buttons and dialogs in Danish (English is Qt's source language): qtbase covers
# the modules the app uses; ui/language.py loads it.
CATALOGUES = ("qtbase_da.qm",)
# Of all Qt's catalogues that PyInstaller's hooks collect, the bundle keeps these languages.
LANGUAGES = ("_da", "_en")


def bundle_folder(pyside_dir: Path, translations_dir: Path) -> str:
    """The bundle's folder for Qt's translations, e.g. `PySide6/Qt/translations`."""
    return str(PurePosixPath("PySide6", translations_dir.relative_to(pyside_dir).as_posix()))


def datas(pyside_dir: Path, translations_dir: Path) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every file taken; stops the build if one is missing."""
    missing = [name for name in CATALOGUES if not (translations_dir / name).is_file()]
    if missing:
        raise SystemExit(
            f"Qt's translations {', '.join(missing)} are not in {translations_dir}, "
            "where QLibraryInfo says they are"
        )
    folder = bundle_folder(pyside_dir, translations_dir)
    return [(str(translations_dir / name), folder) for name in CATALOGUES]


def wanted(bundle_name: str, folder: str) -> bool:
    """Whether a file the hooks collected stays: of Qt's translations only Danish and English."""
    name = PurePosixPath(bundle_name.replace("\\", "/"))
    if name.parent == PurePosixPath(folder):
        return name.stem.endswith(LANGUAGES)
    return True

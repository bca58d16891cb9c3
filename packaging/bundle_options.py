"""What every bundle of ours leaves out, shared by packaging/rolleudpeger.spec and the
benchmark's frozen reference (benchmarks/reference.spec), so the two are built alike."""

import qt_translations  # packaging/qt_translations.py: the specs put this folder on sys.path

EXCLUDES = [
    "tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "numpy",
    "mypy",  # pulled in by SQLAlchemy's mypy plug-in, never used at run time
    "sqlalchemy.ext.mypy",
    "pytest",
    "hypothesis",
    "pypdf",
    # Nothing of ours imports them, yet PyInstaller collects setuptools (its distutils hook)
    # and then runs its runtime hook at every start: 60-odd modules loaded for nothing.
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
]


def wanted(name: str, qt_translations_in_bundle: str) -> bool:
    """Leave out what the app cannot use: Qt translations other than Danish and English,
    and TLS plug-ins (the app never uses the network; it only uses local sockets)."""
    name = name.replace("\\", "/")
    return qt_translations.wanted(name, qt_translations_in_bundle) and "/plugins/tls/" not in name

"""PyInstaller runtime hook of the frozen reference: SQLAlchemy before PyInstaller's
PySide6 hook imports QtCore, as the app's bundle imports its own (packaging/rth_before_qt.py)."""

import sqlalchemy.orm  # noqa: F401

"""PyInstaller runtime hook, run before PyInstaller's own PySide6 hook (which imports
QtCore): the app's modules that are not Qt are imported first, as `rolleudpeger` does
outside the bundle (see rolleudpeger/startup.py, 3: PySide6's import hook slows every
later import). `--version` and `--help` answer without them."""

import sys

if not {"--version", "-h", "--help"} & set(sys.argv[1:]):
    from rolleudpeger import startup

    startup.import_before_qt()

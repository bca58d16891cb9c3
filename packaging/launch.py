"""Entry point of the frozen app (PyInstaller runs this file)."""

import sys

from rolleudpeger.cli import main

sys.exit(main())

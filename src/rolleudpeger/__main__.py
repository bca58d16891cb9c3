"""Allows `python -m rolleudpeger`."""

import sys

from rolleudpeger.cli import main

sys.exit(main())

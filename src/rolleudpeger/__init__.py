"""Rolleudpeger: appoint the FBS debtor project leader and owner, and document it."""

__version__ = "0.1.0"
APP_NAME = "Rolleudpeger"

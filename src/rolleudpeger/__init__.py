"""Rolleudpeger: appoint the FBS debtor project leader and owner, and document it."""

__version__ = "0.3.0"
APP_NAME = "Rolleudpeger"

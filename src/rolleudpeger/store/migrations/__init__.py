"""Alembic migration environment (numbered revisions in versions/)."""

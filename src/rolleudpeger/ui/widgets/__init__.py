"""Reusable widgets and the field bindings."""

"""Storage: the SQLite database through SQLAlchemy; knows the domain, never Qt."""

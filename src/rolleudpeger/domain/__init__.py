"""The task, the case and its rules, in pure Python: no Qt, no SQL."""

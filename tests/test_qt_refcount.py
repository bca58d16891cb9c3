"""Guard against a Qt for Python that loses references to None.

PySide6-Essentials 6.12.0 drops one reference to `None` on every Qt call that returns
nothing. On Python 3.11, where `None` is an ordinary object, the count reaches zero after
some thousands of saves and the process aborts (`Fatal Python error: none_dealloc`) with
no log, and what was being typed is lost. Python 3.12+ makes `None` immortal, which hides
the bug, so this test can only catch it on 3.11 — the oldest supported Python, which
`make test` uses by default and the CI runs too. uv.lock holds 6.11.3; an upgrade that
brings the bug back (`make lock`) fails here.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

CALLS = 10_000


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count never moves"
)
def test_void_qt_calls_leave_the_refcount_of_none_unchanged(qtbot: QtBot) -> None:
    label, check, edit = QLabel(), QCheckBox(), QLineEdit()
    for widget in (label, check, edit):
        qtbot.addWidget(widget)
    calls = (
        lambda i: label.setText(str(i & 1)),
        lambda i: check.setChecked(bool(i & 1)),
        lambda i: edit.setEnabled(bool(i & 1)),
        lambda i: edit.setPlaceholderText(str(i & 1)),
    )
    # 100 calls first: with the bug, 10,000 at once would abort this process before any
    # assertion could report it.
    for count in (100, CALLS):
        for call in calls:
            call(0)  # any first-call caches are made before counting
            before = sys.getrefcount(None)
            for i in range(count):
                call(i)
            lost = before - sys.getrefcount(None)
            # Such a loop moves the count by a handful at most; the bug moves it by `count`.
            assert abs(lost) < 50, f"{lost} references to None lost in {count} Qt calls"

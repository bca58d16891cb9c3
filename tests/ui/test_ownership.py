"""Python's ownership graph of the window follows Qt's widget tree.

PySide keeps its own parent/child graph of wrappers next to Qt's. Some getters add to it:
a widget returned by nextInFocusChain(), previousInFocusChain(), QLayoutItem.widget(),
QLabel.buddy() or findChild(ren)() is registered as a child of the object asked (so this
test finds the window's wrappers through the garbage collector, not with findChildren).
When such a false "parent" wrapper is freed, PySide hands ownership of its "children"
back to Python, and freeing those wrappers then deletes widgets that are still on screen.
Walking the focus chain this way made the page's widgets children of one another; on
Python 3.13 the garbage collector then deleted the group box around the field being left
(a segfault).
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import Clock, demo
from tests.ui.helpers import close_window, open_window

_PARENT = re.compile(r"^parent\.+ <.* at (0x[0-9a-f]+)>", re.MULTILINE)


def python_parent(obj: QObject, by_id: dict[int, object]) -> object | None:
    """The wrapper PySide holds as `obj`'s parent (shiboken6.dump is the only way to ask)."""
    match = _PARENT.search(shiboken6.dump(obj))
    return None if match is None else by_id.get(int(match.group(1), 16))


def qt_ancestors(obj: QObject) -> list[QObject]:
    found: list[QObject] = []
    parent = obj.parent()
    while parent is not None:
        found.append(parent)
        if isinstance(parent, QWidget) and (layout := parent.layout()) is not None:
            found.append(layout)  # a layout holds its widget's children in PySide's graph
        parent = parent.parent()
    return found


def test_every_wrapper_has_a_qt_ancestor_as_its_python_parent(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)  # every page built and filled
    wrappers = [o for o in gc.get_objects() if isinstance(o, QWidget | QLayout)]
    by_id = {id(o): o for o in wrappers}
    strays = []
    for obj in wrappers:
        if not shiboken6.isValid(obj) or not any(a is w for a in qt_ancestors(obj)):
            continue  # not (or no longer) in this window
        parent = python_parent(obj, by_id)
        if parent is not None and not any(parent is a for a in qt_ancestors(obj)):
            strays.append(f"{type(obj).__name__} {obj.objectName()!r} under {parent!r}")
    assert not strays, "\n".join(strays[:20])
    close_window(w)

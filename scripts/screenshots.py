"""Render every step page to PNG from a demo case, and the README screenshot.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py OUT_DIR [--all]
       [--font-scale 1.5] [--dark] [--lang en] [--size 1366x768]
Writes OUT_DIR/screenshot.png (the README picture); with --all also every page at
1024×700 and 800×600, for an empty, a half-done and a complete case, into OUT_DIR/pages/.
--font-scale renders with larger text (as a user's 150 % or 200 % setting); --dark with a
dark palette (as the system's dark mode); --lang en in English; --size WxH renders the
pages at that window size instead (1366x768: a common laptop screen, window maximised).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

# A desktop-sized virtual screen: the window fits itself to the screen it opens on, and
# Qt's offscreen default (800 pixels wide) would squeeze the 1024×700 pictures.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(tempfile.gettempdir()) / "rolleudpeger-screenshot-screen.json"
    _screen.write_text(
        json.dumps({"screens": [{"name": "desk", "width": 1920, "height": 1200, "logicalDpi": 96}]})
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rolleudpeger import i18n
from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store
from rolleudpeger.ui.app import application
from rolleudpeger.ui.language import install_language
from rolleudpeger.ui.main_window import MainWindow


def window_for(kind: str, data: Path) -> MainWindow:
    store = Store.open(data)
    clock = demo_clock()
    editor = CaseEditor.open(load_task(language=i18n.language()), store, clock=lambda: next(clock))
    if kind != "empty":
        fill_demo_case(editor, complete=kind == "complete")
    return MainWindow(editor)


def render(window: MainWindow, size: tuple[int, int], path: Path) -> None:
    window.resize(*size)
    window.show()
    for _ in range(5):  # nested layouts settle over a few turns of the event loop
        QApplication.processEvents()
    window.grab().save(str(path))


def dark_palette() -> QPalette:
    p = QPalette()
    base, text, window = QColor(30, 30, 30), QColor(230, 230, 230), QColor(45, 45, 48)
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor(42, 130, 218)),
        (QPalette.ColorRole.HighlightedText, QColor("white")),
        (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150)),
        (QPalette.ColorRole.Link, QColor(110, 170, 255)),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
    ):
        p.setColor(role, color)
    return p


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the pictures (made if missing)")
    parser.add_argument("--all", action="store_true", help="every page, three cases")
    parser.add_argument("--lang", help="language code, e.g. en")
    parser.add_argument("--font-scale", type=float, help="e.g. 1.5 for 150 %%")
    parser.add_argument("--dark", action="store_true", help="a dark palette")
    parser.add_argument("--size", help="WxH, e.g. 1366x768")
    return parser.parse_args()


def main() -> int:
    args = arguments()
    out: Path = args.out
    everything = args.all
    app = application([])
    if args.lang:
        install_language(args.lang)
    if args.font_scale:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    if args.dark:
        app.setPalette(dark_palette())
    out.mkdir(parents=True, exist_ok=True)
    sizes = [(1024, 700), (800, 600)]
    if args.size:
        width, height = args.size.split("x")
        sizes = [(int(width), int(height))]
    with tempfile.TemporaryDirectory() as tmp:
        kinds = ("empty", "half", "complete") if everything else ("half",)
        for kind in kinds:
            window = window_for(kind, Path(tmp) / kind)
            if kind == "half":
                window.go_to_step("appoint")
                render(window, (1024, 700), out / "screenshot.png")
            if everything:
                pages = out / "pages"
                pages.mkdir(exist_ok=True)
                for step in window.task.steps:
                    window.go_to_step(step.key)
                    for size in sizes:
                        name = f"{kind}-{step.index}-{step.key}-{size[0]}x{size[1]}.png"
                        render(window, size, pages / name)
            window.close()
            window.editor.store.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render the app icon (resources/icons/rolleudpeger.svg) to PNG sizes and a Windows .ico.

Usage: QT_QPA_PLATFORM=offscreen python scripts/icons.py
The PNGs are committed (the app and the Linux desktop entry use them); rerun after
changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "rolleudpeger.svg"))
    if not renderer.isValid():
        print("the SVG could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"rolleudpeger-{size}.png"))
    render(renderer, 256).save(str(ICONS / "rolleudpeger.ico"))
    print(f"icons in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

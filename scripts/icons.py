"""Render the app icon (resources/icons/rolleudpeger.svg) to PNG sizes and a Windows .ico.

Usage: QT_QPA_PLATFORM=offscreen python scripts/icons.py
The PNGs are committed (the app and the Linux desktop entry use them); rerun after
changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
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


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(renderer: QSvgRenderer, path: Path) -> None:
    """A Windows icon with every size Windows asks for (Qt's writer stores only one image,
    which Windows then scales down poorly). Each entry is a PNG, as Vista and later read."""
    sizes = (16, 24, 32, 48, 64, 128, 256)
    images = [png_bytes(render(renderer, s)) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size == 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))


def main() -> int:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "rolleudpeger.svg"))
    if not renderer.isValid():
        print("the SVG could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"rolleudpeger-{size}.png"))
    write_ico(renderer, ICONS / "rolleudpeger.ico")
    print(f"icons in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

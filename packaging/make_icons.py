"""Render the app icon's SVG to the PNG sizes desktops look for, into packaging/icons/hicolor.

    python packaging/make_icons.py

The PNGs are committed, so packagers and the PyInstaller build need no renderer; run this again after
changing resources/icons/io.github.rutjournal.Rutjournal.svg. Qt's own SVG renderer (QtSvg, part of
PySide6-Essentials) draws them, so no extra tool is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "io.github.rutjournal.Rutjournal"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
HICOLOR = ROOT / "packaging" / "icons" / "hicolor"


def png_path(size: int, hicolor: Path = HICOLOR) -> Path:
    """Where the freedesktop icon theme spec wants the icon of this size."""
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(source: Path = SOURCE, hicolor: Path = HICOLOR) -> list[Path]:
    """Write one PNG per size and copy the SVG as the scalable icon; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {source} as SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = png_path(size, hicolor)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    written.append(scalable)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))

"""Render Sift's SVG icon to the PNG sizes desktops ask for, plus a Windows .ico and a macOS .icns.

Run from anywhere: ``.venv/bin/python packaging/scripts/render_icons.py``. The outputs are committed
(resources/icons/hicolor/<N>x<N>/apps/, resources/icons/sift.ico, resources/icons/sift.icns), so
neither the install nor the bundle build needs a renderer. Rendering uses Qt's QtSvg, which
PySide6-Essentials ships.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader import APP_ID  # noqa: E402  (needs the path above)

ICONS_DIR = ROOT / "resources" / "icons"
SVG_PATH = ICONS_DIR / f"{APP_ID}.svg"
# The sizes of the hicolor theme's fixed-size folders that desktops look up (16 px menus ... 512 px
# software centres); 22/24 are panel sizes.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Windows picks from these for Explorer views (256 is the largest .ico entry it uses).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS icns entries stored as PNG: OSType per pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int) -> Path:
    """Where the hicolor rendering of one size lives (the layout the icon theme spec uses)."""
    return ICONS_DIR / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, encoded as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the SVG icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG-compressed images (supported since Windows Vista)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        images += data
    return header + directory + images


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """An .icns made of PNG entries: big-endian OSType + length records after an 'icns' header."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for size, kind in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs it)
    pngs = {size: render_png(SVG_PATH, size) for size in PNG_SIZES}
    for size, data in pngs.items():
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (ICONS_DIR / "sift.ico").write_bytes(build_ico(pngs))
    (ICONS_DIR / "sift.icns").write_bytes(build_icns(pngs))
    print(f"rendered {len(pngs)} PNG sizes, sift.ico and sift.icns into {ICONS_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

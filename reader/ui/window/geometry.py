"""Where the main window opens: the saved geometry when it still fits the screens, else a fresh one.

A geometry saved on another screen set-up (a laptop docked then undocked, another X server) can be
tiny or off every screen; restoring it blindly opened the story one letter wide. The decision is a
pure function of rectangles (:func:`choose_geometry`), so fake screen set-ups test it;
:func:`apply_window_geometry` is the thin Qt step the window calls once before it is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# The smallest window in which the story column (about 45 characters) and the menus still fit;
# the issue names 640 × 480 as the usable minimum.
MIN_USABLE = QSize(640, 480)
# At least this fraction of a restored window's area must lie on the connected screens.
MIN_VISIBLE_FRACTION = 0.5
# A fresh window takes about 70 % of the available width (the figure)...
FRESH_WIDTH_FRACTION = 0.7
# ...at a 3:2 shape (the old 1200 × 800 default, which reads well) ...
FRESH_ASPECT = 1.5
# ...never more than 90 % of the available height, so the title bar and the bottom stay on screen...
MAX_HEIGHT_FRACTION = 0.9
# ...and never wider than 2400 px: on a 4K screen a wider window only adds empty margins.
MAX_FRESH_WIDTH = 2400
# Pixels of the top edge (the title bar) that must fall on a screen so the window can be dragged.
TITLE_BAR_PX = 24


@dataclass(frozen=True)
class GeometryChoice:
    """The rectangle to use and whether it is the saved one (``restored``) or a fresh one."""

    rect: QRect
    restored: bool


def visible_area(rect: QRect, screens: Sequence[QRect]) -> int:
    """Pixels of ``rect`` that lie on the screens (screens do not overlap one another)."""
    total = 0
    for screen in screens:
        part = rect.intersected(screen)
        if not part.isEmpty():
            total += part.width() * part.height()
    return total


def fits_screens(rect: QRect, screens: Sequence[QRect]) -> bool:
    """Usable size, at least half on the screens, and its title bar on one of them."""
    if rect.width() < MIN_USABLE.width() or rect.height() < MIN_USABLE.height():
        return False
    if visible_area(rect, screens) < MIN_VISIBLE_FRACTION * rect.width() * rect.height():
        return False
    grip = QPoint(rect.center().x(), rect.top() + TITLE_BAR_PX // 2)
    return any(screen.contains(grip) for screen in screens)


def fresh_geometry(screen: QRect) -> QRect:
    """A window centred on ``screen`` (an available geometry), sized in proportion to it."""
    width = min(round(screen.width() * FRESH_WIDTH_FRACTION), MAX_FRESH_WIDTH)
    width = max(width, MIN_USABLE.width())
    height = round(width / FRESH_ASPECT)
    height = min(height, round(screen.height() * MAX_HEIGHT_FRACTION))
    height = max(height, MIN_USABLE.height())
    width, height = min(width, screen.width()), min(height, screen.height())  # tiny screens
    rect = QRect(0, 0, width, height)
    rect.moveCenter(screen.center())
    return rect


def choose_geometry(saved: QRect | None, screens: Sequence[QRect]) -> GeometryChoice:
    """The saved rectangle when it fits the connected screens, else a fresh one on the first screen.

    ``screens`` are the available geometries (without panels and docks), the primary first.
    """
    if saved is not None and screens and fits_screens(saved, screens):
        return GeometryChoice(QRect(saved), restored=True)
    primary = screens[0] if screens else QRect(0, 0, 1280, 720)
    return GeometryChoice(fresh_geometry(primary), restored=False)


def available_screens(window: QWidget) -> list[QRect]:
    """The available geometry of every connected screen, the primary first."""
    from PySide6.QtGui import QGuiApplication

    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = ([primary] if primary is not None else []) + [s for s in screens if s is not primary]
    return [s.availableGeometry() for s in ordered]


def apply_window_geometry(window: QWidget, saved_base64: str | None) -> GeometryChoice:
    """Restore ``saved_base64`` (from ``saveGeometry().toBase64()``) when it fits, else open fresh.

    Call before ``show()``. A geometry that cannot be read is logged and replaced, never fatal.
    """
    screens = available_screens(window)
    saved: QRect | None = None
    if saved_base64:
        try:
            data = QByteArray.fromBase64(saved_base64.encode("ascii"))
        except UnicodeEncodeError:
            data = QByteArray()
        if not data.isEmpty() and window.restoreGeometry(data):
            saved = window.normalGeometry() if window.isMaximized() else window.geometry()
        else:
            log.warning("the saved window geometry could not be read; opening a fresh window")
    choice = choose_geometry(saved, screens)
    if not choice.restored:
        if saved is not None:
            log.info("saved window geometry %s does not fit the screens %s; opening fresh",
                     saved, screens)
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
        window.setGeometry(choice.rect)
    return choice

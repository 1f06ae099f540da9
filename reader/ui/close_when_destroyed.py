"""A window destroyed from outside (X11) closes Sift instead of leaving it running unseen.

A window manager closes a window by asking (WM_DELETE_WINDOW: Qt's close event), but a tool or a
misbehaving manager can destroy the X window outright (``xdotool windowclose``). Qt then keeps the
process running with nothing on screen, still holding the single-instance socket, so a later
``sift FILE`` hands its file to an invisible window. Seen under Xvfb + openbox.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

XCB_EVENT = b"xcb_generic_event_t"
XCB_DESTROY_NOTIFY = 17  # from <xcb/xproto.h>
# The high bit of response_type marks an event sent by another client (SendEvent).
XCB_RESPONSE_TYPE_MASK = 0x7F
# xcb_destroy_notify_event_t: response_type u8, pad u8, sequence u16, event u32, window u32.
DESTROYED_WINDOW_OFFSET = 8


class CloseWhenDestroyed(QAbstractNativeEventFilter):
    """Calls ``close`` when ``window``'s X window is destroyed while Qt still holds it.

    Qt destroying its own window (closing, re-creating) first forgets the id, so only a
    destruction from outside matches ``internalWinId``.
    """

    def __init__(self, window: QWidget, close: Callable[[], None]) -> None:
        super().__init__()
        self.window = window
        self.close = close

    def nativeEventFilter(self, event_type: QByteArray | bytes | bytearray | memoryview,  # noqa: N802
                          message: int) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        address = int(message)  # a pointer (a shiboken VoidPtr, falsy whatever it points to)
        if kind != XCB_EVENT or not address:
            return False, 0
        if ctypes.c_uint8.from_address(address).value & XCB_RESPONSE_TYPE_MASK != XCB_DESTROY_NOTIFY:
            return False, 0
        destroyed = ctypes.c_uint32.from_address(address + DESTROYED_WINDOW_OFFSET).value
        if self.window.isVisible() and destroyed == int(self.window.internalWinId()):
            log.warning("the window was destroyed from outside; Sift closes")
            self.close()
        return False, 0

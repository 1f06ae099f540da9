"""What a drop on the window holds: local files open (or, on the library, are imported; a folder
always is), anything else is explained, never fetched."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QMimeData, QObject
from PySide6.QtGui import QDropEvent

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

# Shown when something other than saved files is dropped (translated where shown).
DROP_REFUSAL = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Sift opens files saved from a browser (.html, .mhtml, .webarchive) and text files "
    "(.txt); it does not fetch web addresses or read dropped text. Save the page in "
    "your browser, then drop the saved file here.")


def has_droppable(mime: QMimeData) -> bool:
    """Whether to accept the drag at all: files to open, or something to explain."""
    return mime.hasUrls() or mime.hasText()


def split_drop(mime: QMimeData) -> tuple[list[str], list[str]]:
    """Local files in a drop, and descriptions of what else was dropped (web addresses, text)."""
    files: list[str] = []
    others: list[str] = []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            files.append(url.toLocalFile())
        else:
            others.append(url.toString())
    if not mime.urls() and mime.hasText():
        others.append(mime.text())
    return files, others


class DropTarget(QObject):
    """The window's drag and drop: lights the library's drop zone, opens or imports dropped files and
    explains anything else. Installed as an event filter on the window, where drops on any
    child that ignores them arrive (a read-only reading view does)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        kind = event.type()
        if kind == QEvent.Type.DragLeave:
            self._light_drop_zone(False)
        elif isinstance(event, QDropEvent) and has_droppable(event.mimeData()):
            if kind == QEvent.Type.DragEnter:
                event.acceptProposedAction()
                self._light_drop_zone(bool(split_drop(event.mimeData())[0]))
            elif kind == QEvent.Type.DragMove:
                event.acceptProposedAction()
            elif kind == QEvent.Type.Drop:
                self._drop(event)
            return True
        return False

    def _light_drop_zone(self, on: bool) -> None:
        home = self.window.library_page()
        if home is not None:
            home.view.set_drop_active(on)

    def _drop(self, event: QDropEvent) -> None:
        files, others = split_drop(event.mimeData())
        event.acceptProposedAction()
        self._light_drop_zone(False)
        if others or not files:
            self.window.message_bar.show_message(self.window.tr(str(DROP_REFUSAL)), "warning")
        home = self.window.library_page()
        if home is not None and home.is_shown():
            self.window.import_paths(files)
            return
        folders = [f for f in files if os.path.isdir(f)]
        if folders:
            self.window.import_paths(folders)
        self.window.open_paths([f for f in files if f not in folders])

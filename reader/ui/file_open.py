"""Files the system asks Sift to open through QFileOpenEvent (macOS Finder, "Open With").

Such events can arrive before the window exists (Finder launches Sift with the files), so they
are queued and handed over once a receiver is attached.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenQueue(QObject):
    """An application-wide event filter that turns file-open events into calls to a receiver."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._receiver: Callable[[list[str]], None] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self._pending.append(path)
                self._flush()
            return True
        return super().eventFilter(watched, event)

    def attach(self, receiver: Callable[[list[str]], None]) -> None:
        """From now on, open files with ``receiver``; files that came earlier go first."""
        self._receiver = receiver
        self._flush()

    def _flush(self) -> None:
        if self._receiver is not None and self._pending:
            paths, self._pending = self._pending, []
            self._receiver(paths)

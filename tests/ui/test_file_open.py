"""macOS file-open events: queued until the window can take them, then opened in order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.file_open import FileOpenQueue


def send_file_open(path: str) -> bool:
    app = QApplication.instance()
    assert app is not None
    return QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(path)))


def test_file_open_events_wait_for_the_window_then_open_in_order(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    queue = FileOpenQueue()
    app.installEventFilter(queue)
    try:
        assert send_file_open("/tmp/first.html") and send_file_open("/tmp/second.mhtml")
        opened: list[list[str]] = []
        queue.attach(opened.append)
        assert opened == [["/tmp/first.html", "/tmp/second.mhtml"]]
        send_file_open("/tmp/third.txt")
        assert opened[-1] == ["/tmp/third.txt"]
    finally:
        app.removeEventFilter(queue)

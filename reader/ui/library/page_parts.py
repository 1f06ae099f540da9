"""Widgets the library's pages share (the speaker page, disputes, versions, All Highlights)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def back_to_library_button(page: QWidget, back_requested: SignalInstance) -> QPushButton:
    """The "← Library" button at the top left of a page over the library."""
    button = QPushButton(QCoreApplication.translate("LibraryPages", "← Library"), page)
    button.setAccessibleName(QCoreApplication.translate("LibraryPages", "Back to the library"))
    button.clicked.connect(back_requested)
    return button


def labelled_column(parent: QWidget, label: QLabel, body: QWidget, more: QWidget) -> QWidget:
    """A heading, the list under it taking the height, and its "more" button at the foot."""
    column_widget = QWidget(parent)
    column = QVBoxLayout(column_widget)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(label)
    column.addWidget(body, 1)
    column.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
    return column_widget

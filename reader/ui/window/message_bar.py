"""A non-modal bar above the tabs: errors, notices and the progress of a slow open.

It never blocks reading: the reader may keep going and close it when done. Errors about several
files of one drop are listed together rather than replacing each other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

# Information hides itself after this long (longer when it offers an action such as Undo);
# errors and warnings stay until closed, since they may need reading twice.
INFO_MS = 6_000
INFO_WITH_ACTION_MS = 15_000
# Background and text colours per kind; readable on light and dark window palettes alike.
KIND_COLOURS = {
    "error": ("#fde7e9", "#6b0f16", "#c42b1c"),
    "warning": ("#fff4ce", "#4a3b00", "#9d5d00"),
    "info": ("#e5f1fb", "#0c3b66", "#0f6cbd"),
}


class MessageBar(QFrame):
    """One message at a time (errors of one batch accumulate), with optional action buttons."""

    cancel_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Message"))
        self.kind = "info"
        self._lines: list[str] = []
        self._generation = 0  # which message is showing, so a timer only hides its own
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.setAccessibleName(self.tr("Message text"))
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)  # busy: extraction reports no fractions
        self._progress.setMaximumWidth(160)
        self._progress.setAccessibleName(self.tr("Progress"))
        self._actions = QHBoxLayout()
        self._cancel = QPushButton(self.tr("Cancel"), self)
        self._cancel.setAccessibleName(self.tr("Cancel opening"))
        self._cancel.clicked.connect(self.cancel_requested)
        self._close = QToolButton(self)
        self._close.setText("✕")
        self._close.setToolTip(self.tr("Close this message"))
        self._close.setAccessibleName(self.tr("Close message"))
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._progress)
        layout.addLayout(self._actions)
        layout.addWidget(self._cancel)
        layout.addWidget(self._close)
        self.hide()

    def text(self) -> str:
        return self._label.text()

    def show_message(self, text: str, kind: str = "error", append: bool = False,
                     actions: tuple[tuple[str, Callable[[], None]], ...] = ()) -> None:
        """Show ``text``; with ``append`` a visible message of the same kind gains a line."""
        keep = append and self.isVisible() and self.kind == kind and not self._progress.isVisible()
        self._lines = [*self._lines, text] if keep else [text]
        self._set_kind(kind)
        self._label.setText("\n".join(self._lines))
        self._progress.hide()
        self._cancel.hide()
        self._set_actions(actions)
        self.show()
        self._generation += 1
        if kind == "info":  # "Saved", "Moved to the story": news, not problems; they go away
            shown = self._generation
            delay = INFO_WITH_ACTION_MS if actions else INFO_MS
            QTimer.singleShot(delay, self, lambda: self._expire(shown))

    def _expire(self, generation: int) -> None:
        if generation == self._generation and self.isVisible() and not self._progress.isVisible():
            self.dismiss()

    def show_progress(self, text: str) -> None:
        """A busy bar with Cancel, for a file that takes a while to open."""
        self._generation += 1
        self._lines = [text]
        self._set_kind("info")
        self._label.setText(text)
        self._set_actions(())
        self._progress.show()
        self._cancel.show()
        self.show()

    def showing_progress(self) -> bool:
        return self.isVisible() and self._progress.isVisible()

    def dismiss(self) -> None:
        self._lines = []
        self.hide()
        self.dismissed.emit()

    def _set_kind(self, kind: str) -> None:
        self.kind = kind
        background, text, border = KIND_COLOURS.get(kind, KIND_COLOURS["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            f" #messageBar QLabel {{ color: {text}; }}")

    def _set_actions(self, actions: tuple[tuple[str, Callable[[], None]], ...]) -> None:
        while self._actions.count():
            item = self._actions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for label, callback in actions:
            button = QPushButton(label, self)
            button.setAccessibleName(label)
            button.clicked.connect(callback)
            button.clicked.connect(self.dismiss)
            self._actions.addWidget(button)

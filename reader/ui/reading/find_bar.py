"""Find in article: a bar under the reading view with "3 of 12", F3 / Shift+F3 and Esc."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.reading.reading_view import ReadingView

FIND_LAYER = "find"
# A selection longer than this is not a search term (it is someone copying a paragraph).
MAX_PREFILL_CHARS = 80


class FindBar(QWidget):
    """Searches the reading view's document and highlights every match."""

    closed = Signal()

    def __init__(self, view: ReadingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.setAccessibleName(self.tr("Find in article"))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in article"))
        self.edit.setAccessibleName(self.tr("Text to find"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.previous_button = self._button("▲", self.tr("Previous match (Shift+F3)"),
                                            self.find_previous)
        self.next_button = self._button("▼", self.tr("Next match (F3)"), self.find_next)
        self.close_button = self._button("✕", self.tr("Close find bar (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        view.document_rebuilt.connect(self._on_rebuilt)
        self.hide()

    def _button(self, text: str, name: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def open_bar(self) -> None:
        """Show the bar with the focus in the search field (the selection pre-filled)."""
        selected = self.view.textCursor().selectedText()
        if selected and len(selected) <= MAX_PREFILL_CHARS and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.view.clear_highlights(FIND_LAYER)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def search(self, needle: str) -> None:
        self.matches = self.view.find_all(needle)
        self.current = 0 if self.matches else -1
        self._show_current()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.isHidden():
            self.open_bar()
            return
        if self.matches:
            self.current = (self.current + direction) % len(self.matches)
            self._show_current()

    def _show_current(self) -> None:
        if self.matches:
            count = len(self.matches)
            self.count_label.setText(self.tr("{0} of {1}").format(self.current + 1, count))
            self.view.set_document_highlights(FIND_LAYER, self.matches, self.current)
            self.view.scroll_to_position(self.matches[self.current][0])
        else:
            self.count_label.setText(self.tr("No matches") if self.edit.text() else "")
            self.view.clear_highlights(FIND_LAYER)

    def _on_rebuilt(self) -> None:
        if self.isVisible():
            current = self.current
            self.search(self.edit.text())
            if 0 <= current < len(self.matches):
                self.current = current
                self._show_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc closes."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key = key_event.key()
            back = bool(key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self._step(-1 if back else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

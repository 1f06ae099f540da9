"""The ``?`` overlay: every shortcut, in sections, over the window; Esc, ? or a click closes it.

It only draws the rows it is given (:class:`~reader.ui.reading.keyboard.Shortcut`, built from the
key tables and the window's actions), so it cannot list a key that does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from reader.ui.reading.keyboard import Shortcut
from reader.ui.reading.theme import DEFAULT_THEME, Theme, theme_named

# The page behind dims by this much black (of 255): enough to read the card as on top, not enough
# to hide where the reader was. Dark pages need more to show the change.
SCRIM_ALPHA = {"light": 90, "sepia": 90, "dark": 150}
CARD_MAX_WIDTH_PX = 900
CARD_MARGIN_PX = 40
# Two columns of sections when the card is at least this wide; one otherwise.
TWO_COLUMNS_MIN_PX = 760

Section = tuple[str, Sequence[Shortcut]]


class ShortcutsOverlay(QWidget):
    """Covers ``host``; call :meth:`show_sections` to fill and show it."""

    closed = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.theme = theme_named(DEFAULT_THEME)
        self.setObjectName("shortcutsOverlay")
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setAccessibleDescription(self.tr("Every shortcut of the window. Escape closes this."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card = QFrame(self)
        self.card.setObjectName("shortcutsCard")
        self.card.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.title = QLabel(self.tr("Keyboard shortcuts"), self.card)
        self.title.setObjectName("shortcutsTitle")
        self.hint = QLabel(self.tr("Press Esc or ? to close"), self.card)
        self.hint.setObjectName("shortcutsHint")
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(14)
        self.scroll_area = QScrollArea(self.card)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.body)
        column = QVBoxLayout(self.card)
        column.setContentsMargins(24, 18, 24, 18)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.scroll_area, 1)
        self.sections: list[Section] = []
        self.key_labels: list[QLabel] = []
        host.installEventFilter(self)
        self.hide()

    def show_sections(self, sections: Sequence[Section], theme: Theme | None = None) -> None:
        """Fill the card with ``(title, shortcuts)`` sections and show it over the host."""
        self.theme = theme or self.theme
        self.sections = [(title, list(rows)) for title, rows in sections if rows]
        self._apply_theme()
        self._fill()
        self.setGeometry(self.host.rect())
        self._place_card()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_overlay(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def toggle(self, sections: Sequence[Section], theme: Theme | None = None) -> None:
        """What the window's ``?`` action does."""
        if self.isVisible():
            self.close_overlay()
        else:
            self.show_sections(sections, theme)

    def _apply_theme(self) -> None:
        t = self.theme
        self.setStyleSheet(f"""
QFrame#shortcutsCard {{ background-color: {t.panel}; border: 1px solid {t.bar}; border-radius: 10px; }}
QFrame#shortcutsCard QLabel {{ color: {t.text}; background: transparent; }}
QFrame#shortcutsCard QLabel#shortcutsTitle {{ font-size: 16pt; font-weight: bold; }}
QFrame#shortcutsCard QLabel#shortcutsHint {{ color: {t.muted}; }}
QFrame#shortcutsCard QLabel#shortcutsSection {{ font-weight: bold; color: {t.muted}; }}
QFrame#shortcutsCard QLabel#shortcutKeys {{ background-color: {t.page}; border: 1px solid {t.bar};
    border-radius: 4px; padding: 1px 6px; font-family: monospace; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
""")

    def _fill(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.key_labels = []
        columns = 2 if self._card_width() >= TWO_COLUMNS_MIN_PX else 1
        for number, (title, rows) in enumerate(self.sections):
            self.grid.addWidget(self._section(title, rows), number // columns, number % columns,
                                Qt.AlignmentFlag.AlignTop)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def _section(self, title: str, rows: Sequence[Shortcut]) -> QWidget:
        box = QWidget(self.body)
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        heading = QLabel(title, box)
        heading.setObjectName("shortcutsSection")
        heading.setAccessibleName(title)
        layout.addWidget(heading, 0, 0, 1, 2)
        for row, shortcut in enumerate(rows, start=1):
            keys = QLabel(shortcut.key_text(), box)
            keys.setObjectName("shortcutKeys")
            keys.setAccessibleName(f"{shortcut.key_text()}: {shortcut.description}")
            description = QLabel(shortcut.description, box)
            description.setWordWrap(True)
            layout.addWidget(keys, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(description, row, 1)
            self.key_labels.append(keys)
        layout.setColumnStretch(1, 1)
        return box

    def _card_width(self) -> int:
        return min(CARD_MAX_WIDTH_PX, max(0, self.host.width() - 2 * CARD_MARGIN_PX))

    def _place_card(self) -> None:
        width = self._card_width()
        height = max(0, self.height() - 2 * CARD_MARGIN_PX)
        self.card.setGeometry((self.width() - width) // 2, CARD_MARGIN_PX, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The dimmed page behind the card."""
        painter = QPainter(self)
        scrim = QColor("#000000")
        scrim.setAlpha(SCRIM_ALPHA.get(self.theme.name, SCRIM_ALPHA["light"]))
        painter.fillRect(self.rect(), scrim)
        painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Follow the host's size."""
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.host.rect())
            self._place_card()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape or event.text() == "?":
            self.close_overlay()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self.card.geometry().contains(event.position().toPoint()):
            self.close_overlay()
        event.accept()

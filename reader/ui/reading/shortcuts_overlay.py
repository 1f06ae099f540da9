"""The ``?`` overlay: every shortcut, in sections, over the window; Esc, ? or a click closes it.

It only draws the rows it is given (:class:`~reader.ui.reading.keyboard.Shortcut`, built from the
key tables and the window's actions), so it cannot list a key that does nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from reader.ui.reading.keyboard import Shortcut
from reader.ui.reading.theme import DEFAULT_THEME, Theme, theme_named

# The page behind dims by this much black (of 255): enough to read the card as on top, not enough
# to hide where the reader was. Dark pages need more to show the change.
SCRIM_ALPHA = {"light": 90, "sepia": 90, "dark": 150}
CARD_MAX_WIDTH_PX = 1180
CARD_MARGIN_PX = 40
# Columns of shortcuts by the card's width: two from this width (a key and its words side by side
# need ~380 px), three from the next; one below.
TWO_COLUMNS_MIN_PX = 760
THREE_COLUMNS_MIN_PX = 1120
SECTION_SPACING_PX = 14
# A section split across columns keeps at least this many rows on each side of the break.
MIN_SPLIT_ROWS = 3

Section = tuple[str, Sequence[Shortcut]]


def balanced_columns(sections: Sequence[Section], columns: int,
                     continued: str = "%1 (continued)") -> list[list[Section]]:
    """The sections flowed into at most ``columns`` columns of about equal length (a heading
    counts as a row), so a laptop-sized window shows them all without scrolling; a long section
    goes on in the next column under its title marked ``continued`` ("%1": the title)."""
    target = max(1, math.ceil(sum(len(rows) + 1 for _, rows in sections) / max(1, columns)))
    flowed: list[list[Section]] = [[]]
    used = 0
    for title, rows in sections:
        pending, heading = list(rows), title
        while pending:
            last = len(flowed) >= columns
            room = len(pending) if last else target - used - 1
            if not last and room < MIN_SPLIT_ROWS and flowed[-1]:
                flowed.append([])
                used = 0
                continue
            room = max(room, MIN_SPLIT_ROWS)
            if len(pending) - room < MIN_SPLIT_ROWS:  # no lonely rows at the top of the next column
                room = len(pending)
            flowed[-1].append((heading, pending[:room]))
            used += room + 1
            pending = pending[room:]
            heading = continued.replace("%1", title)
    return [column for column in flowed if column]


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
        self.grid.setVerticalSpacing(SECTION_SPACING_PX)
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
        self.columns = 1
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
        self.columns = self._column_count()
        flowed = balanced_columns(self.sections, self.columns, self.tr("%1 (continued)"))
        for number, column in enumerate(flowed):
            box = QWidget(self.body)
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(SECTION_SPACING_PX)
            for title, rows in column:
                stack.addWidget(self._section(title, rows))
            stack.addStretch(1)
            self.grid.addWidget(box, 0, number, Qt.AlignmentFlag.AlignTop)
            self.grid.setColumnStretch(number, 1)
        self.grid.setRowStretch(1, 1)

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

    def _column_count(self) -> int:
        width = self._card_width()
        return 3 if width >= THREE_COLUMNS_MIN_PX else 2 if width >= TWO_COLUMNS_MIN_PX else 1

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
            if self._column_count() != self.columns:
                self._fill()
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

"""The Notes tab: the reader's highlights and notes in reading order; a click goes to one.

Highlights whose text is no longer in the article ("orphaned") come last, with their text, so
nothing the reader wrote is ever out of sight.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.core.model import Highlight
from reader.ui.reading.theme import DEFAULT_THEME, Theme, theme_named

# Characters of a highlight's text shown in the list before it is cut with an ellipsis.
QUOTE_CHARS = 160
# Size (px) of the colour swatch before each highlight.
SWATCH_PX = 12
# Pixels between two highlights in the list: under Xvfb + openbox the entries ran into each other
# (a quote's last line touching the next quote), so one could not tell where a note belonged.
ENTRY_SPACING_PX = 6
# The mark before a note, so a note reads apart from the quoted text above it.
NOTE_MARK = "✎"


def ordered(highlights: Sequence[Highlight]) -> list[Highlight]:
    """Anchored highlights by position, then the orphaned ones."""
    return sorted(highlights, key=lambda h: (h.orphaned, h.start, h.end))


def elide(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class NotesTab(QWidget):
    highlight_selected = Signal(str)  # a highlight's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Highlights and notes"))
        self.theme: Theme = theme_named(DEFAULT_THEME)
        self.highlights: list[Highlight] = []
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setSpacing(ENTRY_SPACING_PX)
        self.list.setAccessibleName(self.tr("Highlights in reading order"))
        self.list.setAccessibleDescription(self.tr("Enter or a click shows the highlight in the text"))
        self.empty = QLabel(self.tr("Select text and press H to highlight it. Your highlights and notes "
                                    "are listed here."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.show_highlights([])

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.show_highlights(self.highlights)

    def show_highlights(self, highlights: Sequence[Highlight]) -> None:
        self.highlights = ordered(highlights)
        self.list.clear()
        for h in self.highlights:
            text = f"“{elide(h.exact)}”"
            if h.note:
                text += f"\n{NOTE_MARK} {h.note}"
            if h.orphaned:
                text += "\n" + self.tr("(no longer found in the text)")
            item = QListWidgetItem(self.swatch(h.color), text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setToolTip(h.exact if not h.note else f"{h.exact}\n\n{h.note}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{h.color} highlight: {h.exact}" + (f". Note: {h.note}" if h.note else ""))
            if h.orphaned:
                item.setForeground(QColor(self.theme.muted))
        self.empty.setVisible(not self.highlights)
        self.list.setVisible(bool(self.highlights))

    def swatch(self, colour: str) -> QIcon:
        pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
        pixmap.fill(QColor(self.theme.highlight(colour)))
        return QIcon(pixmap)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.highlight_selected.emit(item.data(Qt.ItemDataRole.UserRole))

"""All highlights: every highlight and note in the library on one page, narrowed by article,
colour, tag and text (the library's search syntax); activating one opens its article there.

:class:`HighlightsView` is passive like the library view: it shows rows and says by signals what
the reader asked for. :class:`AllHighlights` links it to the window's library page: it reads the
library on the library's own thread (a :class:`~reader.ui.tasks.Task` on the controller's
runner), never the GUI thread. Orphaned highlights (their text is no longer in the article) are
listed with their text and a mark, and open their article where it was last read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import HIGHLIGHT_COLORS, Highlight
from reader.ui.library.page_parts import back_to_library_button
from reader.ui.library.table import display_title
from reader.ui.reading.theme import DEFAULT_THEME, theme_named
from reader.ui.side_panel.notes_tab import elide
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.core.library.library import Library
    from reader.ui.window.library_home import LibraryHome

log = logging.getLogger(__name__)

# Milliseconds of quiet typing in the text box before the list is asked for again.
FILTER_DEBOUNCE_MS = 300
# Characters of a quote and of a note in their columns (the whole text is the tooltip).
QUOTE_CHARS = 200
NOTE_CHARS = 120
# Size (px) of the colour swatch in the colour column.
SWATCH_PX = 12
# Row height in lines of text: one line with room above and below (seen under Xvfb: rows of
# exactly one line height ran together), as the library's list does with its two lines.
ROW_LINES = 1.7
# Widths of the narrower columns and the article filter, in characters of "n".
NOTE_COLUMN_CHARS = 44
ARTICLE_COLUMN_CHARS = 30
ARTICLE_FILTER_CHARS = 36
# The columns, in order.
COLUMNS = ("quote", "note", "colour", "article", "date")
COLUMN_LABELS = {"quote": "Highlight", "note": "Note", "colour": "Colour", "article": "Article",
                 "date": "Date"}
# The item role holding a row's (article id, start, end, orphaned).
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
# The mark before an orphaned highlight's text.
ORPHAN_MARK = "⚠"


@dataclass(frozen=True)
class HighlightQuery:
    """What the list is narrowed to (None or "": not narrowed)."""

    article: str | None = None
    color: str | None = None
    tag: str | None = None
    text: str = ""


@dataclass(frozen=True)
class HighlightRow:
    highlight: Highlight
    title: str


@dataclass(frozen=True)
class HighlightListing:
    """The rows for a query, and the choices of the article and tag filters."""

    rows: list[HighlightRow]
    articles: list[tuple[str, str]]  # (id, title) of every article with highlights, by title
    tags: list[str]


def list_highlights(library: Library, query: HighlightQuery) -> HighlightListing:
    """The highlights matching ``query`` with their articles' titles (runs on the library's thread)."""
    every = library.highlights()
    titles: dict[str, str] = {}
    for highlight in every:
        if highlight.article not in titles:
            stored = library.article(highlight.article)
            titles[highlight.article] = display_title(stored.summary) if stored else highlight.article
    chosen = library.highlights(query.article or None, color=query.color or None, tag=query.tag or None,
                                text=query.text.strip() or None)
    rows = [HighlightRow(h, titles.get(h.article, h.article)) for h in chosen]
    articles = sorted(titles.items(), key=lambda item: item[1].casefold())
    return HighlightListing(rows, articles, [name for name, _count in library.tags()])


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
    pixmap.fill(QColor(theme_named(DEFAULT_THEME).highlight(colour)))
    return QIcon(pixmap)


class HighlightTree(QTreeWidget):
    """The list; Enter opens the current highlight (a double-click does too, as in the library)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.itemActivated.emit(item, 0)
        else:
            super().keyPressEvent(event)


class HighlightsView(QWidget):
    """Filters above the list of highlights; ``open_requested`` when one is activated."""

    back_requested = Signal()
    query_changed = Signal(object)  # a HighlightQuery
    open_requested = Signal(str, int, int)  # article id, span (-1, -1 for an orphaned highlight)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlightsView")
        self.back = back_to_library_button(self, self.back_requested)
        heading = QLabel(self.tr("<h2>All Highlights</h2>"), self)
        self.article = QComboBox(self)
        self.article.setAccessibleName(self.tr("Article"))
        self.article.setMinimumContentsLength(24)
        self.article.setMaximumWidth(self.fontMetrics().horizontalAdvance("n" * ARTICLE_FILTER_CHARS))
        self.article.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.colour = QComboBox(self)
        self.colour.setAccessibleName(self.tr("Colour"))
        self.colour.addItem(self.tr("Every colour"), "")
        for name in HIGHLIGHT_COLORS:
            self.colour.addItem(swatch(name), self.tr(name.capitalize()), name)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Tag"))
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr('Search highlights and notes: words, "a phrase", -word'))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Search highlights and notes"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of highlights shown"))
        self.set_choices([], [])

        self.tree = HighlightTree(self)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr(COLUMN_LABELS[c]) for c in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName(self.tr("Highlights and notes"))
        self.tree.setAccessibleDescription(
            self.tr("Enter or a double-click opens the article at the highlight"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("quote"), QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMNS.index("note"), QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        header.resizeSection(COLUMNS.index("note"), metrics.horizontalAdvance("n" * NOTE_COLUMN_CHARS))
        header.resizeSection(COLUMNS.index("colour"), self.fontMetrics().horizontalAdvance("Yellow") + 48)
        header.resizeSection(COLUMNS.index("article"),
                             self.fontMetrics().horizontalAdvance("n" * ARTICLE_COLUMN_CHARS))
        header.resizeSection(COLUMNS.index("date"), self.fontMetrics().horizontalAdvance("2026-12-31") + 24)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count)
        filters = QHBoxLayout()
        filters.addWidget(self.text, 1)
        filters.addWidget(self.article)
        filters.addWidget(self.colour)
        filters.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_query)
        self.text.textChanged.connect(lambda _text: self._debounce.start())
        for box in (self.article, self.colour, self.tag):
            box.activated.connect(lambda _index: self._emit_query())
        self.tree.itemActivated.connect(self._activated)

    # ------------------------------------------------------------------ what the controller calls
    def query(self) -> HighlightQuery:
        return HighlightQuery(self.article.currentData() or None, self.colour.currentData() or None,
                              self.tag.currentData() or None, self.text.text())

    def set_choices(self, articles: list[tuple[str, str]], tags: list[str]) -> None:
        """The article and tag filters' choices; the current choice stays when it is still there."""
        for box, everything, values in ((self.article, self.tr("Every article"), articles),
                                        (self.tag, self.tr("Every tag"), [(t, t) for t in tags])):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, "")
            for value, label in values:
                box.addItem(elide(label, 60), value)
            index = box.findData(current) if current else 0
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def show_listing(self, listing: HighlightListing) -> None:
        self.set_choices(listing.articles, listing.tags)
        self.tree.clear()
        for row in listing.rows:
            self.tree.addTopLevelItem(self._item(row))
        shown = len(listing.rows)
        self.count.setText(self.tr("1 highlight") if shown == 1 else
                           self.tr("%1 highlights").replace("%1", f"{shown:,}"))
        if shown:
            self.stack.setCurrentWidget(self.tree)
            return
        narrowed = self.query() != HighlightQuery()
        self.empty.setText(self.tr("No highlight matches.") if narrowed else self.tr(
            "No highlights yet. Select text in an article and press H to highlight it."))
        self.stack.setCurrentWidget(self.empty)

    def _item(self, row: HighlightRow) -> QTreeWidgetItem:
        h = row.highlight
        quote = elide(h.exact, QUOTE_CHARS)
        if h.orphaned:
            quote = f"{ORPHAN_MARK} {quote}"
        item = QTreeWidgetItem([quote, elide(h.note or "", NOTE_CHARS), self.tr(h.color.capitalize()),
                                row.title, h.created[:10]])
        item.setIcon(COLUMNS.index("colour"), swatch(h.color))
        item.setSizeHint(0, QSize(0, int(self.fontMetrics().height() * ROW_LINES)))
        item.setData(0, TARGET_ROLE, (h.article, h.start, h.end, h.orphaned))
        item.setToolTip(0, (self.tr("Orphaned: this text is no longer in the article.\n")
                            if h.orphaned else "") + h.exact)
        if h.note:
            item.setToolTip(1, h.note)
        item.setToolTip(3, row.title)
        if h.orphaned:
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
        return item

    # ------------------------------------------------------------------ internals
    def _emit_query(self) -> None:
        self.query_changed.emit(self.query())

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, TARGET_ROLE)
        if data:
            article, start, end, orphaned = data
            self.open_requested.emit(article, -1 if orphaned else start, -1 if orphaned else end)


class AllHighlights(QObject):
    """The all-highlights page of the window's library: shown in the window's stack, filled from
    the library's thread; activating a highlight opens its article at it."""

    def __init__(self, home: LibraryHome) -> None:
        super().__init__(home)
        self.home = home
        self.view = HighlightsView(home.window.stack)
        home.window.stack.addWidget(self.view)
        self._asked = 0  # the latest query's number: older answers are dropped
        self.view.back_requested.connect(home.show)
        self.view.query_changed.connect(self.refresh)
        self.view.open_requested.connect(self.open)

    def show(self) -> None:
        self.home.window.stack.setCurrentWidget(self.view)
        self.view.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def refresh(self, query: HighlightQuery | None = None) -> None:
        library = self.home.controller.library
        if library is None:
            return
        chosen = query if query is not None else self.view.query()
        self._asked += 1
        asked = self._asked
        self.home.controller.runner.run(Task(
            lambda: list_highlights(library, chosen),
            success=lambda listing: self._show(asked, listing),
            failure=lambda error: self._failed(asked, error)))

    def _show(self, asked: int, listing: HighlightListing) -> None:
        if asked == self._asked:
            self.view.show_listing(listing)

    def _failed(self, asked: int, error: BaseException) -> None:
        from reader.ui.errors import describe_error

        log.warning("highlights not listed: %s", error)
        if asked == self._asked:
            self.home.window.message_bar.show_message(describe_error(error), "error")

    def open(self, article: str, start: int, end: int) -> None:
        # shown, not selected: a selection would hide the highlight's colour
        self.home.open_article(article, (start, end) if start >= 0 and end > start else None, select=False)

"""The library view, the window's home: search, filters, facets and the list of articles.

A passive view: it shows what the controller gives it (rows, facets, import progress) and says
what the reader asked for through signals. It never touches the database, so it can be tested
with plain data and never blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.records import SearchHit, Summary
from reader.ui.library.table import COLUMNS, ID_ROLE, RICH_TEXT_ROLE, SORT_ROLE, LibraryTableModel

# The filters the reader picks from, as (key, label); the controller maps keys to core filters.
FILTERS = (
    ("all", "All articles"),
    ("unread", "Unread"),
    ("favourites", "Favourites"),
    ("archived", "Archived"),
    ("missing", "Missing files"),
)
# The context menu's Export choices, as (format, label): a folder of files, or one book.
EXPORT_CHOICES = (
    ("md", "Markdown Files…"),
    ("html", "Web Pages…"),
    ("json", "JSON Records…"),
    ("epub", "One EPUB Book…"),
)
# Facet groups shown beside the list, as (key, label).
FACET_GROUPS = (
    ("site", "Sites"),
    ("tag", "Tags"),
    ("person", "People"),
    ("organization", "Organizations"),
    ("place", "Places"),
)
# The empty state's drop zone: tall enough to aim at, narrow enough to read on a wide window.
DROP_ZONE_PX = 160
EMPTY_COLUMN_PX = 560
# The columns the library itself can order a list by (a large list is shown a page at a time, so
# it cannot be sorted in the table): the others (sources) sort a complete list only.
# The library's order for each (newest first for dates, longest and furthest read first), shown
# by the header's arrow.
LIBRARY_SORTS = {"title": Qt.SortOrder.AscendingOrder, "site": Qt.SortOrder.AscendingOrder,
                 "published": Qt.SortOrder.DescendingOrder, "added": Qt.SortOrder.DescendingOrder,
                 "words": Qt.SortOrder.DescendingOrder, "progress": Qt.SortOrder.DescendingOrder}
# The width of each narrow column: its widest usual value, plus room for the sort arrow.
COLUMN_SAMPLES = {"site": "www.example-news.com", "published": "2026-12-31", "words": "100,000",
                  "progress": "100 %  ", "added": "2026-12-31", "sources": "12 · 3 unnamed"}
COLUMN_PADDING_PX = 24
# Lines of text a row shows (title, then a snippet line for search hits).
ROW_LINES = 2.6


class RichTextDelegate(QStyledItemDelegate):
    """Draws the title column's rich text (bold title, marked snippet) in the row's colours."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rich = index.data(RICH_TEXT_ROLE)
        if not rich:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(rich)
        document.setTextWidth(option.rect.width() - 8)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        context.palette.setColor(option.palette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 8, option.rect.height() - 4))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), int(option.fontMetrics.height() * ROW_LINES))


class ArticleTable(QTableView):
    """The article list with the library's keys: Enter opens, Delete archives, / searches."""

    open_current = Signal()
    archive_selection = Signal()
    search_wanted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_current.emit()
        elif key == Qt.Key.Key_Delete:
            self.archive_selection.emit()
        elif key == Qt.Key.Key_Slash:
            self.search_wanted.emit()
        else:
            super().keyPressEvent(event)


class LibraryView(QWidget):
    """Search box, filter, facets, the article table, the import bar and an empty state."""

    search_changed = Signal(str)  # the query as typed (the controller debounces)
    filter_changed = Signal(str)  # a key of FILTERS
    facet_chosen = Signal(str, str)  # (group key, value); ("", "") clears
    open_requested = Signal(str)  # article id
    archive_requested = Signal(list)  # article ids
    favourite_requested = Signal(list)
    forget_requested = Signal(list)
    tag_requested = Signal(list, str)  # article ids, tag
    export_requested = Signal(list, str)  # article ids, a format of EXPORT_CHOICES
    import_cancel_requested = Signal()
    more_wanted = Signal()  # the reader scrolled to the end of a partial list
    sort_wanted = Signal(str)  # a column (of LIBRARY_SORTS) the library orders a paged list by
    import_folder_requested = Signal()  # the empty state's buttons
    open_file_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.chosen_facet: tuple[str, str] | None = None  # the facet that narrows the list
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr('Search your library: words, "a phrase", -word'))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        self.filter = QComboBox(self)
        for key, label in FILTERS:
            self.filter.addItem(self.tr(label), key)
        self.filter.setAccessibleName(self.tr("Show"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of articles shown"))

        self.facets = QTreeWidget(self)
        self.facets.setHeaderHidden(True)
        self.facets.setColumnCount(2)
        self.facets.setAccessibleName(self.tr("Browse by site, tag or entity"))
        self.facets.setRootIsDecorated(False)
        self.facets.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.facets.header().setStretchLastSection(False)

        self.model = LibraryTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = ArticleTable(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Articles"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COLUMNS.index("title"), RichTextDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * ROW_LINES))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column in range(1, len(COLUMNS)):  # widths from samples, not from every row's contents:
            # ResizeToContents asks each row for ~20 roles per cell at each change (~1 s for 200 rows)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            sample = COLUMN_SAMPLES[COLUMNS[column]]
            header.resizeSection(column, metrics.horizontalAdvance(sample) + COLUMN_PADDING_PX)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Newest first, as the library lists them (its pages come in that order too).
        header.setSortIndicator(COLUMNS.index("added"), LIBRARY_SORTS["added"])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.empty = self._build_empty_state()
        self.no_match = QLabel(self.tr("No article matches."), self)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        for page in (self.table, self.empty, self.no_match):
            self.stack.addWidget(page)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress_label = QLabel(self)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(self.tr("Cancel the import"))
        self.import_bar = QWidget(self)
        bar = QHBoxLayout(self.import_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.progress_label, 1)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel)
        self.import_bar.hide()

        self.top_row = top = QHBoxLayout()  # the window adds its own buttons at the end
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        top.addWidget(self.count)
        splitter = QSplitter(self)
        splitter.addWidget(self.facets)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([220, 880])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.import_bar)
        self._connect()
        self.show_items([], library_empty=True)

    def _build_empty_state(self) -> QWidget:
        """An empty library invites drops: a dashed zone, and buttons for those who do not drag."""
        page = QWidget(self)
        zone = self.drop_zone = QFrame(page)
        zone.setObjectName("dropZone")
        zone.setMinimumHeight(DROP_ZONE_PX)
        zone.setMaximumWidth(EMPTY_COLUMN_PX)
        zone.setAccessibleName(self.tr("Drop zone"))
        text = QLabel(
            self.tr(
                "<h2>Your library is empty</h2><p>Drop saved articles or folders here, or import "
                "a folder. Sift reads them on this computer and never fetches anything.</p>"
            ),
            zone,
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        QVBoxLayout(zone).addWidget(text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import Folder…"), page)
        self.import_button.clicked.connect(self.import_folder_requested)
        self.import_button.setDefault(True)
        self.open_button = QPushButton(self.tr("Open File…"), page)
        self.open_button.clicked.connect(self.open_file_requested)
        self.sample_button = QPushButton(self.tr("Open the Sample Article"), page)
        self.sample_button.clicked.connect(self.sample_requested)
        for button in (self.import_button, self.open_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(zone, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(buttons)
        column.addStretch(2)
        self.set_drop_active(False)
        return page

    def set_drop_active(self, on: bool) -> None:
        """Light the drop zone up while files are dragged over the window."""
        colour, fill = (
            ("palette(highlight)", "palette(alternate-base)") if on else ("palette(mid)", "transparent")
        )
        self.drop_zone.setStyleSheet(
            f"#dropZone {{ border: 2px dashed {colour}; border-radius: 10px; background: {fill}; }}"
        )

    def _connect(self) -> None:
        self.search.textChanged.connect(self.search_changed)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.filter_changed.emit(self.filter.currentData())
        )
        self.table.activated.connect(lambda index: self.open_requested.emit(index.data(ID_ROLE)))
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.facets.itemActivated.connect(self._facet_activated)
        self.facets.itemClicked.connect(self._facet_activated)
        self.cancel.clicked.connect(self.import_cancel_requested)
        self.table.open_current.connect(
            lambda: self.open_requested.emit(self.table.currentIndex().data(ID_ROLE))
        )
        self.table.archive_selection.connect(lambda: self._emit_selected(self.archive_requested))
        self.table.search_wanted.connect(self.focus_search)
        self.model.more_wanted.connect(self.more_wanted)
        self.table.horizontalHeader().sectionClicked.connect(self._sorting)
        QShortcut(
            QKeySequence(Qt.Key.Key_Down),
            self.search,
            self.focus_list,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    # ------------------------------------------------------------------ what the controller calls
    def show_items(self, items: Sequence[Summary | SearchHit], library_empty: bool = False,
                   has_more: bool = False) -> None:
        """Show these articles (search hits keep their order: best first); ``has_more``: the
        library has more, asked for (``more_wanted``) when the reader scrolls to the end."""
        hits = bool(items) and isinstance(items[0], SearchHit)
        self.table.setSortingEnabled(False)
        self.model.set_items(items, has_more)
        if hits or has_more:
            self.proxy.sort(-1)  # the ranking's or the library's order: the pages follow it
        else:
            self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().setSortIndicatorShown(not hits)  # hits come best first
        self._show_count()
        page = self.table if items else self.empty if library_empty else self.no_match
        self.stack.setCurrentWidget(page)

    def append_items(self, items: Sequence[Summary | SearchHit], has_more: bool) -> None:
        """The next page of the list."""
        self.model.append_items(items, has_more)
        self._show_count()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        text = self.tr("%1 articles").replace("%1", f"{shown:,}") if shown != 1 else self.tr("1 article")
        self.count.setText(text + (self.tr(", more below") if self.model.has_more else ""))

    def show_facets(self, groups: dict[str, list[tuple[str, int]]]) -> None:
        """Facet values with their counts, by group key of :data:`FACET_GROUPS`."""
        self.facets.clear()
        for key, label in FACET_GROUPS:
            values = groups.get(key) or []
            if not values:
                continue
            head = QTreeWidgetItem(self.facets, [self.tr(label)])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for value, count in values:
                item = QTreeWidgetItem(self.facets, [value, str(count)])
                item.setData(0, Qt.ItemDataRole.UserRole, (key, value))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        self.facets.resizeColumnToContents(1)
        self.mark_facet(self.chosen_facet)

    def mark_facet(self, facet: tuple[str, str] | None) -> None:
        """Show which facet narrows the list (selected; a click on it again clears it)."""
        self.chosen_facet = facet
        self.facets.clearSelection()
        for index in range(self.facets.topLevelItemCount()):
            item = self.facets.topLevelItem(index)
            if item is not None and facet is not None and \
                    tuple(item.data(0, Qt.ItemDataRole.UserRole) or ()) == facet:
                item.setSelected(True)
                self.facets.scrollToItem(item)

    def show_import(self, done: int, total: int, current: str, seconds_left: float | None) -> None:
        self.import_bar.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        left = (
            ""
            if seconds_left is None
            else self.tr(" — about %1 s left").replace("%1", str(round(seconds_left)))
        )
        self.progress_label.setText(
            self.tr("Importing %1 of %2: %3")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", current)
            + left
        )

    def hide_import(self) -> None:
        self.import_bar.hide()

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in rows]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            # Not selectRow(): it reads the keyboard's modifiers, and a held Ctrl would toggle.
            first = self.proxy.index(0, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.table.selectionModel().setCurrentIndex(first, flags.ClearAndSelect | flags.Rows)

    # ------------------------------------------------------------------ internals
    def _emit_selected(self, signal: SignalInstance) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _sorting(self, column: int) -> None:
        """On a list shown a page at a time, a column the library can order by asks it to (the
        pages then follow that order); the sources column sorts only a complete list."""
        key = COLUMNS[column]
        if not self.table.isSortingEnabled() and self.model.has_more and key in LIBRARY_SORTS:
            self.table.horizontalHeader().setSortIndicator(column, LIBRARY_SORTS[key])
            self.sort_wanted.emit(key)

    def _facet_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.facet_chosen.emit(*data)

    def _context_menu(self, position: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(ids[0]))
        menu.addAction(self.tr("Add Tag…"), lambda: self._ask_tag(ids))
        menu.addAction(self.tr("Favourite"), lambda: self.favourite_requested.emit(ids))
        menu.addAction(self.tr("Archive"), lambda: self.archive_requested.emit(ids))
        export = menu.addMenu(self.tr("Export"))
        for export_format, label in EXPORT_CHOICES:
            export.addAction(self.tr(label), partial(self.export_requested.emit, ids, export_format))
        menu.addSeparator()
        menu.addAction(self.tr("Forget…"), lambda: self.forget_requested.emit(ids))
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _ask_tag(self, ids: list[str]) -> None:
        tag, ok = QInputDialog.getText(self, self.tr("Add Tag"), self.tr("Tag:"))
        if ok and tag.strip():
            self.tag_requested.emit(ids, tag.strip())

"""The page picker: a web archive or a mailbox holds several articles, so opening it asks which.

Each page shows its title, address and saved date (from the archive's records or the messages'
headers, listed in a worker thread before the dialog opens). The reader opens one or several
pages in tabs, or imports them all into the library at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.sources.pages import Page

# Wide enough for a typical headline and its address side by side without a scroll bar.
PICKER_WIDTH_PX = 760
# Enough rows to see the archive's shape; more scroll.
PICKER_VISIBLE_ROWS = 12
KEY_ROLE = Qt.ItemDataRole.UserRole
SAVED_FORMAT = "yyyy-MM-dd HH:mm"


def saved_label(saved: str | None) -> str:
    """An ISO 8601 saved date in local time, written as the library writes dates (year first),
    to the minute; "" when unknown, the text as given when unreadable."""
    if not saved:
        return ""
    when = QDateTime.fromString(saved, Qt.DateFormat.ISODate)
    if not when.isValid():
        return saved
    return when.toLocalTime().toString(SAVED_FORMAT)


class PagePicker(QDialog):
    """Asks which pages of ``path`` to open (``open_requested``: their keys, in list order) or
    whether to import every page into the library (``import_all_requested``)."""

    open_requested = Signal(list)
    import_all_requested = Signal()

    def __init__(self, path: Path, pages: tuple[Page, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.pages = pages
        self.setWindowTitle(self.tr("Choose Pages of “%1”").replace("%1", path.name))
        self.setAccessibleName(self.tr("Choose pages"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("“%1” holds %2 pages. Choose the ones to read, or import them all "
                               "into the library.").replace("%1", path.name).replace("%2", str(len(pages))),
                       self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = self._build_list(pages)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button = buttons.addButton(self.tr("Import All into Library"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open_chosen)
        self.import_button.clicked.connect(self._import_all)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.list.selectedItems())))
        self.list.itemActivated.connect(lambda _item, _column: self._open_chosen())
        first = self.list.topLevelItem(0)
        if first is not None:  # the main page, chosen by Enter
            self.list.setCurrentItem(first)
        self.resize(PICKER_WIDTH_PX, self.sizeHint().height())

    def _build_list(self, pages: tuple[Page, ...]) -> QTreeWidget:
        view = QTreeWidget(self)
        view.setAccessibleName(self.tr("Pages"))
        view.setHeaderLabels([self.tr("Title"), self.tr("Address"), self.tr("Saved")])
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for page in pages:
            title = page.title or page.url or page.key
            item = QTreeWidgetItem([title, page.url or "", saved_label(page.saved)])
            item.setData(0, KEY_ROLE, page.key)
            item.setToolTip(0, title)
            item.setToolTip(1, page.url or "")
            view.addTopLevelItem(item)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, PICKER_WIDTH_PX // 3)
        row_height = view.sizeHintForRow(0) if pages else view.fontMetrics().height()
        rows = min(len(pages), PICKER_VISIBLE_ROWS)
        view.setMinimumHeight(row_height * rows + header.sizeHint().height() + 2 * view.frameWidth())
        return view

    def chosen_keys(self) -> list[str]:
        """The keys of the selected pages, in the archive's order."""
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [str(item.data(0, KEY_ROLE)) for item in items if item is not None and item.isSelected()]

    def _open_chosen(self) -> None:
        keys = self.chosen_keys()
        if keys:
            self.open_requested.emit(keys)
            self.accept()

    def _import_all(self) -> None:
        self.import_all_requested.emit()
        self.accept()

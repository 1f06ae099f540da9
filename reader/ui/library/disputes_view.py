"""Every dispute in the library: a claim, the claim that contradicts it, both passages and their
article; narrowed to one person or organization by a search box.

Passive, like the library view: it shows :class:`~reader.core.library.disputes.DisputeLink`\\ s
and says by signals what the reader asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.disputes import ArticleClaim, DisputeLink
from reader.core.library.speaker_page import said_by
from reader.ui.library.page_parts import back_to_library_button
from reader.ui.library.speaker_page import (
    ARTICLE_SAMPLE,
    COLUMN_PADDING_PX,
    DATE_SAMPLE,
    ROWS_PAGE,
    date_of,
    passage_span,
    quoted,
)

# Milliseconds of quiet typing in the entity box before the list is asked for again.
FILTER_DEBOUNCE_MS = 300
# The columns, and which claim of the link a double-click on each opens.
CLAIM_COLUMN, DISPUTED_BY_COLUMN = 2, 3
# The role holding (claim target, disputing claim target), each (article id, start, end).
TARGETS_ROLE = Qt.ItemDataRole.UserRole + 1


def target(side: ArticleClaim) -> tuple[str, int, int]:
    return (side.id, *passage_span(side.claim))


def side_text(side: ArticleClaim) -> str:
    return f"{said_by(side.claim)} — {quoted(side.claim)}"


class DisputesView(QWidget):
    """The dispute links, oldest article first; a double-click opens the article at the passage
    clicked (the claim, or the claim that disputes it)."""

    back_requested = Signal()
    filter_changed = Signal(str)  # an entity's name, or "" for every dispute
    open_requested = Signal(str, int, int)  # article id, span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disputesView")
        self.back = back_to_library_button(self, self.back_requested)
        self.heading = QLabel(self.tr("<h2>Disputes</h2>"), self)
        self.entity = QLineEdit(self)
        self.entity.setPlaceholderText(self.tr("Only the disputes of a person or organization…"))
        self.entity.setAccessibleName(self.tr("Filter by entity"))
        self.entity.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.filter_changed.emit(self.entity.text().strip()))
        self.entity.textChanged.connect(lambda _t: self._timer.start())
        self.entity.returnPressed.connect(self._timer.timeout.emit)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Dispute links"))
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Article"), self.tr("Claim"),
                                   self.tr("Disputed by")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance(DATE_SAMPLE) + COLUMN_PADDING_PX)
        header.resizeSection(1, metrics.horizontalAdvance(ARTICLE_SAMPLE) + COLUMN_PADDING_PX)
        header.setSectionResizeMode(CLAIM_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DISPUTED_BY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.links: Sequence[DisputeLink] = []
        self.more = QPushButton(self)
        self.more.clicked.connect(self._add_links)
        self.more.hide()
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.heading, 1)
        top.addWidget(self.entity, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)

    def set_entity(self, name: str) -> None:
        """Put a name in the box without asking again (the caller asks)."""
        self.entity.blockSignals(True)
        self.entity.setText(name)
        self.entity.blockSignals(False)

    def show_links(self, links: Sequence[DisputeLink]) -> None:
        """Show the links a page at a time (each is decoded as its row is made)."""
        self.links = links
        self.tree.clear()
        self._add_links()
        count = self.tr("%1 disputes").replace("%1", f"{len(links):,}") if len(links) != 1 \
            else self.tr("1 dispute")
        self.count.setText(count)

    def _add_links(self) -> None:
        shown = self.tree.topLevelItemCount()
        for link in self.links[shown:shown + ROWS_PAGE]:
            claim = link.claim
            article = f"{claim.title or claim.id}" + (f" · {claim.site}" if claim.site else "")
            row = QTreeWidgetItem(self.tree, [date_of(claim.published), article, side_text(claim),
                                              side_text(link.disputed_by)])
            row.setData(0, TARGETS_ROLE, (target(claim), target(link.disputed_by)))
            for column in range(4):
                row.setToolTip(column, row.text(column))
        shown, total = self.tree.topLevelItemCount(), len(self.links)
        self.more.setText(self.tr("Show more (%1 of %2 shown)").replace("%1", f"{shown:,}")
                          .replace("%2", f"{total:,}"))
        self.more.setVisible(shown < total)

    def _activated(self, item: QTreeWidgetItem, column: int = CLAIM_COLUMN) -> None:
        targets = item.data(0, TARGETS_ROLE)
        if targets:
            chosen = targets[1] if column == DISPUTED_BY_COLUMN else targets[0]
            self.open_requested.emit(*chosen)

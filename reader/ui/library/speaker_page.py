"""A person's or organization's page: everything the library reports them to have said, by date,
with who disputes it and whom they dispute, and the articles that mention them.

A passive page: it shows a core :class:`~reader.core.library.speaker_page.SpeakerPage` and says
what the reader asked for by signals (open an article at a span, export, correct the entity);
the window's library pages (ui/window/library_pages.py) do the asking on the library's thread.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.speaker_page import SpeakerPage, content_text, said_by
from reader.ui.library.page_parts import back_to_library_button, labelled_column

# The role of a row's target: (article id, start, end) of the passage to open the article at,
# or (article id, -1, -1) for an article opened at the entity's first mention.
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
# Widths of the date and site columns: a date as the page writes it, and most news sites' names
# (longer ones elide, whole in the tooltip); the padding leaves room for the tree's margins.
DATE_SAMPLE = "2026-12-31"
SITE_SAMPLE = "www.example-news.com"
ARTICLE_SAMPLE = "An article's title of about fifty characters, long"
COLUMN_PADDING_PX = 24
# Rows listed at first, and added by "Show more": a few screens. Each claim's record is decoded
# as its row is made (a prolific speaker has thousands; the core decodes none ahead), so a page of
# 200 keeps the filling well under the 100 ms a view may take.
ROWS_PAGE = 200
# The corrections the page offers, as (kind, menu label).
CORRECTIONS = (
    ("merge", "Merge With Another Entity…"),
    ("split", "Split Off Some Articles…"),
    ("rename", "Rename…"),
    ("retype", "Change Type…"),
    ("hide", "Hide From the Library"),
    ("list", "Corrections Made…"),
)


def passage_span(claim: dict[str, Any]) -> tuple[int, int]:
    """From the start of a claim's first content span to the end of its last."""
    content = claim.get("content") or []
    if not content:
        cue = claim["cue"]
        return int(cue["start"]), int(cue["end"])
    return int(content[0]["start"]), int(content[-1]["end"])


def date_of(published: str | None) -> str:
    return (published or "")[:10] or "undated"


def quoted(claim: dict[str, Any]) -> str:
    """A claim as a line: its cue, and its words in quotes (a paraphrase marked as such)."""
    kind = "" if claim.get("kind") == "direct" else " (reported)"
    return f"{claim['cue']['text']}{kind}: “{' '.join(content_text(claim).split())}”"


class SpeakerPageView(QWidget):
    """Heading, export and correction buttons, the claims by date and the articles."""

    back_requested = Signal()
    open_requested = Signal(str, int, int)  # article id and the span to show (-1, -1: a mention)
    export_requested = Signal(str)  # "md" or "csv"
    correction_requested = Signal(str)  # a kind of CORRECTIONS
    disputes_requested = Signal(str)  # the entity's name: the disputes view, filtered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerPage")
        self.page: SpeakerPage | None = None
        self.back = back_to_library_button(self, self.back_requested)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setAccessibleName(self.tr("Name"))
        self.meta = QLabel(self)
        self.meta.setAccessibleName(self.tr("Claims and articles"))
        self.export_md = QPushButton(self.tr("Export Markdown…"), self)
        self.export_md.clicked.connect(lambda: self.export_requested.emit("md"))
        self.export_csv = QPushButton(self.tr("Export CSV…"), self)
        self.export_csv.clicked.connect(lambda: self.export_requested.emit("csv"))
        self.disputes = QPushButton(self.tr("Disputes…"), self)
        self.disputes.setToolTip(self.tr("Every dispute this entity takes part in"))
        self.disputes.clicked.connect(lambda: self.disputes_requested.emit(self.name()))
        self.correct = QToolButton(self)
        self.correct.setText(self.tr("Correct"))
        self.correct.setAccessibleName(self.tr("Correct this entity"))
        self.correct.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.correct)
        for kind, label in CORRECTIONS:
            if kind == "list":
                menu.addSeparator()
            action = menu.addAction(self.tr(label))
            action.setData(kind)
        menu.triggered.connect(lambda action: self.correction_requested.emit(str(action.data())))
        self.correct.setMenu(menu)

        self.claims = self._tree(self.tr("What they are reported to have said"),
                                 [self.tr("Date"), self.tr("Site"), self.tr("Article"), self.tr("Said")])
        self.articles = self._tree(self.tr("Articles that mention them"),
                                   [self.tr("Date"), self.tr("Site"), self.tr("Article"),
                                    self.tr("Mentions")])
        self.claims_label = QLabel(self)
        self.articles_label = QLabel(self)
        self.more_claims = QPushButton(self)
        self.more_claims.clicked.connect(self._add_claims)
        self.more_articles = QPushButton(self)
        self.more_articles.clicked.connect(self._add_articles)
        self._lay_out()

    def _tree(self, name: str, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName(name)
        tree.setHeaderLabels(headers)
        tree.setAlternatingRowColors(True)
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        header = tree.header()
        header.setStretchLastSection(False)
        tree.setRootIsDecorated(False)
        metrics = self.fontMetrics()
        for column, sample in enumerate((DATE_SAMPLE, SITE_SAMPLE, ARTICLE_SAMPLE)):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + COLUMN_PADDING_PX)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        tree.itemActivated.connect(self._activated)
        tree.itemDoubleClicked.connect(self._activated)
        return tree

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        for button in (self.disputes, self.export_md, self.export_csv, self.correct):
            top.addWidget(button)
        said = labelled_column(self, self.claims_label, self.claims, self.more_claims)
        named = labelled_column(self, self.articles_label, self.articles, self.more_articles)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(said)
        splitter.addWidget(named)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.meta)
        layout.addWidget(splitter, 1)

    def name(self) -> str:
        return self.page.title if self.page is not None else ""

    # ------------------------------------------------------------------ filling
    def show_page(self, page: SpeakerPage) -> None:
        self.page = page
        self.title.setText(f"<h2>{html.escape(page.title)}</h2>")
        in_articles = len({c.id for c in page.claims})
        self.meta.setText(self.tr("%1 · %2 claims in %3 articles · mentioned in %4 articles")
                          .replace("%1", self.tr(page.type or "entity")).replace("%2", str(len(page.claims)))
                          .replace("%3", str(in_articles)).replace("%4", str(len(page.articles))))
        self.claims_label.setText(self.tr("<b>What they are reported to have said</b> (oldest first; "
                                          "Enter or a double-click opens the article there)"))
        self.articles_label.setText(self.tr("<b>Articles that mention them</b> (most mentions first)"))
        self.claims.clear()
        self.articles.clear()
        self._add_claims()
        self._add_articles()
        empty = not page.claims and not page.articles
        self.claims_label.setVisible(bool(page.claims) or empty)
        if empty:
            none = self.tr("No article of the library mentions “%1”.").replace("%1", page.name)
            self.claims_label.setText(none)
        for widget in (self.export_md, self.export_csv, self.correct, self.disputes):
            widget.setEnabled(not empty)

    def _add_claims(self) -> None:
        """The next page of claims (the first when the list is empty)."""
        claims = self.page.claims if self.page is not None else []
        shown = self.claims.topLevelItemCount()
        for item in claims[shown:shown + ROWS_PAGE]:
            span = passage_span(item.claim)
            row = QTreeWidgetItem(self.claims, [date_of(item.published), item.site or "",
                                                item.title or item.id, quoted(item.claim)])
            row.setToolTip(2, f"{item.title or ''} ({item.id})")
            row.setData(0, TARGET_ROLE, (item.id, *span))
            row.setToolTip(3, quoted(item.claim))
            if item.disputes is not None:
                self._add_dispute(row, item.id, self.tr("disputes %1").replace("%1", said_by(item.disputes)),
                                  item.disputes)
            for other in item.disputed_by:
                label = self.tr("disputed by %1").replace("%1", said_by(other))
                self._add_dispute(row, item.id, label, other)
            row.setExpanded(True)
        self._offer_more(self.more_claims, self.claims.topLevelItemCount(), len(claims))

    def _add_articles(self) -> None:
        articles = self.page.articles if self.page is not None else []
        shown = self.articles.topLevelItemCount()
        for article in articles[shown:shown + ROWS_PAGE]:
            row = QTreeWidgetItem(self.articles, [date_of(article.published), article.site or "",
                                                  article.title or article.id, str(article.mentions)])
            row.setToolTip(2, f"{article.title or ''} ({article.id})")
            row.setData(0, TARGET_ROLE, (article.id, -1, -1))
            row.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._offer_more(self.more_articles, self.articles.topLevelItemCount(), len(articles))

    def _offer_more(self, button: QPushButton, shown: int, total: int) -> None:
        button.setText(self.tr("Show more (%1 of %2 shown)").replace("%1", f"{shown:,}")
                       .replace("%2", f"{total:,}"))
        button.setVisible(shown < total)

    def _add_dispute(self, parent: QTreeWidgetItem, article: str, label: str, claim: dict[str, Any]) -> None:
        child = QTreeWidgetItem(parent, ["", "", label, quoted(claim)])
        child.setData(0, TARGET_ROLE, (article, *passage_span(claim)))
        child.setToolTip(3, quoted(claim))
        font = child.font(2)
        font.setItalic(True)
        child.setFont(2, font)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            self.open_requested.emit(*target)

"""The library's article list as a Qt table model: one row per article (or search hit).

Rows are the core's :class:`~reader.core.library.records.Summary` (with a score and a marked
snippet for search hits); the model only formats them, it never asks the database anything.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from reader.core.library.records import SearchHit, Summary
from reader.core.library.search import MARK_CLOSE, MARK_OPEN

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("title", "site", "published", "words", "progress", "added", "sources")
# The role that carries a row's title and snippet as rich text for the title delegate.
RICH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
# The role that carries the raw value a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# The role that carries the article id.
ID_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Extras:
    """What the library says of a row beyond its summary, fetched with its page (issue 16)."""

    sources: str = ""  # e.g. "4 · 1 unnamed"
    sources_detail: str = ""  # the same in words, for the tooltip
    versions: int = 1  # saved copies of the story
    source_count: int = 0  # what the column sorts by


@dataclass(frozen=True)
class Row:
    summary: Summary
    snippet: str | None = None
    score: float | None = None


def rows_of(items: Sequence[Summary | SearchHit]) -> list[Row]:
    return [Row(i.summary, i.snippet, i.score) if isinstance(i, SearchHit) else Row(i) for i in items]


def snippet_html(snippet: str) -> str:
    """A search snippet with its matched words in bold, everything else escaped."""
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(html.escape(MARK_OPEN), "<b>").replace(html.escape(MARK_CLOSE), "</b>")


def display_title(summary: Summary) -> str:
    """A title people recognise: never a hash-named file's 64 hex digits."""
    if summary.title:
        return summary.title
    if summary.paths:
        stem = summary.paths[0].rsplit("/", 1)[-1]
        return stem if len(stem) < 40 else stem[:37] + "…"
    return summary.id


class LibraryTableModel(QAbstractTableModel):
    """The rows given so far; when the library has more, scrolling to the end asks for them
    (``more_wanted``), so a large library is listed a page at a time."""

    more_wanted = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.has_more = False
        self._asked = False  # more_wanted was sent and not answered yet
        self.extras: dict[str, Extras] = {}  # article id → sources and versions, as they come
        self._headers = {
            "title": self.tr("Title"),
            "site": self.tr("Site"),
            "published": self.tr("Date"),
            "words": self.tr("Words"),
            "progress": self.tr("Read"),
            "added": self.tr("Added"),
            "sources": self.tr("Sources"),
        }

    def set_items(self, items: Sequence[Summary | SearchHit], has_more: bool = False) -> None:
        self.beginResetModel()
        self._rows = rows_of(items)
        self.has_more, self._asked = has_more, False
        self.endResetModel()

    def append_items(self, items: Sequence[Summary | SearchHit], has_more: bool) -> None:
        """The next page (rows already shown are not repeated)."""
        known = {row.summary.id for row in self._rows}
        rows = [row for row in rows_of(items) if row.summary.id not in known]
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.has_more, self._asked = has_more, False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt's)
        return not parent.isValid() and self.has_more and not self._asked

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 (Qt's)
        if self.canFetchMore(parent):
            self._asked = True
            self.more_wanted.emit()

    def set_extras(self, extras: dict[str, Extras]) -> None:
        """Sources and versions of rows already shown (they come after the rows, from the library)."""
        self.extras.update(extras)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def versions_of(self, article_id: str) -> int:
        extras = self.extras.get(article_id)
        return extras.versions if extras is not None else 1

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def ids(self) -> list[str]:
        return [r.summary.id for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        summary = row.summary
        if role == ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(summary, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == RICH_TEXT_ROLE and column == "title":
            return self.title_html(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return "\n".join(summary.paths) + (
                self.tr("\n(file missing: shown from the library)") if summary.missing else ""
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == "sources":
            extras = self.extras.get(summary.id)
            return extras.sources_detail if extras is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("words", "progress"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.display(summary, column)
        return None

    def display(self, summary: Summary, column: str) -> str:
        if column == "title":
            return display_title(summary)
        if column == "site":
            return summary.site or ""
        if column == "published":
            return (summary.published or "")[:10]
        if column == "words":
            return f"{summary.words:,}"
        if column == "sources":
            extras = self.extras.get(summary.id)
            return extras.sources if extras is not None else ""
        if column == "progress":
            if summary.read:
                return self.tr("done")
            return f"{round(summary.progress * 100)} %" if summary.progress else ""
        return summary.added[:10]

    def sort_value(self, row: Row, column: str) -> Any:
        summary = row.summary
        values: dict[str, Any] = {
            "title": display_title(summary).casefold(),
            "site": (summary.site or "").casefold(),
            "published": summary.published or "",
            "words": summary.words,
            "progress": 1.0 if summary.read else summary.progress,
            "added": summary.added,
            "sources": self.extras[summary.id].source_count if summary.id in self.extras else -1,
        }
        return values[column]

    def title_html(self, row: Row) -> str:
        summary = row.summary
        marks = []
        if summary.favourite:
            marks.append("★ ")
        if not summary.read and not summary.progress:
            marks.append("● ")
        title = f"{''.join(marks)}<b>{html.escape(display_title(summary))}</b>"
        if summary.missing:
            title += " <i>" + html.escape(self.tr("(file missing)")) + "</i>"
        versions = self.versions_of(summary.id)
        if versions > 1:
            label = self.tr("%1 versions").replace("%1", str(versions))
            title += f" <small>· {html.escape(label)}</small>"
        if summary.tags:
            title += " " + " ".join(f"<i>#{html.escape(tag)}</i>" for tag in summary.tags)
        if row.snippet:
            # One line, cut at the edge: a wrapped snippet would show half a line under the row.
            title += '<div style="white-space:nowrap"><small>' + snippet_html(row.snippet) + "</small></div>"
        return title

"""What the window needs from the contents of one tab, as a type the checker holds both sides to.

:class:`reader.ui.reading.article_tab.ArticleTab` implements it; tests may hand the window any
other tab factory that does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, SignalInstance
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.ui.window.session import OpenArticle

if TYPE_CHECKING:  # the data model is imported with the first article, not for the first paint
    from reader.core.model import Analysis, Article, Resource


class ReaderTab(Protocol):
    """One open article: the reading view and its side panel, as the window drives them."""

    @property
    def correction_requested(self) -> SignalInstance:
        """(index into article.blocks, "story" | "clutter"): the reader moved a block."""

    @property
    def link_activated(self) -> SignalInstance:
        """(url): the reader clicked a link."""

    @property
    def reading_view(self) -> QTextEdit: ...

    def show_article(self, article: Article, resources: Mapping[str, Resource] | None = None,
                     resources_dir: Path | None = None) -> None: ...

    def show_analysis_pending(self, message: str) -> None: ...

    def show_analysis(self, analysis: Analysis) -> None: ...

    def show_analysis_failed(self, message: str) -> None: ...

    def set_show_removed(self, on: bool) -> None: ...

    def set_appearance(self, theme: str, font: str, size_pt: int, column_chars: int) -> None: ...

    def zoom_reset(self) -> None: ...

    def open_find(self) -> None: ...

    def find_next(self) -> None: ...

    def find_previous(self) -> None: ...

    def dismiss(self) -> bool:
        """Esc: close what the tab has open (find bar, caret); False when nothing was, so the
        window's Esc goes on to its own meaning."""

    def reading_position(self) -> float: ...

    def set_reading_position(self, fraction: float) -> None: ...

    def toggle_side_panel(self) -> None: ...

    def side_panel_visible(self) -> bool: ...

    def splitter_state(self) -> QByteArray: ...

    def restore_splitter_state(self, state: QByteArray) -> None: ...


TabFactory = Callable[[QWidget], ReaderTab]
# One open article as the window holds it.
Item = OpenArticle[ReaderTab]


def widget_of(tab: ReaderTab) -> QWidget:
    """The tab as the widget the tab row holds: every tab is a QWidget too."""
    if not isinstance(tab, QWidget):
        raise TypeError(f"a tab must be a QWidget, not a {type(tab).__name__}")
    return tab


def article_tab_factory(parent: QWidget) -> ReaderTab:
    """The real tab, imported on first use (the reading view is not needed for the first paint)."""
    from reader.ui.reading.article_tab import ArticleTab

    return ArticleTab(parent)

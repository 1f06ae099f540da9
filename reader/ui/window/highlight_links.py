"""The reader's highlights between the tabs and the library.

When a tab shows a story, its highlights are read from the library (on the library's thread) and
shown; highlighting, editing a note, recolouring and deleting are written there and the tab is
refreshed from what was stored. The library keeps each highlight with its quote and context, so a
tab whose text differs from the stored one (a per-site correction) gets them re-anchored to its
own text before they are shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.ui.tasks import Task
from reader.ui.window.tab_contract import widget_of

if TYPE_CHECKING:
    from reader.core.library.library import Library
    from reader.core.model import Highlight
    from reader.ui.reading.article_tab import ArticleTab
    from reader.ui.window.library_home import LibraryHome

log = logging.getLogger(__name__)

# A dynamic property set on a tab once its highlight signals lead to the library.
LINKED = "siftHighlightsLinked"


@dataclass(frozen=True)
class Shown:
    """The highlights to show in a tab (placed in the tab's own text)."""

    highlights: list[Highlight]


def highlights_for(library: Library, ref: str, text: str) -> Shown:
    """The article's highlights, re-anchored when the tab's text is not the stored one."""
    from reader.core.library.highlights import reanchor

    stored = library.article(ref)
    highlights = library.highlights(ref) if stored is not None else []
    if stored is not None and stored.record.get("text") != text:
        highlights = reanchor(highlights, text)
    return Shown(highlights)


def add_in_stored_text(library: Library, ref: str, text: str, start: int, end: int, colour: str,
                       note: str | None) -> None:
    """Store a highlight of ``text[start:end]`` (the tab's text): by position when the library holds
    the same text, else by its quote (the same occurrence as in the tab)."""
    stored = library.article(ref)
    if stored is None:
        from reader.core.library.errors import NotInLibrary

        raise NotInLibrary(ref)
    if stored.record.get("text") == text:
        library.add_highlight(ref, start, end, colour, note)
        return
    quote = text[start:end]
    occurrence = text.count(quote, 0, start) + 1
    library.highlight_quote(ref, quote, occurrence, colour, note)


class HighlightLinks(QObject):
    """Loads and stores the highlights of every tab that shows a library article."""

    def __init__(self, home: LibraryHome) -> None:
        super().__init__(home)
        self.home = home
        home.window.story_shown.connect(self.load)
        home.controller.opened.connect(self.load_all)

    def _tab(self, path: str) -> ArticleTab | None:
        from reader.ui.reading.article_tab import ArticleTab

        tab = self.home.window.session.tab_for_path(path)
        widget = widget_of(tab) if tab is not None else None
        return widget if isinstance(widget, ArticleTab) else None

    def _ref(self, path: str) -> str:
        return self.home.library_id(path) or path

    def load_all(self) -> None:
        for item in self.home.window.session.articles():
            self.load(item.path)

    def load(self, path: str) -> None:
        """Show the library's highlights of the tab at ``path`` (and link its highlight signals)."""
        library, tab = self.home.controller.library, self._tab(path)
        if library is None or tab is None or tab.article is None:
            return
        self._link(path, tab)
        ref, text = self._ref(path), tab.article.text
        self.home.controller.runner.run(Task(lambda: highlights_for(library, ref, text),
                                             success=lambda shown: self._show(path, text, shown)))

    def _show(self, path: str, text: str, shown: Shown) -> None:
        tab = self._tab(path)
        if tab is not None and tab.article is not None and tab.article.text == text:
            tab.set_highlights(shown.highlights)

    def _link(self, path: str, tab: ArticleTab) -> None:
        if tab.property(LINKED):
            return
        tab.setProperty(LINKED, True)
        tab.highlight_requested.connect(
            lambda start, end, colour, note: self.add(path, start, end, colour, note))
        tab.highlight_edit_requested.connect(
            lambda ident, note, colour: self.edit(path, ident, note, colour))
        tab.highlight_delete_requested.connect(lambda ident: self.delete(path, ident))

    def _write(self, path: str, write: Callable[[], object]) -> None:
        """Run a write on the library's thread, then show the tab's highlights again."""
        self.home.controller.runner.run(Task(write, success=lambda _result: self.load(path)))

    def add(self, path: str, start: int, end: int, colour: str, note: str | None) -> None:
        library, tab = self.home.controller.library, self._tab(path)
        if library is None or tab is None or tab.article is None:
            return
        ref, text = self._ref(path), tab.article.text
        self._write(path, lambda: add_in_stored_text(library, ref, text, start, end, colour, note))

    def edit(self, path: str, ident: str, note: str | None, colour: str | None) -> None:
        library = self.home.controller.library
        if library is None:
            return
        if colour is not None:
            self._write(path, lambda: library.update_highlight(ident, color=colour))
        if note is not None:
            self._write(path, lambda: library.update_highlight(ident, note=note or None))

    def delete(self, path: str, ident: str) -> None:
        library = self.home.controller.library
        if library is not None:
            self._write(path, lambda: library.delete_highlight(ident))

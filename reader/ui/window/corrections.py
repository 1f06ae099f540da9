"""Block corrections in the window: the reader moves a block to the story or to the removed text;
Sift remembers it for the file or the site, re-shows every open article it applies to, and offers
Undo. The store itself is :mod:`reader.core.storage.corrections`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.model import Article
    from reader.core.storage.corrections import CorrectionStore
    from reader.ui.window.main_window import MainWindow
    from reader.ui.window.tab_contract import Item, ReaderTab


class BlockCorrections:
    """The window's side of the reader's corrections; ``store`` is read on first use."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._store: CorrectionStore | None = None

    @property
    def store(self) -> CorrectionStore:
        if self._store is None:
            from reader.core.storage.corrections import CorrectionStore

            self._store, problem = CorrectionStore.load()
            self._store.write = self.window.state_writer.write_json
            if problem:
                self.window.message_bar.show_message(problem, "warning", append=True)
        return self._store

    def applied(self, original: Article) -> Article:
        """The article as the reader corrected it."""
        from reader.core.storage.corrections import apply_corrections

        return apply_corrections(original, self.store.for_article(original))

    def correct(self, tab: ReaderTab, index: int, role: str) -> None:
        """Move one block to the story or to the removed text, remember it for the site, re-show."""
        from reader.core.storage.corrections import scope_of

        window = self.window
        item = window.session.item_for(tab)
        if item is None or not 0 <= index < len(item.original.blocks):
            return
        self.store.remember(item.original, index, role)
        for other in window.session.same_scope(scope_of, item.original):
            self.reapply(other)
        scope, tr = scope_of(item.original), window.tr
        moved = tr("Moved to the story.") if role == "story" else tr("Moved to the removed text.")
        remembered = (tr("Sift will remember this for this file.") if scope.startswith("file:") else
                      tr("Sift will remember this for articles from %1.").replace(
                          "%1", scope.removeprefix("site:")))
        undo = (tr("Undo"), lambda: self.correct(tab, index, item.original.blocks[index].role))
        window.message_bar.show_message(moved + " " + remembered, "info", actions=(undo,))

    def reapply(self, item: Item) -> None:
        """Show ``item`` again when the corrections now make another article of it."""
        article = self.applied(item.original)
        if article != item.article:
            item.article = article
            self.window.article_tabs.show_again(item)

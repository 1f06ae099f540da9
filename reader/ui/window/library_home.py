"""The library as the window's home: the library view, its controller, and the ways between the
library and the tabs.

An article opened from the library is shown from its stored record (no extraction, no analysis:
both are in the record); its images still come from its file when the file exists. Every file
the reader opens joins the library in the background, so the library is the reader's history.
Reading positions go back to the library a moment after the reader stops scrolling, from the
library's own thread, never the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from reader.core.sources.pages import address_is_file, split_page_address
from reader.ui.library.controller import LibraryController
from reader.ui.library.view import LibraryView
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.core.library.importer import KnownRecord
    from reader.core.library.library import Library
    from reader.core.library.records import StoredArticle
    from reader.core.model import Analysis, Resource
    from reader.core.reading import Loaded
    from reader.ui.window.dialogs import PreferencesDialog
    from reader.ui.window.highlights_view import AllHighlights
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

# Passed to every import (tests set {"analysis": False, "workers": 0}: no process pool, no spaCy).
IMPORT_OPTIONS: dict[str, Any] = {}
# Milliseconds without scrolling before the reading positions are written to the library: one
# write per pause in reading, not one per scroll step.
PROGRESS_SAVE_MS = 1500
# A dynamic property set on a tab's scroll bar once its movements are followed.
FOLLOWED = "siftProgressFollowed"
# The controller's message levels, as the message bar's kinds.
MESSAGE_KINDS = {"information": "info", "warning": "warning", "error": "error"}
# The tab "path" of a stored article none of whose files is known any more.
NO_FILE_PREFIX = "library:"


@dataclass(frozen=True)
class StoredForReading:
    """A stored article made ready for a tab (built off the GUI thread)."""

    loaded: Loaded
    analysis: Analysis | None


def path_for_tab(stored: StoredArticle) -> str:
    """The path a stored article's tab is known by: its current file, else the last one seen."""
    current = stored.record.get("path")
    if current:
        return str(current)
    return stored.summary.paths[0] if stored.summary.paths else NO_FILE_PREFIX + stored.summary.id


def resources_of(address: Path, kind: str) -> tuple[dict[str, Resource], Path | None]:
    """The images of the file (or the page of an archive) at ``address``: a saved page's folder,
    or an archive's own parts. None when the file is gone (the stored text is shown without them)."""
    path, page = split_page_address(address)
    if not path.is_file() or kind == "text":
        return {}, None
    from reader.core.errors import ReaderError
    from reader.core.sources.origin import find_resources_dir

    if kind == "html":
        return {}, find_resources_dir(path)
    from reader.core.sources.loading import load

    try:
        source = load(path, page=page)  # decoding only: the archive's parts, never an extraction
    except ReaderError as exc:
        log.warning("images of %s not read: %s", path, exc)
        return {}, None
    return dict(source.resources), source.resources_dir


def stored_for_reading(stored: StoredArticle, path: str) -> StoredForReading:
    """Article and analysis from the stored record, and the file's images (runs in a thread)."""
    from reader.core.reading import Loaded
    from reader.core.records import analysis_from_record, article_from_record

    article = article_from_record({**stored.record, "path": path})
    resources, folder = resources_of(Path(path), article.format)
    return StoredForReading(Loaded(article, resources, folder), analysis_from_record(stored.record))


class LibraryHome(QObject):
    """The library page of ``window`` and what links it to the open tabs."""

    def __init__(self, window: MainWindow, library_path: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.view = LibraryView(window.stack)
        self.controller = LibraryController(self.view, library_path, parent=self)
        self.controller.import_options = dict(IMPORT_OPTIONS)
        self._ids: dict[str, str] = {}  # tab path → library id, for tabs opened from the library
        # article id → the span to open it at, and whether to select it
        self._mentions: dict[str, tuple[tuple[int, int], bool]] = {}
        self._waiting: list[tuple[list[str], bool]] = []  # imports asked for while one runs
        self._known: dict[str, KnownRecord] = {}  # records of the files opened from disk, by path
        self._opened_files: set[str] = set()  # files opened from disk, marked opened once imported
        self._importing: set[str] = set()  # of those, the ones whose import was asked for
        self._moved: set[str] = set()  # tab paths whose reading position changed
        self._stale = False  # the list shows older positions or opening times than the library has
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_SAVE_MS)
        self._progress_timer.timeout.connect(self.save_progress)
        self.back_button = QPushButton(self.tr("Back to Reading"), self.view)
        self.back_button.setAccessibleName(self.tr("Back to the open articles"))
        self.back_button.clicked.connect(lambda: window.stack.setCurrentWidget(window.tabs))
        self.view.top_row.addWidget(self.back_button)
        self.highlights_button = QPushButton(self.tr("All Highlights"), self.view)
        self.highlights_button.setAccessibleName(self.tr("Every highlight and note in the library"))
        self.highlights_button.clicked.connect(self.show_highlights)
        self.view.top_row.addWidget(self.highlights_button)
        self._all_highlights: AllHighlights | None = None  # made on first use
        self._connect()
        from reader.ui.window.entity_links import EntityLinks

        self.entity_links = EntityLinks(self)
        from reader.ui.window.highlight_links import HighlightLinks

        self.highlight_links = HighlightLinks(self)
        from reader.ui.window.library_export import LibraryExport

        self.library_export = LibraryExport(self)  # the list's Export menu
        from reader.ui.window.library_pages import LibraryPages

        self.pages = LibraryPages(self)  # speaker pages, disputes, versions, sources (issue 16)
        self.controller.start()
        for item in window.session.articles():  # tabs opened before the library was built
            self._story_shown(item.path)

    def _connect(self) -> None:
        w, c = self.window, self.controller
        c.article_opened.connect(self.open_stored)
        c.message.connect(lambda text, level: w.message_bar.show_message(
            text, MESSAGE_KINDS.get(level, "info"), append=True))
        c.opened.connect(self._start_waiting_import)
        c.imported.connect(self._imported)
        self.view.import_folder_requested.connect(self.import_folder_with_dialog)
        self.view.open_file_requested.connect(w.open_with_dialog)
        self.view.sample_requested.connect(w.open_sample)
        w.story_shown.connect(self._story_shown)
        w.analysis_shown.connect(self._analysis_shown)

    # ----------------------------------------------------------------- showing
    def show(self) -> None:
        """Bring the library to the front, the list (or the search box) focused; what the reader
        read meanwhile (positions, opened) is written first, and the list shows it."""
        self.save_progress()
        if self._stale:
            self._stale = False
            self.controller.refresh()
        self.back_button.setVisible(bool(self.window.session.articles()))
        self.window.stack.setCurrentWidget(self.view)
        if self.view.proxy.rowCount():
            self.view.focus_list()
        else:
            self.view.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_shown(self) -> bool:
        return self.window.stack.currentWidget() is self.view

    def show_highlights(self) -> None:
        """Every highlight and note in the library, on a page of its own."""
        if self._all_highlights is None:
            from reader.ui.window.highlights_view import AllHighlights

            self._all_highlights = AllHighlights(self)
        self._all_highlights.show()

    # ----------------------------------------------------------------- opening a stored article
    def open_article(self, ident: str, mention: tuple[int, int] | None = None, select: bool = True) -> None:
        """Open the stored article ``ident`` (at ``mention``, a span of its text, when given;
        ``select``: selected, else only shown, as a highlight is)."""
        if mention is not None:
            self._mentions[ident] = (mention, select)
        self.controller.open_article(ident)

    def open_stored(self, stored: StoredArticle) -> None:
        """Show a stored article in a tab (or its open tab) at its reading position."""
        w = self.window
        ident, path = stored.summary.id, path_for_tab(stored)
        mention, select = self._mentions.pop(ident, (None, True))
        existing = w.session.tab_for_path(path)
        if existing is not None:
            from reader.ui.window.tab_contract import widget_of

            w.stack.setCurrentWidget(w.tabs)
            w.tabs.setCurrentWidget(widget_of(existing))
            if mention is not None:
                show_span(existing.reading_view, mention, select)
            return
        order = w.session.next_order()
        position = 0.0 if mention is not None else stored.summary.progress or None
        w.tasks.run(Task(lambda: stored_for_reading(stored, path),
                         success=lambda ready: self._show_stored(path, ident, ready, order, position,
                                                                 mention, select)))

    def _show_stored(self, path: str, ident: str, ready: StoredForReading, order: int,
                     position: float | None, mention: tuple[int, int] | None, select: bool) -> None:
        w = self.window
        self._ids[path] = ident
        w.article_tabs.show_loaded(path, ready.loaded, None, None, order, analysis=ready.analysis,
                                   position=position)
        if mention is not None:
            tab = w.session.tab_for_path(path)
            if tab is not None:  # after the tab's own first layout, which scrolls to its position
                QTimer.singleShot(0, lambda: show_span(tab.reading_view, mention, select))

    def library_id(self, path: str) -> str | None:
        """The library id of the tab at ``path`` when it was opened from the library."""
        return self._ids.get(path)

    # ----------------------------------------------------------------- importing
    def import_paths(self, paths: list[str], quiet: bool = False) -> None:
        """Import files and folders; asked while another import runs, it starts after it."""
        known = {p: self._known[p] for p in paths if p in self._known}
        if paths and not self.controller.import_paths(paths, quiet=quiet, known=known):
            self._waiting.append((paths, quiet))
            if not quiet and self.controller.library is not None:
                self.window.message_bar.show_message(
                    self.tr("The import starts when the one running now is done."), "info")

    def import_folder_with_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a Folder of Saved Articles"),
                                                  str(Path.home()))
        if folder:
            self.import_paths([folder])

    def import_files_with_dialog(self) -> None:
        files = self.window.opener.ask_for_files()
        if files:
            self.import_paths(files)

    def _start_waiting_import(self) -> None:
        """The next waiting import; the files opened meanwhile go together, as one import."""
        if not self._waiting or self.controller.importing():
            return
        paths, quiet = self._waiting.pop(0)
        if quiet:
            rest = [p for batch, q in self._waiting if q for p in batch]
            self._waiting = [(batch, q) for batch, q in self._waiting if not q]
            paths = list(dict.fromkeys([*paths, *rest]))
        self.import_paths(paths, quiet)

    def _imported(self, results: list[Any]) -> None:
        opened = [str(r.path) for r in results if str(r.path) in self._opened_files and r.id]
        for result in results:
            self._known.pop(str(result.path), None)
        if opened:
            self._opened_files.difference_update(opened)
            self._importing.difference_update(opened)
            self.controller.mark_opened(opened)
            for path in opened:  # counted while it was not stored yet, it may have counted itself
                self.entity_links.fill_counts(path)
        QTimer.singleShot(0, self._start_waiting_import)  # once the controller is idle again

    def _story_shown(self, path: str) -> None:
        """A tab shows a file: follow its reading position; a file from disk joins the library."""
        tab = self.window.session.tab_for_path(path)
        if tab is not None:
            bar = tab.reading_view.verticalScrollBar()
            if not bar.property(FOLLOWED):
                bar.setProperty(FOLLOWED, True)
                bar.valueChanged.connect(lambda _value: self._position_moved(path))
        self._stale = True  # opened: the list's "opened" and unread marks change
        if path not in self._ids and address_is_file(path):
            self._opened_files.add(path)
            item = self.window.session.item_for(tab) if tab is not None else None
            if item is not None and item.analysis is not None:
                self._importing.add(path)
                self._remember_record(path)
                self.import_paths([path], quiet=True)
            # else once the panel is filled: the import's own analysis process would compete
            # with the window's for the cores while the reader waits for the panel

    def _analysis_shown(self, path: str) -> None:
        if path in self._opened_files and path not in self._importing:
            self._importing.add(path)
            self._remember_record(path)
            self.import_paths([path], quiet=True)

    def _remember_record(self, path: str) -> None:
        """The record the import would make of a file the window shows, made from what the
        window extracted and analysed: the import stores it instead of extracting it again (in a
        new process that loads the language model). Not when the reader's corrections changed
        the article: the library keeps the extractor's own record."""
        from reader.core.library.importer import KnownRecord
        from reader.core.records import article_record

        tab = self.window.session.tab_for_path(path)
        item = self.window.session.item_for(tab) if tab is not None else None
        if item is None or item.analysis is None or item.digest is None or item.article is not item.original:
            return
        self._known[path] = KnownRecord(item.digest, article_record(item.original, item.analysis))

    # ----------------------------------------------------------------- watched folders
    def offer_watched_folders(self, dialog: PreferencesDialog) -> None:
        """Fill the Preferences' watched folders (read in the background) and apply its changes."""
        library = self.controller.library
        if library is not None:
            self.controller.runner.run(Task(library.watched_folders,
                                            lambda folders: self._show_watched(dialog, folders)))
        dialog.watch_requested.connect(self.controller.watch_folder)
        dialog.unwatch_requested.connect(self.controller.unwatch_folder)

    @staticmethod
    def _show_watched(dialog: PreferencesDialog, folders: list[Path]) -> None:
        if not dialog.watched_edited:  # else the reader's own list is newer than this answer
            dialog.set_watched([str(f) for f in folders])

    # ----------------------------------------------------------------- reading progress
    def _position_moved(self, path: str) -> None:
        self._moved.add(path)
        self._progress_timer.start()

    def _positions(self) -> dict[str, float]:
        """Library reference (id or path) → reading position, for the tabs that moved."""
        session, positions = self.window.session, {}
        for path in self._moved:
            tab = session.tab_for_path(path)
            fraction = tab.reading_position() if tab is not None else session.state.positions.get(path)
            ref = self._ids.get(path, None if path.startswith(NO_FILE_PREFIX) else path)
            if fraction is not None and ref is not None:
                positions[ref] = fraction
        self._moved.clear()
        return positions

    def save_progress(self) -> None:
        """Write the moved reading positions (the controller's thread does the writing)."""
        for ref, fraction in self._positions().items():
            self.controller.set_progress(ref, fraction)
            self._stale = True

    def shutdown(self) -> None:
        """Write the last positions and close the library."""
        self._progress_timer.stop()
        positions = self._positions()

        def write(library: Library) -> None:
            for ref, fraction in positions.items():
                library.set_progress(ref, fraction)

        self.controller.close(last_writes=write if positions else None)


def show_span(view: object, span: tuple[int, int], select: bool = True) -> None:
    """Bring a stretch of the article's text into view, selected (a mention opened from the side
    panel's list) or not (a highlight, whose colour a selection would hide); a tab without Sift's
    reading view just stays where it is."""
    from reader.ui.reading.reading_view import ReadingView

    if isinstance(view, ReadingView):
        if select:
            view.select_text_range(*span)
        else:
            view.reveal_text_range(*span)
    else:
        log.debug("a %s cannot show a span of the text", type(view).__name__)

"""Opening files: one background task per file, a progress bar with Cancel when it takes a while,
the error in words when it fails. What was loaded goes back to the window to be shown; a file of
several pages (a web archive, a mailbox) asks which of them first (page_picker.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from reader.core.sources.pages import display_name
from reader.ui.errors import describe_error
from reader.ui.window.tab_contract import ReaderTab, widget_of

if TYPE_CHECKING:
    from reader.core.reading import Loaded, PageChoice
    from reader.ui.window.main_window import MainWindow

# A load that takes longer than this shows a progress bar with Cancel; quicker ones show nothing.
PROGRESS_DELAY_MS = 400
# The progress bar names this many of the files being opened, then says how many more.
PROGRESS_NAMES = 3
# What the window does with a loaded file: (path, loaded, encoding chosen, tab to reuse, order).
ShowLoaded = Callable[[str, "Loaded", "str | None", "ReaderTab | None", int], None]


def load_for_reading(address: Path, encoding: str | None) -> Loaded | PageChoice:
    """The reading use case with the user's results cache (runs in a worker thread): the article,
    or the pages to choose from."""
    from reader.core.reading import open_or_list_pages
    from reader.core.storage.cache import ResultCache

    return open_or_list_pages(address, encoding, cache=ResultCache())


class Opener(QObject):
    """Starts the loading tasks of ``window`` and reports on them in its message bar."""

    def __init__(self, window: MainWindow, show_loaded: ShowLoaded) -> None:
        super().__init__(window)
        self.window = window
        self._show_loaded = show_loaded
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)

    def open_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        for path in paths:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str], encoding: str | None = None,
                  reload_tab: ReaderTab | None = None) -> None:
        """Load ``path`` into a new tab, or into ``reload_tab``; an open file's tab is shown instead."""
        from reader.ui.tasks import Task

        session = self.window.session
        absolute = os.path.abspath(os.path.expanduser(os.fspath(path)))
        existing = session.tab_for_path(absolute)
        if existing is not None and reload_tab is None:
            self.window.tabs.setCurrentWidget(widget_of(existing))
            return
        if session.is_loading(absolute):
            return
        order = session.next_order()
        session.start_loading(absolute, self.window.tasks.run(Task(
            lambda: load_for_reading(Path(absolute), encoding),
            success=lambda loaded: self._loaded(absolute, loaded, encoding, reload_tab, order),
            failure=lambda error: self._failed(absolute, error))))
        self._progress_timer.start()

    def ask_for_files(self) -> list[str]:
        """The Open dialog, starting in the folder of the last file opened."""
        from PySide6.QtWidgets import QFileDialog

        from reader.core.sources import sniff

        def patterns(*suffix_sets: set[str]) -> str:
            return "(" + " ".join(sorted("*" + s for group in suffix_sets for s in group)) + ")"

        tr = self.window.tr
        filters = ";;".join((
            tr("Saved articles") + f" ({' '.join(sniff.suffix_filter())})",
            tr("Web pages") + " " + patterns(sniff.HTML_SUFFIXES),
            tr("Web archives") + " " + patterns(sniff.MHTML_SUFFIXES, sniff.WEBARCHIVE_SUFFIXES,
                                                sniff.ARCHIVE_SUFFIXES, sniff.COMPOUND_SUFFIXES),
            tr("E-mail") + " " + patterns(sniff.EMAIL_SUFFIXES, sniff.MBOX_SUFFIXES),
            tr("PDF documents") + " " + patterns(sniff.PDF_SUFFIXES),
            tr("Text files") + " " + patterns(sniff.TEXT_SUFFIXES),
            tr("All files") + " (*)"))
        recent = self.window.session.state.recent
        start = str(Path(recent[0]).parent) if recent else str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(self.window, tr("Open Saved Articles"), start, filters)
        return files

    def sample_path(self) -> Path:
        from reader.core.storage.resources import resource_path

        return resource_path("samples", "sample.txt")

    def cancel(self) -> None:
        """Stop waiting for the files being opened; their results are dropped when they come."""
        for ticket in self.window.session.stop_loading():
            self.window.tasks.cancel(ticket)
        self._progress_timer.stop()
        self.window.message_bar.dismiss()

    def _show_progress(self) -> None:
        names = [f"“{display_name(p)}”" for p in self.window.session.loading_paths()]
        if names:
            tr = self.window.tr
            shown = ", ".join(names[:PROGRESS_NAMES])
            if len(names) > PROGRESS_NAMES:
                shown += " " + tr("and %1 more").replace("%1", str(len(names) - PROGRESS_NAMES))
            self.window.message_bar.show_progress(tr("Opening %1…").replace("%1", shown))

    def _finish(self, path: str) -> None:
        self.window.session.finish_loading(path)
        if not self.window.session.is_loading():
            self._progress_timer.stop()
            if self.window.message_bar.showing_progress():
                self.window.message_bar.dismiss()

    def _loaded(self, path: str, loaded: Loaded | PageChoice, encoding: str | None,
                reload_tab: ReaderTab | None, order: int) -> None:
        from reader.core.reading import PageChoice

        self._finish(path)
        if isinstance(loaded, PageChoice):
            self.choose_pages(loaded)
        else:
            self._show_loaded(path, loaded, encoding, reload_tab, order)

    def choose_pages(self, choice: PageChoice) -> None:
        """Ask which pages of an archive or mailbox to open, or import them all."""
        from reader.core.sources.pages import page_address
        from reader.ui.window.page_picker import PagePicker

        picker = PagePicker(choice.path, choice.pages, self.window)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.open_requested.connect(
            lambda keys: self.open_paths(page_address(choice.path, key) for key in keys))
        picker.import_all_requested.connect(lambda: self.window.library_home.import_paths(
            [page_address(choice.path, page.key) for page in choice.pages]))
        picker.finished.connect(lambda _result: self.window.library_if_nothing_open())
        self.window.library_if_nothing_open()  # the library behind the picker, not an empty window
        picker.open()
        self.window.page_picker_shown.emit(picker)

    def _failed(self, path: str, error: BaseException) -> None:
        self._finish(path)
        text = describe_error(error, path)  # every sentence names the file
        self.window.message_bar.show_message(text, "error", append=True)
        self.window.open_failed.emit(path, text)

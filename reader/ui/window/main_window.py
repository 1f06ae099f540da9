"""The window around the articles: a shell that wires the parts together.

The open documents' state is :mod:`.session` (Qt-free); opening files :mod:`.opening`; the tab row
:mod:`.tabs`; menus :mod:`.menus`; settings and the chrome's palette :mod:`.appearance` and
:mod:`.chrome`; corrections :mod:`.corrections`; analysis :mod:`.analysis_requests`; export and
print :mod:`.export_actions`; drops :mod:`.drops`. Every core call runs off the GUI thread as a
:class:`reader.ui.tasks.Task`. Nothing of an article is drawn here: that is the tab's job
(:class:`~reader.ui.window.tab_contract.ReaderTab`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

# QFileDialog, QMessageBox and QDesktopServices are imported where used: loading their classes
# (and their many enums) costs start-up time before anyone opens a dialog.
from reader import APP_NAME
from reader.core.storage import settings as settings_io
from reader.core.storage.settings import Settings, WindowState
from reader.core.storage.state_writer import StateWriter
from reader.ui.window.analysis_requests import AnalysisRequests
from reader.ui.window.appearance import Appearance
from reader.ui.window.corrections import BlockCorrections
from reader.ui.window.drops import DropTarget
from reader.ui.window.geometry import apply_window_geometry
from reader.ui.window.keys import WindowKeys
from reader.ui.window.menus import WindowMenus
from reader.ui.window.message_bar import MessageBar
from reader.ui.window.opening import Opener
from reader.ui.window.read_aloud_control import WindowReadAloud
from reader.ui.window.session import Session
from reader.ui.window.tab_contract import Item, ReaderTab, TabFactory, article_tab_factory
from reader.ui.window.tabs import ArticleTabs, TabRow

if TYPE_CHECKING:
    from reader.core.storage.corrections import CorrectionStore
    from reader.ui.tasks import AnalysisService, TaskRunner
    from reader.ui.window.export_actions import ExportActions
    from reader.ui.window.library_home import LibraryHome
# The corrections (hashlib, urllib, their patterns), the workers (concurrent.futures, ctypes,
# the data model), export and the library are imported on first use, after the first paint,
# which needs none of them (tests/benchmarks/bench.py: window shown vs the bare window).

log = logging.getLogger(__name__)
# At close, how long the window waits for state writes still in flight before its last ones.
# Generous: the writes are tiny; after it, what is left is written in the GUI thread, as it closes.
STATE_FLUSH_SECONDS = 5.0


class MainWindow(QMainWindow):
    """Sift's window. ``story_shown``/``analysis_shown`` carry the file's path.

    ``opening``: files are about to be opened, so the library is not built for the first paint
    (it would flash before the story); it is built when no article is open after all.
    """

    story_shown = Signal(str)
    analysis_shown = Signal(str)
    open_failed = Signal(str, str)  # path, the sentence shown in the message bar
    page_picker_shown = Signal(object)  # the PagePicker of a file of several pages (tests, probes)
    history_cleared = Signal()
    state_not_saved = Signal(str, str)  # file name, the reason (from the state writer's thread)

    def __init__(self, tab_factory: TabFactory | None = None, analysis: AnalysisService | None = None,
                 opening: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        settings, settings_problem = settings_io.load_settings()
        state, state_problem = settings_io.load_window_state()
        self.session: Session[ReaderTab] = Session(state)
        self.state_writer = StateWriter(
            on_error=lambda path, exc: self.state_not_saved.emit(path.name, exc.strerror or str(exc)))
        self.state_not_saved.connect(self._report_state_not_saved)
        self._tasks: TaskRunner | None = None
        self._exports: ExportActions | None = None
        self._shut_down = False
        self.appearance = Appearance(self, settings)
        self.block_corrections = BlockCorrections(self)
        self.analysis_requests = AnalysisRequests(self, analysis)
        self.article_tabs = ArticleTabs(self, tab_factory or article_tab_factory)
        self.opener = Opener(self, self.article_tabs.show_loaded)
        self.open_failed.connect(lambda _path, _text: self.library_if_nothing_open())
        self._build_body()
        self.keys = WindowKeys(self)
        self.read_aloud_control = WindowReadAloud(self)
        self.menus = WindowMenus(self)
        self.installEventFilter(DropTarget(self))
        self.appearance.chrome.apply(self.appearance.resolved_theme())
        apply_window_geometry(self, state.geometry)
        self.update_actions()
        if not opening:
            self.show_library()
        for problem in (settings_problem, state_problem):
            if problem:
                self.message_bar.show_message(problem, "warning", append=True)

    # ----------------------------------------------------------------- parts, made on first use
    @property
    def settings(self) -> Settings:
        return self.appearance.settings

    @property
    def window_state(self) -> WindowState:
        """What survives a restart: recent files, reading positions, geometry."""
        return self.session.state

    @property
    def corrections(self) -> CorrectionStore:
        """The reader's remembered block corrections, read on first use."""
        return self.block_corrections.store

    @property
    def tasks(self) -> TaskRunner:
        """The background threads that run the core for the window."""
        if self._tasks is None:
            from reader.ui.tasks import TaskRunner

            self._tasks = TaskRunner(self, show_error=lambda text: self.message_bar.show_message(
                text, "error", append=True))
        return self._tasks

    @property
    def analysis(self) -> AnalysisService:
        """The analysis process's service (``reader.ui.app.run`` starts it after the first paint)."""
        return self.analysis_requests.service

    @property
    def exports(self) -> ExportActions:
        if self._exports is None:
            from reader.ui.window.export_actions import ExportActions

            self._exports = ExportActions(self)
        return self._exports

    def finish_start(self) -> None:
        """What the first paint does not need, run right after it (``reader.ui.app.run``): read
        the corrections, so a damaged file is reported at start rather than at first use, and
        build the library (files opened at start join it; Esc has it ready). With files opening,
        the library waits for the first story: its modules cost ~0.2 s of this thread, which the
        story shown first does not wait for (a failed or multi-page file builds it at once)."""
        _ = self.corrections
        if self.session.is_loading():
            self.story_shown.connect(self._build_library_after_story)
        else:
            _ = self.library_home

    def _build_library_after_story(self, _path: str) -> None:
        self.story_shown.disconnect(self._build_library_after_story)
        QTimer.singleShot(0, lambda: self.library_home)  # after the story's own paint

    def _build_body(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.message_bar = MessageBar(central)
        self.message_bar.cancel_requested.connect(self.cancel_loading)
        layout.addWidget(self.message_bar)
        self.stack = QStackedWidget(central)
        self._library_home: LibraryHome | None = None
        self.tabs = TabRow(self.stack)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.library_button.clicked.connect(self.show_library)
        self.tabs.currentChanged.connect(lambda _index: self.update_actions())
        self.stack.addWidget(self.tabs)
        self.stack.currentChanged.connect(lambda _index: self.update_actions())  # library ↔ tabs
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    # ----------------------------------------------------------------- the library, the home page
    @property
    def library_home(self) -> LibraryHome:
        """The library page and its links to the tabs, built the first time it is needed."""
        if self._library_home is None:
            from reader.ui.window.library_home import LibraryHome

            self._library_home = LibraryHome(self)
            self.stack.insertWidget(0, self._library_home.view)
        return self._library_home

    def library_page(self) -> LibraryHome | None:
        """The library if it was built (a drag lights its drop zone)."""
        return self._library_home

    def show_library(self) -> None:
        """The library in front of the tabs (Esc from a tab; the tabs stay open behind it)."""
        self.library_home.show()

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders into the library in the background."""
        self.library_home.import_paths(paths)

    def library_if_nothing_open(self) -> None:
        """After ``opening`` files that all failed or were cancelled, the library."""
        if not self.session.articles() and not self.session.is_loading() and (
                self._library_home is None or not self._library_home.is_shown()):
            self.show_library()

    # ----------------------------------------------------------------- opening
    def open_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Open each file in its own tab (or switch to it when it is already open)."""
        self.opener.open_paths(paths)

    def open_with_dialog(self) -> None:
        self.open_paths(self.opener.ask_for_files())

    def open_sample(self) -> None:
        self.open_paths([self.opener.sample_path()])

    def cancel_loading(self) -> None:
        self.opener.cancel()
        self.library_if_nothing_open()

    # ----------------------------------------------------------------- tabs
    def current_article(self) -> Item | None:
        return self.article_tabs.current()

    def tab_for_path(self, path: str) -> ReaderTab | None:
        return self.session.tab_for_path(path)

    def call_tab(self, call: Callable[[ReaderTab], Any]) -> None:
        """Do ``call`` with the current tab, when there is one."""
        item = self.current_article()
        if item is not None:
            call(item.tab)

    def close_tab(self, index: int) -> None:
        self.article_tabs.close(index)
        if not self.session.articles():
            self.show_library()

    def reopen_closed_tab(self) -> None:
        closed = self.session.take_closed()
        if closed is not None:
            self.opener.open_path(closed.path, closed.encoding)

    def reload_with_encoding(self, codec: str | None) -> None:
        """Read the current file again with the reader's choice of encoding (None: detect)."""
        item = self.current_article()
        if item is not None:
            self.article_tabs.remember_view(item)
            self.opener.open_path(item.path, codec, reload_tab=item.tab)

    def update_actions(self) -> None:
        """The window title and the actions follow the current tab."""
        item = self.current_article()
        self.setWindowTitle(self.tr("%1 — Sift").replace("%1", item.title) if item else APP_NAME)
        self.menus.show_state(item is not None, self.session.has_closed())
        self.read_aloud_control.follow_current_tab()

    # ----------------------------------------------------------------- view
    def set_theme(self, theme: str) -> None:
        self.appearance.change(theme=theme)

    def set_show_removed(self, on: bool) -> None:
        self.appearance.change(show_removed=bool(on))

    # ----------------------------------------------------------------- export, print, dialogs
    def export_current(self, kind: str, target: str | None = None) -> bool:
        """Start writing the current article as ``kind`` (``exports.saved`` says when it is done)."""
        item = self.current_article()
        return item is not None and self.exports.export(item, kind, target)

    def print_current(self) -> None:
        item = self.current_article()
        if item is not None:
            self.exports.print_article(item)

    def show_preferences(self) -> None:
        from reader.ui.window.dialogs import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.corrections, self)
        dialog.clear_history_requested.connect(self.clear_history)
        self.library_home.offer_watched_folders(dialog)
        if dialog.exec():
            self.appearance.apply(dialog.chosen_settings())
        for item in self.session.articles():
            self.block_corrections.reapply(item)

    def clear_history(self) -> None:
        """Forget recent files, reading positions, closed tabs and (in the background) cached results."""
        from reader.core.storage.cache import ResultCache
        from reader.ui.tasks import FILE_LANE, Task

        self.session.clear_history()
        self.clear_recent()
        self.update_actions()
        self.tasks.run(Task(ResultCache().clear, success=lambda _: self._history_cleared(), lane=FILE_LANE))

    def _history_cleared(self) -> None:
        self.message_bar.show_message(self.tr("History and caches cleared."), "info")
        self.history_cleared.emit()

    def clear_recent(self) -> None:
        self.session.clear_recent()
        settings_io.save_window_state(self.session.state, self.state_writer.write_json)

    def show_about(self) -> None:
        from reader.ui.window.dialogs import AboutDialog

        AboutDialog(self).exec()

    # ----------------------------------------------------------------- state that survives
    def save_state(self) -> None:
        for item in self.session.articles():
            self.article_tabs.remember_view(item)
        current = self.current_article()
        if current is not None:
            self.article_tabs.remember_view(current)  # the tab the reader looked at last sets the splitter
        self.session.remember_geometry(bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        self.state_writer.close(STATE_FLUSH_SECONDS)  # the last words are written here, in order
        settings_io.save_window_state(self.session.state, self.state_writer.write_json)
        settings_io.save_settings(self.settings, self.state_writer.write_json)

    def _report_state_not_saved(self, name: str, reason: str) -> None:
        self.message_bar.show_message(
            self.tr("Sift could not save “%1”: %2.").replace("%1", name).replace("%2", reason), "error",
            append=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save state and stop every background worker and process; safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        try:
            self.save_state()
        except OSError as exc:
            log.error("Sift could not save its window state: %s", exc)
        self.appearance.chrome.restore()
        self.read_aloud_control.close()
        self.analysis_requests.shutdown()
        if self._library_home is not None:
            self._library_home.shutdown()
        if self._tasks is not None:
            self._tasks.shutdown()

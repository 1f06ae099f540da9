"""The window around the articles: menus, tabs, drops, the message bar, state that survives.

It draws nothing of an article itself (that is :class:`reader.ui.reading.article_tab.ArticleTab`) and
holds no extraction or analysis logic: it asks the core through :mod:`reader.ui.tasks` and
hands the results to the tabs on the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QEvent,
    QMimeData,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# QFileDialog, QMessageBox and QDesktopServices are imported where used: loading their classes
# (and their many enums) costs start-up time before anyone opens a dialog.
from reader import APP_NAME
from reader.core.storage import paths
from reader.core.storage import settings as settings_io
from reader.core.storage.settings import Settings
from reader.ui.errors import describe_error
from reader.ui.window.message_bar import MessageBar

if TYPE_CHECKING:
    from reader.core.model import Analysis, Article, Resource
    from reader.core.storage.corrections import CorrectionStore
    from reader.ui.tasks import AnalysisService, TaskRunner
    from reader.ui.window.welcome import EmptyState
# The corrections (hashlib, urllib, their patterns), the workers (concurrent.futures, ctypes,
# the data model) and the welcome page are imported on first use, after the first paint, which needs none of them
# (tests/benchmarks/bench.py: window shown vs the bare window).

# A load that takes longer than this shows a progress bar with Cancel; quicker ones show nothing.
PROGRESS_DELAY_MS = 400
# The progress bar names this many of the files being opened, then says how many more.
PROGRESS_NAMES = 3
# Tab titles longer than this are elided; the full title is in the tooltip and the window title.
TAB_TITLE_CHARS = 30
# Reopen Closed Tab remembers this many tabs.
MAX_CLOSED_TABS = 20
# Display names: QT_TRANSLATE_NOOP marks them for lupdate, self.tr translates them where shown.
COLUMN_WIDTHS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Narrow"), 60),
    (QT_TRANSLATE_NOOP("MainWindow", "Medium"), 70),
    (QT_TRANSLATE_NOOP("MainWindow", "Wide"), 85),
)
# Offered by View › Text Encoding: the encodings saved pages most often carry without saying so.
ENCODINGS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Unicode (UTF-8)"), "utf-8"),
    (QT_TRANSLATE_NOOP("MainWindow", "Unicode (UTF-16)"), "utf-16"),
    (QT_TRANSLATE_NOOP("MainWindow", "Western (Windows-1252)"), "cp1252"),
    (QT_TRANSLATE_NOOP("MainWindow", "Western (ISO-8859-15)"), "iso8859-15"),
    (QT_TRANSLATE_NOOP("MainWindow", "Central European (Windows-1250)"), "cp1250"),
    (QT_TRANSLATE_NOOP("MainWindow", "Central European (ISO-8859-2)"), "iso8859-2"),
    (QT_TRANSLATE_NOOP("MainWindow", "Cyrillic (Windows-1251)"), "cp1251"),
    (QT_TRANSLATE_NOOP("MainWindow", "Cyrillic (KOI8-R)"), "koi8-r"),
    (QT_TRANSLATE_NOOP("MainWindow", "Greek (Windows-1253)"), "cp1253"),
    (QT_TRANSLATE_NOOP("MainWindow", "Turkish (Windows-1254)"), "cp1254"),
    (QT_TRANSLATE_NOOP("MainWindow", "Japanese (Shift JIS)"), "cp932"),
    (QT_TRANSLATE_NOOP("MainWindow", "Japanese (EUC-JP)"), "euc-jp"),
    (QT_TRANSLATE_NOOP("MainWindow", "Chinese, Simplified (GB18030)"), "gb18030"),
    (QT_TRANSLATE_NOOP("MainWindow", "Chinese, Traditional (Big5)"), "big5hkscs"),
    (QT_TRANSLATE_NOOP("MainWindow", "Korean (EUC-KR)"), "cp949"),
)
EXPORT_FILTERS = {
    "markdown": (QT_TRANSLATE_NOOP("MainWindow", "Markdown (*.md)"), ".md"),
    "html": (QT_TRANSLATE_NOOP("MainWindow", "Web page (*.html)"), ".html"),
    "json": (QT_TRANSLATE_NOOP("MainWindow", "JSON record (*.json)"), ".json"),
    "pdf": (QT_TRANSLATE_NOOP("MainWindow", "PDF document (*.pdf)"), ".pdf"),
}


@dataclass
class OpenArticle:
    """What the window knows about one tab: its file, the article as extracted and as shown."""

    path: str
    tab: Any  # ArticleTab
    original: Article  # as the extractor made it
    article: Article  # with the reader's corrections applied: what the tab shows
    resources: dict[str, Resource]
    resources_dir: Path | None
    encoding: str | None  # the encoding the file was read with (None: from the results cache)
    encoding_override: str | None = None
    analysis: Analysis | None = None
    request: int | None = None  # the pending analysis request
    order: int = 0  # when it was asked for: tabs of one drop appear in the order dropped
    cache_key: str | None = None  # the file's entry in the results cache


@dataclass(frozen=True)
class Loaded:
    """What the loading thread hands back: the article and what showing it needs."""

    article: Article
    resources: dict[str, Resource]
    resources_dir: Path | None
    encoding: str | None  # as read; None when the article came from the results cache
    cache_key: str | None  # the file's entry in the results cache


def load_for_reading(path: Path, encoding: str | None) -> Loaded:
    """Load and extract one file, or take the article kept from the last time these bytes were
    read (runs in a worker thread: no widgets here)."""
    from reader.core.sources.files import Limits, read_bytes
    from reader.core.sources.origin import find_resources_dir
    from reader.core.storage.cache import ResultCache

    cache = ResultCache()
    key = cache.key_for(read_bytes(path, Limits()), encoding)
    cached = cache.article(key, path)
    if cached is not None:
        return Loaded(cached, {}, find_resources_dir(path) if cached.format == "html" else None, None, key)
    from reader.core.extract import extract
    from reader.core.sources.loading import load

    source = load(path, encoding=encoding)
    article = extract(source)
    if not source.resources:  # an archive's images live in the file: such articles are re-read
        cache.store_article(key, article)
    return Loaded(article, source.resources, source.resources_dir, source.encoding, key)


def system_color_scheme() -> Qt.ColorScheme:
    """Qt's view of the desktop's light/dark preference (Unknown offscreen)."""
    return QGuiApplication.styleHints().colorScheme()


def split_drop(mime: QMimeData) -> tuple[list[str], list[str]]:
    """Local files in a drop, and descriptions of what else was dropped (web addresses, text)."""
    files: list[str] = []
    others: list[str] = []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            files.append(url.toLocalFile())
        else:
            others.append(url.toString())
    if not mime.urls() and mime.hasText():
        others.append(mime.text())
    return files, others


def elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class MainWindow(QMainWindow):
    """Sift's window. ``story_shown``/``analysis_shown`` carry the file's path.

    ``opening``: files are about to be opened, so the welcome page is not built for the first
    paint (it would flash before the story); it is built when no article is open after all.
    """

    story_shown = Signal(str)
    analysis_shown = Signal(str)
    open_failed = Signal(str, str)  # path, the sentence shown in the message bar

    def __init__(self, tab_factory: Callable[[QWidget], Any] | None = None,
                 analysis: AnalysisService | None = None, opening: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._tab_factory = tab_factory or default_tab_factory
        self.settings, settings_problem = settings_io.load_settings()
        self.window_state, state_problem = settings_io.load_window_state()
        self._corrections: CorrectionStore | None = None
        self._tasks: TaskRunner | None = None
        self._analysis: AnalysisService | None = None
        if analysis is not None:
            self._adopt_analysis(analysis)
        self._articles: dict[QWidget, OpenArticle] = {}
        self._requests: dict[int, OpenArticle] = {}
        self._loading: dict[str, int] = {}
        self._closed_tabs: list[tuple[str, str | None]] = []
        self._next_order = 0
        self._shut_down = False
        self._original_palette = QPalette(QGuiApplication.palette())  # the desktop's, for Light and Sepia
        self._build_body()
        self._build_menus()
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._apply_chrome_theme()
        self._restore_geometry()
        if not opening:
            self._show_welcome()
        for problem in (settings_problem, state_problem):
            if problem:
                self.message_bar.show_message(problem, "warning", append=True)

    @property
    def corrections(self) -> CorrectionStore:
        """The reader's remembered block corrections, read on first use."""
        if self._corrections is None:
            from reader.core.storage.corrections import CorrectionStore

            self._corrections, problem = CorrectionStore.load()
            if problem:
                self.message_bar.show_message(problem, "warning", append=True)
        return self._corrections

    @property
    def tasks(self) -> TaskRunner:
        """The background threads that read files, made on first use."""
        if self._tasks is None:
            from reader.ui.tasks import TaskRunner

            self._tasks = TaskRunner(self)
        return self._tasks

    @property
    def analysis(self) -> AnalysisService:
        """The analysis process's service, made on first use (``run`` starts it after the first paint)."""
        if self._analysis is None:
            from reader.ui.tasks import AnalysisService

            self._adopt_analysis(AnalysisService(self))
        assert self._analysis is not None
        return self._analysis

    def _adopt_analysis(self, analysis: AnalysisService) -> None:
        self._analysis = analysis
        analysis.finished.connect(self._analysis_finished)
        analysis.failed.connect(self._analysis_failed)

    def finish_start(self) -> None:
        """What the first paint does not need, run right after it (``reader.ui.app.run``): read
        the corrections, so a damaged file is reported at start rather than at first use."""
        _ = self.corrections

    # ----------------------------------------------------------------- building
    def _build_body(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.message_bar = MessageBar(central)
        self.message_bar.cancel_requested.connect(self.cancel_loading)
        layout.addWidget(self.message_bar)
        self.stack = QStackedWidget(central)
        self._empty_state: EmptyState | None = None
        self.tabs = QTabWidget(self.stack)
        self.tabs.setAccessibleName(self.tr("Open articles"))
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(lambda i: self.close_tab(i))
        self.tabs.currentChanged.connect(self._current_changed)
        self.tabs.tabBar().installEventFilter(self)
        self.stack.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    @property
    def empty_state(self) -> EmptyState:
        """The welcome page, built the first time no article is open."""
        if self._empty_state is None:
            from reader.ui.window.welcome import EmptyState

            page = self._empty_state = EmptyState(self.stack)
            page.open_requested.connect(self.open_with_dialog)
            page.sample_requested.connect(self.open_sample)
            page.recent_activated.connect(lambda p: self.open_paths([p]))
            self.stack.insertWidget(0, page)
            self._refresh_empty_state()
        return self._empty_state

    def _show_welcome(self) -> None:
        self._refresh_empty_state()
        self.stack.setCurrentWidget(self.empty_state)

    def _action(self, menu: QMenu, text: str, slot: Callable[..., Any],
                shortcuts: Iterable[QKeySequence | QKeySequence.StandardKey | str] = (),
                checkable: bool = False, needs_article: bool = False) -> QAction:
        action = QAction(text, self)
        # Some standard keys (FullScreen, ...) are unset on some desktops: skip the empty ones.
        keys = [key for key in map(QKeySequence, shortcuts) if not key.isEmpty()]
        if keys:
            action.setShortcuts(keys)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts keep working in full screen without a menu bar
        if needs_article:
            self._article_actions.append(action)
        return action

    def _build_menus(self) -> None:
        self._article_actions: list[QAction] = []
        self._build_file_menu(self.menuBar().addMenu(self.tr("&File")))
        self._build_edit_menu(self.menuBar().addMenu(self.tr("&Edit")))
        self._build_view_menu(self.menuBar().addMenu(self.tr("&View")))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard Shortcuts"), self.show_shortcuts,
                     [QKeySequence.StandardKey.HelpContents])
        self._action(help_menu, self.tr("&About Sift"), self.show_about)
        self._update_actions()

    def _build_file_menu(self, menu: QMenu) -> None:
        K = QKeySequence.StandardKey
        self._action(menu, self.tr("&Open…"), self.open_with_dialog, [K.Open])
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(menu, self.tr("Open the &Sample Article"), self.open_sample)
        menu.addSeparator()
        export = menu.addMenu(self.tr("&Export"))
        for kind, label in (("markdown", self.tr("As &Markdown…")), ("html", self.tr("As &Web Page…")),
                            ("json", self.tr("As &JSON…")), ("pdf", self.tr("As &PDF…"))):
            self._action(export, label, lambda _=False, k=kind: self.export_current(k), needs_article=True)
        self._action(menu, self.tr("&Print…"), self.print_current, [K.Print], needs_article=True)
        menu.addSeparator()
        self._action(menu, self.tr("&Close Tab"), lambda: self.close_tab(self.tabs.currentIndex()),
                     ["Ctrl+W"], needs_article=True)
        self.reopen_action = self._action(menu, self.tr("Reopen Closed &Tab"), self.reopen_closed_tab,
                                          ["Ctrl+Shift+T"])
        menu.addSeparator()
        self._action(menu, self.tr("&Quit"), self.close, [K.Quit])

    def _build_edit_menu(self, menu: QMenu) -> None:
        self._action(menu, self.tr("&Copy"), lambda: self._call_tab(lambda t: t.reading_view.copy()),
                     [QKeySequence.StandardKey.Copy], needs_article=True)
        menu.addSeparator()
        self._action(menu, self.tr("&Find…"), lambda: self._call_tab(lambda t: t.open_find()),
                     [QKeySequence.StandardKey.Find], needs_article=True)
        self._action(menu, self.tr("Find &Next"), lambda: self._call_tab(lambda t: t.find_next()),
                     ["F3"], needs_article=True)
        self._action(menu, self.tr("Find Pre&vious"), lambda: self._call_tab(lambda t: t.find_previous()),
                     ["Shift+F3"], needs_article=True)
        menu.addSeparator()
        self._action(menu, self.tr("&Preferences…"), self.show_preferences, ["Ctrl+,"])

    def _build_view_menu(self, menu: QMenu) -> None:
        self.removed_action = self._action(menu, self.tr("Show &Removed Blocks"), self.set_show_removed,
                                           ["Ctrl+Shift+R"], checkable=True)
        self.removed_action.setChecked(self.settings.show_removed)
        self.panel_action = self._action(menu, self.tr("&Side Panel"), self.toggle_side_panel,
                                         ["F9", "Ctrl+Shift+E"], checkable=True)
        self.panel_action.setChecked(self.settings.side_panel)
        menu.addSeparator()
        self.theme_actions = self._choice_menu(
            menu.addMenu(self.tr("&Theme")), self.settings.theme, self.set_theme,
            ((self.tr("Follow the &System"), "system"), (self.tr("&Light"), "light"),
             (self.tr("S&epia"), "sepia"), (self.tr("&Dark"), "dark")))
        self.font_actions = self._choice_menu(
            menu.addMenu(self.tr("&Font")), self.settings.font, self.set_font,
            ((self.tr("&Serif"), "serif"), (self.tr("S&ans Serif"), "sans")))
        self.column_actions = self._choice_menu(
            menu.addMenu(self.tr("&Column Width")), self.settings.column_chars, self.set_column_width,
            tuple((self.tr(name), chars) for name, chars in COLUMN_WIDTHS))
        self._action(menu, self.tr("Zoom &In"), lambda: self.set_text_size(self.settings.size_pt + 1),
                     [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        self._action(menu, self.tr("Zoom &Out"), lambda: self.set_text_size(self.settings.size_pt - 1),
                     [QKeySequence.StandardKey.ZoomOut])
        self._action(menu, self.tr("&Actual Size"), self.reset_zoom, ["Ctrl+0"])
        menu.addSeparator()
        self.encoding_menu = menu.addMenu(self.tr("Text &Encoding"))
        self.encoding_menu.aboutToShow.connect(self._fill_encoding_menu)
        self.fullscreen_action = self._action(menu, self.tr("&Full Screen"), self.toggle_full_screen,
                                              [QKeySequence.StandardKey.FullScreen, "F11"], checkable=True)
        menu.addSeparator()
        self._action(menu, self.tr("Ne&xt Tab"), lambda: self.step_tab(1), ["Ctrl+Tab", "Ctrl+PgDown"])
        self._action(menu, self.tr("Pre&vious Tab"), lambda: self.step_tab(-1),
                     ["Ctrl+Shift+Tab", "Ctrl+PgUp"])

    def _choice_menu(self, menu: QMenu, current: Any, slot: Callable[[Any], None],
                     choices: tuple[tuple[str, Any], ...]) -> dict[Any, QAction]:
        group = QActionGroup(self)
        actions: dict[Any, QAction] = {}
        for label, value in choices:
            action = self._action(menu, label, lambda _=False, v=value: slot(v), checkable=True)
            action.setData(value)
            group.addAction(action)
            action.setChecked(value == current)
            actions[value] = action
        return actions

    # ----------------------------------------------------------------- opening
    def open_paths(self, paths_in: Iterable[str | os.PathLike[str]]) -> None:
        """Open each file in its own tab (or switch to it when it is already open)."""
        for path in paths_in:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str], encoding: str | None = None,
                  reload_tab: QWidget | None = None) -> None:
        absolute = os.path.abspath(os.path.expanduser(os.fspath(path)))
        existing = self.tab_for_path(absolute)
        if existing is not None and reload_tab is None:
            self.tabs.setCurrentWidget(existing)
            return
        if absolute in self._loading:
            return
        order = self._next_order = self._next_order + 1
        self._loading[absolute] = self.tasks.run(
            load_for_reading, Path(absolute), encoding,
            on_success=lambda result: self._loaded(absolute, result, encoding, reload_tab, order),
            on_failure=lambda error: self._load_failed(absolute, error))
        self._progress_timer.start()

    def open_with_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from reader.core.sources.sniff import suffix_filter

        patterns = " ".join(suffix_filter())
        filters = ";;".join((
            self.tr("Saved articles") + f" ({patterns})",
            self.tr("Web pages") + " (*.html *.htm *.xhtml *.shtml)",
            self.tr("Web archives") + " (*.mhtml *.mht *.webarchive)",
            self.tr("Text files") + " (*.txt *.text *.md *.markdown)",
            self.tr("All files") + " (*)"))
        start = str(Path(self.window_state.recent[0]).parent) if self.window_state.recent else str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Open Saved Articles"), start, filters)
        self.open_paths(files)

    def open_sample(self) -> None:
        from reader.core.storage.resources import resource_path

        self.open_paths([resource_path("samples", "sample.txt")])

    def tab_for_path(self, path: str) -> QWidget | None:
        return next((tab for tab, item in self._articles.items() if item.path == path), None)

    def cancel_loading(self) -> None:
        """Stop waiting for the files being opened; their results are dropped when they come."""
        for task in self._loading.values():
            self.tasks.cancel(task)
        self._loading.clear()
        self._progress_timer.stop()
        self.message_bar.dismiss()
        self._welcome_if_nothing_open()

    def _welcome_if_nothing_open(self) -> None:
        """After ``opening`` files that all failed or were cancelled, the welcome page."""
        if not self._articles and not self._loading and self.stack.currentWidget() is not self._empty_state:
            self._show_welcome()

    def _show_progress(self) -> None:
        if self._loading:
            names = [f"“{Path(p).name}”" for p in self._loading]
            shown = ", ".join(names[:PROGRESS_NAMES])
            if len(names) > PROGRESS_NAMES:
                shown += " " + self.tr("and %1 more").replace("%1", str(len(names) - PROGRESS_NAMES))
            self.message_bar.show_progress(self.tr("Opening %1…").replace("%1", shown))

    def _end_progress(self) -> None:
        if not self._loading:
            self._progress_timer.stop()
            if self.message_bar.showing_progress():
                self.message_bar.dismiss()

    def _load_failed(self, path: str, error: BaseException) -> None:
        self._loading.pop(path, None)
        self._end_progress()
        text = describe_error(error, path)  # every sentence names the file
        self.message_bar.show_message(text, "error", append=True)
        self._welcome_if_nothing_open()
        self.open_failed.emit(path, text)

    def _loaded(self, path: str, loaded: Loaded, override: str | None,
                reload_tab: QWidget | None, order: int) -> None:
        from reader.core.storage.corrections import apply_corrections

        self._loading.pop(path, None)
        self._end_progress()
        original = loaded.article
        if reload_tab is not None and reload_tab not in self._articles:
            return  # the tab was closed while its file was being re-read
        tab = reload_tab or self._new_tab()
        item = OpenArticle(path=path, tab=tab, original=original,
                           article=apply_corrections(original, self.corrections.for_article(original)),
                           resources=loaded.resources, resources_dir=loaded.resources_dir,
                           encoding=loaded.encoding, encoding_override=override, order=order,
                           cache_key=loaded.cache_key)
        if reload_tab is not None:
            self._cancel_analysis(self._articles[reload_tab])
        self._articles[tab] = item
        try:
            self._show_article(item, self.window_state.positions.get(path))
        except Exception:  # a bug in drawing this article: no half-made tab is left behind
            if reload_tab is None:
                del self._articles[tab]
                tab.deleteLater()
            raise
        if reload_tab is None:
            before = sum(1 for other in self._articles.values() if other.order < order)
            self.tabs.setCurrentIndex(self.tabs.insertTab(before, tab, ""))
            tab.reading_view.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and PgDn scroll at once
        self._label_tab(item)
        self.stack.setCurrentWidget(self.tabs)
        self.window_state = self.window_state.with_recent(path)
        self._update_actions()
        for notice in original.warnings:  # a paywall, not an article, another language...
            self.message_bar.show_message(f"“{Path(path).name}”: {notice.message}", "warning", append=True)
        self.story_shown.emit(path)
        self._request_analysis(item)

    def _new_tab(self) -> Any:
        tab = self._tab_factory(self.tabs)
        tab.correction_requested.connect(lambda index, role, t=tab: self.correct_block(t, index, role))
        tab.link_activated.connect(self.offer_link)
        for edit in tab.findChildren(QLineEdit):  # a file dropped on a search box opens, not types
            edit.setAcceptDrops(False)
        if self.window_state.splitter:
            tab.restore_splitter_state(QByteArray.fromBase64(self.window_state.splitter.encode("ascii")))
        return tab

    def _show_article(self, item: OpenArticle, position: float | None) -> None:
        tab = item.tab
        self._apply_appearance(tab)
        tab.set_show_removed(self.settings.show_removed)
        tab.show_article(item.article, item.resources, item.resources_dir)
        if tab.side_panel_visible() != self.settings.side_panel:
            tab.toggle_side_panel()
        if position:
            QTimer.singleShot(0, lambda: self._restore_position(item, position))

    def _restore_position(self, item: OpenArticle, position: float) -> None:
        if item.tab in self._articles:
            item.tab.set_reading_position(position)

    def _label_tab(self, item: OpenArticle) -> None:
        index = self.tabs.indexOf(item.tab)
        title = self.article_title(item)
        self.tabs.setTabText(index, elide(title, TAB_TITLE_CHARS))
        self.tabs.setTabToolTip(index, f"{title}\n{item.path}")
        if index == self.tabs.currentIndex():
            self._update_title()

    @staticmethod
    def article_title(item: OpenArticle) -> str:
        return item.article.title or Path(item.path).name

    # ----------------------------------------------------------------- analysis
    def _request_analysis(self, item: OpenArticle) -> None:
        self._cancel_analysis(item)
        item.analysis = None
        from reader.core.storage.cache import ResultCache  # here: not needed before the window shows

        cached = ResultCache().analysis(item.cache_key, item.article.text) if item.cache_key else None
        if cached is not None:  # analysed before: no need to wait for the model
            self._show_analysis(item, cached)
            return
        message = (self.tr("Finding people, places and claims…") if self.analysis.ready
                   else self.tr("Loading the language model…"))
        item.tab.show_analysis_pending(message)
        item.request = self.analysis.analyze(item.article)
        self._requests[item.request] = item

    def _cancel_analysis(self, item: OpenArticle) -> None:
        if item.request is not None:
            self.analysis.cancel(item.request)
            self._requests.pop(item.request, None)
            item.request = None

    def _analysis_finished(self, request: int, analysis: Analysis) -> None:
        item = self._requests.pop(request, None)
        if item is None or item.tab not in self._articles:
            return
        item.request = None
        if item.cache_key:
            from reader.core.storage.cache import ResultCache

            self.tasks.run(ResultCache().store_analysis, item.cache_key, item.article.text, analysis,
                           on_success=lambda _: None, on_failure=lambda _: None)
        self._show_analysis(item, analysis)

    def _show_analysis(self, item: OpenArticle, analysis: Analysis) -> None:
        item.analysis = analysis
        item.tab.show_analysis(analysis)
        self.analysis_shown.emit(item.path)

    def _analysis_failed(self, request: int, message: str) -> None:
        item = self._requests.pop(request, None)
        if item is None or item.tab not in self._articles:
            return
        item.request = None
        item.tab.show_analysis_failed(message)

    # ----------------------------------------------------------------- tabs
    def current_article(self) -> OpenArticle | None:
        return self._articles.get(self.tabs.currentWidget())

    def _call_tab(self, call: Callable[[Any], Any]) -> None:
        item = self.current_article()
        if item is not None:
            call(item.tab)

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        item = self._articles.pop(tab, None)
        if item is None:
            return
        self._cancel_analysis(item)
        self._remember_tab(item)
        self._closed_tabs = [*self._closed_tabs, (item.path, item.encoding_override)][-MAX_CLOSED_TABS:]
        self.tabs.removeTab(index)
        tab.deleteLater()
        if not self._articles:
            self._show_welcome()
        self._update_actions()

    def reopen_closed_tab(self) -> None:
        while self._closed_tabs:
            path, encoding = self._closed_tabs.pop()
            if self.tab_for_path(path) is None:
                self.open_path(path, encoding)
                return

    def step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    def _current_changed(self, _index: int) -> None:
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        item = self.current_article()
        self.setWindowTitle(self.tr("%1 — Sift").replace("%1", self.article_title(item))
                            if item else APP_NAME)

    def _update_actions(self) -> None:
        has_article = self.current_article() is not None
        for action in self._article_actions:
            action.setEnabled(has_article)
        self.encoding_menu.setEnabled(has_article)
        self.reopen_action.setEnabled(bool(self._closed_tabs))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Middle-click on a tab closes it."""
        if (watched is self.tabs.tabBar() and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.MiddleButton):  # type: ignore[attr-defined]
            index = self.tabs.tabBar().tabAt(event.position().toPoint())  # type: ignore[attr-defined]
            if index >= 0:
                self.close_tab(index)
                return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()
            self._light_drop_zone(bool(split_drop(event.mimeData())[0]))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._light_drop_zone(False)

    def _light_drop_zone(self, on: bool) -> None:
        if self._empty_state is not None:
            self._empty_state.set_drop_active(on)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files, others = split_drop(event.mimeData())
        event.acceptProposedAction()
        self._light_drop_zone(False)
        if others or not files:
            self.message_bar.show_message(self.tr(
                "Sift opens files saved from a browser (.html, .mhtml, .webarchive) and text files "
                "(.txt); it does not fetch web addresses or read dropped text. Save the page in "
                "your browser, then drop the saved file here."), "warning")
        self.open_paths(files)

    # ----------------------------------------------------------------- reading settings
    def resolved_theme(self) -> str:
        if self.settings.theme != "system":
            return self.settings.theme
        return "dark" if system_color_scheme() == Qt.ColorScheme.Dark else "light"

    def _apply_appearance(self, tab: Any) -> None:
        s = self.settings
        tab.set_appearance(self.resolved_theme(), s.font, s.size_pt, s.column_chars)

    def _apply_settings(self, chosen: Settings) -> None:
        """Make ``chosen`` the settings, save them, and show them in every tab and menu."""
        self.settings = chosen.normalized()
        settings_io.save_settings(self.settings)
        for tab in self._articles:
            self._apply_appearance(tab)
            tab.set_show_removed(self.settings.show_removed)
        for actions, value in ((self.theme_actions, self.settings.theme), (self.font_actions, self.settings.font),
                               (self.column_actions, self.settings.column_chars)):
            for key, action in actions.items():
                action.setChecked(key == value)
        self.removed_action.setChecked(self.settings.show_removed)
        self._apply_chrome_theme()

    def set_theme(self, theme: str) -> None:
        self._apply_settings(replace(self.settings, theme=theme))

    def set_font(self, font: str) -> None:
        self._apply_settings(replace(self.settings, font=font))

    def set_column_width(self, chars: int) -> None:
        self._apply_settings(replace(self.settings, column_chars=chars))

    def set_text_size(self, size_pt: int) -> None:
        self._apply_settings(replace(self.settings, size_pt=size_pt))

    def reset_zoom(self) -> None:
        """Back to the default size, undoing Ctrl+wheel zoom in every tab too."""
        for tab in self._articles:
            tab.zoom_reset()
        self.set_text_size(settings_io.DEFAULT_SIZE_PT)

    def set_show_removed(self, on: bool) -> None:
        self._apply_settings(replace(self.settings, show_removed=bool(on)))

    def toggle_side_panel(self) -> None:
        wanted = not self.settings.side_panel
        for tab in self._articles:
            if tab.side_panel_visible() != wanted:
                tab.toggle_side_panel()
        self.panel_action.setChecked(wanted)
        self._apply_settings(replace(self.settings, side_panel=wanted))

    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.settings.theme == "system":
            self._apply_settings(self.settings)

    def _apply_chrome_theme(self) -> None:
        """Menus, tab bar and welcome page follow the reading theme's lightness."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if self.resolved_theme() != "dark":
            app.setPalette(self._original_palette)
            return
        from reader.ui.reading.theme import theme_named  # only the dark chrome needs it

        theme = theme_named("dark")
        palette = QPalette(self._original_palette)
        roles = {QPalette.ColorRole.Window: theme.removed_page, QPalette.ColorRole.WindowText: theme.text,
                 QPalette.ColorRole.Base: theme.page, QPalette.ColorRole.AlternateBase: theme.removed_page,
                 QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: theme.removed_page,
                 QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.Highlight: theme.selection,
                 QPalette.ColorRole.HighlightedText: theme.text, QPalette.ColorRole.ToolTipBase: theme.page,
                 QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.Link: theme.link,
                 QPalette.ColorRole.PlaceholderText: theme.muted}
        for role, colour in roles.items():
            palette.setColor(role, colour)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, theme.muted)
        app.setPalette(palette)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.fullscreen_action.setChecked(self.isFullScreen())

    def _fill_encoding_menu(self) -> None:
        self.encoding_menu.clear()
        item = self.current_article()
        if item is None:
            return
        group = QActionGroup(self.encoding_menu)
        automatic = self.tr("Automatic (%1)").replace("%1", item.encoding) \
            if item.encoding_override is None and item.encoding else self.tr("Automatic")
        for label, codec in ((automatic, None), *((self.tr(n), c) for n, c in ENCODINGS)):
            action = self.encoding_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(codec == item.encoding_override)
            action.triggered.connect(lambda _=False, c=codec: self.reload_with_encoding(c))
            group.addAction(action)
            if codec is None:
                self.encoding_menu.addSeparator()

    def reload_with_encoding(self, codec: str | None) -> None:
        """Read the current file again with the reader's choice of encoding (None: detect)."""
        item = self.current_article()
        if item is not None:
            self._remember_tab(item)
            self.open_path(item.path, codec, reload_tab=item.tab)

    # ----------------------------------------------------------------- corrections, links
    def correct_block(self, tab: Any, index: int, role: str) -> None:
        """Move one block to the story or to the removed text, remember it for the site, re-show."""
        from reader.core.storage.corrections import scope_of

        item = self._articles.get(tab)
        if item is None or not 0 <= index < len(item.original.blocks):
            return
        self.corrections.remember(item.original, index, role)
        scope = scope_of(item.original)
        for other in self._articles.values():
            if scope_of(other.original) == scope:
                self._reapply_corrections(other)
        moved = self.tr("Moved to the story.") if role == "story" else self.tr("Moved to the removed text.")
        remembered = (self.tr("Sift will remember this for this file.") if scope.startswith("file:") else
                      self.tr("Sift will remember this for articles from %1.").replace(
                          "%1", scope.removeprefix("site:")))
        self.message_bar.show_message(
            moved + " " + remembered, "info",
            actions=((self.tr("Undo"), lambda: self.correct_block(tab, index, item.original.blocks[index].role)),))

    def _reapply_corrections(self, item: OpenArticle) -> None:
        from reader.core.storage.corrections import apply_corrections

        article = apply_corrections(item.original, self.corrections.for_article(item.original))
        if article == item.article:
            return
        item.article = article
        self._show_article(item, item.tab.reading_position())
        self._label_tab(item)
        self._request_analysis(item)

    def offer_link(self, url: str) -> None:
        """Links are never followed inside Sift: ask, then hand the address to the browser."""
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Open Link"),
            self.tr("Open this address in your web browser?\n\n%1").replace("%1", url))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(url))

    # ----------------------------------------------------------------- export and print
    def export_current(self, kind: str, target: str | None = None) -> bool:
        """Write the current article as ``kind``; asks before replacing an existing file."""
        item = self.current_article()
        if item is None:
            return False
        if target is None:
            target = self._ask_export_path(item, kind)
            if not target:
                return False
        path = Path(target)
        if path.exists() and not self.confirm_overwrite(path):
            return False
        try:
            self._write_export(item, kind, path)
        except OSError as exc:
            self.message_bar.show_message(self.tr("Could not save “%1”: %2").replace("%1", path.name).replace(
                "%2", exc.strerror or str(exc)), "error")
            return False
        self.message_bar.show_message(self.tr("Saved “%1”.").replace("%1", path.name), "info")
        return True

    def _ask_export_path(self, item: OpenArticle, kind: str) -> str:
        label, suffix = EXPORT_FILTERS[kind]
        suggested = Path(item.path).with_suffix(suffix).name
        folder = Path(item.path).parent  # beside the article, unless that is read-only (the sample)
        if not os.access(folder, os.W_OK):
            folder = Path.home()
        from PySide6.QtWidgets import QFileDialog

        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(folder / suggested), self.tr(label),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if target and not Path(target).suffix:
            target += suffix
        return target

    def confirm_overwrite(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Replace File?"),
            self.tr("“%1” already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _write_export(self, item: OpenArticle, kind: str, path: Path) -> None:
        from reader.core.storage.json_files import SHARED_FILE_MODE, write_atomic

        if kind == "pdf":
            from reader.ui.reading.printing import write_pdf

            write_pdf(item.article, path)
            return
        from reader.core.export import export_text

        write_atomic(path, export_text(kind, item.article, item.analysis).encode("utf-8"), SHARED_FILE_MODE)

    def print_current(self) -> None:
        item = self.current_article()
        if item is not None:
            from reader.ui.reading.printing import print_article

            print_article(item.article, self)

    # ----------------------------------------------------------------- dialogs
    def show_preferences(self) -> None:
        from reader.ui.window.dialogs import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.corrections, self)
        dialog.clear_history_requested.connect(self.clear_history)
        if dialog.exec():
            self._apply_settings(dialog.chosen_settings())
        for item in list(self._articles.values()):
            self._reapply_corrections(item)

    def clear_history(self) -> None:
        """Forget recent files, reading positions, closed tabs and cached results."""
        self.window_state = replace(self.window_state, recent=(), positions={})
        self._closed_tabs = []
        settings_io.save_window_state(self.window_state)
        import shutil

        for child in paths.cache_dir().iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        self._refresh_empty_state()
        self._update_actions()
        self.message_bar.show_message(self.tr("History and caches cleared."), "info")

    def show_shortcuts(self) -> None:
        from reader.ui.window.dialogs import ShortcutsDialog

        ShortcutsDialog(self.actions(), self).exec()

    def show_about(self) -> None:
        from reader.ui.window.dialogs import AboutDialog

        AboutDialog(self).exec()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.window_state.existing_recent()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        if not recent:
            self.recent_menu.addAction(self.tr("No Recent Files")).setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear Recent Files"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear_recent)

    def clear_recent(self) -> None:
        self.window_state = replace(self.window_state, recent=())
        settings_io.save_window_state(self.window_state)
        self._refresh_empty_state()

    def _refresh_empty_state(self) -> None:
        if self._empty_state is not None:  # else it is filled when built
            self._empty_state.set_recent(self.window_state.existing_recent())

    # ----------------------------------------------------------------- state that survives
    def _restore_geometry(self) -> None:
        if self.window_state.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.window_state.geometry.encode("ascii")))
        else:
            self.resize(1200, 800)

    def _remember_tab(self, item: OpenArticle) -> None:
        self.window_state = self.window_state.with_position(item.path, item.tab.reading_position())
        state = item.tab.splitter_state()
        if state is not None and not state.isEmpty():
            self.window_state = replace(self.window_state, splitter=bytes(state.toBase64().data()).decode("ascii"))

    def save_state(self) -> None:
        for item in self._articles.values():
            self._remember_tab(item)
        current = self.current_article()
        if current is not None:
            self._remember_tab(current)  # the tab the reader looked at last sets the splitter
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.window_state = replace(self.window_state, geometry=geometry)
        settings_io.save_window_state(self.window_state)
        settings_io.save_settings(self.settings)

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
            print(f"Sift could not save its window state: {exc}")
        try:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_scheme_changed)
        except (RuntimeError, TypeError):
            pass
        if self._analysis is not None:
            self._analysis.shutdown()
        if self._tasks is not None:
            self._tasks.shutdown()
        QGuiApplication.setPalette(self._original_palette)


def default_tab_factory(parent: QWidget) -> Any:
    from reader.ui.reading.article_tab import ArticleTab

    return ArticleTab(parent)

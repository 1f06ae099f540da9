"""The row of tabs: one per open article, in the order the files were asked for.

:class:`TabRow` is a QTabWidget with what reading needs on top: short labels with the full title
in the tooltip, middle-click to close, stepping round with Ctrl+Tab, and drops on a search box
opening the file. :class:`ArticleTabs` puts loaded articles into it and takes them out again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLineEdit, QTabWidget, QToolButton, QWidget

from reader.core.sources.pages import display_name
from reader.ui.window.tab_contract import Item, ReaderTab, TabFactory, widget_of

if TYPE_CHECKING:
    from reader.core.model import Analysis
    from reader.core.reading import Loaded
    from reader.ui.window.main_window import MainWindow

# Tab titles longer than this are elided; the full title is in the tooltip and the window title.
TAB_TITLE_CHARS = 30


def elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class TabRow(QTabWidget):
    """The open articles' tabs; ``tabCloseRequested`` also comes from a middle-click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Open articles"))
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.tabBar().installEventFilter(self)
        self.library_button = QToolButton(self)  # back to the library, left of the tabs
        self.library_button.setText(self.tr("Library"))
        self.library_button.setToolTip(self.tr("Back to the library (Esc)"))
        self.library_button.setAccessibleName(self.tr("Back to the library"))
        self.library_button.setAutoRaise(True)
        self.setCornerWidget(self.library_button, Qt.Corner.TopLeftCorner)

    def add_at(self, position: int, tab: QWidget) -> None:
        """Insert ``tab`` at ``position`` and show it; a file dropped on its search box opens."""
        for edit in tab.findChildren(QLineEdit):  # a file dropped on a search box opens, not types
            edit.setAcceptDrops(False)
        self.setCurrentIndex(self.insertTab(position, tab, ""))

    def label(self, tab: QWidget, title: str, path: str) -> None:
        index = self.indexOf(tab)
        self.setTabText(index, elide(title, TAB_TITLE_CHARS))
        self.setTabToolTip(index, f"{title}\n{path}")

    def step(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) tab, round the ends."""
        count = self.count()
        if count:
            self.setCurrentIndex((self.currentIndex() + step) % count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Middle-click on a tab closes it."""
        if (watched is self.tabBar() and isinstance(event, QMouseEvent)
                and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.MiddleButton):
            index = self.tabBar().tabAt(event.position().toPoint())
            if index >= 0:
                self.tabCloseRequested.emit(index)
                return True
        return super().eventFilter(watched, event)


class ArticleTabs:
    """Puts loaded articles into tabs of the window's :class:`TabRow`, and takes them out again."""

    def __init__(self, window: MainWindow, factory: TabFactory) -> None:
        self.window = window
        self._factory = factory

    def current(self) -> Item | None:
        """The article in front; None while the library is (the tabs wait behind it)."""
        if self.window.stack.currentWidget() is not self.window.tabs:
            return None
        return self.window.session.item_for(self.window.tabs.currentWidget())

    def show_loaded(self, path: str, loaded: Loaded, override: str | None, reload_tab: ReaderTab | None,
                    order: int, analysis: Analysis | None = None, position: float | None = None) -> None:
        """Show a loaded file in a new tab (in the order it was asked for) or in ``reload_tab``.

        ``analysis``: known already (a stored article), shown instead of asked for while the
        text is the one it was made for; ``position``: where to open (default: where the reader
        left the file)."""
        w, session = self.window, self.window.session
        if reload_tab is not None and not session.is_open(reload_tab):
            return  # the tab was closed while its file was being re-read
        tab = reload_tab or self._new_tab()
        original = loaded.article
        item = Item(path=path, tab=tab, original=original, article=w.block_corrections.applied(original),
                    resources=loaded.resources, resources_dir=loaded.resources_dir, encoding=loaded.encoding,
                    encoding_override=override, order=order, cache_key=loaded.cache_key,
                    digest=loaded.digest)
        replaced = session.show(item)
        if replaced is not None:
            w.analysis_requests.cancel(replaced)
        try:
            self.show_article(item, session.state.positions.get(path) if position is None else position)
        except Exception:  # a bug in drawing this article: no half-made tab is left behind
            if reload_tab is None:
                session.drop(tab)
                widget_of(tab).deleteLater()
            raise
        if reload_tab is None:
            w.tabs.add_at(session.position_for(order), widget_of(tab))
            tab.reading_view.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and PgDn scroll at once
        w.tabs.label(widget_of(tab), item.title, path)
        w.stack.setCurrentWidget(w.tabs)
        session.opened(path, order)
        w.update_actions()
        for notice in original.warnings:  # a paywall, not an article, another language...
            w.message_bar.show_message(f"“{display_name(path)}”: {notice.message}", "warning", append=True)
        w.story_shown.emit(path)
        if analysis is not None and item.article.text == original.text:  # no correction moved the offsets
            w.analysis_requests.show_known(item, analysis)
        else:
            w.analysis_requests.request(item)

    def _new_tab(self) -> ReaderTab:
        w = self.window
        tab = self._factory(w.tabs)
        tab.correction_requested.connect(lambda index, role: w.block_corrections.correct(tab, index, role))
        tab.link_activated.connect(lambda url: offer_link(w, url))
        if w.session.state.splitter:
            tab.restore_splitter_state(QByteArray.fromBase64(w.session.state.splitter.encode("ascii")))
        return tab

    def show_article(self, item: Item, position: float | None) -> None:
        """Draw ``item``'s article in its tab, in the reader's settings, at ``position``."""
        self.window.appearance.dress(item.tab)
        item.tab.show_article(item.article, item.resources, item.resources_dir)
        if position:
            QTimer.singleShot(0, lambda: self._restore_position(item, position))

    def _restore_position(self, item: Item, position: float) -> None:
        if self.window.session.is_open(item.tab):
            item.tab.set_reading_position(position)

    def show_again(self, item: Item) -> None:
        """Show ``item``'s article again where the reader was (it changed), and analyse it anew."""
        self.show_article(item, item.tab.reading_position())
        self.window.tabs.label(widget_of(item.tab), item.title, item.path)
        self.window.update_actions()
        self.window.analysis_requests.request(item)

    def close(self, index: int) -> None:
        """Close the tab at ``index``: its analysis is cancelled, its reading position kept."""
        w = self.window
        item = w.session.item_for(w.tabs.widget(index))
        if item is None:
            return
        w.analysis_requests.cancel(item)
        self.remember_view(item)
        w.session.close(item.tab)
        w.tabs.removeTab(index)
        widget_of(item.tab).deleteLater()
        w.update_actions()

    def remember_view(self, item: Item) -> None:
        """Note the tab's reading position and splitter in the session's state."""
        state = item.tab.splitter_state()
        splitter = None if state.isEmpty() else bytes(state.toBase64().data()).decode("ascii")
        self.window.session.remember_view(item.path, item.tab.reading_position(), splitter)


def offer_link(window: QWidget, url: str) -> None:
    """Links are never followed inside Sift: ask, then hand the address to the browser."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    question = window.tr("Open this address in your web browser?\n\n%1").replace("%1", url)
    if QMessageBox.question(window, window.tr("Open Link"), question) == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(QUrl(url))

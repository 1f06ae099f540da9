"""Entities and claims for the open articles: from the results cache when the same text was
analysed before, else from the analysis process; the answer goes to the article's tab.

The cache is read and written by background tasks, never on the GUI thread; a request made stale
by a correction or a closed tab is cancelled, and its late answer dropped.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from reader.core.model import Analysis
    from reader.ui.tasks import AnalysisService
    from reader.ui.window.main_window import MainWindow
    from reader.ui.window.tab_contract import Item

log = logging.getLogger(__name__)


class AnalysisRequests(QObject):
    """Asks for each article's analysis and shows it in its tab (``window.analysis_shown``)."""

    def __init__(self, window: MainWindow, service: AnalysisService | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._service: AnalysisService | None = None
        if service is not None:
            self._adopt(service)

    @property
    def service(self) -> AnalysisService:
        """The analysis process's service, made on first use."""
        if self._service is None:
            from reader.ui.tasks import AnalysisService

            self._adopt(AnalysisService(self.window))
        assert self._service is not None
        return self._service

    def _adopt(self, service: AnalysisService) -> None:
        self._service = service
        service.finished.connect(self._finished)
        service.failed.connect(self._failed)

    def request(self, item: Item) -> None:
        """Forget the article's analysis and get one for its current text."""
        self.cancel(item)
        item.analysis = None
        if not item.cache_key:
            self._analyze(item)
            return
        from reader.core.storage.cache import ResultCache  # here: not needed before the window shows
        from reader.ui.tasks import FILE_LANE, Task

        key, text = item.cache_key, item.article.text
        self.window.tasks.run(Task(lambda: ResultCache().analysis(key, text),
                                   success=lambda cached: self._cache_read(item, text, cached),
                                   failure=lambda error: self._cache_unreadable(item, text, error),
                                   lane=FILE_LANE))

    def show_known(self, item: Item, analysis: Analysis) -> None:
        """An analysis that came with the article (the library's record): shown, not asked for."""
        self.cancel(item)
        self._show(item, analysis)

    def cancel(self, item: Item) -> None:
        request = self.window.session.forget_analysis(item)
        if request is not None and self._service is not None:
            self._service.cancel(request)

    def shutdown(self) -> None:
        if self._service is not None:
            self._service.shutdown()

    def _still_wanted(self, item: Item, text: str) -> bool:
        """The tab is open, shows this text, and has neither an analysis nor a request for it."""
        return (self.window.session.item_for(item.tab) is item and item.article.text == text
                and item.analysis is None and item.request is None)

    def _cache_read(self, item: Item, text: str, cached: Analysis | None) -> None:
        if not self._still_wanted(item, text):
            return
        if cached is not None:  # analysed before: no need to wait for the model
            self._show(item, cached)
        else:
            self._analyze(item)

    def _cache_unreadable(self, item: Item, text: str, error: BaseException) -> None:
        log.warning("cached analysis of %s not read: %s", item.path, error)
        if self._still_wanted(item, text):
            self._analyze(item)

    def _analyze(self, item: Item) -> None:
        service = self.service
        tr = self.window.tr
        item.tab.show_analysis_pending(tr("Finding people, places and claims…") if service.ready
                                       else tr("Loading the language model…"))
        self.window.session.await_analysis(item, service.analyze(item.article))

    def _finished(self, request: int, analysis: Analysis) -> None:
        item = self.window.session.answered(request)
        if item is None:
            return
        if item.cache_key:
            from reader.core.storage.cache import ResultCache
            from reader.ui.tasks import FILE_LANE, Task

            key, text = item.cache_key, item.article.text
            self.window.tasks.run(Task(lambda: ResultCache().store_analysis(key, text, analysis),
                                       success=lambda _: None,
                                       failure=lambda error: log.warning("analysis of %s not cached: %s",
                                                                         item.path, error),
                                       lane=FILE_LANE))
        self._show(item, analysis)

    def _show(self, item: Item, analysis: Analysis) -> None:
        item.analysis = analysis
        item.tab.show_analysis(analysis)
        self.window.analysis_shown.emit(item.path)

    def _failed(self, request: int, message: str) -> None:
        item = self.window.session.answered(request)
        if item is not None:
            item.tab.show_analysis_failed(message)

"""The open documents, without a window: which files are open in which tab, which are loading,
which wait for their analysis, which were closed, and the recent files and reading positions.

Qt-free, so the bookkeeping of a reading session is tested without widgets; the window keeps
the widgets and asks this object what to do with them. ``TabT`` is whatever the window uses as a
tab (:class:`~reader.ui.window.tab_contract.ReaderTab`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # the data model is imported with the first article, not for the first paint
    from reader.core.model import Analysis, Article, Resource
    from reader.core.storage.settings import WindowState

# Reopen Closed Tab remembers this many tabs.
MAX_CLOSED_TABS = 20

TabT = TypeVar("TabT")


@dataclass
class OpenArticle(Generic[TabT]):
    """What the window knows about one tab: its file, the article as extracted and as shown."""

    path: str
    tab: TabT
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
    digest: str | None = None  # the content hash the library keys the file by (None: not read)

    @property
    def title(self) -> str:
        """The article's title, or the file's name when it has none."""
        from reader.core.sources.pages import display_name

        return self.article.title or display_name(self.path)


@dataclass(frozen=True)
class ClosedTab:
    """A closed tab as Reopen Closed Tab brings it back: its file and the encoding chosen."""

    path: str
    encoding: str | None


class Session(Generic[TabT]):
    """The state of the open documents; ``state`` is what survives a restart (saved by the window)."""

    def __init__(self, state: WindowState) -> None:
        self.state = state
        self._articles: dict[object, OpenArticle[TabT]] = {}
        self._loading: dict[str, int] = {}  # path → the ticket of its loading task
        self._requests: dict[int, OpenArticle[TabT]] = {}  # analysis request → its article
        self._closed: list[ClosedTab] = []
        self._orders = itertools.count(1)
        self._recent_order: dict[str, int] = {}  # path → the order it was last asked for in

    # --------------------------------------------------------------- open articles
    def articles(self) -> list[OpenArticle[TabT]]:
        return list(self._articles.values())

    def item_for(self, tab: object) -> OpenArticle[TabT] | None:
        return self._articles.get(tab)

    def is_open(self, tab: object) -> bool:
        return tab in self._articles

    def tab_for_path(self, path: str) -> TabT | None:
        return next((item.tab for item in self._articles.values() if item.path == path), None)

    def show(self, item: OpenArticle[TabT]) -> OpenArticle[TabT] | None:
        """Make ``item`` the article of its tab; returns the one it replaces (a reload), whose
        analysis request the caller cancels (an answer to it finds no article in any case)."""
        previous = self._articles.get(item.tab)
        self._articles[item.tab] = item
        return previous

    def drop(self, tab: object) -> OpenArticle[TabT] | None:
        """The tab is gone without being closed by the reader (it failed to show)."""
        item = self._articles.pop(tab, None)
        if item is not None:
            self.forget_analysis(item)
        return item

    def close(self, tab: object) -> OpenArticle[TabT] | None:
        """The reader closed the tab: forget it, and remember it for Reopen Closed Tab."""
        item = self.drop(tab)
        if item is not None:
            self._closed = [*self._closed, ClosedTab(item.path, item.encoding_override)][-MAX_CLOSED_TABS:]
        return item

    def position_for(self, order: int) -> int:
        """Where a new tab goes so that tabs appear in the order their files were asked for."""
        return sum(1 for item in self._articles.values() if item.order < order)

    def same_scope(self, scope_of: Callable[[Article], str], article: Article) -> list[OpenArticle[TabT]]:
        """The open articles a correction of ``article`` also applies to."""
        scope = scope_of(article)
        return [item for item in self._articles.values() if scope_of(item.original) == scope]

    # --------------------------------------------------------------- loading
    def next_order(self) -> int:
        return next(self._orders)

    def start_loading(self, path: str, ticket: int) -> None:
        self._loading[path] = ticket

    def is_loading(self, path: str | None = None) -> bool:
        """Whether ``path`` (or, without one, any file) is being loaded."""
        return path in self._loading if path is not None else bool(self._loading)

    def finish_loading(self, path: str) -> None:
        self._loading.pop(path, None)

    def loading_paths(self) -> list[str]:
        return list(self._loading)

    def stop_loading(self) -> list[int]:
        """Forget every file being loaded; returns the tickets of the tasks to cancel."""
        tickets = list(self._loading.values())
        self._loading.clear()
        return tickets

    # --------------------------------------------------------------- analysis
    def await_analysis(self, item: OpenArticle[TabT], request: int) -> None:
        item.request = request
        self._requests[request] = item

    def answered(self, request: int) -> OpenArticle[TabT] | None:
        """The article a finished analysis request was for, while its tab is still open."""
        item = self._requests.pop(request, None)
        if item is None or self._articles.get(item.tab) is not item or item.request != request:
            return None
        item.request = None
        return item

    def forget_analysis(self, item: OpenArticle[TabT]) -> int | None:
        """Stop waiting for the item's analysis; returns the request to cancel, if any."""
        request, item.request = item.request, None
        if request is not None:
            self._requests.pop(request, None)
        return request

    def waiting_requests(self) -> list[int]:
        return list(self._requests)

    # --------------------------------------------------------------- closed tabs
    def has_closed(self) -> bool:
        return bool(self._closed)

    def take_closed(self) -> ClosedTab | None:
        """The most recently closed tab whose file is not open again, or None."""
        while self._closed:
            closed = self._closed.pop()
            if self.tab_for_path(closed.path) is None:
                return closed
        return None

    # --------------------------------------------------------------- state that survives
    def opened(self, path: str, order: int | None = None) -> None:
        """A file shown: first among the recent files, unless a file asked for later (a higher
        ``order``) is already shown; files loaded side by side finish in any order."""
        if order is not None:
            self._recent_order[path] = order
            later = [p for p in self.state.recent if self._recent_order.get(p, -1) > order]
            if later:
                recent = [p for p in self.state.recent if p != path]
                recent.insert(recent.index(later[-1]) + 1, path)
                self.state = replace(self.state, recent=tuple(recent))
                return
        self.state = self.state.with_recent(path)

    def remember_view(self, path: str, position: float, splitter: str | None) -> None:
        """The reading position of a file and, when known, the splitter of the tab last looked at."""
        self.state = self.state.with_position(path, position)
        if splitter:
            self.state = replace(self.state, splitter=splitter)

    def remember_geometry(self, geometry: str) -> None:
        self.state = replace(self.state, geometry=geometry)

    def clear_recent(self) -> None:
        self.state = replace(self.state, recent=())

    def clear_history(self) -> None:
        """Forget recent files, reading positions and closed tabs."""
        self.state = replace(self.state, recent=(), positions={})
        self._closed = []

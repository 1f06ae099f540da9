"""Feeds the library view from the library database, always off the GUI thread.

Every database call is a :class:`~reader.ui.tasks.Task` on a one-thread runner (the library's
connection is used by one thread at a time; its own lock guards the rest). Searches are
debounced while the reader types and a stale answer is dropped. An import runs on its own
thread (it waits on a process pool) and reports progress by a queued signal. Watched folders
are rescanned shortly after the file system says they changed.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal

from reader.core.library import search as library_search
from reader.core.library.importer import ImportProgress, ImportResult, KnownRecord
from reader.core.library.library import Library
from reader.core.library.records import SearchHit, StoredArticle
from reader.ui.library.table import Extras
from reader.ui.library.view import LibraryView
from reader.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")

# Milliseconds of quiet typing before a search runs: fast enough to feel instant, slow enough
# not to run a query per keystroke.
SEARCH_DEBOUNCE_MS = 150
# Milliseconds after a watched folder changes before it is scanned: a browser writes a page and
# its "_files" folder in several steps; one scan after they settle is enough.
WATCH_SETTLE_MS = 1500
# Seconds the window waits, when it closes, for the last reading positions to be written: the
# library is local and a write takes milliseconds; only another process's long import waits longer.
CLOSE_WAIT_SECONDS = 2.0
# Rows listed at first and added per page as the reader scrolls: a few screens. Listing all 10,000
# summaries of a large library takes ~0.6 s and their rows most of the view's memory
# (tests/benchmarks/bench_library_window.py); a page of 200 is listed in ~15 ms.
PAGE_ROWS = 200
# How many values each facet group shows.
FACET_LIMIT = 12
# Filters of the view's filter box, as core filters.
FILTER_KEYS: dict[str, library_search.Filters] = {
    "all": library_search.Filters(archived=False),
    "unread": library_search.Filters(read=False, archived=False),
    "favourites": library_search.Filters(favourite=True),
    "archived": library_search.Filters(archived=True),
    "missing": library_search.Filters(missing=True),
}


@dataclass(frozen=True)
class Listing:
    items: list[SearchHit]
    library_empty: bool
    has_more: bool = False


class LibraryController(QObject):
    """The library view's controller: queries, facets, import, watched folders, user actions."""

    article_opened = Signal(object)  # a StoredArticle, to open in a tab
    message = Signal(str, str)  # a sentence and its level ("information", "warning", "error")
    changed = Signal()  # the library's content changed (after an import or an action)
    opened = Signal()  # the library database is open (queries and imports may start)
    imported = Signal(list)  # the ImportResults of an import that finished (or was cancelled)
    _import_progress = Signal(object)
    _import_done = Signal(list, bool)

    def __init__(
        self,
        view: LibraryView,
        path: str | None = None,
        parent: QObject | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.path = path
        self.library: Library | None = None
        self.runner = runner or TaskRunner(
            self, threads=1, show_error=lambda text: self.message.emit(text, "error")
        )
        self.query = ""
        self.filters = FILTER_KEYS["all"]
        self.facet: tuple[str, str] | None = None
        self._latest = 0
        self.listed = 0  # rows listed so far (a page, more as the reader scrolls)
        self.sort: library_search.Sort = "added"
        self.import_options: dict[str, Any] = {}  # passed to Library.import_paths (tests: no analysis)
        self._cancel_import: threading.Event | None = None
        self._quiet = False
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._watcher = QFileSystemWatcher(self)
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_SETTLE_MS)
        self._watch_timer.timeout.connect(self.scan_watched)
        self._watcher.directoryChanged.connect(lambda _path: self._watch_timer.start())
        self._import_progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._import_done.connect(self._import_finished, Qt.ConnectionType.QueuedConnection)
        view.search_changed.connect(self._search_typed)
        view.filter_changed.connect(self._filter_chosen)
        view.facet_chosen.connect(self._facet_chosen)
        view.open_requested.connect(self.open_article)
        view.archive_requested.connect(lambda ids: self._act(lambda lib: lib.set_flags(ids, archived=True)))
        view.favourite_requested.connect(
            lambda ids: self._act(lambda lib: lib.set_flags(ids, favourite=True))
        )
        view.tag_requested.connect(lambda ids, tag: self._act(lambda lib: lib.tag(ids, [tag])))
        view.forget_requested.connect(self._forget)
        view.import_cancel_requested.connect(self.cancel_import)
        view.more_wanted.connect(lambda: self.refresh(more=True))
        view.sort_wanted.connect(self._sort_chosen)

    # ------------------------------------------------------------------ opening
    def start(self) -> None:
        """Open the library in the background and show it; its structural check (which reads
        the whole file: ~0.3 s for 10,000 articles) runs after the list is shown."""
        self.runner.run(Task(lambda: Library.open(self.path, verify=False), self._opened))

    def _opened(self, library: Library, checked: bool = False) -> None:
        self.library = library
        if library.recovery is not None:
            self.message.emit(library.recovery.notice.message, "warning")
            self.import_paths([str(p) for p in library.recovery.paths])
        self.refresh()
        self.runner.run(Task(library.watched_folders, self._watch))
        if not checked:
            self.runner.run(Task(lambda: is_sound(library), lambda sound: self._checked(library, sound)))
        self.opened.emit()

    def _checked(self, library: Library, sound: bool) -> None:
        """A damaged file found by the check is opened again with it: set aside and rebuilt."""
        if sound or library is not self.library:
            return
        self.library = None

        def reopen() -> Library:
            library.close()
            return Library.open(self.path, verify=True)

        self.runner.run(Task(reopen, lambda again: self._opened(again, checked=True)))

    def close(self, last_writes: Callable[[Library], object] | None = None) -> None:
        """Stop the import and the queries; ``last_writes`` (the reading positions of the open
        tabs) run on a thread of their own, waited for at most :data:`CLOSE_WAIT_SECONDS`."""
        self.cancel_import()
        self.runner.shutdown()
        library, self.library = self.library, None
        if library is None:
            return
        if last_writes is not None:
            writer = threading.Thread(target=lambda: write_last(library, last_writes),
                                      name="sift-library-close", daemon=True)
            writer.start()
            writer.join(CLOSE_WAIT_SECONDS)
            if writer.is_alive():
                log.warning("the library was busy at closing; the last reading positions are not saved")
                return  # closing the connection under the writer would break its transaction
        library.close()

    # ------------------------------------------------------------------ listing and searching
    def _search_typed(self, text: str) -> None:
        self.query = text
        self._search_timer.start()

    def _filter_chosen(self, key: str) -> None:
        self.filters = FILTER_KEYS.get(key, FILTER_KEYS["all"])
        self.refresh()

    def _facet_chosen(self, group: str, value: str) -> None:
        self.facet = None if self.facet == (group, value) or not group else (group, value)
        self.view.mark_facet(self.facet)
        self.refresh()

    def current_filters(self) -> library_search.Filters:
        if self.facet is None:
            return self.filters
        group, value = self.facet
        if group == "site":
            return replace(self.filters, site=value)
        if group == "tag":
            return replace(self.filters, tag=value)
        return replace(self.filters, entity=value)

    def _sort_chosen(self, key: str) -> None:
        sorts: dict[str, library_search.Sort] = {
            "title": "title", "site": "site", "published": "published", "added": "added", "words": "words",
            "progress": "progress"}
        if key in sorts:
            self.sort = sorts[key]
            self.refresh()

    def refresh(self, more: bool = False) -> None:
        """Run the current query for its first page (``more``: the next page); only the newest
        answer is shown."""
        library = self.library
        if library is None:
            return
        if not more:  # a page more belongs to the listing shown; a new listing supersedes it
            self._latest += 1
        ticket, query, filters, sort = self._latest, self.query, self.current_filters(), self.sort
        start = self.listed if more else 0
        wanted = start + PAGE_ROWS

        def work() -> Listing:
            hits = library.search(query, filters, wanted + 1, sort, prefix_last=True)
            has_more = len(hits) > wanted
            empty = not hits and library.counts().get("articles", 0) == 0
            return Listing(hits[start:wanted], empty, has_more)

        self.runner.run(Task(work, lambda listing: self._show(ticket, listing, appended=more)))
        if not more:
            self.runner.run(Task(lambda: facets_of(library), self.view.show_facets))

    def _show(self, ticket: int, listing: Listing, appended: bool = False) -> None:
        if ticket != self._latest:
            return
        items: Sequence[Any] = listing.items if self.query.strip() else [h.summary for h in listing.items]
        if appended:
            self.view.append_items(items, listing.has_more)
        else:
            self.view.show_items(items, listing.library_empty, listing.has_more)
        self.listed = self.view.model.rowCount()
        self.fetch_extras([hit.summary.id for hit in listing.items])

    def fetch_extras(self, ids: list[str]) -> None:
        """The sources and version counts of the rows just shown (one query each per page)."""
        library = self.library
        if library is None or not ids:
            return
        self.runner.run(Task(lambda: row_extras(library, ids), self.view.model.set_extras))

    # ------------------------------------------------------------------ opening an article
    def open_article(self, ident: str) -> None:
        library = self.library
        if library is None:
            return

        def work() -> StoredArticle | None:
            stored = library.article(ident)
            if stored is not None:
                library.mark_opened(ident)
            return stored

        self.runner.run(Task(work, self._article_loaded))

    def _article_loaded(self, stored: StoredArticle | None) -> None:
        if stored is None:
            self.message.emit(self.tr("That article is no longer in the library."), "warning")
            return
        self.article_opened.emit(stored)

    def set_progress(self, ident: str, fraction: float) -> None:
        self._act(lambda lib: lib.set_progress(ident, fraction), refresh=False)

    def mark_opened(self, refs: Sequence[str]) -> None:
        """Note that these articles (ids or paths) were opened now."""
        def mark(library: Library) -> None:
            for ref in refs:
                library.mark_opened(ref)

        self._act(mark, refresh=False)

    # ------------------------------------------------------------------ actions
    def _act(self, action: Callable[[Library], object], refresh: bool = True) -> None:
        library = self.library
        if library is None:
            return
        self.runner.run(Task(lambda: action(library), lambda _r: self._acted(refresh)))

    def _acted(self, refresh: bool) -> None:
        if refresh:
            self.refresh()
            self.changed.emit()

    def _forget(self, ids: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.view,
            self.tr("Forget articles"),
            self.tr(
                "Forget %n article(s)? Sift removes them and their highlights from the library; "
                "your saved files are not touched.",
                "",
                len(ids),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._act(lambda lib: lib.forget(ids))

    # ------------------------------------------------------------------ import
    def import_paths(self, paths: Sequence[str], quiet: bool = False,
                     known: Mapping[str, KnownRecord] | None = None) -> bool:
        """Import files and folders in the background; False when an import is already running.
        ``quiet``: no progress bar and no message (files the reader opened join the library);
        ``known``: their records, made already by the window."""
        library = self.library
        if library is None or not paths or self._cancel_import is not None:
            return False
        cancel = self._cancel_import = threading.Event()
        self._quiet = quiet
        if not quiet:
            self.view.show_import(0, 0, self.tr("looking for articles…"), None)

        def run() -> None:
            results: list[ImportResult] = []
            try:
                for result in library.import_paths(
                    paths, progress=self._import_progress.emit, cancel=cancel, known=known,
                    **self.import_options
                ):
                    results.append(result)
            except Exception:  # reported, never a traceback in the reader's face
                log.exception("import failed")
            self._import_done.emit(results, cancel.is_set())

        threading.Thread(target=run, name="sift-import", daemon=True).start()
        return True

    def cancel_import(self) -> None:
        if self._cancel_import is not None:
            self._cancel_import.set()

    def importing(self) -> bool:
        return self._cancel_import is not None

    def _show_progress(self, progress: ImportProgress) -> None:
        if self._quiet:
            return
        name = progress.current.name if progress.current else ""
        self.view.show_import(progress.done, progress.total, name, progress.seconds_left)

    def _import_finished(self, results: list[ImportResult], cancelled: bool) -> None:
        self._cancel_import = None
        self.view.hide_import()
        self.imported.emit(results)
        if self._quiet:
            self.refresh()
            self.changed.emit()
            return
        failed = [r for r in results if r.status == "error"]
        added = sum(r.status in ("added", "updated", "moved") for r in results)
        text = self.tr("Imported %1 article(s)").replace("%1", str(added))
        if cancelled:
            text += self.tr(" before the import was cancelled")
        if failed:
            text += self.tr("; %1 file(s) could not be read: ").replace("%1", str(len(failed)))
            text += " ".join((r.error or {}).get("message", str(r.path)) for r in failed[:3])
        self.message.emit(text + ".", "warning" if failed else "information")
        self.refresh()
        self.changed.emit()

    # ------------------------------------------------------------------ watched folders
    def watch_folder(self, folder: str) -> None:
        self._act(lambda lib: lib.watch(folder), refresh=False)
        self._watch([Path(folder)])
        self.import_paths([folder])

    def unwatch_folder(self, folder: str) -> None:
        """Stop watching ``folder``; its articles stay in the library."""
        self._act(lambda lib: lib.unwatch(folder), refresh=False)
        if folder in self._watcher.directories():
            self._watcher.removePath(folder)

    def _watch(self, folders: list[Path]) -> None:
        existing = [str(f) for f in folders if f.is_dir() and str(f) not in self._watcher.directories()]
        if existing:
            self._watcher.addPaths(existing)

    def scan_watched(self) -> None:
        library = self.library
        if library is None or self.importing():
            self._watch_timer.start()  # try again once the running import is done
            return
        folders = [str(f) for f in library.watched_folders()]
        if folders:
            self.import_paths(folders)


def facets_of(library: Library) -> dict[str, list[tuple[str, int]]]:
    """Sites, tags and the most mentioned people, organizations and places, with counts."""
    started = time.perf_counter()
    groups = {"site": library.sites()[:FACET_LIMIT], "tag": library.tags()[:FACET_LIMIT]}
    for kind in ("person", "organization", "place"):
        groups[kind] = library.top_entities(kind, FACET_LIMIT)
    log.debug("facets in %.1f ms", (time.perf_counter() - started) * 1000)
    return groups


def is_sound(library: Library) -> bool:
    """SQLite's structural check of the whole file (runs on the library's thread)."""
    try:
        with library.lock:
            return bool(library.conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok")
    except sqlite3.OperationalError as exc:  # busy or unreadable now: not damage
        log.warning("the library's check could not run: %s", exc)
        return True
    except sqlite3.DatabaseError as exc:
        log.warning("the library's check found damage: %s", exc)
        return False


def row_extras(library: Library, ids: list[str]) -> dict[str, Extras]:
    """Each article's sources ("4 · 1 unnamed") and number of saved versions, for its row."""
    from reader.core.library.story_sources import SourceSummary
    from reader.ui.library.sources_summary import column_detail, column_label

    sources = library.source_summaries(ids)
    versions = library.version_counts(ids)
    extras = {}
    for ident in ids:
        summary = sources.get(ident, SourceSummary())
        extras[ident] = Extras(column_label(summary), column_detail(summary), versions.get(ident, 1),
                               summary.sources)
    return extras


def write_last(library: Library, writes: Callable[[Library], object]) -> None:
    """The writes made as the window closes, on their own thread; a failure is logged."""
    try:
        writes(library)
    except Exception:
        log.exception("the last reading positions could not be saved")

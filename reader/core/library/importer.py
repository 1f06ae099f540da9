"""Importing files and folders into the library.

The plan is made here (cheap): a file whose size and mtime match what the library saw is
unchanged without being read; otherwise its content hash says whether the library already has
it (found again at a new path: *moved*), or it must be extracted and analysed. A file whose
content changed becomes a new article (*updated*): the old copy stays as an earlier version, the
new one inherits the reader's state, tags and highlights (re-anchored, see highlights.py).
Extraction runs in a process pool sized to the cores; each result is written in its own
transaction as it arrives, so a kill loses only the files in flight. Files under an imported
folder that the library saw before and that are gone are marked missing (kept, readable from the
stored text).
Progress and cancellation are plain callables so the GUI can drive an import from a thread.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reader.core import errors
from reader.core.library import articles, highlights
from reader.core.library import corrections as entity_fixes
from reader.core.library.entities import garbage_collect, relink
from reader.core.library.store import now_iso, transaction
from reader.core.library.worker import prepare_worker, record_for_library
from reader.core.records import error_record
from reader.core.sources.origin import RESOURCE_DIR_ENDINGS
from reader.core.sources.pages import address_is_file, page_address, page_digest, split_page_address
from reader.core.sources.sniff import SUPPORTED_SUFFIXES

log = logging.getLogger(__name__)

Status = Literal["added", "updated", "unchanged", "moved", "error", "missing"]
CancelCheck = Callable[[], bool]
# Compressed saves ("page.html.gz") are read like the page itself.
COMPRESSED_SUFFIXES = (".gz",)
# Errors that say something about the file itself; remembered so an unchanged file is not
# read again on every import. An internal error or a timeout may pass next time: retried.
LASTING_ERROR_KINDS = frozenset({"empty", "unsupported-format", "too-large", "undecodable", "malformed"})
HASH_CHUNK_BYTES = 1 << 20
# Files that may hold several articles (web archives, mailboxes): named on their own, each page is
# imported. Found in a folder walk, only the main page: listing a 200 MB WARC's pages takes seconds,
# too long for every scan of a watched folder.
MULTI_PAGE_SUFFIXES = (".warc", ".warc.gz", ".wacz", ".mbox", ".mbx")


@dataclass(frozen=True)
class ImportProgress:
    """Where an import is: ``done`` of ``total`` files, the one just finished, time left."""

    done: int
    total: int
    current: Path | None
    seconds_left: float | None


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file (``missing``: a file the library saw that is gone)."""

    path: Path
    status: Status
    id: str | None = None
    title: str | None = None
    error: dict[str, str] | None = None  # {"kind", "message"} as in the CLI contract

    def record(self) -> dict[str, Any]:
        """The ``add`` verb's line."""
        line: dict[str, Any] = {"path": str(self.path), "id": self.id, "status": self.status,
                                "title": self.title}
        if self.error is not None:
            line["error"] = self.error
        return line


@dataclass(frozen=True)
class KnownRecord:
    """A file's ``sift extract`` record made already (the window extracted and analysed the file
    it shows), for the content hash it was made from: the import stores it instead of making it
    again in a new process."""

    digest: str
    record: dict[str, Any]


@dataclass(frozen=True)
class Work:
    """A file that must be extracted (and analysed) before it can be stored."""

    path: Path
    size: int
    mtime_ns: int
    digest: str


def is_importable(path: Path) -> bool:
    name = path.name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        name = name.removesuffix(suffix)
    return not path.name.startswith(".") and Path(name).suffix in SUPPORTED_SUFFIXES


def find_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(files to import, folders walked): named files always, folders recursively (saved-page
    resource folders and hidden entries skipped), each file once, in a stable order."""
    files: list[Path] = []
    folders: list[Path] = []
    for given in paths:
        path = Path(os.path.abspath(Path(given).expanduser()))
        if not path.is_dir():
            files.append(path)
            continue
        folders.append(path)
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs
                             if not d.startswith(".") and not d.endswith(RESOURCE_DIR_ENDINGS))
            files.extend(Path(root) / n for n in sorted(names) if is_importable(Path(root) / n))
    return list(dict.fromkeys(files)), folders


def content_digest(path: Path, page: str | None = None) -> str:
    """The file's SHA-256; for one page of a file of several, that and the page's key (each page
    is its own article)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest() if page is None else page_digest(digest.hexdigest(), page)


def is_cancelled(cancel: threading.Event | CancelCheck | None) -> bool:
    if cancel is None:
        return False
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


class Importer:
    """One import run over a library connection (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection, *, analysis: bool = True, workers: int | None = None,
                 progress: Callable[[ImportProgress], None] | None = None,
                 cancel: threading.Event | CancelCheck | None = None,
                 lock: AbstractContextManager[Any] | None = None,
                 known: Mapping[str, KnownRecord] | None = None) -> None:
        self.conn = conn
        self.known = known or {}
        self.analysis = analysis
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self.progress = progress
        self.cancel = cancel
        self.lock: AbstractContextManager[Any] = lock if lock is not None else nullcontext()
        self.cancelled = False
        self.stored = 0  # articles written or re-analysed in this run
        self._done = 0
        self._total = 0
        self._work_started = 0.0
        self._work_done = 0
        self._work_total = 0
        self._main_pages: dict[Path, str | None] = {}

    def run(self, paths: Iterable[Path]) -> Iterator[ImportResult]:
        """Import files and folders; yields each file's result as it is decided or stored.
        A web archive or mailbox named on its own brings all its pages (in a folder: its main one)."""
        paths = list(paths)
        files, folders = find_files(paths)
        named = {Path(os.path.abspath(p.expanduser())) for p in paths}
        files = [page for f in files for page in (self._pages_of(f) if f in named else [f])]
        self._total = len(files)
        work: list[Work] = []
        for path in files:
            if self._check_cancel():
                return
            planned = self._plan(path)
            if isinstance(planned, Work):
                work.append(planned)
            else:
                yield self._finish(planned)
        self._work_total = len(work)
        yield from self._extract_all(work)
        if self.cancelled:
            return
        yield from self._mark_missing(files, folders)
        if self.stored:  # new full names may link (or make ambiguous) bare names stored before
            with self.lock, transaction(self.conn):
                garbage_collect(self.conn)
                relink(self.conn)

    # -- planning -------------------------------------------------------------------------

    def _plan(self, path: Path) -> ImportResult | Work:
        """Decide cheaply what a file (or one page of it, named by its page address) needs; files
        the library already has are settled here."""
        file, page = split_page_address(path)
        try:
            stat = file.stat()
        except FileNotFoundError:
            with self.lock, transaction(self.conn):
                articles.mark_gone(self.conn, str(path))
            return self._error(path, errors.NotFound(path))
        except OSError as exc:
            return self._error(path, errors.NotFound(path, errors.NotFound.UNREADABLE, reason=exc.strerror))
        if file.is_dir():
            return self._error(path, errors.IsDirectory(path))
        with self.lock:
            held = articles.current_article_at(self.conn, str(path))
            failure = self.conn.execute("SELECT * FROM failures WHERE path = ?", (str(path),)).fetchone()
        if held is not None and (held["size"], held["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns) \
                and (held["analysed"] or not self.analysis):
            return ImportResult(path, "unchanged", held["id"], held["title"])
        if failure is not None and (failure["size"], failure["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns):
            return ImportResult(path, "error", error={"kind": failure["kind"], "message": failure["message"]})
        try:
            own_page = page is not None and page != self._main_page(file)
            digest = content_digest(file, page if own_page else None)
        except OSError as exc:
            kind = errors.PermissionDenied(path) if isinstance(exc, PermissionError) else \
                errors.NotFound(path, errors.NotFound.UNREADABLE, reason=exc.strerror)
            return self._error(path, kind)
        with self.lock, transaction(self.conn):
            known = articles.find_by_hash(self.conn, digest)
            if known is None or (self.analysis and not known["analysed"]):
                return Work(path, stat.st_size, stat.st_mtime_ns, digest)
            moved = held is None and not articles.old_paths_exist(self.conn, known["num"], str(path))
            articles.see_path(self.conn, known["num"], str(path), stat.st_size, stat.st_mtime_ns, now_iso())
            if held is not None and held["num"] != known["num"]:  # the file went back to an older copy
                highlights.follow_edit(self.conn, held["num"], known["num"])
            self.conn.execute("DELETE FROM failures WHERE path = ?", (str(path),))
        return ImportResult(path, "moved" if moved else "unchanged", known["id"], known["title"])

    def _pages_of(self, path: Path) -> list[Path]:
        """A file of several pages as its main page (the file itself) and the page addresses of the
        others; any other file (or one that cannot be listed: its import says why) as itself."""
        name = path.name.lower()
        if not name.endswith(MULTI_PAGE_SUFFIXES):
            return [path]
        from reader.core.sources.loading import list_pages

        try:
            pages = list_pages(path)
        except (errors.ReaderError, OSError):
            return [path]
        if pages:
            self._main_pages[path] = pages[0].key
        return [path, *(Path(page_address(path, page.key)) for page in pages[1:])]

    def _main_page(self, file: Path) -> str | None:
        """The key of the page a file opens at when none is named: that page is the same article
        whether imported as the file or by its page address (listed once per file and run)."""
        if file not in self._main_pages:
            from reader.core.sources.loading import list_pages

            try:
                pages = list_pages(file)
            except errors.ReaderError:
                pages = []
            self._main_pages[file] = pages[0].key if pages else None
        return self._main_pages[file]

    def _error(self, path: Path, error: errors.ReaderError) -> ImportResult:
        return ImportResult(path, "error", error=error_record(path, error)["error"])

    # -- extraction in the pool ----------------------------------------------------------

    def _extract_all(self, work: list[Work]) -> Iterator[ImportResult]:
        if not work:
            return
        self._work_started = time.monotonic()
        pending: list[Work] = []
        for item in work:
            record = self._known_record(item)
            if record is None:
                pending.append(item)
            elif self._check_cancel():
                return
            else:
                yield self._finish(self._store(item, record))
        work = pending
        if not work:
            return
        if self.workers <= 0:  # in this process: tests, and callers that are a worker already
            for item in work:
                if self._check_cancel():
                    return
                yield self._finish(self._store(item, record_for_library(str(item.path), self.analysis)))
            return
        pool = ProcessPoolExecutor(max_workers=min(self.workers, len(work)), initializer=prepare_worker,
                                   mp_context=multiprocessing.get_context("spawn"))
        futures: dict[Future[dict[str, Any]], Work] = {
            pool.submit(record_for_library, str(item.path), self.analysis): item for item in work}
        try:
            for future in as_completed(futures):
                if self._check_cancel():
                    return
                item = futures[future]
                try:
                    record = future.result()
                except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                    log.error("import worker died on or near %s", item.path)
                    record = error_record(item.path, errors.internal(item.path, exc))
                yield self._finish(self._store(item, record))
        finally:
            pool.shutdown(wait=not self.cancelled, cancel_futures=True)

    def _known_record(self, item: Work) -> dict[str, Any] | None:
        """The caller's record of this very content, analysed when the import analyses; else None."""
        known = self.known.get(str(item.path))
        if known is None or known.digest != item.digest or (self.analysis and "entities" not in known.record):
            return None
        return known.record

    def _store(self, item: Work, record: dict[str, Any]) -> ImportResult:
        """Write one result in one transaction (re-deciding: another process may have stored it)."""
        path = str(item.path)
        with self.lock, transaction(self.conn):
            if "error" in record:
                if record["error"]["kind"] in LASTING_ERROR_KINDS:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO failures(path, size, mtime_ns, kind, message) "
                        "VALUES (?,?,?,?,?)",
                        (path, item.size, item.mtime_ns, record["error"]["kind"], record["error"]["message"]))
                return ImportResult(item.path, "error", error=record["error"])
            held = articles.current_article_at(self.conn, path)
            known = articles.find_by_hash(self.conn, item.digest)
            seen = now_iso()
            if known is None:
                num = articles.insert_article(self.conn, record, item.digest, seen)
                status: Status = "added"
                if held is not None:  # the file was edited: the new content inherits the reader's state
                    articles.carry_user_state(self.conn, held["num"], num)
                    status = "updated"
            elif self.analysis and not known["analysed"]:
                num = known["num"]
                articles.replace_analysis(self.conn, num, record)
                highlights.reanchor_article(self.conn, num, record["text"])  # the text may differ
                status = "updated"
            else:  # the same content came in at another path meanwhile (a copy in this run, another process)
                num = known["num"]
                moved = held is None and not articles.old_paths_exist(self.conn, num, path)
                status = "moved" if moved else "unchanged"
            if held is not None and held["num"] != num:  # edited: highlights and splits go to the newest copy
                highlights.follow_edit(self.conn, held["num"], num)
                entity_fixes.follow_edit(self.conn, held["num"], num)
            articles.see_path(self.conn, num, path, item.size, item.mtime_ns, seen)
            self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))
        self.stored += status in ("added", "updated")
        return ImportResult(item.path, status, articles.article_id(item.digest), record["title"])

    # -- after the files -----------------------------------------------------------------

    def _mark_missing(self, files: list[Path], folders: list[Path]) -> Iterator[ImportResult]:
        """Files under the imported folders that the library saw before and that are gone."""
        seen = {str(f) for f in files}
        for folder in folders:
            prefix = str(folder).rstrip(os.sep) + os.sep
            with self.lock:
                rows = self.conn.execute(
                    "SELECT DISTINCT p.path, a.id, a.title FROM paths p "
                    "JOIN articles a ON a.num = p.article_num "
                    "WHERE p.current = 1 AND p.path >= ? AND p.path < ?",
                    (prefix, prefix[:-1] + chr(ord(os.sep) + 1))).fetchall()
            for row in rows:
                if row["path"] in seen or address_is_file(row["path"]):
                    continue
                with self.lock, transaction(self.conn):
                    articles.mark_gone(self.conn, row["path"])
                yield ImportResult(Path(row["path"]), "missing", row["id"], row["title"])

    # -- progress ------------------------------------------------------------------------

    def _check_cancel(self) -> bool:
        if not self.cancelled and is_cancelled(self.cancel):
            self.cancelled = True
            log.info("import cancelled after %d of %d files", self._done, self._total)
        return self.cancelled

    def _finish(self, result: ImportResult) -> ImportResult:
        self._done += 1
        if self._work_started and result.status not in ("unchanged", "moved"):
            self._work_done += 1
        if self.progress is not None:
            self.progress(ImportProgress(self._done, self._total, result.path, self._seconds_left()))
        return result

    def _seconds_left(self) -> float | None:
        """Elapsed time per extracted file so far, times the files still to extract."""
        if not self._work_done:
            return None
        rate = (time.monotonic() - self._work_started) / self._work_done
        return round(rate * max(self._work_total - self._work_done, 0), 1)

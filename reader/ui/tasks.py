"""Run the core off the GUI thread and hand results back on it, by signal.

The op/worker habit: a plain function runs in the background; its result or its exception comes
back through a queued signal to a callback on the GUI thread. Background code never touches a
widget. Loading and extraction run in a small thread pool; analysis runs in one separate process
(spaCy holds the GIL long enough to stall the window), started right after the window shows so
the language model loads while the reader looks at the story.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from reader.core.analysis_worker import analyze_in_process, prepare_process, warm_up
from reader.core.model import Article

# Two threads: one article loads while another may still be extracting.
LOAD_THREADS = 2
# Seconds to wait for the analysis process to finish its request before it is terminated on quit.
PROCESS_JOIN_SECONDS = 2.0

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


def make_analysis_executor() -> Executor:
    """One spawned process: fork would copy Qt's threads and state into the child."""
    import multiprocessing  # imported here: not needed before the window is shown
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=prepare_process)


class TaskRunner(QObject):
    """Runs functions on a thread pool; ``on_success``/``on_failure`` run on the GUI thread."""

    _done = Signal(int, object, object)  # task id, result, exception

    def __init__(self, parent: QObject | None = None, threads: int = LOAD_THREADS) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="sift-load")
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Success, Failure]] = {}
        self._closed = False
        # Queued even from the GUI thread: a task that fails at once must not answer before run() returns.
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, function: Callable[..., Any], *args: Any, on_success: Success,
            on_failure: Failure) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_success, on_failure)
        future = self._pool.submit(function, *args)
        future.add_done_callback(lambda f: self._report(task_id, f))
        return task_id

    def cancel(self, task_id: int) -> None:
        """Forget a task: its result, when it comes, is dropped."""
        self._callbacks.pop(task_id, None)

    def pending(self) -> int:
        return len(self._callbacks)

    def shutdown(self, wait: bool = False) -> None:
        """Drop queued tasks. A running extraction cannot be interrupted: by default the window
        closes at once and Python waits for it at exit (extraction is bounded in time)."""
        self._closed = True
        self._callbacks.clear()
        self._pool.shutdown(wait=wait, cancel_futures=True)

    def _report(self, task_id: int, future: Future[Any]) -> None:  # runs in the worker thread
        if self._closed or future.cancelled():
            return
        error = future.exception()
        self._done.emit(task_id, None if error else future.result(), error)

    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is None:
            return
        if error is None:
            try:
                callbacks[0](result)
            except Exception as exc:  # a bug while showing the result is reported like a failure
                callbacks[1](exc)
        else:
            callbacks[1](error)


class AnalysisService(QObject):
    """The analysis process: ``analyze(article)`` returns a request id, answered by a signal."""

    finished = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str)  # request id, a sentence for people
    model_ready = Signal()
    _done = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: Executor | None = None
        self._ids = itertools.count(1)
        self._wanted: set[int] = set()
        self._closed = False
        self.ready = False
        # Queued even from the GUI thread: a task that fails at once must not answer before run() returns.
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Start the process and load the model in it; safe to call more than once."""
        if self._executor is not None or self._closed:
            return
        self._executor = make_analysis_executor()
        self._submit(0, warm_up)

    def analyze(self, article: Article) -> int:
        self.start()
        request = next(self._ids)
        self._wanted.add(request)
        self._submit(request, analyze_in_process, article)
        return request

    def cancel(self, request: int) -> None:
        self._wanted.discard(request)

    def process_ids(self) -> list[int]:
        """The analysis process's id (for memory figures); empty before start or with threads."""
        return list(getattr(self._executor, "_processes", None) or {})

    def shutdown(self) -> None:
        """Stop the process now, even in the middle of loading the model."""
        self._closed = True
        self._wanted.clear()
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # shutdown() forgets the processes and the manager thread: take them first.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(PROCESS_JOIN_SECONDS)
        if manager is not None:
            manager.join(PROCESS_JOIN_SECONDS)

    def _submit(self, request: int, function: Callable[..., Any], *args: Any) -> None:
        assert self._executor is not None
        try:
            future = self._executor.submit(function, *args)
        except BrokenExecutor:  # the process died (killed, out of memory): start a new one
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = make_analysis_executor()
            future = self._executor.submit(function, *args)
        future.add_done_callback(lambda f: self._report(request, f))

    def _report(self, request: int, future: Future[Any]) -> None:  # runs in an executor thread
        if self._closed or future.cancelled():
            return
        error = future.exception()
        self._done.emit(request, None if error else future.result(), error)

    def _deliver(self, request: int, result: Any, error: BaseException | None) -> None:
        if request == 0:
            self.ready = error is None or self.ready
            if error is None:
                self.model_ready.emit()
            return
        if request not in self._wanted:
            return
        self._wanted.discard(request)
        if error is None:
            self.ready = True
            self.finished.emit(request, result)
        else:
            self.failed.emit(request, describe_analysis_failure(error))


def describe_analysis_failure(error: BaseException) -> str:
    """Why the entities and claims are missing, in words; reading is unaffected."""
    from reader.core.errors import ReaderError
    from reader.ui.errors import describe_error

    if isinstance(error, ReaderError):
        return describe_error(error)
    logging.getLogger(__name__).error("analysis failed", exc_info=error)
    if isinstance(error, BrokenExecutor):
        return QCoreApplication.translate(
            "Analysis", "The analysis stopped unexpectedly; the story is still shown as extracted.")
    return QCoreApplication.translate(
        "Analysis", "Entities and claims could not be found (%1); the story is still shown.").replace(
        "%1", type(error).__name__)

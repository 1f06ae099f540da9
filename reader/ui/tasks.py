"""Run the core off the GUI thread and hand results back on it, by signal.

The op/worker habit (Anki's ``QueryOp``): a :class:`Task` is a plain function for the background,
which never touches a widget, and ``success``/``failure`` callbacks that run on the GUI thread
when it is done. Every core call the window makes (loading, cache reads and writes, exports,
clearing the cache) is a Task run by a :class:`TaskRunner` (small thread pools). Analysis runs
in one separate process instead (:class:`AnalysisService`: spaCy holds the GIL long enough to
stall the window), started right after the window shows so the language model loads while the
reader looks at the story. Both hand their answers over as an :class:`Outcome` through a queued
signal.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from reader.core.analysis_worker import analyze_in_process, prepare_process, warm_up
from reader.core.model import Analysis, Article
from reader.ui.errors import describe_error

log = logging.getLogger(__name__)

# Two threads: one article loads while another may still be extracting.
LOAD_THREADS = 2
# Lanes. Extraction can take seconds, so quick file work (the results cache, exports, clearing)
# has a thread of its own and never waits behind a drop of fifty files; being one thread, it
# also does that work in the order it was asked for (a cache write queued before Clear History
# is done before the clearing).
Lane = Literal["load", "files"]
LOAD_LANE: Lane = "load"
FILE_LANE: Lane = "files"
# Seconds to wait for the analysis process to finish its request before it is terminated on quit.
PROCESS_JOIN_SECONDS = 2.0
# The analysis process's request that loads the model; real requests count from 1.
WARM_UP_REQUEST = 0

T = TypeVar("T")
Failure = Callable[[BaseException], None]


@dataclass(frozen=True)
class Outcome:
    """What one background call came to: its value, or the exception it raised."""

    ticket: int
    value: object = None
    error: BaseException | None = None


def outcome_of(ticket: int, future: Future[Any]) -> Outcome:
    """The finished future as an Outcome (runs in the thread that finished it)."""
    error = future.exception()
    return Outcome(ticket, error=error) if error is not None else Outcome(ticket, future.result())


class Task(Generic[T]):
    """A function for the background and what to do with its answer on the GUI thread.

    ``failure`` defaults to the runner's: the error in words (:func:`describe_error`) in the
    window's message bar. An exception raised by ``success`` is handed to ``failure`` too, so a
    bug while showing a result is reported like a failure rather than lost in a slot.
    """

    def __init__(self, function: Callable[[], T], success: Callable[[T], None],
                 failure: Failure | None = None, lane: Lane = LOAD_LANE) -> None:
        self.function = function
        self.success = success
        self.failure = failure
        self.lane = lane

    def deliver(self, outcome: Outcome, default_failure: Failure) -> None:
        failure = self.failure or default_failure
        if outcome.error is not None:
            failure(outcome.error)
            return
        try:
            self.success(cast(T, outcome.value))
        except Exception as exc:
            failure(exc)


class TaskRunner(QObject):
    """Runs :class:`Task` functions on small thread pools (one per lane); their callbacks run on
    the GUI thread.

    ``show_error`` receives the sentence of a failed task that brought no ``failure`` of its own.
    """

    _arrived = Signal(Outcome)

    def __init__(self, parent: QObject | None = None, threads: int = LOAD_THREADS,
                 show_error: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[Lane, ThreadPoolExecutor] = {
            LOAD_LANE: ThreadPoolExecutor(max_workers=threads, thread_name_prefix="sift-load"),
            FILE_LANE: ThreadPoolExecutor(max_workers=1, thread_name_prefix="sift-files")}
        self._tickets = itertools.count(1)
        self._tasks: dict[int, Task[Any]] = {}
        self._show_error = show_error
        self._closed = False
        # Queued even from the GUI thread: a task that fails at once must not answer before run() returns.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, task: Task[T]) -> int:
        """Start ``task``; the ticket it returns can :meth:`cancel` it."""
        ticket = next(self._tickets)
        self._tasks[ticket] = task
        future = self._pools[task.lane].submit(task.function)
        future.add_done_callback(lambda f: self._report(ticket, f))
        return ticket

    def cancel(self, ticket: int) -> None:
        """Forget a task: its result, when it comes, is dropped."""
        self._tasks.pop(ticket, None)

    def pending(self) -> int:
        return len(self._tasks)

    def shutdown(self, wait: bool = False) -> None:
        """Drop queued tasks. A running extraction cannot be interrupted: by default the window
        closes at once and Python waits for it at exit (extraction is bounded in time)."""
        self._closed = True
        self._tasks.clear()
        for pool in self._pools.values():
            pool.shutdown(wait=wait, cancel_futures=True)

    def show_failure(self, error: BaseException) -> None:
        """The default failure: the error in words where the reader sees it (else in the log)."""
        text = describe_error(error)
        if self._show_error is not None:
            self._show_error(text)
        else:
            log.error("background task failed: %s", text)

    def _report(self, ticket: int, future: Future[Any]) -> None:  # runs in the worker thread
        if not self._closed and not future.cancelled():
            self._arrived.emit(outcome_of(ticket, future))

    def _deliver(self, outcome: Outcome) -> None:
        task = self._tasks.pop(outcome.ticket, None)
        if task is not None:
            task.deliver(outcome, self.show_failure)


def make_analysis_executor() -> Executor:
    """One spawned process: fork would copy Qt's threads and state into the child."""
    from concurrent.futures import ProcessPoolExecutor  # not needed before the window is shown

    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=prepare_process)


class AnalysisService(QObject):
    """The analysis process: ``analyze(article)`` returns a request id, answered by a signal."""

    finished = Signal(int, Analysis)  # request id, its analysis
    failed = Signal(int, str)  # request id, a sentence for people
    model_ready = Signal()
    _arrived = Signal(Outcome)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: Executor | None = None
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._requests = itertools.count(WARM_UP_REQUEST + 1)
        self._wanted: set[int] = set()
        self._closed = False
        self.ready = False
        # Queued even from the GUI thread: a task that fails at once must not answer before run() returns.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Start the process and load the model in it; safe to call more than once."""
        if self._executor is not None or self._closed:
            return
        self._executor = make_analysis_executor()
        self._submit(WARM_UP_REQUEST, warm_up)

    def analyze(self, article: Article) -> int:
        self.start()
        request = next(self._requests)
        self._wanted.add(request)
        self._submit(request, analyze_in_process, article)
        return request

    def cancel(self, request: int) -> None:
        self._wanted.discard(request)

    def process_ids(self) -> list[int]:
        """The analysis process's id (for memory figures); empty before start or with threads."""
        return [process.pid for process in self._processes if process.pid is not None and process.is_alive()]

    def shutdown(self) -> None:
        """Stop the process now, even in the middle of loading the model."""
        self._closed = True
        self._wanted.clear()
        executor, self._executor = self._executor, None
        processes, self._processes = self._processes, []
        if executor is None:
            return
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(PROCESS_JOIN_SECONDS)

    def _submit(self, request: int, function: Callable[..., Any], *args: Any) -> None:
        try:
            future = self._submit_noting_processes(function, *args)
        except BrokenExecutor:  # the process died (killed, out of memory): start a new one
            log.warning("the analysis process stopped; starting a new one")
            assert self._executor is not None
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = make_analysis_executor()
            future = self._submit_noting_processes(function, *args)
        future.add_done_callback(lambda f: self._report(request, f))

    def _submit_noting_processes(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        """Submit, and note the process the executor starts for it (it starts them on submit)."""
        assert self._executor is not None
        before = {process.pid for process in multiprocessing.active_children()}
        future = self._executor.submit(function, *args)
        started = [p for p in multiprocessing.active_children() if p.pid not in before]
        if started:
            self._processes = [p for p in self._processes if p.is_alive()] + started
        return future

    def _report(self, request: int, future: Future[Any]) -> None:  # runs in an executor thread
        if not self._closed and not future.cancelled():
            self._arrived.emit(outcome_of(request, future))

    def _deliver(self, outcome: Outcome) -> None:
        request, error = outcome.ticket, outcome.error
        if request == WARM_UP_REQUEST:
            self.ready = error is None or self.ready
            if error is None:
                self.model_ready.emit()
            return
        if request not in self._wanted:
            return
        self._wanted.discard(request)
        if error is None:
            self.ready = True
            self.finished.emit(request, outcome.value)  # what analyze_in_process returned
        else:
            self.failed.emit(request, describe_analysis_failure(error))


def describe_analysis_failure(error: BaseException) -> str:
    """Why the entities and claims are missing, in words; reading is unaffected."""
    from reader.core.errors import ReaderError

    if isinstance(error, ReaderError):
        return describe_error(error)
    log.error("analysis failed", exc_info=error)
    if isinstance(error, BrokenExecutor):
        return QCoreApplication.translate(
            "Analysis", "The analysis stopped unexpectedly; the story is still shown as extracted.")
    return QCoreApplication.translate(
        "Analysis", "Entities and claims could not be found (%1); the story is still shown.").replace(
        "%1", type(error).__name__)

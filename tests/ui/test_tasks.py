"""The background-task helper: functions off the GUI thread, answers on it, failures in words."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from analysis_stub import analyse_in_a_thread
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from reader.core import errors
from reader.core.model import Analysis, Article, Block
from reader.ui import tasks
from reader.ui.tasks import AnalysisService, Outcome, Task, TaskRunner

WAIT_MS = 10_000


@pytest.fixture
def shown() -> list[str]:
    return []


@pytest.fixture
def runner(qtbot: QtBot, shown: list[str]) -> Iterator[TaskRunner]:
    made = TaskRunner(show_error=shown.append)
    yield made
    made.shutdown(wait=True)


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_the_function_runs_off_the_gui_thread_and_success_on_it(qtbot: QtBot, runner: TaskRunner) -> None:
    ran_in: list[str] = []
    answers: list[tuple[int, bool]] = []

    def work() -> int:
        ran_in.append(threading.current_thread().name)
        return 42

    runner.run(Task(work, success=lambda value: answers.append((value, on_gui_thread()))))
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    assert answers == [(42, True)] and ran_in[0].startswith("sift-load") and runner.pending() == 0


def test_answers_never_come_before_run_returns(qtbot: QtBot, runner: TaskRunner) -> None:
    calls: list[str] = []

    def fail_at_once() -> None:
        raise errors.NotFound(Path("/nowhere/gone.txt"))

    runner.run(Task(fail_at_once, success=lambda _: calls.append("success"),
                    failure=lambda _: calls.append("failure")))
    assert calls == []  # even if the thread was quicker than this line
    qtbot.waitUntil(lambda: calls == ["failure"], timeout=WAIT_MS)


def test_a_failure_without_a_handler_is_shown_in_words(qtbot: QtBot, runner: TaskRunner,
                                                       shown: list[str]) -> None:
    def missing() -> None:
        raise errors.NotFound(Path("/nowhere/gone.txt"))

    def broken() -> None:
        raise KeyError("boom")

    runner.run(Task(missing, success=lambda _: None))
    runner.run(Task(broken, success=lambda _: None))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=WAIT_MS)
    assert any("“gone.txt”" in text and "does not exist" in text for text in shown)
    assert any("internal problem" in text and "KeyError" in text for text in shown)


def test_a_bug_while_showing_the_result_is_reported_as_a_failure(qtbot: QtBot, runner: TaskRunner) -> None:
    failures: list[BaseException] = []

    def show(value: str) -> None:
        raise ValueError(f"cannot show {value}")

    runner.run(Task(lambda: "the story", success=show, failure=failures.append))
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], ValueError) and str(failures[0]) == "cannot show the story"


def test_a_cancelled_task_is_never_answered(qtbot: QtBot, runner: TaskRunner) -> None:
    gate = threading.Event()
    answers: list[str] = []
    ticket = runner.run(Task(lambda: gate.wait(WAIT_MS / 1000) and "late", success=answers.append))
    other = runner.run(Task(lambda: "other", success=answers.append))
    assert runner.pending() == 2 and ticket != other
    runner.cancel(ticket)
    gate.set()
    qtbot.waitUntil(lambda: answers == ["other"], timeout=WAIT_MS)
    qtbot.wait(50)
    assert answers == ["other"] and runner.pending() == 0


def test_after_shutdown_nothing_is_answered(qtbot: QtBot, runner: TaskRunner) -> None:
    gate = threading.Event()
    answers: list[object] = []
    runner.run(Task(lambda: gate.wait(WAIT_MS / 1000), success=answers.append, failure=answers.append))
    runner.shutdown()
    gate.set()
    qtbot.wait(100)
    assert answers == [] and runner.pending() == 0


def test_file_work_does_not_wait_behind_extraction_and_keeps_its_order(qtbot: QtBot,
                                                                       runner: TaskRunner) -> None:
    gate = threading.Event()
    done: list[str] = []
    for _ in range(tasks.LOAD_THREADS + 1):  # every loading thread busy, one more queued
        runner.run(Task(lambda: gate.wait(WAIT_MS / 1000), success=lambda _: done.append("load")))
    for name in ("store", "clear"):
        runner.run(Task(lambda n=name: n, success=done.append, lane=tasks.FILE_LANE))
    qtbot.waitUntil(lambda: len(done) == 2, timeout=WAIT_MS)
    assert done == ["store", "clear"]
    gate.set()
    qtbot.waitUntil(lambda: len(done) == 2 + tasks.LOAD_THREADS + 1, timeout=WAIT_MS)


def test_an_outcome_carries_a_value_or_an_error() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        good = tasks.outcome_of(1, pool.submit(lambda: "value"))
        bad = tasks.outcome_of(2, pool.submit(lambda: 1 / 0))
    assert good == Outcome(1, "value") and good.error is None
    assert bad.ticket == 2 and bad.value is None and isinstance(bad.error, ZeroDivisionError)


# ------------------------------------------------------------------------------- the analysis service
def analysed(article: Article) -> Analysis:
    if "fail" in article.text:
        raise RuntimeError("no model")
    return Analysis()


def article(text: str) -> Article:
    return Article(path=Path("/tmp/note.txt"), format="text", title=None, blocks=(Block("story", text),),
                   language="en")


@pytest.fixture
def service(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[AnalysisService]:
    analyse_in_a_thread(monkeypatch, analysed)
    made = AnalysisService()
    yield made
    made.shutdown()


def test_the_service_answers_each_request_by_its_id(qtbot: QtBot, service: AnalysisService) -> None:
    with qtbot.waitSignal(service.model_ready, timeout=WAIT_MS):
        service.start()
    assert service.ready and service.process_ids() == []  # threads here: no process to measure
    with qtbot.waitSignal(service.finished, timeout=WAIT_MS) as done:
        request = service.analyze(article("The quay reopened."))
    assert done.args == [request, Analysis()]
    with qtbot.waitSignal(service.failed, timeout=WAIT_MS) as failed:
        broken = service.analyze(article("This one will fail."))
    assert failed.args[0] == broken and "RuntimeError" in failed.args[1] and "still shown" in failed.args[1]


def test_a_cancelled_request_is_not_answered(qtbot: QtBot, service: AnalysisService) -> None:
    answers: list[int] = []
    service.finished.connect(lambda request, _analysis: answers.append(request))
    dropped = service.analyze(article("first"))
    service.cancel(dropped)
    with qtbot.waitSignal(service.finished, timeout=WAIT_MS):
        kept = service.analyze(article("second"))
    assert answers == [kept]

"""Clean shutdown: SIGTERM, SIGINT and SIGHUP close the window as the window manager does (state
saved, workers and processes stopped), and a real ``sift FILE`` ends with nothing left behind."""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from analysis_stub import analyse_in_a_thread
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import VoidPtr

from reader.core.model import Analysis, Article
from reader.core.storage import settings as settings_io
from reader.core.storage.cache import ANALYSIS_SUFFIX
from reader.ui.app import close_on_signals, end_child_processes
from reader.ui.close_when_destroyed import XCB_DESTROY_NOTIFY, XCB_EVENT, CloseWhenDestroyed
from reader.ui.window.main_window import MainWindow

WAIT_MS = 15_000
# A real start on a busy two-core machine: the window, then the analysis process spawned.
START_TIMEOUT_S = 90
# SIGTERM to exit: saving the state and stopping the analysis process (joined for up to 2 s).
EXIT_TIMEOUT_S = 20
# The multiprocessing resource tracker ends once the window's process has closed its pipe.
CHILDREN_GONE_S = 10


def no_analysis(article: Article) -> Analysis:
    return Analysis()


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    analyse_in_a_thread(monkeypatch, no_analysis)
    made = MainWindow()
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_closing_signal_closes_the_window_and_saves_its_state(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path, name: str) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Quay repairs finish\n\nThe quay reopened on Monday.\n", encoding="utf-8")
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        window.open_paths([article])
    number = getattr(signal, name)
    before = signal.getsignal(number)
    quits: list[bool] = []
    restore = close_on_signals(window, quit_loops=lambda: quits.append(True))
    try:
        assert not settings_io.load_window_state()[0].geometry  # nothing saved before
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: quits == [True], timeout=WAIT_MS)
    finally:
        restore()
    assert not window.isVisible()
    state = settings_io.load_window_state()[0]
    assert state.geometry and str(article) in state.positions and state.recent[0] == str(article)
    assert signal.getsignal(number) is before


def test_other_bytes_on_the_wakeup_socket_do_not_close(qtbot: QtBot, window: MainWindow) -> None:
    """A signal Sift does not close on (here SIGUSR1 with a handler of its own) only wakes the loop."""
    received: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda number, _frame: received.append(number))
    quits: list[bool] = []
    restore = close_on_signals(window, quit_loops=lambda: quits.append(True))
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        qtbot.waitUntil(lambda: received == [signal.SIGUSR1], timeout=WAIT_MS)
        qtbot.wait(100)
    finally:
        restore()
        signal.signal(signal.SIGUSR1, previous)
    assert window.isVisible() and quits == []


class DestroyNotify(ctypes.Structure):
    """xcb_destroy_notify_event_t, as the X server sends it."""

    _fields_ = [("response_type", ctypes.c_uint8), ("pad0", ctypes.c_uint8), ("sequence", ctypes.c_uint16),
                ("event", ctypes.c_uint32), ("window", ctypes.c_uint32)]


def test_a_window_destroyed_from_outside_closes_sift(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    closes: list[bool] = []
    watch = CloseWhenDestroyed(widget, lambda: closes.append(True))
    ours = int(widget.winId())
    kind = QByteArray(XCB_EVENT)

    def deliver(response_type: int, window: int, event_type: QByteArray = kind) -> None:
        event = DestroyNotify(response_type, 0, 1, window, window)
        pointer = VoidPtr(ctypes.addressof(event))  # what PySide hands the filter (no size: no bool())
        assert watch.nativeEventFilter(event_type, pointer) == (False, 0)  # type: ignore[arg-type]

    deliver(XCB_DESTROY_NOTIFY, ours + 1)  # another window (a menu, a tooltip)
    deliver(XCB_DESTROY_NOTIFY - 1, ours)  # unmapped, not destroyed
    deliver(XCB_DESTROY_NOTIFY, ours, QByteArray(b"windows_generic_MSG"))
    assert closes == []
    deliver(XCB_DESTROY_NOTIFY | 0x80, ours)  # the same, sent by another client
    assert closes == [True]
    widget.hide()
    deliver(XCB_DESTROY_NOTIFY, ours)  # a window already closed is Qt's own doing
    assert closes == [True]


def test_child_processes_end_with_the_window() -> None:
    """A library import's workers, say: spawned, busy, not stopped by anyone else."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    child = context.Process(target=time.sleep, args=(60,), name="busy-import-worker")
    child.start()
    started = time.monotonic()
    end_child_processes()
    assert not child.is_alive() and time.monotonic() - started < 5
    assert child.exitcode == -signal.SIGTERM and multiprocessing.active_children() == []


def running(pid: str) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for whoever is process 1 to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def children_of(pid: int) -> list[str]:
    return subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and sends POSIX signals")
def test_sigterm_to_a_real_sift_saves_and_leaves_nothing_behind(tmp_path: Path,
                                                                 isolated_user_dirs: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Quay repairs finish\n\nThe quay in Porthaven reopened on Monday, the council said.\n",
                       encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sift = subprocess.Popen([sys.executable, "-m", "reader", str(article)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        children: list[str] = []
        deadline = time.monotonic() + START_TIMEOUT_S
        while len(children) < 2 and time.monotonic() < deadline:  # the analysis process and its tracker
            time.sleep(0.2)
            children = children_of(sift.pid)
        assert len(children) >= 2, "the analysis process never started"
        # The panel's analysis is cached once shown, so its file says the story was shown before
        # it: a signal any sooner may come before the tab exists (then nothing is read to save).
        cache = isolated_user_dirs / "cache"
        while not any(cache.rglob(f"*{ANALYSIS_SUFFIX}")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert any(cache.rglob(f"*{ANALYSIS_SUFFIX}")), "the article's panel was never filled"
        sift.send_signal(signal.SIGTERM)
        _out, err = sift.communicate(timeout=EXIT_TIMEOUT_S)
    finally:
        if sift.poll() is None:
            sift.kill()
            sift.wait(10)
    assert sift.returncode == 0, err
    assert "leaked" not in err and "resource_tracker" not in err and "Traceback" not in err, err
    deadline = time.monotonic() + CHILDREN_GONE_S
    while any(map(running, children)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(running, children))
    state = json.loads((isolated_user_dirs / "state" / "sift" / "window.json").read_text(encoding="utf-8"))
    assert state["geometry"] and str(article) in state["positions"] and state["recent"] == [str(article)]

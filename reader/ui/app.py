"""Start Sift's window: the application object, its identity and icon, the files to open.

The window is shown before anything heavy is imported; the analysis process (and its language
model) and the first files start loading on the first turn of the event loop.
``--measure-startup FILE`` prints how long each step took from process start, then quits.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.close_when_destroyed import CloseWhenDestroyed
    from reader.ui.single_instance import InstanceServer
    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

# Imported-at time: the fallback for process start where /proc is missing.
IMPORTED_AT = time.time()
# --measure-startup gives up (exit 1) when the story and panel are not shown within this time.
MEASURE_TIMEOUT_MS = 120_000
# Signals that end Sift the way closing its window does (state saved, child processes stopped):
# a logout or ``kill``, Ctrl+C in the terminal, the terminal closed. Missing ones (Windows) are skipped.
CLOSING_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")
# Seconds to wait for each terminated child process at exit (they end at once on SIGTERM).
CHILD_JOIN_SECONDS = 2.0


def process_start_time() -> float:
    """When this process started (epoch seconds), from /proc; else when this module loaded."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        age = uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
        return time.time() - max(0.0, age)
    except (OSError, IndexError, ValueError):
        return IMPORTED_AT


def rss_mb(pids: list[int]) -> float:
    """Resident memory of these processes in MB (Linux; 0 elsewhere)."""
    total_kb = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as handle:
                total_kb += next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
        except (OSError, StopIteration, ValueError):
            continue
    return round(total_kb / 1024, 1)


def icon_path() -> str | None:
    from reader.core.storage.resources import resource_path

    for candidate in (resource_path("icons", "hicolor", "256x256", "apps", f"{APP_ID}.png"),
                      resource_path("icons", f"{APP_ID}.svg")):
        if candidate.is_file():
            return str(candidate)
    return None


def make_application() -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland and the taskbar match the window to the .desktop file
    icon = icon_path()
    if icon:
        app.setWindowIcon(QIcon(icon))
    return app


class StartupProbe:
    """Times window shown, story shown and panel filled for ``--measure-startup``."""

    def __init__(self, window: MainWindow, started: float) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.started = started
        self.times: dict[str, float | None] = {"window_shown_s": None, "story_shown_s": None,
                                               "panel_filled_s": None}
        self.memory: dict[str, float] = {}
        window.story_shown.connect(lambda _p: self.mark("story_shown_s"))
        window.analysis_shown.connect(lambda _p: self.finish())
        window.open_failed.connect(lambda _p, message: self.finish(failed=True, error=message))
        QTimer.singleShot(0, lambda: self.mark("window_shown_s"))
        QTimer.singleShot(MEASURE_TIMEOUT_MS, lambda: self.finish(failed=True))

    def mark(self, key: str) -> None:
        """Note the time since process start, and the memory then (``rss_window_mb``, ...)."""
        if self.times[key] is None:
            self.times[key] = round(time.time() - self.started, 3)
            self.memory[f"rss_{key.split('_')[0]}_mb"] = self.rss()

    def rss(self) -> float:
        return rss_mb([os.getpid(), *self.window.analysis.process_ids()])

    def finish(self, failed: bool = False, error: str | None = None) -> None:
        from PySide6.QtWidgets import QApplication

        if not failed:
            self.mark("panel_filled_s")
        record: dict[str, object] = {**self.times, "rss_mb": self.rss(), **self.memory}
        if failed:
            record["error"] = error or "the story and the side panel were not shown in time"
        print(json.dumps(record, ensure_ascii=False), flush=True)
        QApplication.exit(1 if failed else 0)


def run(files: list[str], sample: bool = False, measure_startup: str | None = None) -> int:
    """Open the window with ``files`` (and the sample when asked); returns the exit status."""
    started = process_start_time()
    paths = [measure_startup] if measure_startup else list(files)
    if sample:
        from reader.core.storage.resources import resource_path

        paths.append(str(resource_path("samples", "sample.txt")))
    # Plain modules the window needs are imported before PySide6: once it is loaded, PySide6
    # reads the source of every module imported after it (its __feature__ check), ~0.25 ms each.
    import reader.core.storage.settings  # noqa: F401
    import reader.ui.window.session  # noqa: F401

    if not measure_startup:
        from reader.ui.single_instance import send_to_running_instance

        if send_to_running_instance(paths):
            return 0  # the running Sift opens them
    app = make_application()
    from PySide6.QtCore import QTimer

    from reader.ui.file_open import FileOpenQueue
    from reader.ui.window.main_window import MainWindow

    file_opens = FileOpenQueue(app)  # macOS Finder's files may come before the window exists
    app.installEventFilter(file_opens)

    window = MainWindow(opening=bool(paths))
    window.show()
    probe = StartupProbe(window, started) if measure_startup else None
    # Files first: their loading thread starts before spawning the analysis process spends
    # ~25-70 ms of the GUI thread (measured by tests/benchmarks/bench.py), so the story comes sooner.
    QTimer.singleShot(0, lambda: window.open_paths(paths))
    QTimer.singleShot(0, lambda: window.analysis.start())  # the service is made then, not before
    QTimer.singleShot(0, window.finish_start)  # after the first paint: not needed for it
    QTimer.singleShot(0, lambda: file_opens.attach(window.open_paths))
    server = None if measure_startup else listen_for_instances(window)
    restore_signals = close_on_signals(window)
    destroyed_watch = watch_for_destruction(app, window)
    status = app.exec()
    restore_signals()
    if destroyed_watch is not None:
        app.removeNativeEventFilter(destroyed_watch)
    window.shutdown()
    if server is not None:
        server.close()
    end_child_processes()
    del probe
    return status


def listen_for_instances(window: MainWindow) -> InstanceServer | None:
    """Files given to a later ``sift`` open here, and the window comes to the front."""
    from reader.ui.single_instance import InstanceServer

    server = InstanceServer(window)
    if not server.listen():
        return None

    def receive(files: list[str]) -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        window.open_paths(files)

    server.files_received.connect(receive)
    return server


def close_on_signals(window: MainWindow, quit_loops: Callable[[], None] | None = None) -> Callable[[], None]:
    """SIGTERM, SIGINT and SIGHUP close the window as the window manager would, then
    ``quit_loops`` (default: QApplication.quit, which also leaves a modal dialog's loop); returns
    what puts the previous handlers back.

    Python runs its signal handlers only between bytecodes, never while Qt's event loop waits in
    C++: the signal's number is written to a socket (``signal.set_wakeup_fd``) whose notifier
    wakes the loop, and that Python slot does the closing, outside the handler.
    """
    from PySide6.QtCore import QSocketNotifier

    receiver, sender = socket.socketpair()
    for end in (receiver, sender):
        end.setblocking(False)
    previous_fd = signal.set_wakeup_fd(sender.fileno(), warn_on_full_buffer=False)
    numbers = [getattr(signal, name) for name in CLOSING_SIGNALS if hasattr(signal, name)]
    previous = {number: signal.signal(number, lambda _number, _frame: None) for number in numbers}
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, window)

    def close_window() -> None:
        try:
            received = receiver.recv(64)
        except OSError:  # woken with nothing to read
            return
        names = ", ".join(signal.Signals(number).name for number in received if number in numbers)
        if names:
            log.info("%s received: closing the window", names)
            close_and_quit(window, quit_loops)

    notifier.activated.connect(close_window)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        receiver.close()
        sender.close()

    return restore


def close_and_quit(window: MainWindow, quit_loops: Callable[[], None] | None = None) -> None:
    """Close the window as the window manager would, then leave every event loop (a modal
    dialog's too)."""
    from PySide6.QtWidgets import QApplication

    window.close()  # closeEvent saves the state and stops the workers and processes
    (quit_loops or QApplication.quit)()


def watch_for_destruction(app: QApplication, window: MainWindow) -> CloseWhenDestroyed | None:
    """On X11, a window destroyed from outside closes Sift (:mod:`reader.ui.close_when_destroyed`)."""
    if app.platformName() != "xcb":
        return None
    from PySide6.QtCore import QTimer

    from reader.ui.close_when_destroyed import CloseWhenDestroyed

    # Closed on the next turn of the loop, not inside the X event being filtered.
    watch = CloseWhenDestroyed(window, lambda: QTimer.singleShot(0, lambda: close_and_quit(window)))
    app.installNativeEventFilter(watch)
    return watch


def end_child_processes() -> None:
    """Every process the window started ends with it. The analysis process is stopped by the
    window; a library import's workers are not, and Python would wait at exit for the file each
    is on (measured 5-8 s under Xvfb while one loaded spaCy, the window already gone). The
    importer writes nothing from a cancelled import, so ending them loses nothing."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None:  # never imported: no child was ever started
        return
    children = multiprocessing.active_children()
    for child in children:
        log.info("ending child process %s (%s) at exit", child.pid, child.name)
        child.terminate()
    for child in children:
        child.join(CHILD_JOIN_SECONDS)

"""Starting Sift: identity and icon, process timing, files from a second instance, --measure-startup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader import APP_ID, APP_NAME
from reader.core.model import Analysis
from reader.ui import app as app_module

# /proc gives the start in clock ticks (10 ms) and the uptime to 10 ms; a busy machine adds more.
CLOCK_SLACK_S = 0.25
# Above the kernel's default pid_max (4194304 on 64-bit): no process has it.
NO_SUCH_PID = 4_194_305


def test_process_start_time_is_when_the_process_started() -> None:
    """A child that waits before asking knows it started before the wait, not when it asked."""
    code = ("import time; time.sleep(0.5); from reader.ui import app; "
            "print(app.process_start_time(), time.time())")
    spawned = time.time()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=60)
    started, asked = map(float, done.stdout.split())
    assert spawned - CLOCK_SLACK_S <= started <= spawned + CLOCK_SLACK_S
    assert asked - started >= 0.5


def test_without_proc_the_start_is_when_sift_was_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_proc(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("/proc/self/stat")

    monkeypatch.setattr("builtins.open", no_proc)
    assert app_module.process_start_time() == app_module.IMPORTED_AT


def test_resident_memory_grows_with_what_the_process_holds() -> None:
    before = app_module.rss_mb([os.getpid()])
    held = b"\x01" * (64 * 1024 * 1024)  # written, so every page is resident
    after = app_module.rss_mb([os.getpid()])
    assert after - before >= 60 and len(held) == 64 * 1024 * 1024
    assert app_module.rss_mb([os.getpid(), os.getpid()]) >= 2 * before
    assert app_module.rss_mb([]) == 0 and app_module.rss_mb([NO_SUCH_PID]) == 0


def test_application_identity_and_icon(qapp: QApplication) -> None:
    app = app_module.make_application()
    assert app.applicationName() == APP_NAME and app.desktopFileName() == APP_ID
    assert app_module.icon_path() is not None and not app.windowIcon().isNull()


def test_files_from_a_second_instance_open_here(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from reader.ui import tasks as workers
    from reader.ui.window.main_window import MainWindow

    monkeypatch.setattr(workers, "make_analysis_executor", lambda: ThreadPoolExecutor(max_workers=1))
    monkeypatch.setattr(workers, "analyze_in_process", lambda article: Analysis())
    article = tmp_path / "note.txt"
    article.write_text("Quay repairs finish\n\nThe quay in Porthaven reopened on Monday.\n", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    server = app_module.listen_for_instances(window)
    assert server is not None
    sender_code = ("import sys; from reader.ui.single_instance import send_to_running_instance as send; "
                   "sys.exit(0 if send(sys.argv[1:], 5000) else 1)")
    with qtbot.waitSignal(window.story_shown, timeout=15_000) as shown:
        sender = subprocess.Popen([sys.executable, "-c", sender_code, str(article)],
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    qtbot.waitUntil(lambda: sender.poll() is not None, timeout=10_000)
    server.close()
    assert sender.returncode == 0 and shown.args == [str(article)]


def test_the_analysis_process_does_not_import_qt() -> None:
    code = "import sys, reader.core.analysis_worker; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_measure_startup_prints_the_times(tmp_path: Path, isolated_user_dirs: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Quay repairs finish\n\nThe mayor of Porthaven said on Monday that the quay "
                       "had reopened after repairs.\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "reader", "--measure-startup", str(article)],
                          env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    times = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(times) == {"window_shown_s", "story_shown_s", "panel_filled_s", "rss_mb",
                          "rss_window_mb", "rss_story_mb", "rss_panel_mb"}
    assert 0 < times["window_shown_s"] <= times["story_shown_s"] <= times["panel_filled_s"]
    assert times["rss_mb"] > 50


def test_measure_startup_of_a_bad_file_fails_at_once(tmp_path: Path, isolated_user_dirs: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "reader", "--measure-startup", str(tmp_path / "gone.txt")],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    record = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 1 and "does not exist" in record["error"] and record["story_shown_s"] is None


@pytest.mark.slow
def test_the_analysis_process_ends_when_the_window_is_killed(tmp_path: Path,
                                                             isolated_user_dirs: Path) -> None:
    import signal

    article = tmp_path / "note.txt"
    article.write_text("Quay repairs finish\n\nThe quay in Porthaven reopened on Monday.\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([sys.executable, "-m", "reader", str(article)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while len(children) < 2 and time.monotonic() < deadline:  # the analysis process and its tracker
            time.sleep(0.2)
            found = subprocess.run(["pgrep", "-P", str(window.pid)], capture_output=True, text=True)
            children = found.stdout.split()
        assert children, "the analysis process never started"
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait(10)
    deadline = time.monotonic() + 10
    while any(map(running, children)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(running, children))


def running(pid: str) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for whoever is process 1 to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")

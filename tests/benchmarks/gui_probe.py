"""The ``gui`` part of bench.py, in a process of its own: a real, offscreen Sift window.

Usage (bench.py runs it with empty user folders): gui_probe.py SEED AEB_HTML_DIR
Opens the seed (the model loads), then nine AEB pages spread over the page sizes one after the
other, timing story shown and panel filled from the moment each is asked for; a timer on the
event loop records how late each of its ticks comes (a late tick is a stall of the GUI thread);
then switches tabs, reopens a closed tab, and reports RSS with ten articles open. Prints JSON.
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from reader.ui.app import make_application, rss_mb
from reader.ui.window.main_window import MainWindow

# The event-loop timer's period: short enough that a 50 ms stall shows as ten missed ticks.
TICK_MS = 5
# Pages opened while the app runs: with the seed, ten articles are open for the memory figure.
SECOND_ARTICLES = 9
TAB_SWITCHES = 20
WAIT_S = 180.0


class StallMeter(QObject):
    """Records the time of every tick of a precise timer; a gap longer than a tick is a stall."""

    def __init__(self) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self._timer = QTimer(self, interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self._timer.start()

    def longest(self, start: float, end: float) -> float:
        """The longest stall (ms beyond one tick) between ticks that both fall in [start, end]."""
        inside = [t for t in self.ticks if start <= t <= end]
        gaps = [b - a for a, b in itertools.pairwise(inside)]
        return round(max(0.0, max(gaps, default=0.0) * 1000 - TICK_MS), 1)


class Events:
    """When each story and each analysis was shown, per path, in order."""

    def __init__(self, window: MainWindow) -> None:
        self.seen: list[tuple[str, str, float]] = []
        window.story_shown.connect(lambda p: self.seen.append(("story", p, time.perf_counter())))
        window.analysis_shown.connect(lambda p: self.seen.append(("panel", p, time.perf_counter())))

    def wait(self, kind: str, path: str, after: float) -> float:
        """The time ``kind`` was shown for ``path`` after ``after``, running the event loop meanwhile."""
        deadline = time.perf_counter() + WAIT_S
        while time.perf_counter() < deadline:
            for seen_kind, seen_path, when in self.seen:
                if seen_kind == kind and seen_path == path and when >= after:
                    return when
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        raise TimeoutError(f"{kind} of {path} not shown within {WAIT_S} s")


def spread_pages(folder: Path, count: int) -> list[Path]:
    """``count`` pages at evenly spaced ranks of size, so the median page is among them."""
    pages = sorted(folder.iterdir(), key=lambda p: p.stat().st_size)
    return [pages[int((i + 0.5) * len(pages) / count)] for i in range(count)]


def open_and_time(window: MainWindow, events: Events, meter: StallMeter, path: str) -> dict[str, float]:
    start = time.perf_counter()
    window.open_paths([path])
    story = events.wait("story", path, start)
    panel = events.wait("panel", path, start)
    settle = time.perf_counter() + 0.2
    while time.perf_counter() < settle:  # let the ticks after the panel fill come in
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    return {"story_ms": (story - start) * 1000, "panel_ms": (panel - start) * 1000,
            "stall_analysing_ms": meter.longest(story, panel),
            "stall_ms": meter.longest(start, settle)}


def time_tab_switches(window: MainWindow) -> list[float]:
    """Milliseconds from asking for another open tab to its being painted."""
    times = []
    for step in range(TAB_SWITCHES):
        start = time.perf_counter()
        window.tabs.setCurrentIndex(step % window.tabs.count())
        window.repaint()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def reopen_closed(window: MainWindow, events: Events, meter: StallMeter, path: str) -> dict[str, float]:
    """Close an analysed article's tab and open the file again."""
    tab = window.tab_for_path(os.path.abspath(path))
    window.close_tab(window.tabs.indexOf(tab))
    QApplication.processEvents()
    return open_and_time(window, events, meter, os.path.abspath(path))


def summarize(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys()
    return {f"{k}_median": round(statistics.median(r[k] for r in rows), 1) for k in keys} | {
        f"{k}_max": round(max(r[k] for r in rows), 1) for k in keys}


def main(seed: str, corpus: str) -> int:
    app = make_application()
    window = MainWindow()
    window.show()
    window.analysis.start()
    meter, events = StallMeter(), Events(window)
    first = open_and_time(window, events, meter, os.path.abspath(seed))
    pages = [str(p.resolve()) for p in spread_pages(Path(corpus), SECOND_ARTICLES)]
    second = [open_and_time(window, events, meter, page) for page in pages]
    rss = rss_mb([os.getpid(), *window.analysis.process_ids()])
    switches = time_tab_switches(window)
    reopened = reopen_closed(window, events, meter, pages[len(pages) // 2])
    result: dict[str, Any] = {
        "first_article_in_app": {k: round(v, 1) for k, v in first.items()},
        "second_article": summarize(second) | {"pages": len(second)},
        "tab_switch_ms": {"median": round(statistics.median(switches), 1), "max": round(max(switches), 1)},
        "reopen_analysed": {k: round(v, 1) for k, v in reopened.items()},
        "longest_stall_while_analysing_ms": max(r["stall_analysing_ms"] for r in [*second, reopened]),
        "longest_stall_any_ms": max(r["stall_ms"] for r in [*second, reopened]),
        "rss_10_articles_mb": rss,
        "open_tabs": window.tabs.count(),
    }
    window.shutdown()
    print(json.dumps(result), flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

"""The window with a large library: memory and the time to open the library view (issue 14).

Usage: .venv/bin/python tests/benchmarks/bench_library_window.py [--articles N] [--runs N] [--keep PATH]
Builds the synthetic library of ``bench_library.py`` (10,000 articles by default; ``--keep`` reuses
or keeps the file), then starts the window in fresh processes (offscreen unless a display is set),
alternately with an empty library and with the large one, and reports for each:
- ``view_open_ms``: from the library page being made to the list showing its rows (the database
  opened, the first query run and the rows in the table), the window's own start excluded;
- ``view_open_cpu_ms``: the CPU time the process (all its threads) spent meanwhile: what the
  wall time would be on an idle core, the machine being shared;
- ``rss_mb``: the window process's resident memory two seconds after the list is shown.
Targets: view_open_ms <= 300 with the large library; rss with it <= 1.3 x rss with the empty one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

RUNS = 3  # alternating empty / large pairs: the machine is shared, the median is reported
SETTLE_MS = 2000  # after the rows are shown: facets and the watcher settle before memory is read
TIMEOUT_S = 120
VIEW_TARGET_MS = 300
MEMORY_RATIO_TARGET = 1.3


def child(library: str, page_rows: int | None) -> None:
    """One window process: time the library view to its rows, then read its memory."""
    os.environ["SIFT_LIBRARY"] = library
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from reader.ui.app import make_application, rss_mb
    from reader.ui.library import controller
    from reader.ui.window import library_home

    if page_rows:
        controller.PAGE_ROWS = page_rows
    marks: dict[str, Any] = {}
    original_init = library_home.LibraryHome.__init__
    original_show = controller.LibraryController._show

    def timed_init(self: Any, *args: Any, **kwargs: Any) -> None:
        marks["home_started"] = time.perf_counter()
        marks["home_cpu"] = time.process_time()
        original_init(self, *args, **kwargs)

    def timed_show(self: controller.LibraryController, *args: Any, **kwargs: Any) -> None:
        original_show(self, *args, **kwargs)  # the first listing, in the table
        if "shown" not in marks:
            marks["shown"] = time.perf_counter()
            marks["shown_cpu"] = time.process_time()
            marks["rows"] = self.view.model.rowCount()
            QTimer.singleShot(SETTLE_MS, finish)

    library_home.LibraryHome.__init__ = timed_init  # type: ignore[method-assign]
    controller.LibraryController._show = timed_show  # type: ignore[method-assign]
    app = make_application()
    from reader.ui.window.main_window import MainWindow

    def finish() -> None:
        marks["rss_mb"] = rss_mb([os.getpid()])
        app.quit()

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(TIMEOUT_S * 1000, app.quit)
    app.exec()
    window.shutdown()
    print(json.dumps({"view_open_ms": round((marks["shown"] - marks["home_started"]) * 1000, 1),
                      "view_open_cpu_ms": round((marks["shown_cpu"] - marks["home_cpu"]) * 1000, 1),
                      "rows": marks["rows"], "rss_mb": marks["rss_mb"]}))


def run_child(library: Path, home: Path, page_rows: int | None) -> dict[str, Any]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state")}
    command = [sys.executable, __file__, "--child", str(library)]
    if page_rows:
        command += ["--page-rows", str(page_rows)]
    done = subprocess.run(command, env=env, check=True,
                          capture_output=True, text=True, timeout=TIMEOUT_S + 30)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--keep", type=Path, help="the synthetic library file (built when missing)")
    parser.add_argument("--page-rows", type=int,
                        help="rows listed at first (default: the controller's page; 100000: all)")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.page_rows)
        return
    import bench_library

    with tempfile.TemporaryDirectory(prefix="sift-bench-window-") as folder:
        work = Path(folder)
        large = args.keep or work / "large.sqlite3"
        report: dict[str, Any] = {"cores": os.cpu_count(), "load_average": os.getloadavg()}
        if not large.exists():
            report["synthetic"] = bench_library.build_synthetic(large, args.articles, random.Random(14))
        runs: dict[str, list[dict[str, Any]]] = {"empty": [], "large": []}
        for n in range(args.runs):
            for kind in ("empty", "large"):
                library = work / f"empty-{n}.sqlite3" if kind == "empty" else large
                runs[kind].append(run_child(library, work / f"home-{kind}-{n}", args.page_rows))
        for kind, results in runs.items():
            report[kind] = {"rows": results[0]["rows"],
                            "view_open_ms": statistics.median(r["view_open_ms"] for r in results),
                            "view_open_cpu_ms": statistics.median(r["view_open_cpu_ms"] for r in results),
                            "rss_mb": statistics.median(r["rss_mb"] for r in results),
                            "runs": results}
        report["memory_ratio"] = round(report["large"]["rss_mb"] / report["empty"]["rss_mb"], 2)
        report["page_rows"] = args.page_rows or "default"
        report["targets"] = {"view_open_ms": VIEW_TARGET_MS, "memory_ratio": MEMORY_RATIO_TARGET}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

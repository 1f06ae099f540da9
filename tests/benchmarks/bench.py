"""Sift's performance on this machine, beside its anchors, as one JSON object (issue 9).

Usage: .venv/bin/python tests/benchmarks/bench.py [--only startup,extract,analyze,gui] [--runs 5]
Needs ../shared (the AEB corpus and the seed) and the ``bench`` extra (trafilatura).

- startup: ``sift --measure-startup SEED`` in fresh processes with empty user folders (median of
  --runs), the same file again with the results cache kept (a reopened article), and a bare
  PySide6 window in the same run as the floor; RSS at each point.
- extract: ms per page of our extraction (no analysis), trafilatura and readability-lxml, page by
  page in turn in one process (bench_extract.py), and the ratios.
- analyze: ms per AEB article body for entities + claims, words per second, model load time and
  RSS in a fresh process, and the 500-word ratio to spaCy's own parse + NER (bench_analysis.py).
- gui: in an offscreen app, opening articles while it runs (story shown, panel filled), switching
  tabs, reopening a closed tab, the longest stall of the GUI thread's event loop, RSS with ten
  articles open and analysed.
The machine's other work makes absolute times noisy: compare the same-run ratios and medians.
Sift's own modules are byte-compiled first, as installing it does (a checkout run with
PYTHONDONTWRITEBYTECODE=1 would otherwise compile them at every start).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_f2ed90793f4af516.txt"
AEB_HTML = SHARED / "corpus" / "aeb" / "html"
AEB_TRUTH = SHARED / "corpus" / "aeb" / "ground-truth.json"
sys.path.insert(0, str(BENCH_DIR))  # bench_extract, bench_analysis, gui_probe beside this file

SECTIONS = ("startup", "extract", "analyze", "gui")
# Startup runs per kind: the issue asks for the median of five.
STARTUP_RUNS = 5
# Timed runs of each page per extractor (the best is kept, as bench_extract.py does).
EXTRACT_ROUNDS = 2
# A run that takes longer than this is broken, not slow.
RUN_TIMEOUT_S = 300
FLOOR_SCRIPT = """
import json, time
from reader.ui.app import process_start_time, rss_mb
started = process_start_time()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
def shown():
    import os
    print(json.dumps({"window_shown_s": round(time.time() - started, 3), "rss_mb": rss_mb([os.getpid()])}))
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def user_dirs_env(home: Path) -> dict[str, str]:
    """An environment whose user folders (config, cache, state, data) are all under ``home``."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM") or "offscreen"}
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        folder = home / var.lower()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        env[var] = str(folder)
    return env


def run_json(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    """The last line of a child's output, as JSON."""
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT,
                          timeout=RUN_TIMEOUT_S, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{command[:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k in runs[0] if isinstance(runs[0][k], (int, float))]
    return {k: round(statistics.median(r[k] for r in runs), 3) for k in keys} | {"runs": len(runs)}


def bench_startup(runs: int) -> dict[str, Any]:
    """Fresh start, start with the cache of a previous run, bare window; in turn, ``runs`` times."""
    script = Path(sys.executable).with_name("sift")  # the command people type, where installed
    command = [str(script)] if script.exists() else [sys.executable, "-m", "reader"]
    sift = [*command, "--measure-startup", str(SEED)]
    floor, fresh, cached = [], [], []
    for index in range(runs):
        with tempfile.TemporaryDirectory(prefix="sift-bench-") as home:
            env = user_dirs_env(Path(home))
            floor.append(run_json([sys.executable, "-c", FLOOR_SCRIPT], env))
            fresh.append(run_json(sift, env))
            cached.append(run_json(sift, env))  # same folders: the results cache is warm
        log(f"startup {index + 1}/{runs}: floor {floor[-1]['window_shown_s']} s, "
            f"fresh {fresh[-1]}, cached {cached[-1]}")
    result = {"floor": medians(floor), "fresh": medians(fresh), "cached": medians(cached)}
    shown = {name: result[name]["window_shown_s"] for name in ("fresh", "floor")}
    result["window_vs_floor"] = round(shown["fresh"] / shown["floor"], 2)
    return result


def readability_extract(html: str) -> object:
    from readability import Document

    return Document(html).summary()


def bench_extract(rounds: int) -> dict[str, Any]:
    from bench_extract import ours, read_pages, summary, time_pages, trafilatura_extract

    pages = read_pages(AEB_HTML)
    runs = {"sift": ours, "trafilatura": trafilatura_extract, "readability": readability_extract}
    for run in runs.values():  # imports, language model, caches
        run(pages[0][1])
    times = dict(zip(runs, time_pages(pages, list(runs.values()), rounds), strict=True))
    result: dict[str, Any] = {"pages": len(pages), "rounds": rounds}
    for name, each in times.items():
        median, p95 = summary(each)
        result[name] = {"median_ms": round(median, 1), "p95_ms": round(p95, 1)}
    for other in ("trafilatura", "readability"):
        result[f"sift_vs_{other}"] = {
            k: round(result["sift"][k] / result[other][k], 2) for k in ("median_ms", "p95_ms")}
    return result


def bench_analyze() -> dict[str, Any]:
    from bench_analysis import article_text, measure_analysis, measure_load

    load = measure_load()  # (wall s, [CPU s,] RSS MB)
    load_s, load_rss = load[0], load[-1]
    spacy_s, ours_s = measure_analysis(article_text(["bench"]))
    from reader.core.nlp import analyze

    bodies = [v["articleBody"] for v in json.loads(AEB_TRUTH.read_text(encoding="utf-8")).values()]
    per_article, words = [], 0
    for body in bodies:
        start = time.perf_counter()
        analyze(body)
        per_article.append(time.perf_counter() - start)
        words += len(body.split())
    ordered = sorted(per_article)
    return {
        "articles": len(bodies),
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "words_per_s": round(words / sum(per_article)),
        "model_load_s": round(load_s, 2),
        "model_load_cpu_s": round(load[1], 2) if len(load) > 2 else None,
        "rss_model_loaded_mb": round(load_rss),
        "words500": {"spacy_parse_ner_ms": round(spacy_s * 1000, 1), "sift_ms": round(ours_s * 1000, 1),
                     "ratio": round(ours_s / spacy_s, 2)},
    }


def bench_gui() -> dict[str, Any]:
    """The GUI figures come from a fresh offscreen app (gui_probe.py) with empty user folders."""
    # Run with -c: a spawned analysis process re-imports a main *file*, and gui_probe.py imports Qt.
    code = (f"import sys; sys.path.insert(0, {str(BENCH_DIR)!r}); from gui_probe import main; "
            f"sys.exit(main({str(SEED)!r}, {str(AEB_HTML)!r}))")
    with tempfile.TemporaryDirectory(prefix="sift-bench-") as home:
        return run_json([sys.executable, "-c", code], user_dirs_env(Path(home)))


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
            "platform": platform.platform(), "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in load] if load else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--runs", type=int, default=STARTUP_RUNS, help="startup runs per kind")
    parser.add_argument("--rounds", type=int, default=EXTRACT_ROUNDS, help="extraction runs per page")
    args = parser.parse_args()
    if not (SEED.exists() and AEB_HTML.is_dir()):
        log(f"the shared corpus is missing: {SHARED}")
        return 2
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    compileall.compile_dir(ROOT / "reader", quiet=1)
    result: dict[str, Any] = {"machine": machine()}
    runners = {"startup": lambda: bench_startup(args.runs), "extract": lambda: bench_extract(args.rounds),
               "analyze": bench_analyze, "gui": bench_gui}
    unknown = set(wanted) - set(runners)
    if unknown:
        log(f"unknown section(s) {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
        return 2
    failed = False
    for section in wanted:
        log(f"— {section}")
        try:
            result[section] = runners[section]()
        except Exception as exc:  # one broken section must not lose the others' figures
            result[section] = {"error": f"{type(exc).__name__}: {exc}"}
            failed = True
    print(json.dumps(result, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

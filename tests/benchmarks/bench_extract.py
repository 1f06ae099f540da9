"""Extraction speed beside trafilatura's on the same pages: per page, whole process, first language.

Usage: .venv/bin/python tests/benchmarks/bench_extract.py [CORPUS_DIR] [--rounds N] [--processes N]
  [--pages N]
1. Per page, in one process: the median and 95th percentile of ``extract_html`` (ours: parse,
   readability, our pass, metadata) and of ``trafilatura.extract(html, with_metadata=True)``,
   both warmed up first, and their ratio.
2. Whole process (what a user or a script pays): ``sift extract --no-analysis`` over N pages
   (default 40, taken evenly from the AEB and readability pages; written out as plain .html),
   with ``--jobs 1`` and with the default jobs (the cores), against one Python process that
   imports trafilatura and extracts the same files; the runs alternate, medians are compared.
3. The first language decision in a fresh process: what the first page without <html lang> pays
   (the detector's import and its first answer; Sift's own modules are already loaded by then).
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.extract.html import extract_html
from reader.core.extract.language import detect_language
from reader.core.model import Source

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"
DEFAULT_CORPUS = SHARED / "aeb" / "html"
WHOLE_PROCESS_FOLDERS = (SHARED / "aeb" / "html", SHARED / "readability-pages" / "html")
VENV_BIN = Path(sys.executable).parent
TRAFILATURA_LOOP = """
import sys, trafilatura
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", errors="replace") as f:
        trafilatura.extract(f.read(), with_metadata=True)
"""
FIRST_LANGUAGE = """
import time
from reader.core.extract.language import detect_language
start = time.perf_counter()
detect_language("Der Hafen öffnet im Frühling wieder, sagte die Behörde am Dienstag nach langer Pause.")
print(time.perf_counter() - start)
"""


def read_pages(folder: Path) -> list[tuple[str, str]]:
    """(name, html text) of every page, gzip-compressed or not."""
    pages = []
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        pages.append((path.name, data.decode("utf-8", errors="replace")))
    return pages


def time_pages(pages: list[tuple[str, str]], runs: list[Callable[[str], object]],
               rounds: int) -> list[list[float]]:
    """Seconds per page for each extractor, the best of ``rounds``; the extractors alternate page
    by page so a burst of other work on the machine slows both alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _, html in pages:
        for index, run in enumerate(runs):
            best = float("inf")
            for _ in range(rounds):
                start = time.perf_counter()
                run(html)
                best = min(best, time.perf_counter() - start)
            times[index].append(best)
    return times


def ours(html: str) -> object:
    return extract_html(Source(path=Path("bench.html"), format="html", text=html, encoding="utf-8"))


def trafilatura_extract(html: str) -> object:
    import trafilatura

    return trafilatura.extract(html, with_metadata=True)


def sample_pages(count: int, folder: Path) -> list[Path]:
    """``count`` pages taken evenly from the corpus folders, written to ``folder`` as plain .html."""
    pages = [p for d in WHOLE_PROCESS_FOLDERS if d.is_dir() for p in sorted(d.iterdir())]
    step = max(1, len(pages) // count)
    out = []
    for index, page in enumerate(pages[::step][:count]):
        data = page.read_bytes()
        target = folder / f"{index:03d}.html"
        target.write_bytes(gzip.decompress(data) if page.suffix == ".gz" else data)
        out.append(target)
    return out


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def whole_process(count: int, processes: int) -> dict[str, float]:
    """Median wall seconds of each whole-process run over the same pages, runs alternating."""
    sift = str(VENV_BIN / "sift")
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(p) for p in sample_pages(count, Path(tmp))]
        commands = {
            "sift --jobs 1": [sift, "extract", "--no-analysis", "--jobs", "1", *files],
            f"sift (jobs {os.cpu_count()})": [sift, "extract", "--no-analysis", *files],
            "trafilatura": [sys.executable, "-c", TRAFILATURA_LOOP, *files],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(processes):
            for name, command in commands.items():
                times[name].append(wall_time(command))
    return {name: statistics.median(each) for name, each in times.items()}


def first_language_seconds(processes: int) -> float:
    """Median seconds of the first language decision in a fresh process, the detector's import included."""
    runs = [float(subprocess.run([sys.executable, "-c", FIRST_LANGUAGE], check=True, capture_output=True,
                                 text=True).stdout) for _ in range(processes)]
    return statistics.median(runs)


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--processes", type=int, default=5, help="whole-process runs of each command")
    parser.add_argument("--pages", type=int, default=40, help="pages in a whole-process run")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    pages = read_pages(args.corpus)
    detect_language("Der Hafen öffnet im Frühling wieder, sagte die Behörde am Dienstag.")  # imports CLD2
    for run in (ours, trafilatura_extract):  # warm-up: imports, models, caches
        run(pages[0][1])
    sift_times, traf_times = time_pages(pages, [ours, trafilatura_extract], args.rounds)
    (s_med, s_p95), (t_med, t_p95) = summary(sift_times), summary(traf_times)
    print(f"pages: {len(pages)}  (best of {args.rounds} runs per page)")
    print(f"sift extract_html      median {s_med:6.1f} ms   p95 {s_p95:6.1f} ms")
    print(f"trafilatura.extract    median {t_med:6.1f} ms   p95 {t_p95:6.1f} ms")
    print(f"ratio sift/trafilatura median {s_med / t_med:5.2f}      p95 {s_p95 / t_p95:5.2f}")
    whole = whole_process(args.pages, args.processes)
    print(f"whole process, {args.pages} pages (median of {args.processes} alternating runs):")
    for name, seconds in whole.items():
        print(f"  {name:24s} {seconds:6.2f} s   {seconds / whole['trafilatura']:5.2f} x trafilatura")
    first = first_language_seconds(args.processes) * 1000
    print(f"first language decision in a fresh process: {first:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extraction speed beside trafilatura's on the same pages, in the same process.

Usage: .venv/bin/python tests/benchmarks/bench_extract.py [CORPUS_DIR] [--rounds N]
Prints the median and 95th percentile per page of ``extract_html`` (ours: parse, readability,
our pass, metadata) and of ``trafilatura.extract(html, with_metadata=True)``, and their ratio.
Both are warmed up first (imports, py3langid model) so first-call costs are not counted.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.extract.html import extract_html
from reader.core.extract.language import detect_language
from reader.core.model import Source

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "aeb" / "html"


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


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    pages = read_pages(args.corpus)
    detect_language("Der Hafen öffnet im Frühling wieder, sagte die Behörde am Dienstag.")  # loads the model
    for run in (ours, trafilatura_extract):  # warm-up: imports, models, caches
        run(pages[0][1])
    sift_times, traf_times = time_pages(pages, [ours, trafilatura_extract], args.rounds)
    (s_med, s_p95), (t_med, t_p95) = summary(sift_times), summary(traf_times)
    print(f"pages: {len(pages)}  (best of {args.rounds} runs per page)")
    print(f"sift extract_html      median {s_med:6.1f} ms   p95 {s_p95:6.1f} ms")
    print(f"trafilatura.extract    median {t_med:6.1f} ms   p95 {t_p95:6.1f} ms")
    print(f"ratio sift/trafilatura median {s_med / t_med:5.2f}      p95 {s_p95 / t_p95:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

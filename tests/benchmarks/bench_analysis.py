"""Benchmark of the analysis: load time, memory, and time per 500-word article against spaCy.

Targets (issue 4): analysis (entities + claims) of a 500-word article <= 1.25 x the time
spaCy's own tok2vec+parser+ner takes on the same text in the same run; ``import spacy`` plus
model load <= 1.5 s; resident memory with the model loaded <= 250 MB.

Usage: python tests/benchmarks/bench_analysis.py [ARTICLE.txt]
Without a file, the first article body of 500+ words in ../shared's AEB ground truth is used.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AEB_TRUTH = ROOT.parent / "shared" / "corpus" / "aeb" / "ground-truth.json"
WORDS = 500
# Timed repetitions of each contender, interleaved so both see the same machine load.
ROUNDS = 30
LOAD_SCRIPT = """
import time, resource
t0, c0 = time.perf_counter(), time.process_time()
import spacy
from reader.core.nlp.spacy_model import load_nlp
load_nlp()
t1, c1 = time.perf_counter(), time.process_time()
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
print(t1 - t0, c1 - c0, rss_mb())
"""


def article_text(argv: list[str]) -> str:
    """At least 500 words of a real article, cut at the next sentence end."""
    if len(argv) > 1:
        text = Path(argv[1]).read_text(encoding="utf-8")
    else:
        bodies = [v["articleBody"] for v in json.loads(AEB_TRUTH.read_text()).values()]
        text = next(b for b in bodies if len(b.split()) >= WORDS * 1.2)
    words = text.split(" ")
    head = " ".join(words[:WORDS])
    end = text.find(". ", len(head))
    return text[:end + 1] if end > 0 else text


def measure_load() -> tuple[float, float, float]:
    """Wall and CPU seconds for ``import spacy`` + model load (with Sift's place list), and
    RSS in MB after it, in a fresh process. CPU time is the steadier figure on a busy machine."""
    out = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure_analysis(text: str) -> tuple[float, float]:
    """Median seconds of spaCy alone and of Sift's analysis on ``text``, interleaved."""
    from reader.core.nlp import analyze
    from reader.core.nlp.spacy_model import load_nlp

    nlp = load_nlp()
    for _ in range(3):  # warm caches, lazily loaded data
        nlp(text)
        analyze(text)
    spacy_times, ours = [], []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        nlp(text)
        t1 = time.perf_counter()
        analyze(text)
        t2 = time.perf_counter()
        spacy_times.append(t1 - t0)
        ours.append(t2 - t1)
    return statistics.median(spacy_times), statistics.median(ours)


def main(argv: list[str]) -> int:
    text = article_text(argv)
    load_s, load_cpu, load_rss = measure_load()
    spacy_s, ours_s = measure_analysis(text)
    print(f"article: {len(text.split())} words")
    print(f"import spacy + model load: {load_s:.2f} s wall, {load_cpu:.2f} s CPU (target <= 1.5); "
          f"RSS after load {load_rss:.0f} MB")
    print(f"spaCy tok2vec+parser+ner: {spacy_s * 1000:.1f} ms; Sift analysis (entities + claims): "
          f"{ours_s * 1000:.1f} ms; ratio {ours_s / spacy_s:.2f} (target <= 1.25)")
    print(f"RSS after analysis: {rss_mb():.0f} MB (target <= 250)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

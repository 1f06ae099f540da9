"""Peak resident memory and time of load + extract for each file, one forked child per file.

The robustness issue bounds peak RSS while extracting any single file at 500 MB. Each file is
extracted in a child forked after the imports, so every figure includes the interpreter, lxml,
readability and py3langid as a real extraction does, and no file inherits another's peak.

    .venv/bin/python tests/benchmarks/peak_rss.py                  # the dev corpus
    .venv/bin/python tests/benchmarks/peak_rss.py FILE...          # given files
    .venv/bin/python tests/benchmarks/peak_rss.py --synthetic      # plus generated worst cases
Exit status 1 when any file exceeds --max-mb or --max-seconds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core import errors  # noqa: E402
from reader.core.extract import extract  # noqa: E402
from reader.core.extract.language import detect_language  # noqa: E402
from reader.core.sources.loading import load  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_GLOBS = ("seed/*.txt", "aeb/html/*.html.gz", "aeb/text/*.txt", "aeb/tails/*.txt",
                "readability-pages/html/*.html.gz")
MAX_MB = 500  # the robustness issue's bound
MAX_SECONDS = 10.0  # the robustness issue's bound to open a page


def in_child(work: Callable[[], object]) -> dict[str, object]:
    """Run ``work`` in a child forked after the imports: its seconds, its result and its own peak RSS."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        started = time.perf_counter()
        result = work()
        report = {"seconds": round(time.perf_counter() - started, 2), "result": result,
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
        os.write(write_end, json.dumps(report).encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return dict(json.loads(data or b"{}"))


def extract_outcome(path: Path) -> str:
    """What opening ``path`` came to, in words (reported, not raised: the parent sees every file)."""
    try:
        article = extract(load(path))
        return f"{len(article.story_blocks)} story blocks"
    except errors.ReaderError as exc:
        return f"{exc.kind}: {exc.message}"
    except Exception as exc:
        return f"CRASH {type(exc).__name__}: {exc}"


def measure(path: Path) -> dict[str, object]:
    """The child loads and extracts ``path`` and reports its peak RSS and time."""
    report = in_child(lambda: extract_outcome(path))
    report["outcome"] = report.pop("result", None)
    return {"file": path.name, "bytes": path.stat().st_size, **report}


def corpus_files(folder: Path) -> list[Path]:
    """The corpus inputs, .gz ones unpacked into ``folder`` (the loader also reads them packed)."""
    out = []
    for pattern in CORPUS_GLOBS:
        for path in sorted(CORPUS.glob(pattern)):
            if path.suffix == ".gz":
                target = folder / path.stem
                target.write_bytes(gzip.decompress(path.read_bytes()))
                out.append(target)
            else:
                out.append(path)
    return out


def synthetic_files(folder: Path) -> list[Path]:
    """Generated worst cases within the loader's limits (12 MiB of markup, 90 MB archives)."""
    cases = {
        "paragraphs-11mb.html": b"<html><body>" + b"<p>word word word</p>" * 520_000 + b"</body></html>",
        "inline-11mb.html": b"<html><body><p>" + b"<b>x</b> " * 1_300_000 + b"</p></body></html>",
        "single-line-11mb.txt": b"word " * 2_300_000,
        "lines-11mb.txt": b"A short line of text.\n" * 500_000,
    }
    paths = []
    for name, data in cases.items():
        paths.append(folder / name)
        paths[-1].write_bytes(data)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--synthetic", action="store_true", help="also measure generated worst cases")
    parser.add_argument("--max-mb", type=float, default=MAX_MB)
    parser.add_argument("--max-seconds", type=float, default=MAX_SECONDS)
    args = parser.parse_args(argv)
    detect_language("Warm the language model before forking, as the app does.")
    with tempfile.TemporaryDirectory(prefix="sift-rss-") as work:
        files = args.files or corpus_files(Path(work))
        if args.synthetic:
            files += synthetic_files(Path(work))
        rows = [measure(path) for path in files]
    worst = max(rows, key=lambda r: r.get("peak_mb", 0))
    slowest = max(rows, key=lambda r: r.get("seconds", 0))
    over = [r for r in rows if r.get("peak_mb", 0) > args.max_mb or r.get("seconds", 0) > args.max_seconds
            or str(r.get("outcome", "")).startswith("CRASH")]
    for row in sorted(rows, key=lambda r: -r.get("peak_mb", 0))[:8]:
        print(f"{row['peak_mb']:>5} MB {row['seconds']:>6} s {row['bytes']:>10} B  "
              f"{row['file']}  ({row['outcome']})")
    print(f"{len(rows)} files: peak RSS max {worst['peak_mb']} MB ({worst['file']}), "
          f"slowest {slowest['seconds']} s ({slowest['file']}); {len(over)} over the bounds")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

"""Mutation fuzzer over the dev corpus: damaged real pages through load + extract, in-process.

Each input is a corpus file (gzip undone) changed by a few random mutations: bit flips, inserted
or deleted bytes, duplicated or truncated stretches, splices of two files, hostile tokens
(deep nesting, NUL, BOMs, surrogate bytes, bogus charsets), a re-encoding, a gzip wrap. The
only acceptable outcomes are an Article with valid Unicode or a ReaderError; anything else is a
bug, saved to --out for replay. Each input must also finish within --max-seconds.

    .venv/bin/python tests/fuzz/mutate_corpus.py            # CI size (300 inputs, ~1-2 min)
    .venv/bin/python tests/fuzz/mutate_corpus.py --long     # 100,000 inputs
    .venv/bin/python tests/fuzz/mutate_corpus.py --replay OUT/crash-17.bin
Exit status: 0 when nothing broke, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core import errors  # noqa: E402
from reader.core.extract import extract  # noqa: E402
from reader.core.sources.loading import load  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_GLOBS = ("seed/*.txt", "aeb/html/*.html.gz", "aeb/text/*.txt", "aeb/tails/*.txt",
                "readability-pages/html/*.html.gz")
CI_COUNT = 300
LONG_COUNT = 100_000
# A corpus page extracts in well under a second; 10 s is the robustness issue's bound to open one.
MAX_SECONDS = 10.0
SUFFIXES = (".html", ".txt", ".mhtml", "", ".htm", ".md")
TOKENS = (b"<div>" * 3000, b"</div>" * 50, b"\x00", b"\x00" * 64, b"<!--", b"-->", b"<script>",
          b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80\x80",
          b'<meta charset="utf-16">', b'<meta charset="x-bogus">', b'<meta charset="base64">',
          b"<![CDATA[", b"&#0;", b"&#xD800;", b"\xe2\x80\xae", b"\xe2\x80\x8b" * 20, b"\r", b"<p" * 500,
          b"<table>" * 200, b"<!DOCTYPE html>", b"--boundary--\r\n", b"Content-Type: multipart/related\r\n")


@dataclass
class Tally:
    tried: int = 0
    articles: int = 0
    typed_errors: int = 0
    slowest: float = 0.0
    slowest_name: str = ""
    failures: list[str] = field(default_factory=list)


def corpus_files(corpus: Path) -> list[bytes]:
    """Every corpus input, decompressed (the mutations must reach the markup, not the gzip)."""
    files = sorted(p for pattern in CORPUS_GLOBS for p in corpus.glob(pattern))
    return [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in files]


def flip_bits(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    for _ in range(rng.randint(1, 16)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return data


def insert_bytes(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    at = rng.randint(0, len(data))
    data[at:at] = rng.choice(TOKENS) if rng.random() < 0.7 else rng.randbytes(rng.randint(1, 64))
    return data


def delete_stretch(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    if data:
        at = rng.randrange(len(data))
        del data[at:at + rng.randint(1, 4096)]
    return data


def duplicate_stretch(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    if data:
        at = rng.randrange(len(data))
        stretch = data[at:at + rng.randint(1, 2048)]
        data[at:at] = stretch * rng.randint(1, 50)
    return data


def truncate(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    return data[: rng.randint(0, len(data))]


def splice(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    other = rng.choice(pool)
    return data[: rng.randint(0, len(data))] + bytearray(other[rng.randint(0, len(other)):])


REENCODINGS = ["utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis", "gb18030", "koi8-r"]


def reencode(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    codec = rng.choice(REENCODINGS)
    return bytearray(bytes(data).decode("utf-8", "replace").encode(codec, "replace"))


def wrap_gzip(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    packed = gzip.compress(bytes(data), mtime=0)
    return bytearray(packed if rng.random() < 0.7 else packed[: rng.randint(10, len(packed))])


# Weighted: cheap local damage most often, whole-file changes now and then.
MUTATIONS: tuple[tuple[Callable[[random.Random, bytearray, list[bytes]], bytearray], int], ...] = (
    (flip_bits, 5), (insert_bytes, 6), (delete_stretch, 3), (duplicate_stretch, 2), (truncate, 2),
    (splice, 2), (reencode, 1), (wrap_gzip, 1),
)


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """``data`` with 1-4 random mutations applied (a gzip wrap, if drawn, comes last)."""
    out = bytearray(data)
    steps = rng.choices([m for m, _ in MUTATIONS], weights=[w for _, w in MUTATIONS], k=rng.randint(1, 4))
    for step in sorted(steps, key=lambda s: s is wrap_gzip):
        out = step(rng, out, pool)
    return bytes(out)


class ErrorLogRecorder(logging.Handler):
    """ERROR log records: unconfigured, Python prints them (tracebacks too) on the terminal."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def run_one(path: Path, data: bytes, tally: Tally, max_seconds: float) -> str | None:
    """Load and extract one input; the problem found, or None."""
    path.write_bytes(data)
    tally.tried += 1
    recorder = ErrorLogRecorder()
    logging.getLogger().addHandler(recorder)
    started = time.monotonic()
    try:
        article = extract(load(path))
        for text in [article.text, article.title or "", *(b.text for b in article.blocks)]:
            text.encode("utf-8")
        tally.articles += 1
    except errors.ReaderError as exc:
        tally.typed_errors += 1
        if not exc.message.strip():
            return f"{exc.kind} error without a message"
    except Exception:  # the very thing this fuzzer looks for
        return traceback.format_exc(limit=-3)
    finally:
        logging.getLogger().removeHandler(recorder)
    if recorder.messages:
        return "logged an error: " + "; ".join(recorder.messages)
    elapsed = time.monotonic() - started
    if elapsed > tally.slowest:
        tally.slowest, tally.slowest_name = elapsed, path.name
    return f"took {elapsed:.1f} s" if elapsed > max_seconds else None


def fuzz(count: int, seed: int, corpus: Path, out: Path, max_seconds: float) -> Tally:
    rng = random.Random(seed)
    pool = corpus_files(corpus)
    if not pool:
        raise SystemExit(f"no corpus files under {corpus}")
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="sift-mutate-") as work:
        for i in range(count):
            data = mutate(rng, rng.choice(pool), pool)
            problem = run_one(Path(work) / f"input{rng.choice(SUFFIXES)}", data, tally, max_seconds)
            if problem:
                out.mkdir(parents=True, exist_ok=True)
                saved = out / f"crash-{i}.bin"
                saved.write_bytes(data)
                tally.failures.append(f"{saved}: {problem.strip().splitlines()[-1]}")
                print(f"input {i}: {problem}", file=sys.stderr)
    return tally


def replay(path: Path, max_seconds: float) -> int:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="sift-replay-") as work:
        problem = run_one(Path(work) / "input.html", path.read_bytes(), tally, max_seconds)
    print(problem or "no problem")
    return 1 if problem else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=CI_COUNT, help=f"inputs to try (default {CI_COUNT})")
    parser.add_argument("--long", action="store_true", help=f"try {LONG_COUNT:,} inputs")
    parser.add_argument("--seed", type=int, default=20251125, help="random seed (fixed: CI runs repeat)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "sift-fuzz-failures")
    parser.add_argument("--max-seconds", type=float, default=MAX_SECONDS)
    parser.add_argument("--replay", type=Path, help="run one saved input and report")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.max_seconds)
    started = time.monotonic()
    tally = fuzz(LONG_COUNT if args.long else args.count, args.seed, args.corpus, args.out, args.max_seconds)
    print(f"{tally.tried} inputs in {time.monotonic() - started:.0f} s: {tally.articles} articles, "
          f"{tally.typed_errors} typed errors, {len(tally.failures)} failures; "
          f"slowest {tally.slowest:.2f} s ({tally.slowest_name})")
    for failure in tally.failures:
        print("FAIL", failure)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Every input of the dev corpus opens: zero errors, bounded time, files left as they were.

The .gz pages are unpacked into a temporary folder first (as a person's saved pages would be);
the packed files are opened too, since the loader reads gzip saves directly.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
import time
from pathlib import Path

import pytest
from corpus_paths import SHARED
from loading_fixtures import snapshot_tree

from reader.core.extract import extract
from reader.core.sources.loading import load

CORPUS = SHARED / "corpus"
FOLDERS = {"aeb/html": "*.html.gz", "aeb/text": "*.txt", "aeb/tails": "*.txt",
           "readability-pages/html": "*.html.gz"}
# The slowest corpus page extracts in ~1.2 s on this machine; the bound is 10 s to open.
MAX_SECONDS_PER_FILE = 10.0

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")]


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_every_corpus_input_opens(folder: str, tmp_path: Path) -> None:
    originals = sorted((CORPUS / folder).glob(FOLDERS[folder]))
    assert originals, f"no inputs in {folder}"
    before = snapshot_tree(CORPUS / folder)
    inputs = []
    for path in originals:
        if path.suffix == ".gz":
            unpacked = tmp_path / path.stem
            unpacked.write_bytes(gzip.decompress(path.read_bytes()))
            inputs.append(unpacked)
    problems = []
    for path in [*inputs, *originals]:
        started = time.monotonic()
        try:
            article = extract(load(path))
        except Exception as exc:  # collected, so one run names every failing file
            problems.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        elapsed = time.monotonic() - started
        if elapsed > MAX_SECONDS_PER_FILE:
            problems.append(f"{path.name}: took {elapsed:.1f} s")
        if not article.body:
            problems.append(f"{path.name}: no story at all")
        article.text.encode("utf-8")
    assert problems == []
    assert snapshot_tree(CORPUS / folder) == before


def test_mutation_fuzzer_finds_nothing(tmp_path: Path) -> None:
    """A short run of tests/fuzz/mutate_corpus.py (its own default is 300 inputs; --long 100,000)."""
    spec = importlib.util.spec_from_file_location(
        "mutate_corpus", Path(__file__).resolve().parents[2] / "fuzz" / "mutate_corpus.py")
    assert spec is not None and spec.loader is not None
    fuzzer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fuzzer  # dataclasses look their module up while the class is built
    spec.loader.exec_module(fuzzer)
    tally = fuzzer.fuzz(count=100, seed=7, corpus=CORPUS, out=tmp_path / "failures", max_seconds=10.0)
    assert tally.tried == 100 and tally.failures == []

"""In-sample and out-of-fold extraction figures for everything fitted on the corpus.

Usage: .venv/bin/python tests/benchmarks/crossval_extract.py [--corpus ../shared/corpus] [--folds 5]
  [--json]

What is fitted, and how it is checked here:
- The plain-text block model (text/scorer.py, weights from packaging/scripts/train_text_blocks.py)
  is trained on the aeb/ pages' text renderings and tails texts. K-fold by page (a page's text
  rendering and its tails text share a key and always fall in the same fold): each page is
  extracted with weights trained without it. Reported: text F1 and tails line F1 / title /
  documents exact, in-sample (weights trained on all pages, as shipped) and out-of-fold, and
  whether the seed comes out exact under every fold's weights.
- The HTML empty-body guard's threshold (html/fallback.MIN_STORY_SHARE) was set below the lowest
  story/region share of any corpus page. Split-half: that rule (0.4 x the lowest share) applied
  on one half and the html F1 measured on the other, both ways; and the F1 of each half with the
  shipped threshold.
The HTML extractor has no other fitted weights; its hand-set thresholds are documented where
they are defined. The scores are computed by ../shared/tools/evaluate.py's own task functions,
with its CLI runner replaced by an in-process one that swaps the weights per page.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging" / "scripts"))
sys.path.insert(0, str(ROOT))

import train_text_blocks as training  # noqa: E402

from reader.core.extract.html import fallback  # noqa: E402
from reader.core.extract.text import scorer  # noqa: E402
from reader.core.reading import extract_record  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SEED = "seed/000_f2ed90793f4af516.txt"
# The guard's rule: this share of the lowest story/region share seen on the pages it is set on.
GUARD_MARGIN = 0.4


def load_evaluator(corpus: Path) -> ModuleType:
    """shared/tools/evaluate.py as a module (it is a script, not a package)."""
    path = corpus.parent / "tools" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("sift_evaluate", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_process_runner(weights_for: Callable[[Path], tuple[float, ...]]
                      ) -> Callable[[str, str, list[Path], list[str]], tuple[dict[str, dict], float]]:
    """A stand-in for evaluate.run_cli: each file extracted here with the weights chosen for it."""
    def run(cmd: str, verb: str, files: list[Path], extra: list[str]) -> tuple[dict[str, dict], float]:
        records = {}
        for path in files:
            weights = weights_for(path)
            scorer._weights = lambda w=weights: w  # type: ignore[assignment]
            records[str(path.resolve())] = extract_record(path.resolve(), analysis=False)
        return records, 0.0
    return run


@contextmanager
def patched(module: ModuleType, name: str, value: Any) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


def trained(pages: list[training.Page]) -> tuple[float, ...]:
    x, y = training.matrix(pages)
    return tuple(float(v) for v in training.train(x, y))


def fold_weights(pages: list[training.Page], folds: int) -> dict[str, tuple[float, ...]]:
    """For each page key, weights trained on the other folds' pages."""
    keys = sorted({key for key, _, _ in pages})
    random.Random(0).shuffle(keys)
    fold_of = {key: i % folds for i, key in enumerate(keys)}
    weights: dict[str, tuple[float, ...]] = {}
    for fold in range(folds):
        w = trained([p for p in pages if fold_of[p[0]] != fold])
        weights.update({key: w for key in keys if fold_of[key] == fold})
    return weights


def text_figures(evaluate: ModuleType, corpus: Path, weights_for: Callable[[Path], tuple[float, ...]]
                 ) -> dict[str, float]:
    """text F1 and tails figures with the given weights per page."""
    with patched(evaluate, "run_cli", in_process_runner(weights_for)), tempfile.TemporaryDirectory() as tmp:
        text = evaluate.task_text(corpus, "", Path(tmp))
        tails = evaluate.task_tails(corpus, "", Path(tmp))
    return {"text.f1": text["f1"], "tails.line_f1": tails["line_f1"],
            "tails.title_accuracy": tails["title_accuracy"], "tails.docs_exact": tails["docs_exact"]}


def seed_exact_under(corpus: Path, weight_sets: list[tuple[float, ...]]) -> bool:
    """Whether every weight set gives the seed the same body as the shipped weights do."""
    seed = (corpus / SEED).resolve()
    shipped = extract_record(seed, analysis=False)["body"]
    with patched(scorer, "_weights", scorer._weights):
        bodies = set()
        for w in weight_sets:
            scorer._weights = lambda w=w: w  # type: ignore[assignment]
            bodies.add(extract_record(seed, analysis=False)["body"])
    return bodies == {shipped}


def guard_shares(evaluate: ModuleType, corpus: Path, names: list[str]) -> dict[str, float]:
    """Each page's story/region share, as the guard sees it (guard itself not changing anything)."""
    shares: dict[str, float] = {}
    original = fallback.guard_story
    current = {"name": ""}

    def spy(blocks: list, verdicts: list, theirs: Any, judge: Any) -> Any:
        story = fallback.verdict_chars(blocks, verdicts)
        region = fallback.story_chars(blocks, fallback.story_region(blocks))
        shares[current["name"]] = story / region if region else 1.0
        return original(blocks, verdicts, theirs, judge)

    with patched(fallback, "guard_story", spy), tempfile.TemporaryDirectory() as tmp:
        for name in names:
            current["name"] = name
            page = corpus / "aeb" / "html" / f"{name}.html.gz"
            target = Path(tmp) / f"{name}.html"
            target.write_bytes(gzip.decompress(page.read_bytes()))
            extract_record(target, analysis=False)
    return shares


def html_f1_on(evaluate: ModuleType, corpus: Path, names: set[str], threshold: float) -> float:
    """html F1 on the named pages with the guard at ``threshold``."""
    truth = json.loads((corpus / "aeb" / "ground-truth.json").read_text())
    pairs = []
    with patched(fallback, "MIN_STORY_SHARE", threshold), tempfile.TemporaryDirectory() as tmp:
        for name in sorted(names):
            target = Path(tmp) / f"{name}.html"
            target.write_bytes(gzip.decompress((corpus / "aeb" / "html" / f"{name}.html.gz").read_bytes()))
            pairs.append((truth[name]["articleBody"], extract_record(target, analysis=False)["body"] or ""))
    return float(evaluate.aeb_scores(pairs)["f1"])


def guard_split_half(evaluate: ModuleType, corpus: Path) -> dict[str, float]:
    """The guard's rule set on one half of the html pages and measured on the other, both ways."""
    names = sorted(p.name.split(".")[0] for p in (corpus / "aeb" / "html").glob("*.html.gz"))
    random.Random(1).shuffle(names)
    halves = (set(names[: len(names) // 2]), set(names[len(names) // 2:]))
    shares = guard_shares(evaluate, corpus, names)
    shipped = fallback.MIN_STORY_SHARE
    out: dict[str, float] = {"html.guard_threshold_shipped": shipped}
    for index, half in enumerate(halves):  # the shipped threshold is not fitted: one figure per half
        out[f"html.half{index + 1}.f1_shipped_threshold"] = html_f1_on(evaluate, corpus, half, shipped)
    for index, (fit, held) in enumerate((halves, halves[::-1])):
        threshold = GUARD_MARGIN * min(shares[n] for n in fit)
        out[f"html.half{index + 1}.guard_threshold"] = threshold
        out[f"html.half{index + 1}.f1_in_sample"] = html_f1_on(evaluate, corpus, fit, threshold)
        out[f"html.half{index + 1}.f1_held_out"] = html_f1_on(evaluate, corpus, held, threshold)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    evaluate = load_evaluator(args.corpus)
    pages = training.tails_pages(args.corpus) + training.text_pages(args.corpus)
    everything = trained(pages)
    per_key = fold_weights(pages, args.folds)
    results: dict[str, Any] = {}
    with patched(scorer, "_weights", scorer._weights):
        results["in_sample"] = text_figures(evaluate, args.corpus, lambda path: everything)
        results["out_of_fold"] = text_figures(evaluate, args.corpus, lambda path: per_key[path.stem])
    results["seed_exact_under_every_fold"] = seed_exact_under(args.corpus, sorted(set(per_key.values())))
    results["guard_split_half"] = guard_split_half(evaluate, args.corpus)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for section, figures in results.items():
        if isinstance(figures, dict):
            print(f"== {section}")
            for name, value in figures.items():
                print(f"   {name:36s} {value:.3f}")
        else:
            print(f"== {section}: {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

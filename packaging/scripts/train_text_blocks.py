"""Train the plain-text block scorer: logistic regression on generic block features.

Trained on the aeb/ pages only (whole-page text renderings and the saved-text "tails"), which
shared/README.md allows; ships only the weights, as plain JSON, to
resources/models/text_blocks.json. Usage (from the project root):

    .venv/bin/python packaging/scripts/train_text_blocks.py [--corpus ../shared/corpus] [--check]

``--check`` trains on one half of the pages and reports block accuracy on the other; for the
extraction figures themselves (text F1, tails) in-sample and out-of-fold, see
tests/benchmarks/crossval_extract.py, which trains with this module's functions per fold.
A page's text rendering and its tails text come from the same page: they share a key and
always fall in the same fold.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

import numpy as np

from reader.core.extract.text.blocks import TextBlock, split_blocks
from reader.core.extract.text.features import FEATURE_NAMES, block_features, tokens

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "resources" / "models" / "text_blocks.json"
# L2 strength and steps: chosen by --check (held-out accuracy flat from 1e-3 to 1e-1).
L2 = 1e-2
STEPS = 3000
LEARNING_RATE = 0.5
# A body paragraph matched inside the truth text must be this long to count as found there
# (shorter lines such as "Share" occur inside any long text by accident).
MIN_SUBSTRING_WORDS = 8


def normalise(text: str) -> str:
    """A line as the truth may give it back: NFKC, no list marker, whitespace collapsed, casefolded."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"^[\-–—•·*▪►+]+\s*", "", text.strip())
    return " ".join(text.split()).casefold()


Page = tuple[str, list[TextBlock], list[int]]  # (page key, blocks, labels)


def tails_pages(corpus: Path) -> list[Page]:
    """Blocks of each tails text, labelled 1 on the truth's body lines."""
    truth = json.loads((corpus / "aeb" / "tails-truth.json").read_text())
    pages = []
    for key, t in sorted(truth.items()):
        blocks = split_blocks((corpus / "aeb" / "tails" / f"{key}.txt").read_text())
        body = set(t["body_lines"])
        pages.append((key, blocks, [int(b.line in body) for b in blocks]))
    return pages


def text_pages(corpus: Path) -> list[Page]:
    """Blocks of each whole-page rendering, labelled 1 when the block is a truth paragraph."""
    truth = json.loads((corpus / "aeb" / "ground-truth.json").read_text())
    pages = []
    for path in sorted((corpus / "aeb" / "text").glob("*.txt")):
        body = truth[path.stem]["articleBody"]
        paragraphs = {normalise(p) for p in body.split("\n") if p.strip()}
        whole = normalise(body)
        blocks = split_blocks(path.read_text())
        labels = []
        for b in blocks:
            text = normalise(b.content)
            found = text in paragraphs or (tokens(text) >= MIN_SUBSTRING_WORDS and text in whole)
            labels.append(int(bool(text) and found))
        pages.append((path.stem, blocks, labels))
    return pages


def matrix(pages: list[Page]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of all blocks of the pages."""
    rows, labels = [], []
    for _, blocks, y in pages:
        rows.extend(block_features(blocks))
        labels.extend(y)
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def train(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by full-batch gradient descent, classes weighted to balance."""
    w = np.zeros(x.shape[1])
    pos = y.mean()
    weight = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ ((p - y) * weight) / len(y) + L2 * np.r_[0, w[1:]]
        w -= LEARNING_RATE * grad
    return w


def accuracy(w: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Share of blocks on the right side of the decision boundary."""
    return float((((x @ w) > 0) == (y > 0)).mean())


def main() -> int:
    """Train (or check) and write the weights."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    pages = tails_pages(args.corpus) + text_pages(args.corpus)
    if args.check:
        keys = sorted({key for key, _, _ in pages})
        random.Random(0).shuffle(keys)
        first = set(keys[: len(keys) // 2])
        xa, ya = matrix([p for p in pages if p[0] in first])
        xb, yb = matrix([p for p in pages if p[0] not in first])
        w = train(xa, ya)
        print(f"train accuracy {accuracy(w, xa, ya):.3f}  held-out accuracy {accuracy(w, xb, yb):.3f}")
        return 0
    x, y = matrix(pages)
    w = train(x, y)
    print(f"{len(y)} blocks, {int(y.sum())} story; training accuracy {accuracy(w, x, y):.3f}")
    model = {"model": "logistic regression over text block features",
             "trained_on": "shared/corpus/aeb (text renderings and tails), weights only",
             "features": list(FEATURE_NAMES), "weights": [round(float(v), 5) for v in w]}
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(model, indent=1) + "\n")
    for name, value in zip(FEATURE_NAMES, w, strict=True):
        print(f"  {name:16s} {value:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

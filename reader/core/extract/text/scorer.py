"""The learned block scorer: how story-like each block is, from a plain JSON of weights.

The weights are trained by packaging/scripts/train_text_blocks.py (logistic regression over
text_features.FEATURE_NAMES) and shipped as resources/models/text_blocks.json.
"""

from __future__ import annotations

import json
import math
import threading
from functools import lru_cache

from reader.core.extract.text.blocks import TextBlock
from reader.core.extract.text.features import FEATURE_NAMES, block_features
from reader.core.storage.resources import resource_path

MODEL_FILE = ("models", "text_blocks.json")
_lock = threading.Lock()


# z is clipped to this before the logistic function: exp() of anything larger overflows or is 1.0.
MAX_ABS_SCORE = 30.0


@lru_cache(maxsize=1)
def _weights() -> tuple[float, ...]:
    """The weights, checked against the features this code computes (plain floats: a dot product
    of a dozen features does not need numpy, whose import costs the first article 0.1-0.4 s)."""
    with _lock:
        model = json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURE_NAMES:
        raise RuntimeError("The text block model does not match this version of Sift; reinstall Sift.")
    return tuple(float(w) for w in model["weights"])


def story_probabilities(blocks: list[TextBlock], furniture: list[str | None]) -> list[float]:
    """For each block, the model's probability that it belongs to the story."""
    if not blocks:
        return []
    weights = _weights()
    rows = block_features(blocks, furniture)
    scores = (sum(f * w for f, w in zip(row, weights, strict=True)) for row in rows)
    return [1 / (1 + math.exp(-max(-MAX_ABS_SCORE, min(MAX_ABS_SCORE, z)))) for z in scores]

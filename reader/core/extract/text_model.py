"""The learned block scorer: how story-like each block is, from a plain JSON of weights.

The weights are trained by packaging/scripts/train_text_blocks.py (logistic regression over
text_features.FEATURE_NAMES) and shipped as resources/models/text_blocks.json.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache

import numpy as np

from reader.core.extract.text_blocks import TextBlock
from reader.core.extract.text_features import FEATURE_NAMES, block_features
from reader.core.resources import resource_path

MODEL_FILE = ("models", "text_blocks.json")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _weights() -> np.ndarray:
    """The weights, checked against the features this code computes."""
    with _lock:
        model = json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURE_NAMES:
        raise RuntimeError("The text block model does not match this version of Sift; reinstall Sift.")
    return np.asarray(model["weights"], dtype=float)


def story_probabilities(blocks: list[TextBlock], furniture: list[str | None]) -> list[float]:
    """For each block, the model's probability that it belongs to the story."""
    if not blocks:
        return []
    z = np.asarray(block_features(blocks, furniture)) @ _weights()
    return [float(p) for p in 1 / (1 + np.exp(-np.clip(z, -30.0, 30.0)))]

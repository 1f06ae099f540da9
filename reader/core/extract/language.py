"""Which language an article is written in, detected from its text with py3langid.

Shared by the HTML and plain-text extractors: HTML uses it when ``<html lang>`` is missing,
text articles always. The model (~0.7 s to load) is loaded once, on first use, under a lock so
two worker threads never load it twice.
"""

from __future__ import annotations

import threading
from typing import Any

# Texts shorter than this give coin-toss answers ("Hello" comes out Breton); 40 characters is
# about one short sentence, the least on which py3langid was right on our hand checks.
MIN_DETECTABLE_CHARS = 40
# Below this normalised probability the detector is guessing; story paragraphs of the corpus
# score > 0.99, while one-word or number-only texts score < 0.1.
MIN_CONFIDENCE = 0.5
# Detection time grows with length (~1 ms per 1000 characters) and the first paragraphs
# already decide it.
MAX_SAMPLE_CHARS = 2000

_lock = threading.Lock()
_identifier: Any = None


def _load_identifier() -> Any:
    """The py3langid identifier with normalised probabilities, loaded once per process."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = " ".join(text[:MAX_SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < MIN_DETECTABLE_CHARS:
        return None
    code, confidence = _load_identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or len(code) != 2:
        return None
    return str(code)

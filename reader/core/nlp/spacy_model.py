"""Load spaCy's English small pipeline once, lazily, and parse text with it.

The model is loaded from the installed package (never the network), once its files match
the manifest shipped with Sift (model_files.py), with only the components
entities and claims read. The text is normalized first (normalize.py) without moving any
offset, so token ``idx`` values index into the caller's original text.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.core.nlp.model_files import verified_model_dir
from reader.core.nlp.normalize import normalize_for_analysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# tagger, attribute_ruler and lemmatizer add nothing to entities or parses and cost ~17%;
# senter duplicates the parser's sentence boundaries.
DISABLED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "senter")

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Language:
    import spacy

    from reader.core.nlp.entities.gazetteer import load_places

    # Loaded from the folder whose files were just checked against Sift's manifest.
    nlp = spacy.load(verified_model_dir(), exclude=list(DISABLED_COMPONENTS))
    load_places()
    return nlp


def load_nlp() -> Language:
    """The loaded pipeline; call it from a worker to warm up before the first article."""
    with _LOCK:
        return _load()


def parse(text: str) -> Doc:
    """The parse of ``text`` normalized for the model; its character offsets equal ``text``'s."""
    normalized = normalize_for_analysis(text)
    if len(normalized) != len(text):  # never expected; offsets matter more than normalization
        normalized = text
    return load_nlp()(normalized)

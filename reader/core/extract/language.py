"""Which language an article is written in, detected from its text with py3langid.

Shared by the HTML and plain-text extractors: HTML uses it when ``<html lang>`` is missing,
text articles always. The model (~0.7 s to load) is loaded once, on first use, under a lock so
two worker threads never load it twice.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from reader.core.model import Notice

# Texts shorter than this give coin-toss answers ("Hello" comes out Breton); 40 characters is
# about one short sentence, the least on which py3langid was right on our hand checks.
MIN_DETECTABLE_CHARS = 40
# Below this normalised probability the detector is guessing; story paragraphs of the corpus
# score > 0.99, while one-word or number-only texts score < 0.1.
MIN_CONFIDENCE = 0.5
# Detection time grows with length (~1 ms per 1000 characters) and the first paragraphs
# already decide it.
MAX_SAMPLE_CHARS = 2000

# Most saved news is English, and py3langid's model costs 0.7-1.5 s to load and ~90 MB to hold:
# a text whose words are often these function words is English without it. On the AEB bodies and
# readability pages, English texts have >= 0.14 of their words in this set and "the" >= 0.017;
# the other languages there (de, es, fr, pt, ru, id, ja, zh, Latin filler) have <= 0.09 and no
# "the" at all. The thresholds sit between, and anything short or unclear goes to py3langid.
ENGLISH_MARKERS = frozenset({
    "the", "and", "of", "to", "that", "with", "for", "from", "said", "have", "has", "which", "was",
    "were", "is", "are", "on", "in", "by", "it", "this", "be", "at", "as",
})
MIN_ENGLISH_MARKER_SHARE = 0.12
MIN_ENGLISH_THE_SHARE = 0.01
MIN_ENGLISH_WORDS = 30
WORD = re.compile(r"[^\W\d_]+")

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
    if reads_as_english(sample):
        return "en"
    code, confidence = _load_identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or len(code) != 2:
        return None
    return str(code)


def reads_as_english(sample: str) -> bool:
    """True when English function words are frequent enough that no model is needed to say so."""
    words = WORD.findall(sample.lower())
    if len(words) < MIN_ENGLISH_WORDS:
        return False
    markers = sum(word in ENGLISH_MARKERS for word in words)
    the = sum(word == "the" for word in words)
    return markers >= MIN_ENGLISH_MARKER_SHARE * len(words) and the >= MIN_ENGLISH_THE_SHARE * len(words)


# The analysis reads English (spaCy's English model): "en" (and "en-GB", "en_US"...) or "eng".
ANALYSED_LANGUAGES = frozenset({"en", "eng"})
# Names for the message of the languages Sift's readers most often save; others show the code.
LANGUAGE_NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "tr": "Turkish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "fi": "Finnish", "cs": "Czech",
    "el": "Greek", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "vi": "Vietnamese",
}


def base_language(language: str) -> str:
    """"en" for "en-GB", "EN_us" or "en"."""
    return language.lower().replace("_", "-").split("-")[0]


def is_analysed(language: str | None) -> bool:
    """True for English and for an unknown language (most saved news is English)."""
    return not language or base_language(language) in ANALYSED_LANGUAGES


def language_notice(language: str | None) -> Notice | None:
    """Sift analyses English only; say so when the article is in another language."""
    if is_analysed(language):
        return None
    assert language is not None
    name = LANGUAGE_NAMES.get(base_language(language), f"the language “{language}”")
    return Notice("language", f"This article is in {name}; Sift finds people, places and claims "
                              "in English only, so the side panel stays empty.")

"""Which language an article is written in, detected from its text with CLD2 (pycld2).

Shared by the HTML and plain-text extractors: HTML uses it when ``<html lang>`` is missing,
text articles always. CLD2's tables are compiled into its extension module, so the first
decision costs ~10 ms (the import) instead of the 0.9-1.6 s py3langid took to unpack its model;
on the 151 corpus texts long enough to judge, both give the same answer.
"""

from __future__ import annotations

import logging
import re

from reader.core.model import Notice

log = logging.getLogger(__name__)

# Texts shorter than this give coin-toss answers ("Hello" comes out Breton); 40 characters is
# about one short sentence, the least on which the detector was right on our hand checks.
MIN_DETECTABLE_CHARS = 40
# CLD2 gives the share (percent) of the text's bytes in each language it found; below this the
# top language is a guess on a mixed or mostly non-text sample. Corpus story texts score 95+.
MIN_LANGUAGE_PERCENT = 50
# Detection time grows with length and the first paragraphs already decide it.
MAX_SAMPLE_CHARS = 2000
# CLD2 still says the retired ISO 639 codes of these languages.
RETIRED_CODES = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi", "mo": "ro"}
# Control characters and lone surrogates are not text; CLD2 refuses the whole sample for one.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when too short or unsure."""
    sample = _NOT_TEXT.sub("", " ".join(text[:MAX_SAMPLE_CHARS].split()))
    if sum(ch.isalpha() for ch in sample) < MIN_DETECTABLE_CHARS:
        return None
    import pycld2  # ~10 ms, and only for a page that does not declare its language

    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error as exc:  # refused input: the article simply has no detected language
        log.info("language detection failed: %s", exc)
        return None
    _, code, percent, _ = details[0]
    code = RETIRED_CODES.get(code, code).split("-")[0]
    if not reliable or percent < MIN_LANGUAGE_PERCENT or not re.fullmatch(r"[a-z]{2}", code):
        return None
    return code


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

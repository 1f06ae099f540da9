"""Source → Article: separate the story from the clutter.

``extract`` is the one entry point; html.py and text.py hold the two extractors, metadata.py
the title/byline/date/site/language, patterns.py the shared vocabulary and thresholds.
"""

from __future__ import annotations

from reader.core.model import Article, Source


def collapse(text: str) -> str:
    """Whitespace runs to single spaces, ends trimmed: the only rewrite a kept block gets."""
    return " ".join(text.split())


# Characters a browser never draws but that split words for search, copy and highlights: the
# soft hyphen (&shy;, a hyphenation hint), zero-width space, word joiner, invisible operators and
# a stray byte-order mark. Not the zero-width (non-)joiners or direction marks, which change how
# Persian, Indic, emoji or right-to-left text reads.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\u2061\u2062\u2063\u2064\ufeff"))


def collapse_visible(text: str) -> str:
    """collapse() of the text a browser shows: for HTML, where these characters are rendering
    hints of the markup. A plain-text file's characters are its source and stay (the contract)."""
    if not text.isascii():  # answered from the string's header: most text skips the translation
        text = text.translate(INVISIBLE)
    return " ".join(text.split())


def extract(source: Source) -> Article:
    """Turn a loaded file into an article with every source block labelled story or clutter."""
    if source.format == "text":
        from reader.core.extract.text import extract_text

        return extract_text(source)
    from reader.core.extract.html import extract_html

    return extract_html(source)

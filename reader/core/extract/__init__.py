"""Source → Article: separate the story from the clutter.

``extract`` is the one entry point; html.py and text.py hold the two extractors, metadata.py
the title/byline/date/site/language, patterns.py the shared vocabulary and thresholds.
"""

from __future__ import annotations

from reader.core.model import Article, Source


def collapse(text: str) -> str:
    """Whitespace runs to single spaces, ends trimmed: the only rewrite a kept block gets."""
    return " ".join(text.split())


def extract(source: Source) -> Article:
    """Turn a loaded file into an article with every source block labelled story or clutter."""
    if source.format == "text":
        from reader.core.extract.text import extract_text

        return extract_text(source)
    from reader.core.extract.html import extract_html

    return extract_html(source)

"""Source → Article: separate the story from the clutter.

``extract`` is the one entry point; html.py and text.py hold the two extractors.
"""

from __future__ import annotations

from reader.core.model import Article, Block, Source


def extract(source: Source) -> Article:
    """Turn a loaded file into an article with every source block labelled story or clutter."""
    # Placeholder until the extraction issue lands: every paragraph is story.
    paragraphs = [" ".join(p.split()) for p in source.text.split("\n\n")]
    blocks = tuple(Block(role="story", text=p) for p in paragraphs if p)
    return Article(path=source.path, format=source.format, title=None, blocks=blocks, url=source.url)

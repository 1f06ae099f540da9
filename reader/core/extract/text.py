"""Plain-text articles → Article (placeholder until the extraction issue lands)."""

from __future__ import annotations

from reader.core.model import Article, Block, Source


def extract_text(source: Source) -> Article:
    paragraphs = [" ".join(p.split()) for p in source.text.splitlines()]
    blocks = tuple(Block(role="story", text=p) for p in paragraphs if p)
    return Article(path=source.path, format=source.format, title=None, blocks=blocks, url=source.url)

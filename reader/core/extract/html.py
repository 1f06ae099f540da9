"""Saved web pages → Article (placeholder until the extraction issue lands)."""

from __future__ import annotations

import re

from reader.core.model import Article, Block, Source


def extract_html(source: Source) -> Article:
    text = re.sub(r"<[^>]+>", "\n", source.text)
    paragraphs = [" ".join(p.split()) for p in text.splitlines()]
    blocks = tuple(Block(role="story", text=p) for p in paragraphs if p)
    return Article(path=source.path, format=source.format, title=None, blocks=blocks, url=source.url)

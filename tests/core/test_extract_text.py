"""The plain-text extractor: the seed, golden fixtures with must-keep and must-drop lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.extract.text import extract_text
from reader.core.loading import load
from reader.core.model import Article, Source

SEED_TITLE = "Russia claims counter-offensive into Ukraine’s Sumy region"


def extract_string(text: str, name: str = "article.txt") -> Article:
    return extract_text(Source(path=Path(name), format="text", text=text, encoding="utf-8"))


def test_seed_comes_out_exactly(seed_path: Path) -> None:
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    article = extract_text(load(seed_path))
    assert article.title == SEED_TITLE
    assert article.body == "\n\n".join(lines[1:7])
    assert article.body.startswith("KYIV, Ukraine: ")
    assert article.language == "en"
    clutter = [b for b in article.blocks if b.role == "clutter"]
    assert [b.text for b in clutter] == [line.strip() for line in lines[7:] if line.strip()]
    assert len(clutter) == 17 and {b.reason for b in clutter} == {"link tail"}


def test_empty_text_gives_an_empty_article() -> None:
    article = extract_string("\n\n  \n")
    assert article.title is None and article.body == "" and article.blocks == ()

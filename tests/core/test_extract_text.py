"""The plain-text extractor: the seed, golden fixtures with must-keep and must-drop lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.extract.text import extract_text
from reader.core.loading import load
from reader.core.model import Article, Source
from tests.conftest import FIXTURES

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


GOLDEN = sorted(p for p in (FIXTURES / "text").iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_fixture(path: Path) -> None:
    """Each fixture's spec names its title, site, byline, must-keep paragraphs, must-drop text
    and the reason some dropped blocks must carry."""
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    article = extract_text(load(path))
    paragraphs = article.body.split("\n\n")
    assert article.title == spec["title"]
    assert article.site == spec["site"]
    assert article.byline == spec["byline"]
    for line in spec["keep"]:
        assert line in paragraphs, f"lost story paragraph: {line[:60]}"
    for text in spec["drop"]:
        assert text not in article.body, f"kept clutter: {text}"
    assert article.title not in article.body
    reasons = {b.text: b.reason for b in article.blocks if b.role == "clutter"}
    for text, reason in spec["reasons"].items():
        assert reasons.get(text) == reason, f"{text!r}: {reasons.get(text)!r}"

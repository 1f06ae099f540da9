"""A record rebuilds the article and analysis it was printed from (the library opens articles so)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from corpus_paths import FIXTURES

from reader.core.model import Analysis, Article, Block, Claim, Entity, Span
from reader.core.reading import open_article
from reader.core.records import analysis_from_record, article_from_record, article_record

STRUCTURED = Article(
    path=Path("/tmp/a.html"), format="html", title="T",
    blocks=(Block("title", "T"), Block("story", "Heading", kind="heading", level=2),
            Block("story", "cap", kind="image", image="data:image/png;base64,AAAA"),
            Block("story", "", kind="table", rows=(("a", "b"), ("c", "d"))),
            Block("clutter", "Share", reason="share bar")))


def test_blocks_keep_their_structure_and_plain_paragraphs_stay_in_the_contract_shape() -> None:
    record = article_record(STRUCTURED)
    assert record["blocks"][0] == {"role": "title", "text": "T", "reason": None}
    heading = {"role": "story", "text": "Heading", "reason": None, "kind": "heading", "level": 2}
    assert record["blocks"][1] == heading
    assert article_from_record(record) == STRUCTURED


def test_analysis_round_trips_with_vague_and_confidence() -> None:
    text = STRUCTURED.text
    analysis = Analysis(
        entities=(Entity("T", "organization", ("Tee",), (Span(0, 1, "T"),), 0.5),),
        claims=(Claim(cue=Span(0, 1, "T"), content=(Span(3, 10, text[3:10]),), kind="indirect",
                      speaker=None, vague=True, confidence=0.4),))
    assert analysis_from_record(article_record(STRUCTURED, analysis)) == analysis
    assert analysis_from_record(article_record(STRUCTURED)) is None


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "html").glob("*.html")))
def test_real_pages_round_trip(name: str) -> None:
    article = open_article(FIXTURES / "html" / name)
    rebuilt = article_from_record(article_record(article))
    assert rebuilt == replace(article, warnings=rebuilt.warnings) and rebuilt.text == article.text

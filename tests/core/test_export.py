"""Markdown, HTML and JSON exports: valid, complete, story only."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from reader.core.export import EXPORT_FORMATS, export_text, to_html, to_json, to_markdown
from reader.core.model import Analysis, Article, Block, Claim, Entity, Span

ARTICLE = Article(
    path=Path("/tmp/ferry.html"), format="html", title='Ferry "Aurora" returns', byline="Ana Ruiz",
    published="2024-05-02", site="Coast Daily", url="https://coast.example/ferry", language="en",
    blocks=(Block("title", 'Ferry "Aurora" returns'),
            Block("story", "# The ferry Aurora returned to service, the mayor said."),
            Block("story", "Timetable", kind="heading", level=2),
            Block("story", "Departures every hour", kind="list-item", level=1),
            Block("clutter", "Sign up for our newsletter", reason="newsletter")),
)
TEXT = ARTICLE.text
ANALYSIS = Analysis(
    entities=(Entity("Aurora", "product", (), (Span(7, 13, "Aurora"),)),),
    claims=(Claim(cue=Span(TEXT.index("said"), TEXT.index("said") + 4, "said"),
                  content=(Span(0, 5, "ferry"),), kind="indirect",
                  speaker=Span(TEXT.index("mayor"), TEXT.index("mayor") + 5, "mayor")),),
)


def parse_front_matter(markdown: str) -> dict[str, Any]:
    """Our front matter writes every value as JSON, so JSON reads it back."""
    lines = markdown.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    data: dict[str, Any] = {}
    key = ""
    for line in lines[1:end]:
        if line.startswith("  - "):
            data.setdefault(key, []).append(json.loads(line[4:]))
        else:
            key, _, value = line.partition(": ")
            key = key.rstrip(":")
            if value:
                data[key] = json.loads(value)
    return data


def test_markdown_front_matter_and_body() -> None:
    text = to_markdown(ARTICLE, ANALYSIS)
    meta = parse_front_matter(text)
    assert meta["title"] == 'Ferry "Aurora" returns' and meta["url"] == ARTICLE.url
    assert meta["entities"] == [{"name": "Aurora", "type": "product", "mentions": 1}]
    assert meta["claims"][0]["speaker"] == "mayor"
    assert "\\# The ferry" in text and "## Timetable" in text and "- Departures" in text
    assert "newsletter" not in text


def test_markdown_without_analysis_has_no_entities() -> None:
    assert "entities" not in parse_front_matter(to_markdown(ARTICLE))


def test_html_is_standalone_and_well_formed() -> None:
    page = to_html(ARTICLE)

    class Checker(HTMLParser):
        stack: list[str] = []
        sources: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in ("meta", "img", "br"):
                self.stack.append(tag)
            self.sources += [v or "" for k, v in attrs if k == "src"]

        def handle_endtag(self, tag: str) -> None:
            assert self.stack.pop() == tag

    checker = Checker()
    checker.feed(page)
    assert checker.stack == [] and checker.sources == []
    assert "<script" not in page and "&quot;Aurora&quot;" in page and "newsletter" not in page


def test_json_is_the_cli_record() -> None:
    record = json.loads(to_json(ARTICLE, ANALYSIS))
    assert record["text"] == TEXT and record["entities"][0]["name"] == "Aurora"
    assert json.loads(export_text("json", ARTICLE)).get("entities") is None


def test_each_format_name_gives_that_format() -> None:
    """The menu's choice reaches the right writer, with the analysis passed along."""
    made = {kind: export_text(kind, ARTICLE, ANALYSIS) for kind in EXPORT_FORMATS}
    assert set(made) == {"markdown", "html", "json"}
    markdown_entities = parse_front_matter(made["markdown"])["entities"]
    assert markdown_entities == [{"name": "Aurora", "type": "product", "mentions": 1}]
    assert made["html"].startswith("<!DOCTYPE html>") and "newsletter" not in made["html"]
    assert json.loads(made["json"])["entities"][0]["name"] == "Aurora"

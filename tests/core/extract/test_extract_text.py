"""The plain-text extractor: the seed, golden fixtures with must-keep and must-drop lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.extract.hints import boilerplate_reason
from reader.core.extract.text import extract_text
from reader.core.extract.text.blocks import split_blocks
from reader.core.extract.text.title import byline_names, split_site
from reader.core.model import Article, Source
from reader.core.sources.loading import load
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
    assert not article.title or article.title not in article.body
    reasons = {b.text: b.reason for b in article.blocks if b.role == "clutter"}
    for text, reason in spec["reasons"].items():
        assert reasons.get(text) == reason, f"{text!r}: {reasons.get(text)!r}"


@pytest.mark.parametrize(("line", "title", "site"), [
    ("River ferry crews strike over new rota - The Valley Herald", "River ferry crews strike over new rota",
     "The Valley Herald"),
    ("Opinion | The quiet case for keeping the night trains", "The quiet case for keeping the night trains",
     "Opinion"),
    ("Harbour town votes | portwick.example", "Harbour town votes", "portwick.example"),
    ("Trade talks stall - and markets shrug it off", "Trade talks stall - and markets shrug it off", None),
    ("Why the ferry strike matters", "Why the ferry strike matters", None),
])
def test_site_name_leaves_the_title_line(line: str, title: str, site: str | None) -> None:
    assert split_site(line) == (title, site)


@pytest.mark.parametrize(("line", "names"), [
    ("By Maren Holt", "Maren Holt"),
    ("By Ada Kerr and Ewan Rusk", "Ada Kerr, Ewan Rusk"),
    ("By Ada Kerr - 11/18/19 11:04 PM EST", "Ada Kerr"),
    ("By Ada Kerr, Tuesday, 12 March 2024", "Ada Kerr"),
    ("By the time the ferry came, the queue had gone.", None),
    ("By the numbers", None),
])
def test_byline_names(line: str, names: str | None) -> None:
    assert byline_names(line) == names


def test_hard_wrapped_paragraphs_become_one_block_each() -> None:
    text = ("The first paragraph of this note runs across two lines because it was\n"
            "wrapped at seventy columns by the editor that saved it to disk.\n\n"
            "A second paragraph follows after a blank line and is also wrapped at\n"
            "the same width as the first one was, ending here.\n\n"
            "- a list item\n- another list item\n")
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "list-item", "list-item"]
    assert blocks[0].content.endswith("saved it to disk.") and "\n" not in blocks[0].content
    assert blocks[3].content == "another list item"


def test_one_paragraph_per_line_is_never_joined() -> None:
    lines = ["Short headline here", "A first short paragraph that ends.", "Another one, also short."]
    assert [b.content for b in split_blocks("\n".join(lines))] == lines


@pytest.mark.parametrize(("line", "reason"), [
    ("Nov. 18, 2019 7:04 pm ET", "date"),
    ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "date"),
    ("June 10 -- Riverside Arena, Tampa, FL", None),
    ("Read more: Council approves the riverside park", "related link"),
    ("This website uses cookies to improve your experience while you navigate.", "cookie notice"),
    ("34 responses to “Ferry strike ends”", "comments"),
    ("Protesters gather by the harbour wall (Image: Getty )", "image credit"),
    ("The council said it would not subscribe to that view of the plan.", None),
])
def test_furniture_reasons(line: str, reason: str | None) -> None:
    assert boilerplate_reason(line) == reason


def test_language_is_detected_for_text_articles() -> None:
    text = ("Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss zu erneuern.\n"
            "Die Arbeiten sollen im kommenden Frühjahr beginnen und zwei Jahre dauern, sagte die "
            "Bürgermeisterin nach der Sitzung.\n")
    assert extract_string(text).language == "de"


def test_a_two_line_note_is_all_story() -> None:
    article = extract_string("The ferry will run again from Monday morning, the operator said.\n"
                             "Tickets bought for cancelled crossings will be refunded in full.\n")
    assert article.title is None
    assert len(article.story_blocks) == 2


def test_long_texts_stay_fast() -> None:
    line = "The council said on Tuesday that the bridge would reopen in spring after repairs {}."
    text = "\n".join(line.format(i) for i in range(5000)) + "\n" + ("word " * 14 + "\n") * 3000
    article = extract_string(text)
    assert len(article.blocks) == 8000


def test_plain_text_keeps_its_characters_html_drops_invisible_ones() -> None:
    """A text file's characters are its source (the contract); in HTML a soft hyphen or a
    zero-width space is a rendering hint of the markup and never reaches the reader's text."""
    from reader.core.extract import collapse, collapse_visible

    line = "Die Insel\u00adfähre fährt ab\u200b März."
    assert collapse(line) == line
    assert collapse_visible(line) == "Die Inselfähre fährt ab März."
    story = " ".join([line] * 6)
    article = extract_string(f"Ferries\n\n{story}\n")
    assert "\u00ad" in article.body

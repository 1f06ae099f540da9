"""The empty-body guard, threads and page kinds (issue 18's wrong-container and not-an-article classes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.extract import html as html_module
from reader.core.extract.html import extract_html
from reader.core.extract.html import fallback as fallback_module
from reader.core.extract.html.blocks import segment_blocks
from reader.core.extract.html.classify import annotate_surroundings
from reader.core.extract.html.parse import body_of, parse_html, strip_invisible
from reader.core.extract.html.story import judge_blocks
from reader.core.extract.metadata import gather_signals, page_kind
from reader.core.model import Source

STORY = [
    "The island ferry will leave forty minutes earlier on weekdays from the first of March, the operator "
    "said on Thursday, after a year of complaints from commuters who missed their trains.",
    "The new timetable adds a late sailing on Fridays and Saturdays, which shopkeepers on the island had "
    "asked for since the last evening boat was cut two winters ago.",
    "Season tickets bought before the change stay valid, and the operator said fares would not rise "
    "before the summer, when it expects to replace the older of its two vessels.",
    "Commuters' groups welcomed the change but said the operator should publish its punctuality figures "
    "every month, as the mainland railway has done since last year.",
]
BIO = ("Jane Harbour has covered the islands for the Gazette since 2009 and lives on the quay with "
       "two cats and a rowing boat that she is still repairing. Before that she reported on farming "
       "and fisheries for a weekly paper on the mainland, and she has written two books about boats.")
# A story of twelve paragraphs set as text between <br>s (no <p> for readability to score).
PAGE = ("<html><head><title>Ferry timetable to change</title></head><body><div class='story'>"
        + "<br><br>".join(STORY + [s.replace("the", "this") for s in STORY] + [s.upper() for s in STORY])
        + "</div><ul class='share'><li><a href='/s'>Share</a></li></ul>"
        + "<div class='about'><p>" + BIO + "</p></div></body></html>")


def source_of(html: str) -> Source:
    return Source(path=Path("/tmp/page.html"), format="html", text=html, encoding="utf-8")


def blocks_of(html: str) -> list:
    body = body_of(parse_html(html))
    strip_invisible(body)
    blocks = segment_blocks(body)
    annotate_surroundings(blocks)
    return blocks


def test_guard_leaves_a_story_of_fair_size_alone() -> None:
    blocks = blocks_of(PAGE)
    story = {i for i, b in enumerate(blocks) if "ferry" in b.text}
    verdicts = judge_blocks(blocks, story)
    assert fallback_module.guard_story(blocks, verdicts, None, judge_blocks) == (verdicts, None)


def test_guard_replaces_an_author_bio_with_the_largest_region() -> None:
    blocks = blocks_of(PAGE)
    bio = {i for i, b in enumerate(blocks) if b.text == BIO}
    verdicts, how = fallback_module.guard_story(blocks, judge_blocks(blocks, bio), bio, judge_blocks)
    assert how == fallback_module.GUARDED
    kept = " ".join(b.text for b, v in zip(blocks, verdicts, strict=True) if v.role == "story")
    assert STORY[0][:40] in kept and STORY[3][:40] in kept


def test_guard_fills_an_empty_story() -> None:
    blocks = blocks_of(PAGE)
    verdicts, how = fallback_module.guard_story(blocks, judge_blocks(blocks, set()), None, judge_blocks)
    assert how == fallback_module.GUARDED and any(v.role == "story" for v in verdicts)


def test_a_page_without_prose_shows_its_most_readable_part() -> None:
    """A list of headlines, not the menu or the footer, and the reader is told it is no article."""
    items = "".join(f"<li><a href='/s/{n}'>Headline {n} about the ferry timetable</a></li>"
                    for n in range(30))
    html = (f"<html><head><title>Ferries</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/x'>News</a></nav><main><h1>Ferries</h1><ul class='teasers'>{items}</ul></main>"
            f"<footer>Copyright 2024</footer></body></html>")
    article = extract_html(source_of(html))
    assert "Headline 7 about the ferry timetable" in article.body
    assert "Home" not in article.body and "Copyright" not in article.body
    assert [w.kind for w in article.warnings] == ["not-an-article"]


def test_wrong_container_end_to_end_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A candidate that is only the bio (as readability's was on held-out pages, when it beat
    ours) no longer leaves the reader with it, and the reader is told."""
    def bio_only(root: object, blocks: list, deadline: object) -> tuple[set[int], set[int]]:
        bio = {i for i, b in enumerate(blocks) if b.text == BIO}
        return bio, bio

    monkeypatch.setattr(html_module, "choose_picks", bio_only)
    article = extract_html(source_of(PAGE))
    assert STORY[2][:40] in article.body
    assert "uncertain-story" in [w.kind for w in article.warnings]


def thread_page(head: str = "") -> str:
    posts = "".join(
        f"<div class='post' id='p{n}'><div class='post-meta'><span class='username'>user{n}</span> "
        f"<span>12 Oct 2023, 1{n}:02</span></div><div class='post-text'><p>{text}</p></div></div>"
        for n, text in enumerate(STORY))
    return (f"<html><head><title>Ferry question</title>{head}</head>"
            f"<body><h1>Ferry question</h1>{posts}</body></html>")


def test_thread_first_post_is_the_story_and_replies_are_comments() -> None:
    article = extract_html(source_of(thread_page()))
    assert article.body == STORY[0]
    replies = [b for b in article.blocks if b.reason == "comments"]
    assert {b.text for b in replies} >= set(STORY[1:])
    assert [w.kind for w in article.warnings] == ["not-an-article"]


def test_boxes_of_a_declared_article_are_not_a_thread() -> None:
    """A live blog's timed entries come in boxes too; a page that says it is an article is left alone."""
    head = '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Ferry"}</script>'
    article = extract_html(source_of(thread_page(head)))
    assert all(text[:40] in article.body for text in STORY)
    assert not article.warnings


@pytest.mark.parametrize(("head", "kind"), [
    ('<meta property="og:type" content="product">', "product"),
    ('<script type="application/ld+json">{"@type": "Recipe", "name": "Soup"}</script>', "recipe"),
    ('<script type="application/ld+json">{"@type": "QAPage"}</script>', "forum"),
    ('<script type="application/ld+json">{"@type": "CollectionPage"}</script>', "list"),
    ('<script type="application/ld+json">[{"@type": "NewsArticle"}, {"@type": "Product"}]</script>', None),
    ('<meta property="og:type" content="article">', None),
])
def test_page_kind_from_what_the_page_says(head: str, kind: str | None) -> None:
    assert page_kind(gather_signals(parse_html(f"<html><head>{head}</head><body></body></html>"))) == kind


def test_story_split_by_an_ad_slot_is_read_whole() -> None:
    """A candidate holding the first section only still gives the sections of the same shape,
    and only those (the box of another shape after them stays out)."""
    html = ("<body><main><div class='article-body'><p>" + STORY[0] + "</p><p>" + STORY[1] + "</p></div>"
            "<div class='ad-slot'><p>Advertisement</p></div>"
            "<div class='article-body'><p>" + STORY[2] + "</p><p>" + STORY[3] + "</p></div>"
            "<div class='more'><p>" + BIO + "</p></div></main></body>")
    blocks = blocks_of(html)
    first_section = {0, 1}
    verdicts = judge_blocks(blocks, first_section)
    kept = [b.text for b, v in zip(blocks, verdicts, strict=True) if v.role == "story"]
    assert kept == STORY



def test_a_long_story_on_a_page_typed_as_a_list_is_an_article() -> None:
    from reader.core.extract.notices import kind_notice

    assert kind_notice("list", 400) is not None
    assert kind_notice("list", 6000) is None
    assert kind_notice("product", 6000) is None
    assert kind_notice("forum", 6000) is not None  # a thread is found in the page itself


def test_boxes_by_one_poster_are_not_a_thread() -> None:
    """Timed entries by one reporter (a live page without metadata) stay one story."""
    article = extract_html(source_of(thread_page().replace("user1", "user0").replace("user2", "user0")
                                     .replace("user3", "user0")))
    assert all(text[:40] in article.body for text in STORY)
    assert not article.warnings


def test_a_reference_list_is_back_matter() -> None:
    """A journal article's references, under their heading, are not the story."""
    refs = "".join(f"<li>Author {n}, A study of ferries, Journal of Boats {n} (2001) 1-10.</li>"
                   for n in range(5))
    html = ("<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1>"
            + "".join(f"<p>{s}</p>" for s in STORY)
            + f"<h2>References</h2><ol>{refs}</ol></article></body></html>")
    article = extract_html(source_of(html))
    assert STORY[3][:40] in article.body
    assert "Journal of Boats" not in article.body
    assert {b.reason for b in article.blocks if "Journal of Boats" in b.text} == {"back matter"}

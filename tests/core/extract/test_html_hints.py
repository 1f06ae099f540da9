"""Class/id hints: whole words only, taxonomy classes are not layout, page-wide classes never count."""

from __future__ import annotations

import pytest

from reader.core.extract.html.blocks import segment_blocks
from reader.core.extract.html.classify import annotate_surroundings, class_words, names_reason
from reader.core.extract.html.parse import body_of, parse_html, strip_invisible
from reader.core.extract.html.story import judge_blocks

PROSE = ("The island ferry will leave forty minutes earlier on weekdays from the first of March, "
         "the operator said on Thursday, after a year of complaints from commuters.")


def test_class_names_are_cut_into_words() -> None:
    assert class_words("postShare_bar2") == "post share bar 2"
    assert class_words("ad300x250") == "ad 300 x 250"
    assert class_words("tag-new-york") == "tag new york"


@pytest.mark.parametrize(("names", "reason"), [
    ("share-tools", "share bar"), ("socialShare", "share bar"), ("post-byline", "byline"),
    ("author-bio", "author bio"), ("ad-slot", "advertisement"), ("adSlot", "advertisement"),
    ("about-us", "footer"), ("sidebar-right", "sidebar"), ("references", "back matter"),
    ("yarpp-related", "related links"), ("wpdiscuz-comment-body", "comments"),
    ("onetrust-banner-sdk", "cookie notice"),
    ("mc4wp-form", "newsletter prompt"), ("a2a_kit", "share bar"), ("modal-dialog", "popup"),
    ("comment-list", "comments"), ("main-nav", "navigation"), ("read-more", "related links"),
    ("tag-list", "tags"), ("newsletter-signup", "newsletter prompt"),
])
def test_furniture_words_are_found(names: str, reason: str) -> None:
    assert names_reason(names) == reason


@pytest.mark.parametrize("names", [
    "tag-new-york-city-housing-authority",  # "authority" is not "author"
    "category-share-economy", "commentary-body", "authority-report", "shadow", "loaded", "header-image",
    "adventure", "download", "navy", "shareholder-letter", "datepicker-free story",
])
def test_words_inside_longer_words_and_taxonomy_are_not_hints(names: str) -> None:
    assert names_reason(names) is None


def surroundings_of(html: str) -> dict[str, str | None]:
    body = body_of(parse_html(html))
    strip_invisible(body)
    blocks = segment_blocks(body)
    annotate_surroundings(blocks)
    return {b.text[:20]: b.surroundings for b in blocks}


def test_page_wide_classes_say_nothing_about_a_block() -> None:
    html = (f"<html class='top-ad-active'><body class='single-post has-sidebar top-ad-active'>"
            f"<div id='page' class='popup-active advert-loaded'><p>{PROSE}</p><p>{PROSE}</p>"
            f"<div class='ad-slot'><p>Advertisement</p></div></div></body></html>")
    found = surroundings_of(html)
    assert found[PROSE[:20]] is None
    assert found["Advertisement"] == "advertisement"


def test_a_wrapper_of_only_part_of_the_page_still_counts() -> None:
    html = (f"<body><div class='related-posts'><p>{PROSE}</p></div>"
            f"<div><p>{PROSE.upper()}</p><p>{PROSE.lower()}</p></div></body>")
    assert surroundings_of(html)[PROSE[:20]] == "related links"


def test_taxonomy_classes_on_the_article_do_not_label_the_story() -> None:
    html = (f"<body><div class='post tag-new-york-city-housing-authority tag-advertising category-comments'>"
            f"<p>{PROSE}</p><p>{PROSE.upper()}</p></div><div class='comments'><p>Great piece, thanks "
            f"for writing it, I learned a lot about the ferries.</p></div></body>")
    body = body_of(parse_html(html))
    blocks = segment_blocks(body)
    annotate_surroundings(blocks)
    verdicts = judge_blocks(blocks, {0, 1, 2})  # a candidate that took the comment along
    assert [v.role for v in verdicts] == ["story", "story", "clutter"]


def test_footer_and_nav_inside_a_candidate_are_furniture_but_not_the_article_header() -> None:
    """readability sometimes takes the page's footer along; <header> inside <article> holds the lead."""
    html = (f"<body><article><header><p>{PROSE.upper()}</p></header><p>{PROSE}</p></article>"
            f"<footer><p>City of Riverside Council, Town Hall. Open Monday to Friday, 9am to 5pm.</p>"
            f"</footer></body>")
    body = body_of(parse_html(html))
    blocks = segment_blocks(body)
    annotate_surroundings(blocks)
    verdicts = judge_blocks(blocks, {0, 1, 2})
    assert [(v.role, v.reason) for v in verdicts] == [("story", None), ("story", None), ("clutter", "footer")]


def test_aria_roles_are_landmarks_like_their_tags() -> None:
    html = (f"<body><div><p>{PROSE}</p></div><div role='dialog'><p>{PROSE.upper()}</p></div>"
            f"<div role='contentinfo'><p>{PROSE.lower()}</p></div></body>")
    found = surroundings_of(html)
    assert found[PROSE[:20]] is None
    assert found[PROSE.upper()[:20]] == "popup"
    assert found[PROSE.lower()[:20]] == "footer"

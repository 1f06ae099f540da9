"""Metadata of saved pages (title, byline, date, site, language, URL) and article warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.extract import notices
from reader.core.extract.html import extract_html, page_language
from reader.core.extract.html.parse import parse_html
from reader.core.extract.language import language_notice
from reader.core.extract.metadata import (
    Metadata,
    gather_signals,
    iso_date,
    join_authors,
    parse_jsonld,
    read_metadata,
    split_title,
)
from reader.core.model import Block, Source


def metadata_of(html: str, url: str | None = None) -> Metadata:
    return read_metadata(gather_signals(parse_html(html)), url)


@pytest.mark.parametrize("title, headings, expected", [
    ("Ferry fares to rise in June | Coast Post", (), ("Ferry fares to rise in June", "Coast Post")),
    ("Ferry fares to rise in June - Coast Post", (), ("Ferry fares to rise in June", "Coast Post")),
    ("Coast Post | Ferry fares to rise in June", (), ("Ferry fares to rise in June", "Coast Post")),
    ("Home | Coast Post", (), ("Home | Coast Post", None)),  # too short a headline to cut
    ("Weather | The Coast Post Daily", ("Weather",), ("Weather", "The Coast Post Daily")),
    ("Ferry fares: what changes", (), ("Ferry fares: what changes", None)),
    ("No separator at all", (), ("No separator at all", None)),
])
def test_split_title(title: str, headings: tuple[str, ...], expected: tuple[str, str | None]) -> None:
    assert split_title(title, headings) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-05-14T08:30:00+01:00", "2024-05-14T08:30:00+01:00"),
    ("2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02+00:00"),
    ("2019-01-03T02:00:02-0500", "2019-01-03T02:00:02-05:00"),
    ("2017-11-03 03:01:00.000000", "2017-11-03"),  # no offset: the date alone
    ("2020-09-21", "2020-09-21"),
    ("2020-09-21 at noon", "2020-09-21"),
    ("yesterday", None),
    ("2020-13-45", None),
    (None, None),
])
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_join_authors_drops_by_and_duplicates() -> None:
    assert join_authors(["By Ann Lee", "Bo Chan", "ann lee", " "]) == "Ann Lee, Bo Chan"
    assert join_authors([]) is None


def test_jsonld_in_cdata_and_graph() -> None:
    text = ('//<![CDATA[\n{"@graph": [{"@type": "WebSite", "name": "X"}, '
            '{"@type": "NewsArticle", "headline": "H"}]}\n//]]>')
    assert [item.get("@type") for item in parse_jsonld(text)] == ["WebSite", "NewsArticle"]
    assert parse_jsonld("{not json") == []
    assert parse_jsonld("[" * 100_000) == []  # hostile nesting is refused, not a crash


def test_title_prefers_jsonld_headline_matching_the_title() -> None:
    html = """<html><head><title>Tide tables return | Harbour Times</title>
    <meta property="og:title" content="Tide tables return - Harbour Times">
    <script type="application/ld+json">{"@type": "Article", "headline": "An article in a list",
      "name": "Tide tables return"}</script></head><body><h1>Tide tables return</h1></body></html>"""
    assert metadata_of(html).title == "Tide tables return"


def test_meta_tags_byline_date_site_url() -> None:
    html = """<html><head><title>Gulls banned | Pier News</title>
    <meta property="x:title dc:title" content="Gulls banned from the pier">
    <meta name="author" content="Wrong Person"><meta name="dc.creator" content="Mo Reyes">
    <meta name="parsely-pub-date" content="2021-07-04T10:00:00Z">
    <meta property="og:site_name" content="Pier News">
    <link rel="canonical" href="https://pier.example/gulls"></head><body></body></html>"""
    meta = metadata_of(html)
    assert meta.title == "Gulls banned from the pier"
    assert meta.byline == "Mo Reyes"
    assert meta.published == "2021-07-04T10:00:00+00:00"
    assert meta.site == "Pier News"
    assert meta.url == "https://pier.example/gulls"
    assert metadata_of(html, url="https://saved.example/a").url == "https://saved.example/a"


def test_byline_from_jsonld_authors_then_visible_bylines() -> None:
    jsonld = """<html><head><script type="application/ld+json">{"@type": "BlogPosting",
      "author": [{"name": "Ida Berg"}, {"name": "Sam Okafor"}, "https://x.example/me"]}</script>
      </head><body></body></html>"""
    assert metadata_of(jsonld).byline == "Ida Berg, Sam Okafor"
    rel = '<html><body><p>Story by <a rel="author" href="/a">Lou Park</a></p></body></html>'
    assert metadata_of(rel).byline == "Lou Park"
    visible = '<html><body><div class="article-byline">By Nia Holm</div></body></html>'
    assert metadata_of(visible).byline == "Nia Holm"
    itemprop = ('<html><body><span itemprop="author"><span itemprop="name">Eli Vance</span>'
                '<img src="x.png"></span></body></html>')
    assert metadata_of(itemprop).byline == "Eli Vance"


def test_published_from_time_element_when_nothing_else() -> None:
    html = '<html><body><time datetime="2018-02-03T04:05:06+02:00">3 Feb</time></body></html>'
    assert metadata_of(html).published == "2018-02-03T04:05:06+02:00"


def test_title_falls_back_to_single_h1() -> None:
    assert metadata_of("<html><body><h1>Only headline</h1></body></html>").title == "Only headline"
    assert metadata_of("<html><body><h1>A</h1><h1>B</h1></body></html>").title is None


def test_language_from_html_lang_then_detection() -> None:
    story = (Block(role="story", text="Les pêcheurs du port ont manifesté ce matin contre la "
                                      "fermeture de la criée, qui existe depuis plus d'un siècle."),)
    assert page_language("en-US", ()) == "en"
    assert page_language("pt_BR", ()) == "pt"
    assert page_language(None, story) == "fr"
    assert page_language("not a tag!", ()) is None


def test_mhtml_subject_is_the_title_when_the_page_has_none() -> None:
    source = Source(path=Path("/tmp/a.mhtml"), format="mhtml", encoding="utf-8",
                    text="<html><body><p>Some text without any headline at all.</p></body></html>",
                    title_hint="Saved from the browser")
    assert extract_html(source).title == "Saved from the browser"


def test_paywall_notice() -> None:
    assert notices.paywall_notice(500, "Subscribe to continue reading", False) is not None
    assert notices.paywall_notice(500, "", True) is not None
    assert notices.paywall_notice(500, "Nothing about money here", False) is None
    assert notices.paywall_notice(9000, "Subscribe to continue reading", True) is None


def test_index_notice() -> None:
    assert notices.index_notice(100, 60) is not None
    assert notices.index_notice(0, 0) is not None  # no story at all
    assert notices.index_notice(0, 0, declared_article=True) is not None
    assert notices.index_notice(5000, 60) is None
    assert notices.index_notice(200, 3) is None  # a short note, not a section front
    assert notices.index_notice(200, 60, declared_article=True) is None  # a short news brief


def test_language_notice() -> None:
    assert language_notice("en") is None
    assert language_notice(None) is None
    notice = language_notice("de")
    assert notice is not None and notice.kind == "language" and "German" in notice.message


def test_byline_ignores_authors_of_related_stories_and_outer_boxes() -> None:
    html = ('<html><body><p class="meta">By <a rel="author" href="/a">Ann Lee</a> and '
            '<a rel="author" href="/b">Bo Chan</a></p><article><p>Story.</p></article>'
            '<ul class="related"><li><a href="/s">Other story</a> '
            '<a rel="author" href="/c">Cy Dee</a></li></ul>'
            "</body></html>")
    assert metadata_of(html).byline == "Ann Lee, Bo Chan"
    nested = ('<html><body><div class="post-author-date"><em class="byline-by">By</em>'
              '<span class="byline-author">Joan Sokolova</span> May 2, 2020</div></body></html>')
    assert metadata_of(nested).byline == "Joan Sokolova"


def test_visible_byline_needs_the_word_author_not_a_substring() -> None:
    """"tag-housing-authority" holds "author" but names a topic (issue 18's substring hints)."""
    from reader.core.extract.metadata import gather_signals, read_metadata

    def byline_of(body: str) -> str | None:
        return read_metadata(gather_signals(parse_html(f"<html><body>{body}</body></html>")), None).byline

    assert byline_of("<span class='tag-housing-authority'>Housing Authority</span>") is None
    assert byline_of("<span class='post-author'>Ana Lindqvist</span>") == "Ana Lindqvist"


def test_placeholder_dates_are_no_publication_date() -> None:
    from reader.core.extract.metadata import iso_date

    assert iso_date("0001-01-01T00:00:00") is None and iso_date("0001-01-01") is None
    assert iso_date("2019-11-20T10:00:00Z") == "2019-11-20T10:00:00+00:00"

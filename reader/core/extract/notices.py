"""Notices about a whole article: a paywall teaser, a page that is no article, a language.

Each check is a small pure function over what extraction found, so the reader is told
plainly instead of being shown a teaser or a list of links as if it were a story.
"""

from __future__ import annotations

from reader.core.extract import hints as patterns
from reader.core.extract.language import language_notice
from reader.core.model import Notice

# Story length is counted in characters so Chinese or Japanese pages count like English ones.
# A story shorter than this behind paywall wording is a teaser: full articles of the corpus run
# 1,500+ characters (~250 words), paywalled teasers show one to three paragraphs.
PAYWALL_MAX_STORY_CHARS = 1500
# An index page: a story below this many characters (~120 words; the shortest corpus articles
# run 380+ characters)...
INDEX_MAX_STORY_CHARS = 350
# ...on a page with at least this many link blocks (section fronts list 40+ headlines)...
INDEX_MIN_LINK_BLOCKS = 25
# ...unless the page declares itself an article (og:type, JSON-LD) and some story was found.


def paywall_notice(story_chars: int, page_text: str, marked_paid: bool) -> Notice | None:
    """A teaser: little story, and the page says (in words or in its metadata) it is paid."""
    if story_chars > PAYWALL_MAX_STORY_CHARS:
        return None
    if not marked_paid and not patterns.HTML_PAYWALL_RE.search(page_text):
        return None
    return Notice("paywall", "Only the beginning of this article was saved: the rest is behind "
                             "a paywall, so what you see is a teaser.")


def index_notice(story_chars: int, link_blocks: int, declared_article: bool = False) -> Notice | None:
    """A page of headlines (a home page, a section front) rather than one article."""
    if story_chars and (declared_article or story_chars >= INDEX_MAX_STORY_CHARS
                        or link_blocks < INDEX_MIN_LINK_BLOCKS):
        return None
    return Notice("not-an-article", "This page looks like a list of links (a home or section "
                                    "page) rather than an article, so there is little story to show.")


# What the reader is shown on a page that is something other than an article. A recipe needs
# no notice: its ingredients and steps are the story.
KIND_MESSAGES = {
    "forum": "This page is a discussion thread rather than an article: Sift shows its first post "
             "as the story and the replies as comments.",
    "product": "This page is a shop's product page rather than an article: Sift shows the "
               "product's description.",
    "list": "This page is a list (of articles, products or results) rather than an article: Sift "
            "shows the part of it that reads best.",
    "no-story": "Sift found no article text on this page (it may be a list of links, a gallery or a "
                "shop page), so it shows the part of the page that reads best.",
}


# A page that declares itself a list or a product but carries more story than this reads as an
# article (a listicle typed as an ItemList, a long review typed as a Product): no notice. Product
# descriptions and list blurbs run to a few hundred characters; 2,000 is ~330 words.
DECLARED_KIND_MAX_STORY_CHARS = 2000


def kind_notice(kind: str | None, story_chars: int = 0) -> Notice | None:
    """A page that says (or shows, for a thread) it is a thread, a product or a list."""
    message = KIND_MESSAGES.get(kind or "")
    if kind in ("list", "product") and story_chars > DECLARED_KIND_MAX_STORY_CHARS:
        return None
    return Notice("not-an-article", message) if message else None


def article_warnings(story_chars: int, link_blocks: int, page_text: str, marked_paid: bool,
                     declared_article: bool, language: str | None, kind: str | None = None
                     ) -> tuple[Notice, ...]:
    """Every notice about the article, at most one of each kind."""
    notices = (paywall_notice(story_chars, page_text, marked_paid), kind_notice(kind, story_chars),
               index_notice(story_chars, link_blocks, declared_article), language_notice(language))
    out: dict[str, Notice] = {}
    for notice in notices:
        if notice is not None:
            out.setdefault(notice.kind, notice)
    return tuple(out.values())

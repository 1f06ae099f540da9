"""The blocks of a printed page as HTML, with the landmarks a PDF still shows.

A PDF has no <nav> or <aside>, but a browser's print keeps two signs of them: the printed page
title (the article's headline stands below the site's masthead and menus) and the links (menus,
related-story lists and tag clouds are blocks that are mostly link). Both become the landmarks
the HTML extractor already weighs, so the story is told from the rest by the same clutter
filtering as a web page's, not by a second one. The browser's own header and footer go after
the page's blocks, outside its regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTION = "section"  # a Chunk that starts another region of the page (a <div>)
# A block whose characters are at least this share link is a link block, the HTML extractor's
# own threshold (hints.HTML_LINK_DENSITY) for a block that is "mostly a link".
LINK_SHARE = 0.5
# Every such block is navigation, not only runs of them: on the dev prints, runs of 1, 2, 3, 4
# and 6 link blocks gave story F1 0.891, 0.885, 0.884, 0.884, 0.884 (both halves best at 1).
# A "Read more" line inside a story is a link block the HTML extractor drops as well.
# Separators of "Headline | Site" page titles (as metadata.TITLE_SEPARATOR): either side may be
# the headline printed on the page.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·:»/\\]\s+")
# A printed headline that begins the page title and is at least this long is its headline cut
# by the site's own suffix ("Pier to reopen" in "Pier to reopen in spring - Harbour News").
HEADLINE_PREFIX_CHARS = 20
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
PRINT_FURNITURE = frozenset({"header", "footer"})  # the browser's print header and footer
_FURNITURE = PRINT_FURNITURE | {"nav"}


@dataclass
class Chunk:
    """One block of the printed page: its tag (p, h2, or a landmark), its HTML and its text."""

    tag: str
    html: str = ""
    text: str = ""
    linked: float = 0.0  # the share of its visible characters inside links


def render(chunks: list[Chunk], title: str | None) -> str:
    """The blocks as HTML: what precedes the headline in a banner, link blocks and lines printed
    again and again as navigation, regions as <div>s; the browser's header and footer last."""
    page = [chunk for chunk in chunks if chunk.tag not in PRINT_FURNITURE]
    headline = headline_index(page, title)
    menus = link_blocks(page)
    # The regions inside one box, apart from the banner: the extractor takes same-shaped boxes
    # beside the story's for more of it (an article cut in two by an ad), and a banner beside
    # bare region <div>s would be one of them.
    out = ['<div role="banner">' if headline else "<div><div>"]  # a headline first has no banner
    for index, chunk in enumerate(page):
        if index == headline and headline:
            out.append("</div><div><div>")
        if chunk.tag == SECTION:
            out.append("</div><div>")
        elif index == headline:
            out.append(f"<h1>{chunk.html}</h1>")
        elif index in menus or chunk.tag == "nav":
            out.append(f"<nav><p>{chunk.html}</p></nav>")
        else:
            out.append(f"<{chunk.tag}>{chunk.html}</{chunk.tag}>")
    out.append("</div></div>")
    # Outside the page's regions, in a box of its own: inside a region, a <header> would be read
    # as the article's own (its headline and byline), and a <div> would be a twin of the regions.
    printed = [f"<{c.tag}><p>{c.html}</p></{c.tag}>" for c in chunks if c.tag in PRINT_FURNITURE]
    return "".join(out) + (f"<footer>{''.join(printed)}</footer>" if printed else "")


def comparable(text: str) -> str:
    """Text as two headlines are compared: case, quotes and spacing ignored."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def headline_index(chunks: list[Chunk], title: str | None) -> int | None:
    """The first heading that is the page title or one side of it ("Headline | Site"), else None."""
    if not title:
        return None
    whole = comparable(title)
    sides = {whole, *(comparable(side) for side in _TITLE_SEPARATOR.split(title))}
    for index, chunk in enumerate(chunks):
        if chunk.tag != "h2":
            continue
        text = comparable(chunk.text)
        if text in sides or (len(text) >= HEADLINE_PREFIX_CHARS and whole.startswith(text)):
            return index
    return None


def link_blocks(chunks: list[Chunk]) -> set[int]:
    """The page's own blocks that are mostly link: entries of menus, related lists, tag clouds."""
    return {index for index, chunk in enumerate(chunks)
            if chunk.tag not in _FURNITURE and chunk.tag != SECTION and chunk.linked >= LINK_SHARE}

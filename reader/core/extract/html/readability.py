"""readability-lxml as one candidate: which of our blocks does it keep as the article?

readability is a black box that may fail. It is given our already-parsed tree (it copies it
before changing anything) with every block element tagged by its index, so its output maps
back to our blocks exactly instead of by fuzzy text matching.
"""

from __future__ import annotations

import copy
import functools
import logging
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from reader.core.extract import collapse_visible
from reader.core.extract.html.blocks import PageBlock

SID = "data-sift-block"
log = logging.getLogger(__name__)


@functools.cache
def tree_document_class() -> Any:
    """readability's Document reading a copy of our tree, without its own cleaning pass.

    Our parse already dropped scripts, styles, comments and hidden elements, and Sift never shows
    links, so readability's Cleaner (about 40% of its time here: a copy, a link rewrite, a walk)
    only repeats work; a plain copy keeps our tree untouched by readability's changes.
    Imported late: readability is only needed once a page is opened.
    """
    from readability import Document

    class TreeDocument(Document):
        def _parse(self, input: HtmlElement) -> HtmlElement:  # noqa: A002 (readability's name)
            return copy.deepcopy(input)

    return TreeDocument


def tag_blocks(blocks: list[PageBlock]) -> None:
    """Mark each block's element with its index (the first block of an element wins)."""
    for index, block in enumerate(blocks):
        if block.elem.get(SID) is None:
            block.elem.set(SID, str(index))


def readability_picks(root: HtmlElement, blocks: list[PageBlock]) -> set[int] | None:
    """Indices of the blocks readability keeps, or None when it fails or keeps nothing."""
    from readability.readability import Unparseable

    tag_blocks(blocks)
    try:
        summary = tree_document_class()(root).summary(html_partial=True)
        tree = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (Unparseable, lxml.etree.LxmlError, ValueError, TypeError, AssertionError) as exc:
        # readability is a black box: whatever it raises, the page is still read by our fallback
        log.info("readability found no article: %s", exc)
        return None
    kept_elements = {int(v) for v in tree.xpath(f"//@{SID}") if v.isdigit()}
    kept_text = collapse_visible(tree.text_content())
    picks = set()
    for index, block in enumerate(blocks):
        owner = block.elem.get(SID)
        if owner is None or int(owner) not in kept_elements:
            continue
        if "run" in block.flags and block.text not in kept_text:
            continue  # the container survived but this loose text inside it did not
        picks.add(index)
    return picks or None

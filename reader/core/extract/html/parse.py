"""Saved page text → one lxml tree, parsed safely and once, shared by every later stage.

The parser never touches the network and never resolves entities beyond HTML's own; libxml2's
default depth limit (no ``huge_tree``) bounds pathological nesting. Scripts, styles and hidden
elements are removed here, so nothing downstream can run or show them.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from reader.core import errors

_PARSER = lxml.html.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, remove_blank_text=False,
    huge_tree=False, recover=True, compact=True, default_doctype=False,
)
# Every element is an HtmlElement chosen in C: lxml.html's own lookup runs Python code for each
# element touched (a third of the walk's time here), only to pick form-specific subclasses
# that nothing in Sift uses.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(element=HtmlElement))
# Never shown to a reader and never story; <svg>/<math> hold drawing code, not prose.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "math", "object", "embed",
                  "iframe", "frame", "frameset", "canvas", "audio", "video", "source", "link",
                  "input", "select", "textarea", "button", "option")
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
# A cheap first cut (in C) of the elements is_hidden() then checks properly.
_MAYBE_HIDDEN = ".//*[@hidden or @style]"
# Control characters and lone surrogates are not text in HTML; libxml2 chokes on some of them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)


def parse_html(text: str, name: str = "the page") -> HtmlElement:
    """The document tree of a page; raises Malformed when nothing can be parsed."""
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses str input with a declaration
    text = _NOT_TEXT.sub("", text)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError) as exc:
        raise errors.Malformed(name, reason=exc) from None
    if root is None:
        raise errors.Malformed(name, errors.Malformed.NO_CONTENT)
    return root


def body_of(root: HtmlElement) -> HtmlElement:
    """The <body>, or the root itself when a fragment has none."""
    body = root.find("body")
    return body if body is not None else root


def strip_invisible(body: HtmlElement) -> None:
    """Remove what a browser would never show as text: code, media, hidden elements."""
    lxml.etree.strip_elements(body, *INVISIBLE_TAGS, with_tail=False)
    hidden = [el for el in body.xpath(_MAYBE_HIDDEN) if is_hidden(el)]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()
    for br in body.iter("br"):  # a line break separates words even where text is joined
        br.tail = "\n" + (br.tail or "")


def is_hidden(el: HtmlElement) -> bool:
    """True for elements the page hides: the hidden attribute or an inline display:none."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))

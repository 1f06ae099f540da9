"""Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), the JSON that
Hypothesis and other annotation tools read: a text-quote and a text-position selector on the
article, the note as a commenting body, the colour as a style class."""

from __future__ import annotations

from typing import Any

from reader.core.model import Article, Highlight

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def article_iri(article: Article, article_id: str | None = None) -> str:
    """What the annotation targets: the page's address when the file records it, else the
    library's id (or the file) as a URN, so it stays unambiguous offline."""
    if article.url:
        return article.url
    if article_id:
        return f"urn:sift:article:{article_id}"
    return article.path.resolve().as_uri()


def to_annotation(highlight: Highlight, source: str) -> dict[str, Any]:
    """One highlight as a W3C annotation."""
    body: list[dict[str, Any]] = []
    if highlight.note:
        body.append({"type": "TextualBody", "value": highlight.note, "format": "text/plain",
                     "purpose": "commenting"})
    annotation: dict[str, Any] = {
        "@context": W3C_CONTEXT,
        "id": f"urn:sift:highlight:{highlight.id}",
        "type": "Annotation",
        "motivation": "commenting" if highlight.note else "highlighting",
        "target": {
            "source": source,
            "styleClass": f"sift-{highlight.color}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": highlight.exact,
                 "prefix": highlight.prefix, "suffix": highlight.suffix},
                {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end},
            ],
        },
    }
    if body:
        annotation["body"] = body
    if highlight.created:
        annotation["created"] = highlight.created
    return annotation

"""Articles out of Sift: Markdown, standalone HTML, JSON (the CLI record plus W3C annotations),
EPUB 3 — each carrying the reader's highlights and notes. Qt-free; PDF is the GUI's (printing).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.export.text_formats import EXPORT_FORMATS, meta_line, to_html, to_json, to_markdown
from reader.core.model import Analysis, Article, Highlight

__all__ = ["EXPORT_FORMATS", "export_text", "meta_line", "to_html", "to_json", "to_markdown"]


def export_text(kind: str, article: Article, analysis: Analysis | None = None,
                highlights: Sequence[Highlight] = ()) -> str:
    """The article in one of :data:`EXPORT_FORMATS` (EPUB is bytes: see :mod:`.epub`)."""
    makers = {"markdown": to_markdown, "html": to_html, "json": to_json}
    return makers[kind](article, analysis, highlights)

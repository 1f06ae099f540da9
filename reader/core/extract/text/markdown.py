"""Inline Markdown markup → the plain text a reader sees, for .md articles.

Block markers (headings, list bullets, quotes) are read by text_blocks; this removes the
inline ones that would otherwise show as punctuation: links and images keep their text,
emphasis and code keep their words. Only applied to files saved as Markdown, where the
markup is certain; a .txt keeps every character.
"""

from __future__ import annotations

import re

from reader.core.extract import collapse

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"
                       r"|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`]+)`")


def plain_inline(text: str) -> str:
    """The text with inline Markdown markup removed and its words kept."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return collapse(text)

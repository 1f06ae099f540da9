"""Stored articles ↔ the CLI's records: packing a ``sift extract`` record into a row and back,
and the summary the ``list`` and ``search`` verbs print.

A row keeps ``text`` as a column (FTS indexes it, snippets read it) and the rest of the record
compressed; ``body`` is not stored (it is ``text`` without the title), claims are rows of their
own. :func:`unpack_record` rebuilds exactly what ``sift extract`` printed.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from reader.core.model import PARAGRAPH_SEPARATOR

# Fields of the extract record that are not in the packed blob.
UNPACKED_FIELDS = ("path", "text", "body", "claims")
# zlib level 6 is the default trade-off; 9 saved 2 % more on AEB records at twice the time.
COMPRESSION_LEVEL = 6
# The summary fields of the library contract, in its order.
SUMMARY_FIELDS = ("id", "paths", "title", "byline", "site", "url", "published", "language",
                  "words", "added", "opened", "progress", "tags", "missing")


def pack_record(record: dict[str, Any]) -> bytes:
    rest = {k: v for k, v in record.items() if k not in UNPACKED_FIELDS}
    data = json.dumps(rest, ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(data, COMPRESSION_LEVEL)


def unpack_record(blob: bytes, text: str, claims: list[dict[str, Any]] | None,
                  path: str | None) -> dict[str, Any]:
    """The extract record again; ``claims`` None for an article imported without analysis."""
    rest = json.loads(zlib.decompress(blob))
    record: dict[str, Any] = {"path": path}
    for key, value in rest.items():
        record[key] = value
        if key == "url":  # the contract's order: ... url, body, text, blocks ...
            record["body"] = body_of(text, rest.get("title"))
            record["text"] = text
    if claims is not None and "entities" in rest:
        record["claims"] = claims
    return record


def body_of(text: str, title: str | None) -> str:
    """``text`` is ``title + blank line + body`` (or the title alone, or the body alone)."""
    if not title:
        return text
    return text[len(title) + len(PARAGRAPH_SEPARATOR):] if len(text) > len(title) else ""


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class Summary:
    """One article as the library lists it (the contract's summary plus the reader's flags)."""

    id: str
    paths: tuple[str, ...]
    title: str | None
    byline: str | None
    site: str | None
    url: str | None
    published: str | None
    language: str | None
    words: int
    added: str
    opened: str | None
    progress: float
    tags: tuple[str, ...]
    missing: bool
    read: bool = False
    favourite: bool = False
    archived: bool = False
    format: str = "text"

    def record(self) -> dict[str, Any]:
        """The contract's summary object (exactly its fields)."""
        values = {name: getattr(self, name) for name in SUMMARY_FIELDS}
        values["paths"], values["tags"] = list(self.paths), list(self.tags)
        return values


@dataclass(frozen=True)
class SearchHit:
    """A search result: the article, its rank (higher is better) and a marked snippet."""

    summary: Summary
    score: float | None
    snippet: str | None

    def record(self) -> dict[str, Any]:
        return {**self.summary.record(), "score": self.score, "snippet": self.snippet}


@dataclass(frozen=True)
class StoredArticle:
    """Everything needed to show an article without re-extracting it."""

    summary: Summary
    record: dict[str, Any]  # the ``sift extract`` record (``path``: its first current path)
    highlights: list[dict[str, Any]] = field(default_factory=list)  # filled by issue 15

    def record_for_show(self) -> dict[str, Any]:
        """The ``show`` verb's object: the summary plus text, entities, claims and highlights."""
        return {**self.summary.record(), "text": self.record["text"],
                "entities": self.record.get("entities", []), "claims": self.record.get("claims", []),
                "highlights": list(self.highlights)}
